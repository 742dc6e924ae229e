from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from ..conftest import (
    count,
    make_offtaker,
    match,
    matched_proposal,
    outbox,
    post_demand,
    post_offer,
)


async def test_concurrent_acceptances_never_overcommit_an_offer(client, actors, registry, app):
    cooperative = registry.add()
    offer = await post_offer(
        client, actors, registry, cooperative, quantity="1000", unit="KGM", grade="mutu_1"
    )
    proposal_ids = []
    for n in range(5):
        offtaker = await make_offtaker(client, actors, name=f"PT Pembeli {n}")
        demand = await post_demand(client, actors, offtaker, quantity="300", unit="KGM")
        run = await match(client, actors, offtaker, demand["id"])
        assert [a["offer_id"] for a in run["allocations"]] == [offer["id"]]
        proposal_ids.append(run["allocations"][0]["proposal_id"])
    # Every proposal was made against the offer's full 1000 kg; only three of 300 kg fit.
    headers = actors.cooperative(cooperative)
    answers = await asyncio.gather(
        *(client.post(f"/v1/proposals/{pid}/accept", headers=headers) for pid in proposal_ids)
    )
    statuses = sorted(r.status_code for r in answers)
    assert statuses == [200, 200, 200, 409, 409], [r.text for r in answers]
    for r in answers:
        if r.status_code == 409:
            assert r.json()["type"].endswith("insufficient-quantity")
            assert r.json()["available"] == "100.000"
        else:
            assert r.json()["status"] == "accepted" and r.json()["contract_id"]
    stored = (await client.get(f"/v1/offers/{offer['id']}", headers=headers)).json()
    assert stored["remaining_quantity"] == "100.000"
    assert stored["status"] == "partially_committed"
    assert await count(app, "contracts") == 3
    async with app.state.engine.connect() as conn:
        committed = (await conn.execute(text("SELECT sum(quantity) FROM contracts"))).scalar()
    assert committed == 900
    assert len(await outbox(app, "marketplace.proposal.accepted")) == 3


async def test_counters_alternate_turns_then_offtaker_confirms(client, actors, registry, app):
    m = await matched_proposal(client, actors, registry)
    pid, coop, offtaker = m["proposal_id"], m["cooperative_id"], m["offtaker_id"]
    proposal = (await client.get(f"/v1/proposals/{pid}", headers=actors.cooperative(coop))).json()
    assert proposal["status"] == "proposed" and proposal["turn"] == "cooperative"
    assert proposal["quantity"] == "3000.000" and proposal["unit_price"] == "50000.00"

    out_of_turn = await client.post(
        f"/v1/proposals/{pid}/accept", headers=actors.offtaker(offtaker)
    )
    assert out_of_turn.status_code == 409
    assert out_of_turn.json()["type"].endswith("not-your-turn")

    countered = await client.post(
        f"/v1/proposals/{pid}/counter",
        json={"unit_price": "53000", "quantity": "2500", "note": "harga pupuk naik"},
        headers=actors.cooperative(coop),
    )
    assert countered.status_code == 200, countered.text
    body = countered.json()
    assert body["status"] == "countered" and body["turn"] == "offtaker" and body["round"] == 2
    assert body["unit_price"] == "53000.00" and body["quantity"] == "2500.000"
    again = await client.post(f"/v1/proposals/{pid}/accept", headers=actors.cooperative(coop))
    assert again.status_code == 409 and again.json()["turn"] == "offtaker"

    back = await client.post(
        f"/v1/proposals/{pid}/counter",
        json={"unit_price": "51500"},
        headers=actors.offtaker(offtaker),
    )
    assert back.json()["turn"] == "cooperative" and back.json()["round"] == 3
    accepted = await client.post(f"/v1/proposals/{pid}/accept", headers=actors.cooperative(coop))
    assert accepted.status_code == 200, accepted.text
    body = accepted.json()
    assert body["status"] == "accepted" and body["turn"] is None
    assert [(h["actor"], h["action"]) for h in body["history"]] == [
        ("platform", "proposed"),
        ("cooperative", "countered"),
        ("offtaker", "countered"),
        ("cooperative", "accepted"),
    ]
    demand = (
        await client.get(f"/v1/demands/{m['demand']['id']}", headers=actors.offtaker(offtaker))
    ).json()
    assert demand["remaining_quantity"] == "500.000" and demand["status"] == "partially_allocated"

    contract = (
        await client.get(f"/v1/contracts/{body['contract_id']}", headers=actors.offtaker(offtaker))
    ).json()
    assert contract["status"] == "pending" and contract["value"] == "128750000.00"
    assert await outbox(app, "marketplace.contract.signed") == []

    not_coop = await client.post(f"/v1/proposals/{pid}/confirm", headers=actors.cooperative(coop))
    assert not_coop.status_code == 409
    confirmed = await client.post(f"/v1/proposals/{pid}/confirm", headers=actors.offtaker(offtaker))
    assert confirmed.status_code == 200, confirmed.text
    contract = confirmed.json()
    assert contract["status"] == "active" and contract["signed_at"]
    assert contract["quantity"] == "2500.000" and contract["unit_price"] == "51500.00"
    assert contract["price_terms"]["type"] == "range"
    assert contract["incoterm"] == "DAP"
    assert [ms["quantity"] for ms in contract["milestones"]] == ["2500.000"]
    signed = await outbox(app, "marketplace.contract.signed")
    assert [e["data"]["id"] for e in signed] == [contract["id"]]
    assert signed[0]["data"]["value"] == "128750000.00"


async def test_expired_proposal_cannot_be_accepted_and_nothing_is_written(
    client, actors, registry, app
):
    m = await matched_proposal(client, actors, registry)
    pid, coop = m["proposal_id"], m["cooperative_id"]
    async with app.state.engine.begin() as conn:
        await conn.execute(
            text("UPDATE proposals SET expires_at = :t WHERE id = :id"),
            {"t": datetime.now(UTC) - timedelta(minutes=1), "id": pid},
        )
    resp = await client.post(f"/v1/proposals/{pid}/accept", headers=actors.cooperative(coop))
    assert resp.status_code == 409
    assert resp.json()["type"] == "https://kopmod.dev/problems/proposal-expired"
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert await count(app, "contracts") == 0
    offer = (
        await client.get(f"/v1/offers/{m['offer']['id']}", headers=actors.cooperative(coop))
    ).json()
    assert offer["remaining_quantity"] == "5000.000" and offer["status"] == "open"
    shown = (await client.get(f"/v1/proposals/{pid}", headers=actors.cooperative(coop))).json()
    assert shown["status"] == "expired" and shown["turn"] is None
    counter = await client.post(
        f"/v1/proposals/{pid}/counter", json={"unit_price": "1"}, headers=actors.cooperative(coop)
    )
    assert counter.status_code == 409
    # A new match makes a fresh proposal instead of reusing the expired one.
    rerun = await match(client, actors, m["offtaker_id"], m["demand"]["id"])
    assert rerun["allocations"][0]["proposal_id"] != pid


async def test_counter_must_respect_lots_and_what_is_left(client, actors, registry):
    m = await matched_proposal(client, actors, registry, min_lot="1")
    pid, coop = m["proposal_id"], m["cooperative_id"]
    small = await client.post(
        f"/v1/proposals/{pid}/counter", json={"quantity": "500"}, headers=actors.cooperative(coop)
    )
    assert small.status_code == 422
    assert small.json()["errors"][0] == {
        "field": "body.quantity",
        "code": "below_minimum_lot",
        "message": "below the minimum lot / minimum order of 1000.000 KGM",
    }
    big = await client.post(
        f"/v1/proposals/{pid}/counter", json={"quantity": "4000"}, headers=actors.cooperative(coop)
    )
    assert big.status_code == 422 and big.json()["errors"][0]["code"] == "above_remaining"
    empty = await client.post(
        f"/v1/proposals/{pid}/counter", json={}, headers=actors.cooperative(coop)
    )
    assert empty.status_code == 422


async def test_reject_ends_the_negotiation(client, actors, registry):
    m = await matched_proposal(client, actors, registry)
    pid, coop = m["proposal_id"], m["cooperative_id"]
    resp = await client.post(
        f"/v1/proposals/{pid}/reject",
        json={"note": "sudah terjual"},
        headers=actors.cooperative(coop),
    )
    assert resp.status_code == 200 and resp.json()["status"] == "rejected"
    late = await client.post(f"/v1/proposals/{pid}/accept", headers=actors.cooperative(coop))
    assert late.status_code == 409 and late.json()["current_state"] == "rejected"


async def test_foreign_principals_see_nothing_of_a_proposal(client, actors, registry):
    m = await matched_proposal(client, actors, registry)
    pid = m["proposal_id"]
    stranger_coop = actors.cooperative(registry.add(name="Koperasi Lain"))
    stranger_offtaker = actors.offtaker(await make_offtaker(client, actors, name="PT Lain"))
    for headers in (stranger_coop, stranger_offtaker):
        assert (await client.get(f"/v1/proposals/{pid}", headers=headers)).status_code == 404
        moved = await client.post(f"/v1/proposals/{pid}/accept", headers=headers)
        assert moved.status_code == 404
        assert (await client.get("/v1/proposals", headers=headers)).json()["items"] == []
        contract_list = (await client.get("/v1/contracts", headers=headers)).json()
        assert contract_list["items"] == []
    assert (await client.get("/v1/proposals")).status_code == 401
    assert (await client.get("/v1/proposals", headers=actors.partner())).status_code == 403
    reader = await client.get("/v1/proposals", headers=actors.partner("marketplace:read"))
    assert [p["id"] for p in reader.json()["items"]] == [pid]


async def test_acceptance_replays_with_the_same_idempotency_key(client, actors, registry, app):
    m = await matched_proposal(client, actors, registry)
    headers = actors.cooperative(m["cooperative_id"]) | {"Idempotency-Key": "accept-1"}
    first = await client.post(f"/v1/proposals/{m['proposal_id']}/accept", headers=headers)
    second = await client.post(f"/v1/proposals/{m['proposal_id']}/accept", headers=headers)
    assert first.status_code == second.status_code == 200
    assert second.headers["idempotent-replayed"] == "true"
    assert second.json() == first.json()
    assert await count(app, "contracts") == 1
    offer = (await client.get(f"/v1/offers/{m['offer']['id']}", headers=headers)).json()
    assert offer["remaining_quantity"] == "2000.000"
