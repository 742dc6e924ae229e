from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import text

from ..conftest import offer_body, post_offer, soon, today


async def _count(app, table: str) -> int:
    async with app.state.engine.connect() as conn:
        return (await conn.execute(text(f"SELECT count(*) FROM {table}"))).scalar()


async def test_offer_defaults_to_the_cooperatives_registry_location(client, actors, registry):
    coop = registry.add(latitude=-7.25, longitude=112.75, region_code="35.78")
    body = offer_body(
        location=None,
        min_order="1",
        order_multiple="0.5",
        certifications=[
            {
                "scheme": "organic",
                "number": "ORG-1",
                "issuer": "LSO",
                "valid_from": "2025-01-01",
                "valid_to": soon(365),
            }
        ],
    )
    resp = await client.post("/v1/offers", json=body, headers=actors.cooperative(coop))
    assert resp.status_code == 201, resp.text
    offer = resp.json()
    assert offer["cooperative_id"] == str(coop)
    assert offer["cooperative_name"] == "Koperasi Produsen Kopi Gayo"
    assert offer["location"] == {
        "latitude": -7.25,
        "longitude": 112.75,
        "region_code": "35.78",
        "place_name": None,
    }
    assert offer["location_source"] == "registry"
    assert offer["quantity"] == "5000.000" and offer["min_order"] == "1000.000"
    assert offer["order_multiple"] == "500.000"
    assert offer["certifications"][0]["scheme"] == "organic"
    assert offer["status"] == "open"


async def test_registry_down_is_a_503_and_nothing_is_written(client, actors, registry, app):
    coop = registry.add()
    for mode in ("down", "503"):
        registry.mode = mode
        resp = await client.post("/v1/offers", json=offer_body(), headers=actors.cooperative(coop))
        assert resp.status_code == 503, resp.text
        problem = resp.json()
        assert problem["type"] == "https://kopmod.dev/problems/upstream-unavailable"
        assert "registry" in problem["detail"]
        assert await _count(app, "supply_offers") == 0
    registry.mode = "up"
    ok = await client.post("/v1/offers", json=offer_body(), headers=actors.cooperative(coop))
    assert ok.status_code == 201


async def test_unknown_or_inactive_cooperative_is_refused(client, actors, registry, app):
    unknown = await client.post(
        "/v1/offers", json=offer_body(), headers=actors.cooperative(uuid.uuid4())
    )
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "body.cooperative_id"
    inactive = registry.add(status="inactive")
    resp = await client.post("/v1/offers", json=offer_body(), headers=actors.cooperative(inactive))
    assert resp.status_code == 422
    assert resp.json()["type"].endswith("business-rule")
    assert "inactive" in resp.json()["detail"]
    assert await _count(app, "supply_offers") == 0


async def test_expired_certificate_presented_as_valid_is_refused(client, actors, registry, app):
    coop = registry.add()
    expired = (today() - timedelta(days=1)).isoformat()
    body = offer_body(
        certifications=[
            {
                "scheme": "halal",
                "number": "ID-1",
                "issuer": "BPJPH",
                "valid_from": "2024-01-01",
                "valid_to": soon(100),
            },
            {
                "scheme": "organic",
                "number": "ORG-9",
                "issuer": "LSO",
                "valid_from": "2023-01-01",
                "valid_to": expired,
            },
        ]
    )
    resp = await client.post("/v1/offers", json=body, headers=actors.cooperative(coop))
    assert resp.status_code == 422
    err = resp.json()["errors"][0]
    assert err["field"] == "body.certifications.1.valid_to"
    assert err["code"] == "certificate_expired"
    assert await _count(app, "supply_offers") == 0
    assert await _count(app, "offer_certifications") == 0


async def test_bad_offers_are_refused(client, actors, registry):
    coop = registry.add()
    cases = [
        ({"grade": None}, "body.grade"),
        ({"min_order": "6"}, "body.min_order"),
        ({"window_start": soon(50), "window_end": soon(40)}, "body.window_end"),
        ({"location": {"latitude": 14.6, "longitude": 121.0}}, "body.location.latitude"),
        ({"unit": "H87"}, "body.unit"),
        ({"asking_price": 50000.5}, "body.asking_price"),
    ]
    for over, field in cases:
        resp = await client.post(
            "/v1/offers", json=offer_body(**over), headers=actors.cooperative(coop)
        )
        assert resp.status_code == 422, (over, resp.text)
        assert resp.json()["errors"][0]["field"] == field, (over, resp.json())


async def test_cooperatives_see_only_their_own_offers(client, actors, registry):
    mine, theirs = registry.add(), registry.add(name="Koperasi Lain")
    my_offer = await post_offer(client, actors, registry, mine)
    their_offer = await post_offer(client, actors, registry, theirs)
    listing = await client.get("/v1/offers", headers=actors.cooperative(mine))
    assert [o["id"] for o in listing.json()["items"]] == [my_offer["id"]]
    foreign = await client.get(f"/v1/offers/{their_offer['id']}", headers=actors.cooperative(mine))
    assert foreign.status_code == 404
    withdraw = await client.post(
        f"/v1/offers/{their_offer['id']}/withdraw", headers=actors.cooperative(mine)
    )
    assert withdraw.status_code == 404
    as_other = await client.post(
        "/v1/offers", json=offer_body(cooperative_id=str(theirs)), headers=actors.cooperative(mine)
    )
    assert as_other.status_code == 403
    partner = await client.get("/v1/offers", headers=actors.partner("marketplace:read"))
    assert len(partner.json()["items"]) == 2
    no_scope = await client.get("/v1/offers", headers=actors.partner())
    assert no_scope.status_code == 403


async def test_withdraw(client, actors, registry):
    coop = registry.add()
    offer = await post_offer(client, actors, registry, coop)
    resp = await client.post(f"/v1/offers/{offer['id']}/withdraw", headers=actors.cooperative(coop))
    assert resp.status_code == 200 and resp.json()["status"] == "withdrawn"
    again = await client.post(
        f"/v1/offers/{offer['id']}/withdraw", headers=actors.cooperative(coop)
    )
    assert again.status_code == 409


async def test_offer_replay_does_not_call_the_registry_again(client, actors, registry, app):
    coop = registry.add()
    headers = actors.cooperative(coop) | {"Idempotency-Key": "offer-1"}
    first = await client.post("/v1/offers", json=offer_body(), headers=headers)
    assert first.status_code == 201
    calls = registry.calls
    registry.mode = "down"
    second = await client.post("/v1/offers", json=offer_body(), headers=headers)
    assert second.status_code == 201, second.text
    assert second.headers["idempotent-replayed"] == "true"
    assert second.json() == first.json()
    assert registry.calls == calls
    assert await _count(app, "supply_offers") == 1


async def test_admin_offers_on_behalf_of_a_cooperative(client, actors, registry):
    coop = registry.add()
    missing = await client.post("/v1/offers", json=offer_body(), headers=actors.admin())
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["field"] == "body.cooperative_id"
    ok = await client.post(
        "/v1/offers", json=offer_body(cooperative_id=str(coop)), headers=actors.admin()
    )
    assert ok.status_code == 201 and ok.json()["cooperative_id"] == str(coop)
