"""The authorisation matrix of the marketplace, generated from its route table
(``kopmod_shared.testing_authz``): every id-taking route, called with the ids of the objects of
offtaker A and cooperative A, by principals bound to other organisations, is refused and leaks
nothing of A."""

from __future__ import annotations

import uuid

from kopmod_shared.testing_authz import id_routes, run_matrix

from .conftest import soon
from .contracts.test_contracts import signed_contract

# Routes every authenticated caller may read or call, with the reason.
READABLE_BY_ALL = {
    "GET /v1/commodities/{code}": "reference data (HS codes, units, grades)",
    "GET /v1/offtakers/{offtaker_id}": "an offtaker's public profile (name, kind, region)",
    "GET /v1/offers/{offer_id}": "published supply is the market: every buyer reads it",
    "GET /v1/demands/{demand_id}": "published demand is the market: every cooperative reads it",
    "GET /v1/cooperatives/{cooperative_id}/fulfilment": "delivery reliability is a public score",
    "GET /v1/cooperatives/{cooperative_id}/market-summary": "a cooperative's public market "
    "record (its counterparties read it before contracting)",
    "POST /v1/events/{source}": "service-to-service event intake; the path names the source "
    "service, not an object (role service only, refused to everyone else by role)",
}


async def test_other_organisations_are_refused_on_every_id_route(
    app, client, actors, registry
) -> None:
    m = await signed_contract(client, actors, registry)
    contract = m["contract"]
    delivery = await client.post(
        f"/v1/contracts/{contract['id']}/deliveries",
        json={
            "delivered_on": soon(0),
            "quantity_delivered": "800",
            "quantity_accepted": "700",
            "rejection_reason": "rahasia-A moisture",
        },
        headers=actors.offtaker(m["offtaker_id"]),
    )
    assert delivery.status_code == 201, delivery.text
    delivery_id = delivery.json()["id"]
    endpoint = await client.post(
        "/v1/webhooks",
        json={"url": "https://receiver.example/hook-a", "event_types": []},
        headers=actors.offtaker(m["offtaker_id"]),
    )
    assert endpoint.status_code == 201, endpoint.text
    endpoint_id = endpoint.json()["id"]

    ids = {
        "offtaker_id": m["offtaker_id"],
        "cooperative_id": str(m["cooperative_id"]),
        "demand_id": m["demand"]["id"],
        "offer_id": m["offer"]["id"],
        "run_id": m["run"]["id"],
        "proposal_id": m["proposal_id"],
        "contract_id": contract["id"],
        "delivery_id": delivery_id,
        "endpoint_id": endpoint_id,
        # No dispute is opened here: an unknown id under the same rules.
        "dispute_id": str(uuid.uuid4()),
    }
    other = uuid.uuid4()
    outsiders = {
        "cooperative of another organisation": actors.cooperative(other),
        "offtaker of another organisation": actors.offtaker(other),
        "partner without scopes": actors.partner(),
    }
    result = await run_matrix(
        client,
        app,
        ids=ids,
        outsiders=outsiders,
        allowed=READABLE_BY_ALL,
        secrets=["rahasia-A", "hook-a", "PT Kopi Nusantara", "siti@kopinusantara.co.id"],
    )
    assert result.failures == [], "\n".join(result.failures)
    assert result.calls >= (len(id_routes(app)) - len(READABLE_BY_ALL)) * len(outsiders)
