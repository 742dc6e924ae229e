"""Following disputes: a party's list, one dispute with its delivery and history, and nothing of
another organisation's."""

from __future__ import annotations

from ..conftest import make_offtaker, today
from .test_contracts import signed_contract


async def _disputed(client, actors, registry) -> dict:
    m = await signed_contract(client, actors, registry)
    cid, coop, offtaker = m["contract"]["id"], m["cooperative_id"], m["offtaker_id"]
    delivery = (
        await client.post(
            f"/v1/contracts/{cid}/deliveries",
            json={
                "delivered_on": today().isoformat(),
                "quantity_delivered": "800",
                "quantity_accepted": "700",
                "rejection_reason": "kadar air di atas 12.5%",
            },
            headers=actors.offtaker(offtaker),
        )
    ).json()
    dispute = await client.post(
        f"/v1/deliveries/{delivery['id']}/disputes",
        json={"reason": "diuji ulang: 12.1%", "claimed_quantity": "100"},
        headers=actors.cooperative(coop),
    )
    assert dispute.status_code == 201, dispute.text
    return m | {"delivery": delivery, "dispute": dispute.json()}


async def test_a_party_follows_its_dispute_to_the_settlement(client, actors, registry):
    m = await _disputed(client, actors, registry)
    did, coop, offtaker = m["dispute"]["id"], m["cooperative_id"], m["offtaker_id"]
    for headers in (actors.cooperative(coop), actors.offtaker(offtaker)):
        page = (await client.get("/v1/disputes", headers=headers)).json()
        [item] = page["items"]
        assert item["id"] == did and item["status"] == "open"
        assert item["offtaker_name"] == "PT Kopi Nusantara"
        assert item["cooperative_name"] == "Koperasi Produsen Kopi Gayo"
        assert item["commodity_code"] == "coffee_green" and item["base_unit"] == "KGM"
    detail = (await client.get(f"/v1/disputes/{did}", headers=actors.cooperative(coop))).json()
    assert detail["delivery"]["quantity_delivered"] == "800.000"
    assert detail["delivery"]["rejection_reason"] == "kadar air di atas 12.5%"
    assert [(h["actor"], h["action"], h["quantity"]) for h in detail["history"]] == [
        ("offtaker", "delivered", "800.000"),
        ("cooperative", "raised", "100.000"),
    ]
    conceded = await client.post(
        f"/v1/disputes/{did}/resolve",
        json={"resolution": "uji ulang diterima", "awarded_quantity": "100"},
        headers=actors.offtaker(offtaker),
    )
    assert conceded.status_code == 200, conceded.text
    detail = (await client.get(f"/v1/disputes/{did}", headers=actors.offtaker(offtaker))).json()
    assert detail["status"] == "resolved" and detail["awarded_quantity"] == "100.000"
    assert detail["history"][-1] == detail["history"][-1] | {
        "actor": "offtaker",
        "action": "resolved",
        "quantity": "100.000",
        "note": "uji ulang diterima",
    }
    open_only = await client.get(
        "/v1/disputes", params={"status": "open"}, headers=actors.offtaker(offtaker)
    )
    assert open_only.json()["items"] == []
    resolved = await client.get(
        "/v1/disputes", params={"status": "resolved"}, headers=actors.offtaker(offtaker)
    )
    assert [d["id"] for d in resolved.json()["items"]] == [did]


async def test_mediator_settlement_is_named_so(client, actors, registry):
    m = await _disputed(client, actors, registry)
    did = m["dispute"]["id"]
    settled = await client.post(
        f"/v1/disputes/{did}/resolve",
        json={"resolution": "penolakan sah", "awarded_quantity": "0"},
        headers=actors.admin(),
    )
    assert settled.status_code == 200, settled.text
    detail = (await client.get(f"/v1/disputes/{did}", headers=actors.admin())).json()
    assert detail["history"][-1]["actor"] == "mediator"


async def test_another_organisation_gets_404_and_an_empty_list(client, actors, registry):
    m = await _disputed(client, actors, registry)
    did = m["dispute"]["id"]
    other_offtaker = actors.offtaker(await make_offtaker(client, actors, name="PT Lain"))
    other_coop = actors.cooperative(registry.add(name="Koperasi Lain"))
    for headers in (other_offtaker, other_coop):
        resp = await client.get(f"/v1/disputes/{did}", headers=headers)
        assert resp.status_code == 404
        assert "kadar air" not in resp.text and "Kopi Nusantara" not in resp.text
        assert (await client.get("/v1/disputes", headers=headers)).json()["items"] == []
