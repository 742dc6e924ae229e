"""Changing a supply offer: what is sent changes, what is committed stays committed."""

from __future__ import annotations

from ..conftest import matched_proposal, post_offer, soon


async def test_edit_an_open_offer(client, actors, registry):
    coop = registry.add()
    offer = await post_offer(client, actors, registry, coop, quantity="5", unit="TNE")
    resp = await client.patch(
        f"/v1/offers/{offer['id']}",
        json={"asking_price": "48000", "quantity": "7", "min_order": "1", "grade": "mutu_1"},
        headers=actors.cooperative(coop),
    )
    assert resp.status_code == 200, resp.text
    o = resp.json()
    assert o["asking_price"] == "48000.00" and o["grade"] == "mutu_1"
    assert o["quantity"] == "7000.000" and o["remaining_quantity"] == "7000.000"
    assert o["entered_quantity"] == "7.000" and o["entered_unit"] == "TNE"
    assert o["min_order"] == "1000.000"
    again = (await client.get(f"/v1/offers/{offer['id']}", headers=actors.cooperative(coop))).json()
    assert again == o
    bad = await client.patch(
        f"/v1/offers/{offer['id']}",
        json={"window_end": soon(1), "window_start": soon(3)},
        headers=actors.cooperative(coop),
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["code"] == "window_order"
    unknown = await client.patch(
        f"/v1/offers/{offer['id']}", json={"colour": "red"}, headers=actors.cooperative(coop)
    )
    assert unknown.status_code == 422


async def test_committed_quantity_stays(client, actors, registry):
    m = await matched_proposal(client, actors, registry)  # 5 t offered, 3 t proposed
    coop, offer_id = m["cooperative_id"], m["offer"]["id"]
    ok = await client.post(
        f"/v1/proposals/{m['proposal_id']}/accept", headers=actors.cooperative(coop)
    )
    assert ok.status_code == 200
    headers = actors.cooperative(coop)
    below = await client.patch(f"/v1/offers/{offer_id}", json={"quantity": "2"}, headers=headers)
    assert below.status_code == 422 and below.json()["errors"][0]["code"] == "below_committed"
    frozen = await client.patch(f"/v1/offers/{offer_id}", json={"grade": "mutu_1"}, headers=headers)
    assert frozen.status_code == 409
    assert frozen.json()["type"].endswith("offer-committed")
    more = await client.patch(f"/v1/offers/{offer_id}", json={"quantity": "4"}, headers=headers)
    assert more.status_code == 200, more.text
    assert more.json()["remaining_quantity"] == "1000.000"
    assert more.json()["status"] == "partially_committed"


async def test_another_cooperative_and_a_withdrawn_offer(client, actors, registry):
    coop = registry.add()
    offer = await post_offer(client, actors, registry, coop)
    other = actors.cooperative(registry.add(name="Koperasi Lain"))
    foreign = await client.patch(
        f"/v1/offers/{offer['id']}", json={"asking_price": "1"}, headers=other
    )
    assert foreign.status_code == 404
    mine = actors.cooperative(coop)
    assert (
        await client.post(f"/v1/offers/{offer['id']}/withdraw", headers=mine)
    ).status_code == 200
    late = await client.patch(
        f"/v1/offers/{offer['id']}", json={"asking_price": "45000"}, headers=mine
    )
    assert late.status_code == 409
    unchanged = (await client.get(f"/v1/offers/{offer['id']}", headers=mine)).json()
    assert unchanged["asking_price"] == "50000.00"
