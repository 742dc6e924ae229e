"""Restructuring follows the cooperative: registry events delivered signed to
``POST /v1/events/registry`` move open offers, open proposals and pending or active contracts to
the successor, once, in any order, with a transfer row per move."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from kopmod_shared.events import EventType
from kopmod_shared.webhooks.testing import deliver, envelope, subscribe_directly
from marketplace.models import event_subscriptions

from ..conftest import make_offtaker, match, post_demand, post_offer
from ..contracts.test_contracts import signed_contract


@pytest.fixture
async def secret(app: Any) -> str:
    return await subscribe_directly(
        app.state.engine, event_subscriptions, "registry", [EventType.COOPERATIVE_RESTRUCTURED]
    )


def restructured(
    kind: str,
    predecessors: list[Any],
    successor: Any,
    *,
    moved_assets: list[dict[str, Any]] | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    return envelope(
        "registry",
        EventType.COOPERATIVE_RESTRUCTURED,
        {
            "restructuring_id": str(uuid.uuid4()),
            "kind": kind,
            "effective_on": "2026-02-01",
            "predecessor_ids": [str(p) for p in predecessors],
            "successor_ids": [str(successor)],
            "merged_ids": [] if kind == "spin_off" else [str(p) for p in predecessors],
            "moved_assets": moved_assets or [],
            "successor_names": {str(successor): name} if name else {},
        },
        subject=successor,
    )


MEDAN = {"latitude": 3.59, "longitude": 98.67, "region_code": "12.71"}


async def far_away_proposal(client, actors, registry) -> dict[str, Any]:
    """An open proposal for another cooperative, far from the other tests' Java offers."""
    offtaker = await make_offtaker(client, actors)
    cooperative = registry.add()
    await post_offer(client, actors, registry, cooperative, location=MEDAN)
    demand = await post_demand(client, actors, offtaker, quantity="2", unit="TNE", delivery=MEDAN)
    run = await match(client, actors, offtaker, demand["id"])
    [allocation] = run["allocations"]
    return {"cooperative_id": cooperative, "proposal_id": allocation["proposal_id"]}


async def holder(client, actors, path: str) -> str:
    resp = await client.get(path, headers=actors.admin())
    assert resp.status_code == 200, resp.text
    return str(resp.json()["cooperative_id"])


async def transfers(client, actors, **params: str) -> list[dict[str, Any]]:
    resp = await client.get("/v1/cooperative-transfers", params=params, headers=actors.service())
    assert resp.status_code == 200, resp.text
    return resp.json()["items"]


async def test_a_merger_moves_offers_proposals_and_contracts_once(
    app, client, actors, registry, secret
) -> None:
    signed = await signed_contract(client, actors, registry)
    a, contract = signed["cooperative_id"], signed["contract"]
    negotiating = await far_away_proposal(client, actors, registry)
    b = negotiating["cooperative_id"]
    spare = await post_offer(client, actors, registry, b, location=MEDAN)
    successor = registry.add()

    event = restructured("merger", [a, b], successor, name="Koperasi Kopi Priangan")
    resp = await deliver(client, event, secret)
    assert resp.status_code == 204, resp.text

    assert await holder(client, actors, f"/v1/contracts/{contract['id']}") == str(successor)
    assert await holder(client, actors, f"/v1/offers/{signed['offer']['id']}") == str(successor)
    assert await holder(client, actors, f"/v1/offers/{spare['id']}") == str(successor)
    assert await holder(client, actors, f"/v1/proposals/{negotiating['proposal_id']}") == str(
        successor
    )
    # The successor now acts as the contract's party; the predecessor no longer sees it.
    mine = await client.get(
        f"/v1/contracts/{contract['id']}/summary", headers=actors.cooperative(successor)
    )
    assert mine.status_code == 200, mine.text
    assert mine.json()["value"] == contract["value"]
    assert mine.json()["cooperative_name"] == "Koperasi Kopi Priangan"
    gone = await client.get(f"/v1/contracts/{contract['id']}", headers=actors.cooperative(a))
    assert gone.status_code == 404

    moves = await transfers(client, actors, cooperative_id=str(successor))
    by_entity = {(m["entity"], m["entity_id"]): m for m in moves}
    assert ("contract", contract["id"]) in by_entity
    assert ("proposal", negotiating["proposal_id"]) in by_entity
    assert ("offer", spare["id"]) in by_entity
    assert by_entity[("contract", contract["id"])]["from_cooperative_id"] == str(a)
    assert by_entity[("offer", spare["id"])]["from_cooperative_id"] == str(b)
    # The accepted proposal behind the contract is history and stays where it was.
    assert ("proposal", signed["proposal_id"]) not in by_entity

    assert (await deliver(client, event, secret)).status_code == 204
    assert len(await transfers(client, actors, cooperative_id=str(successor))) == len(moves)


async def test_a_spin_off_moves_only_the_named_contract(
    app, client, actors, registry, secret
) -> None:
    signed = await signed_contract(client, actors, registry)
    parent, contract = signed["cooperative_id"], signed["contract"]
    child = registry.add()
    assert (
        await deliver(client, restructured("spin_off", [parent], child), secret)
    ).status_code == 204
    assert await holder(client, actors, f"/v1/contracts/{contract['id']}") == str(parent)
    assert await transfers(client, actors) == []

    naming = restructured(
        "spin_off",
        [parent],
        child,
        moved_assets=[{"service": "marketplace", "entity": "contract", "id": contract["id"]}],
    )
    assert (await deliver(client, naming, secret)).status_code == 204
    assert await holder(client, actors, f"/v1/contracts/{contract['id']}") == str(child)
    assert await holder(client, actors, f"/v1/offers/{signed['offer']['id']}") == str(parent)
    [move] = await transfers(client, actors)
    assert (move["entity"], move["kind"]) == ("contract", "spin_off")


async def test_out_of_order_events_leave_everything_with_the_final_successor(
    app, client, actors, registry, secret
) -> None:
    """A merged into B, then B and C fused into D; D hears the fusion first."""
    signed = await signed_contract(client, actors, registry)
    a, contract = signed["cooperative_id"], signed["contract"]
    b, c, d = registry.add(), registry.add(), registry.add()
    offer_b = await post_offer(client, actors, registry, b)
    merger = restructured("merger", [a], b, name="Koperasi B")
    fusion = restructured("fusion", [b, c], d, name="Koperasi D Raya")

    assert (await deliver(client, fusion, secret)).status_code == 204
    assert await holder(client, actors, f"/v1/offers/{offer_b['id']}") == str(d)
    assert (await deliver(client, merger, secret)).status_code == 204
    assert await holder(client, actors, f"/v1/contracts/{contract['id']}") == str(d)
    # The merger named only B; the contract takes the name D already goes by here.
    got = await client.get(f"/v1/contracts/{contract['id']}", headers=actors.admin())
    assert got.json()["cooperative_name"] == "Koperasi D Raya"
    [move] = await transfers(client, actors, entity_id=contract["id"])
    assert (move["from_cooperative_id"], move["to_cooperative_id"]) == (str(a), str(d))

    before = await transfers(client, actors)
    for event in (merger, fusion):
        assert (await deliver(client, event, secret)).status_code == 204
    assert await transfers(client, actors) == before
