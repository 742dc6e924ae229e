"""Market summaries through HTTP: what a cooperative sold, to whom, how well it delivered."""

from __future__ import annotations

import uuid
from decimal import Decimal

import httpx

from kopmod_shared.clients import MarketplaceClient

from ..conftest import (
    AUDIENCE,
    BASE_URL,
    make_offtaker,
    match,
    post_demand,
    post_offer,
    soon,
    today,
)


async def _contract(client, actors, offtaker_id, demand_id, milestones):  # type: ignore[no-untyped-def]
    run = await match(client, actors, offtaker_id, demand_id)
    assert len(run["allocations"]) == 1, run
    pid = run["allocations"][0]["proposal_id"]
    coop = run["allocations"][0]["cooperative_id"]
    accepted = await client.post(f"/v1/proposals/{pid}/accept", headers=actors.cooperative(coop))
    assert accepted.status_code == 200, accepted.text
    confirmed = await client.post(
        f"/v1/proposals/{pid}/confirm",
        json={"milestones": milestones},
        headers=actors.offtaker(offtaker_id),
    )
    assert confirmed.status_code == 200, confirmed.text
    return confirmed.json()


async def _two_markets(client, actors, registry):  # type: ignore[no-untyped-def]
    """One cooperative: a domestic contract (3 t, 1 t due today, 800 kg accepted) with a
    processor and an export contract (2 t, due later) with an exporter."""
    coop = registry.add()
    await post_offer(client, actors, registry, coop, quantity="5", unit="TNE")
    processor = await make_offtaker(client, actors)
    exporter = await make_offtaker(client, actors, name="PT Ekspor Kopi", kind="exporter")
    domestic = await post_demand(client, actors, processor, quantity="3", unit="TNE")
    contract = await _contract(
        client,
        actors,
        processor,
        domestic["id"],
        [
            {"due_date": today().isoformat(), "quantity": "1000"},
            {"due_date": soon(40), "quantity": "2000"},
        ],
    )
    delivered = await client.post(
        f"/v1/contracts/{contract['id']}/deliveries",
        json={
            "milestone_id": contract["milestones"][0]["id"],
            "delivered_on": today().isoformat(),
            "quantity_delivered": "800",
            "quantity_accepted": "800",
        },
        headers=actors.offtaker(processor),
    )
    assert delivered.status_code == 201, delivered.text
    export = await post_demand(
        client,
        actors,
        exporter,
        quantity="2",
        unit="TNE",
        market="export",
        incoterm="FOB",
        incoterm_place="Tanjung Priok",
    )
    export_contract = await _contract(
        client, actors, exporter, export["id"], [{"due_date": soon(30), "quantity": "2000"}]
    )
    return coop, contract, export_contract, processor, exporter


async def test_summary_of_a_cooperative_with_domestic_and_export_contracts(
    client, actors, registry
) -> None:
    coop, contract, export_contract, _, _ = await _two_markets(client, actors, registry)
    resp = await client.get(f"/v1/cooperatives/{coop}/market-summary", headers=actors.service())
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["cooperative_id"] == str(coop) and body["as_of"] == today().isoformat()
    assert body["contracts_total"] == 2 and body["contracts_by_status"] == {"active": 2}
    assert body["signed_contracts"] == 2 and body["active_contracts"] == 2
    assert (body["domestic_contracts"], body["export_contracts"]) == (1, 1)
    assert (body["distinct_offtakers"], body["active_offtakers"]) == (2, 2)
    value = float(contract["value"]) + float(export_contract["value"])
    assert float(body["contracted_value"]) == value
    assert body["active_contracted_value"] == body["contracted_value"]
    assert float(body["delivered_value"]) == 800 * float(contract["unit_price"])
    assert body["fulfilment_rate"] == "0.8000"  # 800 accepted of the 1000 due today
    assert body["commodities"] == ["coffee_green"]
    # Technology adoption: one offer posted and one delivery recorded this year.
    assert (body["offers_recent"], body["deliveries_recent"]) == (1, 1)
    assert body["webhook_endpoints"] == 0
    subscribed = await client.post(
        "/v1/webhooks",
        json={"url": "https://hooks.koperasi.test/kopmod", "event_types": []},
        headers=actors.cooperative(coop),
    )
    assert subscribed.status_code == 201, subscribed.text
    again = await client.get(f"/v1/cooperatives/{coop}/market-summary", headers=actors.service())
    assert again.json()["webhook_endpoints"] == 1


async def test_who_reads_a_market_summary(client, actors, registry) -> None:
    coop, *_ = await _two_markets(client, actors, registry)
    url = f"/v1/cooperatives/{coop}/market-summary"
    for headers in (
        actors.cooperative(coop),
        actors.admin(),
        actors.partner("marketplace:read"),
        actors.issuer.headers("ministry", audience="kopmod-marketplace"),
    ):
        resp = await client.get(url, headers=headers)
        assert resp.status_code == 200, resp.text
        assert resp.json()["signed_contracts"] == 2
    other = await client.get(url, headers=actors.cooperative(uuid.uuid4()))
    assert other.status_code == 404 and "signed_contracts" not in other.json()
    assert other.headers["content-type"].startswith("application/problem+json")
    assert (await client.get(url, headers=actors.partner())).status_code == 403
    assert (await client.get(url, headers=actors.offtaker(uuid.uuid4()))).status_code == 403
    assert (await client.get(url)).status_code == 401
    bulk = await client.get(
        "/v1/market-summaries",
        params={"cooperative_id": str(coop)},
        headers=actors.cooperative(coop),
    )
    assert bulk.status_code == 403


async def test_bulk_by_ids_and_paginated_list(client, actors, registry) -> None:
    coop, *_ = await _two_markets(client, actors, registry)
    nobody = uuid.uuid4()
    resp = await client.get(
        "/v1/market-summaries",
        params=[("cooperative_id", str(nobody)), ("cooperative_id", str(coop))],
        headers=actors.service(),
    )
    assert resp.status_code == 200, resp.text
    items = resp.json()["items"]
    assert [i["cooperative_id"] for i in items] == [str(nobody), str(coop)]
    assert items[0]["contracts_total"] == 0 and items[0]["fulfilment_rate"] is None
    assert items[0]["contracted_value"] == "0.00" and items[0]["commodities"] == []
    assert items[1]["export_contracts"] == 1

    too_many = await client.get(
        "/v1/market-summaries",
        params=[("cooperative_id", str(uuid.uuid4())) for _ in range(101)],
        headers=actors.service(),
    )
    assert too_many.status_code == 422
    assert too_many.json()["errors"][0]["field"] == "query.cooperative_id"

    page = (
        await client.get("/v1/market-summaries", params={"limit": 1}, headers=actors.service())
    ).json()
    assert [i["cooperative_id"] for i in page["items"]] == [str(coop)]
    assert page["next_cursor"] is None


async def test_the_shared_client_reads_the_summaries(app, client, actors, registry) -> None:
    coop, *_ = await _two_markets(client, actors, registry)
    other = registry.add()
    http = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        headers=actors.issuer.headers("service", audience=AUDIENCE),
    )
    async with http:
        marketplace = MarketplaceClient(BASE_URL, http)
        one = await marketplace.market_summary(coop)
        assert (one.domestic_contracts, one.export_contracts) == (1, 1)
        assert one.fulfilment_rate == Decimal("0.8")
        many = await marketplace.market_summaries([other, coop])
        assert [m.cooperative_id for m in many] == [other, coop]
        assert many[0].signed_contracts == 0 and many[1] == one
        every = [m async for m in marketplace.all_market_summaries(limit=1)]
        assert [m.cooperative_id for m in every] == [coop]
