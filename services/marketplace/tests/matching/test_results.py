"""The offtaker's matching results: the latest run's split, and why each cooperative was chosen
or left out, from the run's recorded inputs."""

from __future__ import annotations

from decimal import Decimal

from marketplace.geo import haversine_km

from ..conftest import make_offtaker, match, post_demand, post_offer

BANDUNG = (-6.91, 107.61)


def _loc(lat: float, lon: float) -> dict:
    return {"latitude": lat, "longitude": lon, "region_code": "32.04"}


async def test_split_with_reasons_and_the_ones_left_out(client, actors, registry):
    offtaker = await make_offtaker(client, actors)
    garut = await post_offer(
        client,
        actors,
        registry,
        registry.add(name="Koperasi Garut"),
        quantity="4",
        asking_price="50000",
        location=_loc(-7.2, 107.9),
    )
    bogor = await post_offer(
        client,
        actors,
        registry,
        registry.add(name="Koperasi Bogor"),
        quantity="8",
        asking_price="52000",
        location=_loc(-6.6, 106.8),
        grade="mutu_3",
    )
    low = await post_offer(
        client,
        actors,
        registry,
        registry.add(name="Koperasi Mutu Rendah"),
        grade="mutu_5",
        asking_price="40000",
        location=_loc(-7.0, 107.7),
    )
    demand = await post_demand(client, actors, offtaker, quantity="6", unit="TNE")
    headers = actors.offtaker(offtaker)

    before = await client.get(f"/v1/demands/{demand['id']}/matching-results", headers=headers)
    assert before.status_code == 404  # not matched yet
    run = await match(client, actors, offtaker, demand["id"])

    resp = await client.get(f"/v1/demands/{demand['id']}/matching-results", headers=headers)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["run_id"] == run["id"] and body["scope"] == "demand"
    assert body["quantity_to_allocate"] == "6000.000"
    assert body["allocated_quantity"] == "6000.000" and body["unmet_quantity"] == "0.000"
    assert body["considered"] == 3 and body["eligible"] == 2
    assert body["reference_price"] == "60000.00"  # the ceiling of the 45000-60000 range
    chosen = {c["offer_id"]: c for c in body["chosen"]}
    assert set(chosen) == {garut["id"], bogor["id"]}
    g, b = chosen[garut["id"]], chosen[bogor["id"]]
    # The cheaper delivered cost is used up first: Garut all it has, Bogor the rest.
    assert g["quantity"] == "4000.000" and b["quantity"] == "2000.000"
    assert body["chosen"][0]["offer_id"] == garut["id"]  # largest part first
    assert g["share_of_demand"] == "66.67" and b["share_of_demand"] == "33.33"
    assert g["cooperative_name"] == "Koperasi Garut"
    assert g["delivered_cost_rank"] == 1 and b["delivered_cost_rank"] == 2
    km = haversine_km(*BANDUNG, -7.2, 107.9)
    transport = (Decimal(round(km * 100)) / 100).quantize(Decimal("0.01"))
    assert g["asking_price"] == "50000.00"
    assert g["transport_cost"] == str(transport)
    assert g["delivered_cost"] == str(Decimal("50000.00") + transport)
    assert abs(g["distance_km"] - km) < 0.01
    assert g["capacity"] == "4000.000" and g["reliability"] is None
    assert g["proposal_id"] == next(
        a["proposal_id"] for a in run["allocations"] if a["offer_id"] == garut["id"]
    )
    assert g["proposal_status"] == "proposed"
    # Every number a decimal string (distances aside), the factors with their weights.
    assert {f["factor"] for f in g["factors"]} == {
        "distance",
        "window",
        "quantity",
        "price",
        "reliability",
    }
    total = sum(Decimal(f["value"]) * Decimal(f["weight"]) for f in g["factors"])
    assert abs(total - Decimal(g["score"])) <= Decimal("0.001")
    reasons = {r["code"]: r for r in g["reasons"]}
    assert list(reasons) == [
        "delivered_cost",
        "price",
        "distance",
        "grade",
        "capacity",
        "window",
        "reliability",
    ]
    assert reasons["delivered_cost"]["values"]["rank"] == 1
    assert reasons["delivered_cost"]["values"]["eligible"] == 2
    assert "number 1 from the cheapest of 2 eligible offers" in reasons["delivered_cost"]["text"]
    assert reasons["price"]["values"]["direction"] == "below"
    assert reasons["price"]["values"]["difference_percent"] == "16.67"  # 50000 vs 60000
    assert "16.67% below your reference price Rp60000.00" in reasons["price"]["text"]
    assert reasons["grade"]["text"] == "Grade mutu_2 meets your minimum grade mutu_3."
    assert reasons["capacity"]["values"]["all_it_had"] is True
    assert reasons["reliability"]["values"]["rate_percent"] is None
    assert "neutral" in reasons["reliability"]["text"]
    b_capacity = {r["code"]: r for r in b["reasons"]}["capacity"]
    assert b_capacity["values"]["all_it_had"] is False
    assert b_capacity["values"]["share_percent"] == "33.33"

    [left] = body["not_chosen"]
    assert left["offer_id"] == low["id"] and left["cooperative_name"] == "Koperasi Mutu Rendah"
    assert left["reason"]["code"] == "filtered"
    assert left["reason"]["values"]["filter"] == "grade below the minimum"


async def test_another_offtakers_demand_and_a_cooperative_get_404(client, actors, registry):
    owner = await make_offtaker(client, actors)
    other = await make_offtaker(client, actors, name="PT Lain")
    coop = registry.add()
    await post_offer(client, actors, registry, coop)
    demand = await post_demand(client, actors, owner, quantity="2", unit="TNE")
    await match(client, actors, owner, demand["id"])
    path = f"/v1/demands/{demand['id']}/matching-results"
    assert (await client.get(path, headers=actors.offtaker(owner))).status_code == 200
    foreign = await client.get(path, headers=actors.offtaker(other))
    assert foreign.status_code == 404
    assert "Koperasi" not in foreign.text
    assert (await client.get(path, headers=actors.cooperative(coop))).status_code == 403


async def test_the_latest_run_answers(client, actors, registry):
    offtaker = await make_offtaker(client, actors)
    await post_offer(client, actors, registry, registry.add(name="Koperasi Satu"), quantity="1")
    demand = await post_demand(client, actors, offtaker, quantity="3", unit="TNE", min_lot=None)
    first = await match(client, actors, offtaker, demand["id"])
    await post_offer(client, actors, registry, registry.add(name="Koperasi Dua"), quantity="1")
    second = await match(client, actors, offtaker, demand["id"])
    assert first["id"] != second["id"]
    body = (
        await client.get(
            f"/v1/demands/{demand['id']}/matching-results", headers=actors.offtaker(offtaker)
        )
    ).json()
    assert body["run_id"] == second["id"]
    # The first run's proposal is still open, so the demand still needed 3 t at the second.
    assert {c["cooperative_name"] for c in body["chosen"]} == {"Koperasi Satu", "Koperasi Dua"}
    assert body["unmet_quantity"] == "1000.000"
