from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

import httpx

from kopmod_shared.clients import MarketplaceClient
from kopmod_shared.errors import NotFound

from ..conftest import (
    AUDIENCE,
    BASE_URL,
    count,
    make_offtaker,
    matched_proposal,
    outbox,
    soon,
    today,
)


async def signed_contract(client, actors, registry, **demand_over) -> dict:
    m = await matched_proposal(client, actors, registry, **demand_over)
    pid = m["proposal_id"]
    accepted = await client.post(
        f"/v1/proposals/{pid}/accept", headers=actors.cooperative(m["cooperative_id"])
    )
    assert accepted.status_code == 200, accepted.text
    confirmed = await client.post(
        f"/v1/proposals/{pid}/confirm",
        json={
            "milestones": [
                {"due_date": soon(20), "quantity": "1000"},
                {"due_date": soon(40), "quantity": "2000"},
            ]
        },
        headers=actors.offtaker(m["offtaker_id"]),
    )
    assert confirmed.status_code == 200, confirmed.text
    return m | {"contract": confirmed.json()}


async def test_partial_delivery_dispute_and_completion(client, actors, registry, app):
    m = await signed_contract(client, actors, registry)
    contract, offtaker, coop = m["contract"], m["offtaker_id"], m["cooperative_id"]
    cid = contract["id"]
    assert [(ms["seq"], ms["quantity"]) for ms in contract["milestones"]] == [
        (1, "1000.000"),
        (2, "2000.000"),
    ]
    first_milestone = contract["milestones"][0]["id"]

    shipped_by_coop = await client.post(
        f"/v1/contracts/{cid}/deliveries",
        json={
            "delivered_on": today().isoformat(),
            "quantity_delivered": "800",
            "quantity_accepted": "800",
        },
        headers=actors.cooperative(coop),
    )
    assert shipped_by_coop.status_code == 403

    no_reason = await client.post(
        f"/v1/contracts/{cid}/deliveries",
        json={
            "delivered_on": today().isoformat(),
            "quantity_delivered": "800",
            "quantity_accepted": "700",
        },
        headers=actors.offtaker(offtaker),
    )
    assert no_reason.status_code == 422
    assert no_reason.json()["errors"][0]["field"] == "body.rejection_reason"

    partial = await client.post(
        f"/v1/contracts/{cid}/deliveries",
        json={
            "milestone_id": first_milestone,
            "delivered_on": today().isoformat(),
            "quantity_delivered": "800",
            "quantity_accepted": "700",
            "grade_at_receipt": "mutu_4",
            "rejection_reason": "kadar air di atas 12.5%",
        },
        headers=actors.offtaker(offtaker),
    )
    assert partial.status_code == 201, partial.text
    delivery = partial.json()
    assert delivery["quantity_accepted"] == "700.000" and delivery["grade_at_receipt"] == "mutu_4"
    state = (await client.get(f"/v1/contracts/{cid}", headers=actors.cooperative(coop))).json()
    assert state["delivered_quantity"] == "800.000" and state["accepted_quantity"] == "700.000"
    assert state["milestones"][0]["status"] == "partially_delivered"
    assert state["milestones"][1]["status"] == "scheduled"
    assert state["fulfilment_rate"] == "0.2333"  # 700 / 3000, 4 decimals half-even
    recorded = await outbox(app, "marketplace.delivery.recorded")
    assert [e["data"]["quantity_accepted"] for e in recorded] == ["700.000"]
    # What the accepted part is worth rides along (financing's closed loop applies a share).
    price = Decimal(state["unit_price"])
    assert recorded[0]["data"]["unit_price"] == state["unit_price"]
    assert Decimal(recorded[0]["data"]["accepted_value"]) == (700 * price).quantize(Decimal("0.01"))
    assert recorded[0]["data"]["delivery_id"] == delivery["id"]
    assert recorded[0]["data"]["cooperative_id"] == str(coop)

    too_much = await client.post(
        f"/v1/contracts/{cid}/deliveries",
        json={
            "delivered_on": today().isoformat(),
            "quantity_delivered": "2301",
            "quantity_accepted": "2301",
        },
        headers=actors.offtaker(offtaker),
    )
    assert too_much.status_code == 422
    err = too_much.json()["errors"][0]
    assert err["field"] == "body.quantity_delivered" and err["code"] == "exceeds_contract"
    assert "2300.000 KGM remain" in err["message"]
    assert await count(app, "deliveries") == 1

    over_claim = await client.post(
        f"/v1/deliveries/{delivery['id']}/disputes",
        json={"reason": "diuji ulang: kadar air 12.1%", "claimed_quantity": "150"},
        headers=actors.cooperative(coop),
    )
    assert over_claim.status_code == 422
    assert over_claim.json()["errors"][0]["code"] == "above_rejected"
    dispute = await client.post(
        f"/v1/deliveries/{delivery['id']}/disputes",
        json={"reason": "diuji ulang: kadar air 12.1%", "claimed_quantity": "100"},
        headers=actors.cooperative(coop),
    )
    assert dispute.status_code == 201, dispute.text
    d = dispute.json()
    assert d["status"] == "open" and d["raised_by"] == "cooperative"
    twice = await client.post(
        f"/v1/deliveries/{delivery['id']}/disputes",
        json={"reason": "lagi", "claimed_quantity": "50"},
        headers=actors.cooperative(coop),
    )
    assert twice.status_code == 409
    coop_resolves = await client.post(
        f"/v1/disputes/{d['id']}/resolve",
        json={"resolution": "x", "awarded_quantity": "100"},
        headers=actors.cooperative(coop),
    )
    assert coop_resolves.status_code == 403
    resolved = await client.post(
        f"/v1/disputes/{d['id']}/resolve",
        json={
            "resolution": "uji laboratorium pihak ketiga: 60 kg diterima",
            "awarded_quantity": "60",
        },
        headers=actors.offtaker(offtaker),
    )
    assert resolved.status_code == 200, resolved.text
    assert resolved.json()["status"] == "resolved"
    assert resolved.json()["awarded_quantity"] == "60.000"
    state = (await client.get(f"/v1/contracts/{cid}", headers=actors.offtaker(offtaker))).json()
    assert state["accepted_quantity"] == "760.000"
    deliveries = (
        await client.get(f"/v1/contracts/{cid}/deliveries", headers=actors.cooperative(coop))
    ).json()["items"]
    assert deliveries[0]["quantity_accepted"] == "760.000"

    rest = await client.post(
        f"/v1/contracts/{cid}/deliveries",
        json={
            "delivered_on": today().isoformat(),
            "quantity_delivered": "2240",
            "quantity_accepted": "2240",
        },
        headers=actors.offtaker(offtaker),
    )
    assert rest.status_code == 201, rest.text
    done = (await client.get(f"/v1/contracts/{cid}", headers=actors.offtaker(offtaker))).json()
    assert done["status"] == "completed" and done["fulfilment_rate"] == "1.0000"
    assert [ms["status"] for ms in done["milestones"]] == ["delivered", "delivered"]
    assert [ms["accepted_quantity"] for ms in done["milestones"]] == ["1000.000", "2000.000"]
    # 800 delivered then 240 more; 40 kg of the first delivery stayed rejected after the award.
    assert done["milestones"][0]["delivered_quantity"] == "1040.000"
    completed = await outbox(app, "marketplace.contract.completed")
    assert [e["data"]["id"] for e in completed] == [cid]
    after = await client.post(
        f"/v1/contracts/{cid}/deliveries",
        json={
            "delivered_on": today().isoformat(),
            "quantity_delivered": "1",
            "quantity_accepted": "1",
        },
        headers=actors.offtaker(offtaker),
    )
    assert after.status_code == 409


async def test_contract_summary_for_financing_through_the_typed_client(
    client, actors, registry, app
):
    m = await signed_contract(client, actors, registry)
    cid = m["contract"]["id"]
    await client.post(
        f"/v1/contracts/{cid}/deliveries",
        json={
            "delivered_on": today().isoformat(),
            "quantity_delivered": "1000",
            "quantity_accepted": "1000",
        },
        headers=actors.offtaker(m["offtaker_id"]),
    )
    http = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        headers=actors.issuer.headers("service", audience=AUDIENCE),
    )
    async with http:
        marketplace = MarketplaceClient(BASE_URL, http)
        summary = await marketplace.contract_summary(uuid.UUID(cid))
        assert summary.status == "active"
        assert summary.cooperative_id == m["cooperative_id"]
        assert summary.offtaker_name == "PT Kopi Nusantara"
        assert summary.value == Decimal("150000000.00")
        assert summary.delivered_value == Decimal("50000000.00")
        assert summary.remaining_value == Decimal("100000000.00")
        assert summary.accepted_quantity == Decimal("1000")
        assert [s.status for s in summary.schedule] == ["delivered", "scheduled"]
        try:
            await marketplace.contract_summary(uuid.uuid4())
        except NotFound:
            pass
        else:
            raise AssertionError("an unknown contract must be NotFound")
    stranger = await client.get(
        f"/v1/contracts/{cid}/summary", headers=actors.cooperative(registry.add())
    )
    assert stranger.status_code == 404


async def test_cancelling_a_pending_contract_releases_the_quantities(client, actors, registry):
    m = await matched_proposal(client, actors, registry)
    coop = m["cooperative_id"]
    accepted = (
        await client.post(
            f"/v1/proposals/{m['proposal_id']}/accept", headers=actors.cooperative(coop)
        )
    ).json()
    offer = (
        await client.get(f"/v1/offers/{m['offer']['id']}", headers=actors.cooperative(coop))
    ).json()
    assert offer["remaining_quantity"] == "2000.000"
    cancelled = await client.post(
        f"/v1/contracts/{accepted['contract_id']}/cancel",
        json={"reason": "pembeli membatalkan"},
        headers=actors.offtaker(m["offtaker_id"]),
    )
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    offer = (
        await client.get(f"/v1/offers/{m['offer']['id']}", headers=actors.cooperative(coop))
    ).json()
    assert offer["remaining_quantity"] == "5000.000" and offer["status"] == "open"
    demand = (
        await client.get(
            f"/v1/demands/{m['demand']['id']}", headers=actors.offtaker(m["offtaker_id"])
        )
    ).json()
    assert demand["remaining_quantity"] == "3000.000" and demand["status"] == "open"
    again = await client.post(
        f"/v1/contracts/{accepted['contract_id']}/cancel",
        json={"reason": "x"},
        headers=actors.offtaker(m["offtaker_id"]),
    )
    assert again.status_code == 409


async def test_recurring_demand_spreads_the_schedule(client, actors, registry):
    m = await matched_proposal(
        client,
        actors,
        registry,
        recurrence={"kind": "schedule", "interval": "weekly", "occurrences": 3},
    )
    accepted = (
        await client.post(
            f"/v1/proposals/{m['proposal_id']}/accept",
            headers=actors.cooperative(m["cooperative_id"]),
        )
    ).json()
    contract = (
        await client.get(
            f"/v1/contracts/{accepted['contract_id']}", headers=actors.offtaker(m["offtaker_id"])
        )
    ).json()
    quantities = [ms["quantity"] for ms in contract["milestones"]]
    assert quantities == ["1000.000", "1000.000", "1000.000"]
    dues = [date.fromisoformat(ms["due_date"]) for ms in contract["milestones"]]
    assert dues[1] - dues[0] == timedelta(days=7) == dues[2] - dues[1]
    bad = await client.post(
        f"/v1/proposals/{m['proposal_id']}/confirm",
        json={"milestones": [{"due_date": soon(20), "quantity": "100"}]},
        headers=actors.offtaker(m["offtaker_id"]),
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "body.milestones"


async def test_fulfilment_per_cooperative_feeds_reliability(client, actors, registry, app):
    from sqlalchemy import text

    m = await signed_contract(client, actors, registry)
    cid, coop = m["contract"]["id"], m["cooperative_id"]
    await client.post(
        f"/v1/contracts/{cid}/deliveries",
        json={
            "delivered_on": today().isoformat(),
            "quantity_delivered": "1000",
            "quantity_accepted": "750",
            "rejection_reason": "biji pecah",
        },
        headers=actors.offtaker(m["offtaker_id"]),
    )
    # Bring the first milestone's due date into the past so it counts as due.
    async with app.state.engine.begin() as conn:
        await conn.execute(
            text("UPDATE contract_milestones SET due_date = :d WHERE contract_id = :c AND seq = 1"),
            {"d": today() - timedelta(days=1), "c": cid},
        )
    resp = await client.get(f"/v1/cooperatives/{coop}/fulfilment", headers=actors.cooperative(coop))
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["contracts"] == 1 and body["due_quantity"] == "1000.000"
    assert body["accepted_on_due"] == "750.000" and body["fulfilment_rate"] == "0.7500"
    other = await client.get(
        f"/v1/cooperatives/{coop}/fulfilment", headers=actors.cooperative(registry.add())
    )
    assert other.status_code == 404
    # The next match explains the cooperative with its measured reliability.
    offtaker = await make_offtaker(client, actors, name="PT Baru")
    from ..conftest import post_demand

    demand = await post_demand(client, actors, offtaker, quantity="1", unit="TNE")
    preview = (
        await client.get(f"/v1/demands/{demand['id']}/matches", headers=actors.offtaker(offtaker))
    ).json()
    assert preview["candidates"][0]["breakdown"]["reliability"] == 0.75
