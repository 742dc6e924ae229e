from __future__ import annotations

import uuid

from sqlalchemy import text

from ..conftest import demand_body, make_offtaker, post_demand, soon


async def _outbox(app, type_: str) -> list[dict]:
    async with app.state.engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT payload FROM outbox_events WHERE type = :t ORDER BY seq"), {"t": type_}
        )
        return [r[0] for r in rows]


async def test_post_demand_converts_to_base_unit_and_announces(client, actors, app):
    offtaker_id = await make_offtaker(client, actors)
    demand = await post_demand(client, actors, offtaker_id, min_lot="2")
    assert demand["status"] == "open"
    assert demand["quantity"] == "10000.000" and demand["base_unit"] == "KGM"
    assert demand["entered_quantity"] == "10.000" and demand["entered_unit"] == "TNE"
    assert demand["min_lot"] == "2000.000"
    assert demand["remaining_quantity"] == "10000.000"
    assert demand["price"]["ceiling"] == "60000.00"
    assert demand["incoterm"] == "DAP" and demand["incoterm_place"] == "Bandung roastery"
    events = await _outbox(app, "marketplace.demand.posted")
    assert [e["data"]["demand_id"] for e in events] == [demand["id"]]
    assert events[0]["data"]["quantity"] == "10000.000"


async def test_draft_is_not_announced_until_published(client, actors, app):
    offtaker_id = await make_offtaker(client, actors)
    draft = await post_demand(client, actors, offtaker_id, draft=True)
    assert draft["status"] == "draft"
    assert await _outbox(app, "marketplace.demand.posted") == []
    published = await client.post(
        f"/v1/demands/{draft['id']}/publish", headers=actors.offtaker(offtaker_id)
    )
    assert published.status_code == 200 and published.json()["status"] == "open"
    again = await client.post(
        f"/v1/demands/{draft['id']}/publish", headers=actors.offtaker(offtaker_id)
    )
    assert again.status_code == 409
    assert again.json()["current_state"] == "open"
    assert len(await _outbox(app, "marketplace.demand.posted")) == 1


async def _refused(client, actors, offtaker_id, app, field: str, code: str, **over):
    resp = await client.post(
        "/v1/demands", json=demand_body(**over), headers=actors.offtaker(offtaker_id)
    )
    assert resp.status_code == 422, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    errors = resp.json()["errors"]
    assert errors[0]["field"] == field, errors
    assert errors[0]["code"] == code, errors
    async with app.state.engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM demands"))).scalar() == 0
        assert (await conn.execute(text("SELECT count(*) FROM outbox_events"))).scalar() == 0


async def test_bad_demands_are_refused_naming_the_field(client, actors, app):
    o = await make_offtaker(client, actors)
    await _refused(
        client,
        actors,
        o,
        app,
        "body.commodity_code",
        "unknown_commodity",
        commodity_code="unobtainium",
    )
    await _refused(client, actors, o, app, "body.unit", "unknown_unit", unit="XYZ")
    await _refused(client, actors, o, app, "body.unit", "unit_not_convertible", unit="LTR")
    await _refused(
        client,
        actors,
        o,
        app,
        "body.window_end",
        "window_order",
        window_start=soon(30),
        window_end=soon(20),
    )
    await _refused(client, actors, o, app, "body.min_lot", "min_lot_above_quantity", min_lot="11")
    await _refused(client, actors, o, app, "body.min_grade", "unknown_grade", min_grade="mutu_9")
    await _refused(
        client,
        actors,
        o,
        app,
        "body.delivery.latitude",
        "outside_indonesia",
        delivery={"latitude": 35.44, "longitude": 139.64, "place_name": "Yokohama"},
    )
    await _refused(
        client,
        actors,
        o,
        app,
        "body.price",
        "value_error",
        price={"type": "range", "floor": "70000", "ceiling": "60000"},
    )


async def test_export_demand_may_deliver_abroad(client, actors):
    o = await make_offtaker(client, actors, kind="exporter")
    demand = await post_demand(
        client,
        actors,
        o,
        market="export",
        incoterm="FOB",
        incoterm_place="Belawan",
        delivery={"latitude": 35.44, "longitude": 139.64, "place_name": "Yokohama"},
    )
    assert demand["market"] == "export"
    assert demand["delivery"]["region_code"] is None


async def test_coconuts_are_counted_in_pieces(client, actors):
    o = await make_offtaker(client, actors)
    ok = await post_demand(
        client, actors, o, commodity_code="coconut", min_grade=None, unit="H87", quantity="5000"
    )
    assert ok["quantity"] == "5000.000" and ok["base_unit"] == "H87"
    bad = await client.post(
        "/v1/demands",
        json=demand_body(commodity_code="coconut", min_grade=None, unit="TNE"),
        headers=actors.offtaker(o),
    )
    assert bad.status_code == 422
    assert "cannot be converted" in bad.json()["errors"][0]["message"]


async def test_private_price_is_hidden_from_the_public_but_not_the_owner(client, actors):
    o = await make_offtaker(client, actors)
    private = await post_demand(client, actors, o, price_private=True)
    public = await post_demand(client, actors, o)
    listing = await client.get("/v1/demands")
    assert listing.status_code == 200
    by_id = {d["id"]: d for d in listing.json()["items"]}
    assert by_id[private["id"]]["price"] is None
    assert by_id[private["id"]]["price_private"] is True
    assert by_id[public["id"]]["price"]["ceiling"] == "60000.00"
    anonymous = await client.get(f"/v1/demands/{private['id']}")
    assert anonymous.json()["price"] is None
    cooperative = await client.get(
        f"/v1/demands/{private['id']}", headers=actors.cooperative(uuid.uuid4())
    )
    assert cooperative.json()["price"] is None
    own = await client.get(f"/v1/demands/{private['id']}", headers=actors.offtaker(o))
    assert own.json()["price"]["ceiling"] == "60000.00"


async def test_public_sees_only_open_demands_and_offtakers_only_their_own(client, actors):
    a = await make_offtaker(client, actors)
    b = await make_offtaker(client, actors, name="PT Lain")
    open_a = await post_demand(client, actors, a)
    draft_a = await post_demand(client, actors, a, draft=True)
    open_b = await post_demand(client, actors, b)
    public_ids = {d["id"] for d in (await client.get("/v1/demands")).json()["items"]}
    assert public_ids == {open_a["id"], open_b["id"]}
    assert (await client.get(f"/v1/demands/{draft_a['id']}")).status_code == 404
    own = (await client.get("/v1/demands", headers=actors.offtaker(a))).json()["items"]
    assert {d["id"] for d in own} == {open_a["id"], draft_a["id"]}
    # b cannot change a's demand: 404, not 403, and nothing about it leaks.
    cancel = await client.post(f"/v1/demands/{open_a['id']}/cancel", headers=actors.offtaker(b))
    assert cancel.status_code == 404
    assert "PT" not in cancel.text


async def test_offtaker_without_profile_cannot_post(client, actors):
    resp = await client.post(
        "/v1/demands", json=demand_body(), headers=actors.offtaker(uuid.uuid4())
    )
    assert resp.status_code == 403


async def test_idempotent_replay_of_a_demand(client, actors, app):
    o = await make_offtaker(client, actors)
    headers = actors.offtaker(o) | {"Idempotency-Key": "demand-1"}
    first = await client.post("/v1/demands", json=demand_body(), headers=headers)
    second = await client.post("/v1/demands", json=demand_body(), headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.headers["idempotent-replayed"] == "true"
    assert second.json() == first.json()
    async with app.state.engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM demands"))).scalar() == 1
    different = await client.post("/v1/demands", json=demand_body(quantity="11"), headers=headers)
    assert different.status_code == 422
    assert different.json()["type"].endswith("idempotency-key-reused")
