"""Deliveries in two steps: the cooperative gives notice, the offtaker accepts (all or part) or
rejects with the reason; the closed loop hears of what was accepted."""

from __future__ import annotations

from decimal import Decimal

from ..conftest import count, make_offtaker, outbox, today
from .test_contracts import signed_contract


async def test_notice_then_acceptance_counts_and_tells_financing(client, actors, registry, app):
    m = await signed_contract(client, actors, registry)
    cid, coop, offtaker = m["contract"]["id"], m["cooperative_id"], m["offtaker_id"]
    as_coop, as_offtaker = actors.cooperative(coop), actors.offtaker(offtaker)

    by_offtaker = await client.post(
        f"/v1/contracts/{cid}/delivery-notices",
        json={"delivered_on": today().isoformat(), "quantity_delivered": "1000"},
        headers=as_offtaker,
    )
    assert by_offtaker.status_code == 403
    notice = await client.post(
        f"/v1/contracts/{cid}/delivery-notices",
        json={
            "delivered_on": today().isoformat(),
            "quantity_delivered": "1000",
            "note": "truk D 1234 AB",
        },
        headers=as_coop,
    )
    assert notice.status_code == 201, notice.text
    d = notice.json()
    assert d["status"] == "notified" and d["quantity_accepted"] == "0.000"
    assert d["note"] == "truk D 1234 AB" and d["decided_at"] is None
    assert notice.headers["location"] == f"/v1/deliveries/{d['id']}"
    [announced] = await outbox(app, "marketplace.delivery.notified")
    assert announced["data"]["delivery_id"] == d["id"]
    assert announced["data"]["quantity_delivered"] == "1000.000"
    # Nothing counts yet, and no money moves.
    state = (await client.get(f"/v1/contracts/{cid}", headers=as_coop)).json()
    assert state["accepted_quantity"] == "0.000" and state["delivered_quantity"] == "0.000"
    assert await outbox(app, "marketplace.delivery.recorded") == []
    # The notice holds its quantity: 3000 contracted, 1000 noticed, so 2001 more is too much.
    too_much = await client.post(
        f"/v1/contracts/{cid}/delivery-notices",
        json={"delivered_on": today().isoformat(), "quantity_delivered": "2001"},
        headers=as_coop,
    )
    assert too_much.status_code == 422
    assert too_much.json()["errors"][0]["code"] == "exceeds_contract"

    waiting = await client.get("/v1/deliveries", params={"status": "notified"}, headers=as_offtaker)
    assert [x["id"] for x in waiting.json()["items"]] == [d["id"]]

    coop_accepts = await client.post(f"/v1/deliveries/{d['id']}/accept", headers=as_coop)
    assert coop_accepts.status_code == 403
    accepted = await client.post(
        f"/v1/deliveries/{d['id']}/accept",
        json={"grade_at_receipt": "mutu_2"},
        headers=as_offtaker,
    )
    assert accepted.status_code == 200, accepted.text
    a = accepted.json()
    assert a["status"] == "received" and a["quantity_accepted"] == "1000.000"
    assert a["decided_at"] is not None and a["recorded_by"] != a["received_by"]
    state = (await client.get(f"/v1/contracts/{cid}", headers=as_coop)).json()
    assert state["accepted_quantity"] == "1000.000"
    assert state["milestones"][0]["status"] == "delivered"
    [recorded] = await outbox(app, "marketplace.delivery.recorded")
    assert recorded["data"]["delivery_id"] == d["id"]
    price = Decimal(state["unit_price"])
    assert Decimal(recorded["data"]["accepted_value"]) == (1000 * price).quantize(Decimal("0.01"))

    again = await client.post(f"/v1/deliveries/{d['id']}/accept", headers=as_offtaker)
    assert again.status_code == 409
    assert len(await outbox(app, "marketplace.delivery.recorded")) == 1


async def test_rejection_needs_a_reason_and_may_be_disputed(client, actors, registry, app):
    m = await signed_contract(client, actors, registry)
    cid, coop, offtaker = m["contract"]["id"], m["cooperative_id"], m["offtaker_id"]
    as_coop, as_offtaker = actors.cooperative(coop), actors.offtaker(offtaker)
    d = (
        await client.post(
            f"/v1/contracts/{cid}/delivery-notices",
            json={"delivered_on": today().isoformat(), "quantity_delivered": "500"},
            headers=as_coop,
        )
    ).json()
    early = await client.post(
        f"/v1/deliveries/{d['id']}/disputes",
        json={"reason": "belum dijawab", "claimed_quantity": "500"},
        headers=as_coop,
    )
    assert early.status_code == 409  # nothing to dispute before the offtaker answers
    part = await client.post(
        f"/v1/deliveries/{d['id']}/accept",
        json={"quantity_accepted": "400"},
        headers=as_offtaker,
    )
    assert part.status_code == 422
    assert part.json()["errors"][0]["field"] == "body.rejection_reason"
    no_reason = await client.post(f"/v1/deliveries/{d['id']}/reject", json={}, headers=as_offtaker)
    assert no_reason.status_code == 422
    rejected = await client.post(
        f"/v1/deliveries/{d['id']}/reject",
        json={"rejection_reason": "kadar air 14%", "grade_at_receipt": "mutu_5"},
        headers=as_offtaker,
    )
    assert rejected.status_code == 200, rejected.text
    r = rejected.json()
    assert r["status"] == "rejected" and r["quantity_accepted"] == "0.000"
    assert r["rejection_reason"] == "kadar air 14%"
    state = (await client.get(f"/v1/contracts/{cid}", headers=as_coop)).json()
    assert state["delivered_quantity"] == "500.000" and state["accepted_quantity"] == "0.000"
    [recorded] = await outbox(app, "marketplace.delivery.recorded")
    assert recorded["data"]["accepted_value"] == "0.00"
    dispute = await client.post(
        f"/v1/deliveries/{d['id']}/disputes",
        json={"reason": "uji ulang 12%", "claimed_quantity": "500"},
        headers=as_coop,
    )
    assert dispute.status_code == 201, dispute.text


async def test_another_organisation_sees_no_delivery(client, actors, registry, app):
    m = await signed_contract(client, actors, registry)
    cid, coop = m["contract"]["id"], m["cooperative_id"]
    d = (
        await client.post(
            f"/v1/contracts/{cid}/delivery-notices",
            json={"delivered_on": today().isoformat(), "quantity_delivered": "500"},
            headers=actors.cooperative(coop),
        )
    ).json()
    other_offtaker = actors.offtaker(await make_offtaker(client, actors, name="PT Lain"))
    other_coop = actors.cooperative(registry.add(name="Koperasi Lain"))
    for headers in (other_offtaker, other_coop):
        read = await client.get(f"/v1/deliveries/{d['id']}", headers=headers)
        assert read.status_code == 404 and "500.000" not in read.text
        listed = await client.get("/v1/deliveries", headers=headers)
        assert listed.json()["items"] == []
        accept = await client.post(f"/v1/deliveries/{d['id']}/accept", headers=headers)
        assert accept.status_code == 404
        notice = await client.post(
            f"/v1/contracts/{cid}/delivery-notices",
            json={"delivered_on": today().isoformat(), "quantity_delivered": "1"},
            headers=headers,
        )
        assert notice.status_code == 404
    assert await count(app, "deliveries") == 1
    mine = await client.get(f"/v1/deliveries/{d['id']}", headers=actors.cooperative(coop))
    assert mine.status_code == 200 and mine.json()["status"] == "notified"
