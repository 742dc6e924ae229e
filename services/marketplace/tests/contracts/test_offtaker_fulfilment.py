"""An offtaker's suppliers, each with what it delivered: decimal strings, own records only."""

from __future__ import annotations

from datetime import timedelta

from ..conftest import make_offtaker, today
from .test_contracts import signed_contract


async def test_fulfilment_per_cooperative(client, actors, registry, app):
    m = await signed_contract(client, actors, registry)
    cid, offtaker = m["contract"]["id"], m["offtaker_id"]
    # Nothing is due yet (milestones in 20 and 40 days): no rate, quantities as contracted.
    body = (
        await client.get(f"/v1/offtakers/{offtaker}/fulfilment", headers=actors.offtaker(offtaker))
    ).json()
    [line] = body["cooperatives"]
    assert line["cooperative_name"] == "Koperasi Produsen Kopi Gayo"
    assert line["contracts"] == 1 and line["active_contracts"] == 1
    assert line["contracted_quantity"] == "3000.000" and line["due_quantity"] == "0.000"
    assert line["fulfilment_rate"] is None
    delivered = await client.post(
        f"/v1/contracts/{cid}/deliveries",
        json={
            "delivered_on": today().isoformat(),
            "quantity_delivered": "1000",
            "quantity_accepted": "600",
            "rejection_reason": "basah",
        },
        headers=actors.offtaker(offtaker),
    )
    assert delivered.status_code == 201
    # Bring the first milestone due: 1000 due, 600 accepted against it.
    from sqlalchemy import text

    async with app.state.engine.begin() as conn:
        await conn.execute(
            text("UPDATE contract_milestones SET due_date = :d WHERE seq = 1"),
            {"d": today() - timedelta(days=1)},
        )
    body = (
        await client.get(f"/v1/offtakers/{offtaker}/fulfilment", headers=actors.offtaker(offtaker))
    ).json()
    [line] = body["cooperatives"]
    assert line["due_quantity"] == "1000.000" and line["accepted_on_due"] == "600.000"
    assert line["accepted_quantity"] == "600.000"
    assert line["fulfilment_rate"] == "0.6000"  # a decimal string, never a float
    price = m["contract"]["unit_price"]
    assert line["accepted_value"] == f"{600 * float(price):.2f}"
    assert line["contracted_value"] == m["contract"]["value"]
    assert body["as_of"] == today().isoformat()


async def test_another_offtaker_or_a_cooperative_gets_404(client, actors, registry):
    m = await signed_contract(client, actors, registry)
    offtaker = m["offtaker_id"]
    other = await make_offtaker(client, actors, name="PT Lain")
    path = f"/v1/offtakers/{offtaker}/fulfilment"
    foreign = await client.get(path, headers=actors.offtaker(other))
    assert foreign.status_code == 404 and "Koperasi" not in foreign.text
    own_of_other = await client.get(
        f"/v1/offtakers/{other}/fulfilment", headers=actors.offtaker(other)
    )
    assert own_of_other.json()["cooperatives"] == []
    coop = await client.get(path, headers=actors.cooperative(m["cooperative_id"]))
    assert coop.status_code == 404
