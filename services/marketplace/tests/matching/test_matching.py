from __future__ import annotations

import itertools
from decimal import Decimal

from marketplace.geo import haversine_km

from ..conftest import count, make_offtaker, match, outbox, post_demand, post_offer

BANDUNG = (-6.91, 107.61)


def _loc(lat: float, lon: float, region: str = "32.04") -> dict:
    return {"latitude": lat, "longitude": lon, "region_code": region}


def landed_cost(ask: str, lat: float, lon: float) -> Decimal:
    """What the engine charges per kg: asking price plus Rp1 per kg per km, to the cent."""
    km = haversine_km(BANDUNG[0], BANDUNG[1], lat, lon)
    return Decimal(ask) + Decimal(round(km * 100)) / 100


def brute_force(
    costs: list[Decimal],
    caps: list[int],
    need: int,
    step: int,
    lot: int = 0,
    multiples: list[int] | None = None,
) -> tuple[Decimal, tuple[int, ...]]:
    """Cheapest way to fill ``need`` on a lattice of ``step`` kg (all data are multiples)."""
    best: tuple[Decimal, tuple[int, ...]] | None = None
    ranges = [range(0, cap + 1, step) for cap in caps]
    for combo in itertools.product(*ranges):
        if sum(combo) != need:
            continue
        if any(0 < q < lot for q in combo):
            continue
        if multiples and any(q % m for q, m in zip(combo, multiples, strict=True)):
            continue
        cost = sum((c * q for c, q in zip(costs, combo, strict=True)), Decimal(0))
        if best is None or cost < best[0]:
            best = (cost, combo)
    assert best is not None
    return best


async def test_split_across_three_cooperatives_is_the_known_optimum(client, actors, registry, app):
    offtaker = await make_offtaker(client, actors)
    # name, tonnes, asking price, position, grade
    supply = [
        ("Garut", 4, "50000", (-7.2, 107.9), "mutu_2"),
        ("Bogor", 4, "50500", (-6.6, 106.8), "mutu_3"),
        ("Tasik", 3, "51000", (-7.33, 108.22), "mutu_1"),
        ("Cianjur", 6, "56000", (-6.82, 107.14), "mutu_3"),
    ]
    offers = []
    for name, tonnes, ask, (lat, lon), grade in supply:
        coop = registry.add(name=f"Koperasi {name}")
        offers.append(
            await post_offer(
                client,
                actors,
                registry,
                coop,
                quantity=str(tonnes),
                asking_price=ask,
                location=_loc(lat, lon),
                grade=grade,
            )
        )
    cheap_but_low_grade = await post_offer(
        client,
        actors,
        registry,
        registry.add(name="Koperasi Mutu Rendah"),
        grade="mutu_5",
        asking_price="40000",
        location=_loc(-7.0, 107.7),
    )
    cheap_but_far = await post_offer(
        client,
        actors,
        registry,
        registry.add(name="Koperasi Jauh"),
        asking_price="41000",
        location=_loc(-7.25, 112.75, "35.78"),
    )
    # Inside the demand's bounding box but beyond its radius: fetched, then filtered.
    box_corner = await post_offer(
        client,
        actors,
        registry,
        registry.add(name="Koperasi Pojok"),
        asking_price="41000",
        location=_loc(-4.61, 109.91, "61.11"),
    )
    demand = await post_demand(client, actors, offtaker, quantity="10", unit="TNE")

    preview = await client.get(
        f"/v1/demands/{demand['id']}/matches", headers=actors.offtaker(offtaker)
    )
    assert preview.status_code == 200, preview.text
    body = preview.json()
    assert await count(app, "matching_runs") == 0  # a preview writes nothing
    assert {c["offer_id"] for c in body["candidates"]} == {o["id"] for o in offers}
    reasons = {e["offer_id"]: e["reason"] for e in body["excluded"]}
    assert reasons[cheap_but_low_grade["id"]] == "grade below the minimum"
    assert "beyond the 300 km radius" in reasons[box_corner["id"]]
    # Far outside the bounding box: the indexed query never even reads it.
    assert cheap_but_far["id"] not in reasons
    for c in body["candidates"]:
        assert set(c["breakdown"]) == {"distance", "window", "quantity", "price", "reliability"}
        assert all(0 <= v <= 1 for v in c["breakdown"].values())
        expected = sum(body["weights"][k] * v for k, v in c["breakdown"].items())
        assert abs(c["score"] - expected) < 1e-3
        assert c["breakdown"]["reliability"] == 0.5  # no delivery history yet
    scores = [c["score"] for c in body["candidates"]]
    assert scores == sorted(scores, reverse=True)

    costs = [landed_cost(ask, lat, lon) for _, _, ask, (lat, lon), _ in supply]
    caps = [t * 1000 for _, t, _, _, _ in supply]
    best_cost, best_split = brute_force(costs, caps, 10_000, 500)
    got = {a["offer_id"]: int(Decimal(a["quantity"])) for a in body["allocation"]}
    assert tuple(got.get(o["id"], 0) for o in offers) == best_split == (4000, 4000, 2000, 0)
    assert Decimal(body["supply_cost"]) == best_cost
    assert body["unmet_quantity"] == "0.000" and body["allocated_quantity"] == "10000.000"
    assert len({a["cooperative_id"] for a in body["allocation"]}) == 3
    assert body["status"] == "optimal"

    run = await match(client, actors, offtaker, demand["id"])
    assert run["scope"] == "demand" and run["status"] == "optimal"
    assert Decimal(run["supply_cost"]) == best_cost
    assert Decimal(run["objective"]) == best_cost  # nothing unmet, no penalty
    assert {a["offer_id"]: int(Decimal(a["quantity"])) for a in run["allocations"]} == got
    assert all(a["proposal_id"] for a in run["allocations"])
    made = await outbox(app, "marketplace.proposal.made")
    assert len(made) == 3
    proposals = (
        await client.get(
            "/v1/proposals", params={"demand_id": demand["id"]}, headers=actors.offtaker(offtaker)
        )
    ).json()["items"]
    by_offer = {p["offer_id"]: p for p in proposals}
    # Price terms applied to the asking price: inside the floor-ceiling range, so the ask.
    assert by_offer[offers[0]["id"]]["unit_price"] == "50000.00"
    assert by_offer[offers[0]["id"]]["turn"] == "cooperative"
    assert by_offer[offers[2]["id"]]["quantity"] == "2000.000"


async def test_minimum_lots_and_order_multiples_are_repaired_optimally(client, actors, registry):
    offtaker = await make_offtaker(client, actors)
    supply = [  # tonnes, ask, position, min order (t), multiple (t)
        (4, "50000", (-7.2, 107.9), None, None),
        (4, "50500", (-6.6, 106.8), None, None),
        (2.5, "49000", (-7.0, 107.8), None, None),  # cannot meet a 3 t lot at all
        (5, "52000", (-6.82, 107.14), None, 1),
    ]
    offers = []
    for tonnes, ask, (lat, lon), min_order, multiple in supply:
        over = {"quantity": str(tonnes), "asking_price": ask, "location": _loc(lat, lon)}
        if min_order:
            over["min_order"] = str(min_order)
        if multiple:
            over["order_multiple"] = str(multiple)
        offers.append(await post_offer(client, actors, registry, registry.add(), **over))
    demand = await post_demand(client, actors, offtaker, quantity="10", unit="TNE", min_lot="3")
    preview = (
        await client.get(f"/v1/demands/{demand['id']}/matches", headers=actors.offtaker(offtaker))
    ).json()
    excluded = {e["offer_id"]: e["reason"] for e in preview["excluded"]}
    assert excluded[offers[2]["id"]].startswith("cannot meet the minimum lot")
    # Without lots the flow would take 4 + 4 + 2 t; a 2 t lot breaks the 3 t minimum.
    assert preview["status"] == "repaired"
    got = {a["offer_id"]: int(Decimal(a["quantity"])) for a in preview["allocation"]}
    eligible = [offers[0], offers[1], offers[3]]
    costs = [landed_cost(s[1], *s[2]) for s in (supply[0], supply[1], supply[3])]
    best_cost, best_split = brute_force(
        costs, [4000, 4000, 5000], 10_000, 500, lot=3000, multiples=[1, 1, 1000]
    )
    assert tuple(got.get(o["id"], 0) for o in eligible) == best_split == (4000, 3000, 3000)
    assert Decimal(preview["supply_cost"]) == best_cost
    assert all(q >= 3000 for q in got.values())


async def test_batch_run_gives_scarce_supply_to_the_demand_that_values_it_most(
    client, actors, registry, app
):
    low_payer = await make_offtaker(client, actors, name="PT Murah")
    high_payer = await make_offtaker(client, actors, name="PT Premium")
    low = await post_demand(
        client,
        actors,
        low_payer,
        quantity="4",
        unit="TNE",
        price={"type": "fixed", "fixed": "52000"},
    )
    high = await post_demand(
        client,
        actors,
        high_payer,
        quantity="4",
        unit="TNE",
        price={"type": "range", "floor": "50000", "ceiling": "65000"},
    )
    offer = await post_offer(client, actors, registry, quantity="5", asking_price="50000")
    matcher = actors.partner("marketplace:match")
    refused = await client.post(
        "/v1/matching/runs",
        json={"commodity_code": "coffee_green"},
        headers=actors.partner("marketplace:read"),
    )
    assert refused.status_code == 403
    resp = await client.post(
        "/v1/matching/runs", json={"commodity_code": "coffee_green"}, headers=matcher
    )
    assert resp.status_code == 201, resp.text
    run = resp.json()
    assert run["scope"] == "commodity" and run["demands"] == 2 and run["offers"] == 1
    alloc = {a["demand_id"]: a["quantity"] for a in run["allocations"]}
    assert alloc == {high["id"]: "4000.000", low["id"]: "1000.000"}
    assert run["unmet_quantity"] == "3000.000"
    assert all(a["offer_id"] == offer["id"] for a in run["allocations"])
    # The objective prices the unmet 3 t at the penalty plus what the low payer would pay.
    supply_cost = Decimal(run["supply_cost"])
    assert Decimal(run["objective"]) == supply_cost + 3000 * (Decimal(1_000_000) + 52000)

    stored = await client.get(f"/v1/matching/runs/{run['id']}", headers=matcher)
    assert stored.status_code == 200
    assert stored.json()["allocations"] == run["allocations"]
    replay = await client.post(f"/v1/matching/runs/{run['id']}/replay", headers=matcher)
    assert replay.status_code == 200
    assert replay.json()["identical"] is True
    assert replay.json()["objective"] == run["objective"]
    assert len(await outbox(app, "marketplace.proposal.made")) == 2
    # An offtaker reads neither a commodity run nor another's demand's matches.
    assert (
        await client.get(f"/v1/matching/runs/{run['id']}", headers=actors.offtaker(low_payer))
    ).status_code == 404
    assert (
        await client.get(f"/v1/demands/{high['id']}/matches", headers=actors.offtaker(low_payer))
    ).status_code == 404


async def test_certifications_must_be_valid_through_the_window(client, actors, registry):
    from ..conftest import soon

    offtaker = await make_offtaker(client, actors)
    demand = await post_demand(
        client,
        actors,
        offtaker,
        required_certifications=["halal"],
        window_start=soon(10),
        window_end=soon(60),
    )
    lapsing = await post_offer(
        client,
        actors,
        registry,
        certifications=[
            {
                "scheme": "halal",
                "number": "H-1",
                "issuer": "BPJPH",
                "valid_from": "2024-01-01",
                "valid_to": soon(20),
            }
        ],
    )
    valid = await post_offer(
        client,
        actors,
        registry,
        certifications=[
            {
                "scheme": "halal",
                "number": "H-2",
                "issuer": "BPJPH",
                "valid_from": "2024-01-01",
                "valid_to": soon(400),
            }
        ],
    )
    none = await post_offer(client, actors, registry)
    body = (
        await client.get(f"/v1/demands/{demand['id']}/matches", headers=actors.offtaker(offtaker))
    ).json()
    assert [c["offer_id"] for c in body["candidates"]] == [valid["id"]]
    reasons = {e["offer_id"]: e["reason"] for e in body["excluded"]}
    assert reasons[lapsing["id"]].startswith("required certification")
    assert reasons[none["id"]].startswith("required certification")


async def test_a_commodity_run_reads_its_offers_as_the_engine_reads_an_offer(
    client, actors, registry, app
):
    """The commodity run's inputs, converted by Postgres into columns (``OPEN_COLUMNS``),
    equal what ``offer_input`` makes of the same offers as ORM objects: lots, multiples, cents,
    periods, certificates and reliability included."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from kopmod_shared.db import make_sessionmaker
    from marketplace.demands.service import today
    from marketplace.matching import service
    from marketplace.offers.models import SupplyOffer
    from marketplace.offers.repository import OfferRepository

    from ..conftest import soon

    await post_offer(client, actors, registry, min_order="1.5", order_multiple="0.5")
    await post_offer(client, actors, registry, asking_price="50123.45", quantity="7.25")
    await post_offer(client, actors, registry, period="monthly", quantity="2")
    await post_offer(
        client,
        actors,
        registry,
        certifications=[
            {
                "scheme": "halal",
                "number": "H-9",
                "issuer": "BPJPH",
                "valid_from": "2024-01-01",
                "valid_to": soon(400),
            },
            {
                "scheme": "organic",
                "number": "O-1",
                "issuer": "LSO",
                "valid_from": "2024-02-01",
                "valid_to": soon(300),
            },
        ],
    )
    async with make_sessionmaker(app.state.engine)() as session:
        records, certs = await OfferRepository(session).open_columns_for_matching(
            "coffee_green", today()
        )
        columns, ids, cooperatives = await service._offer_columns(session, records, certs)
        from_rows = list(columns)
        orm = (
            await session.scalars(
                select(SupplyOffer)
                .options(selectinload(SupplyOffer.certifications))
                .where(SupplyOffer.id.in_(ids))
                .order_by(SupplyOffer.id)
            )
        ).all()
        assert cooperatives == [o.cooperative_id for o in orm]
        from_orm = await service._offer_inputs(session, orm)
    assert len(from_rows) == 4
    assert from_rows == from_orm
    assert [vars(o) for o in from_rows] == [vars(o) for o in from_orm]  # every field, typed
    assert [tuple(type(v) for v in vars(o).values()) for o in from_rows] == [
        tuple(type(v) for v in vars(o).values()) for o in from_orm
    ]
