"""Vectorised candidate generation against the plain per-pair rule on random data.

``reference_arcs`` is the specification written the slow, obvious way: every pair, one at a
time, through ``engine.exclusion_reason`` (the same rule the preview explains to users), then
each demand's cheapest and each unseen offer's cheapest. ``candidates.candidate_arcs`` (k-d tree,
price tiers, nearest-demand queries, filters on arrays) must return exactly the same arcs.
"""

from __future__ import annotations

import math
import random
from datetime import date

import pytest

from marketplace.matching import candidates, engine
from marketplace.periods import MONTHLY, ONE_OFF, WEEKLY


def _km(d: engine.DemandInput, o: engine.OfferInput) -> float:
    p1, p2 = math.radians(d.latitude), math.radians(o.latitude)
    dl = math.radians(o.longitude - d.longitude)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * engine.EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def reference_arcs(
    demands: list[engine.DemandInput], offers: list[engine.OfferInput], p: engine.Parameters
) -> list[engine.Arc]:
    passing: list[engine.Arc] = []
    for j, d in enumerate(demands):
        if d.quantity <= 0:
            continue
        for i, o in enumerate(offers):
            km = _km(d, o)
            if engine.exclusion_reason(d, o, km) is None:
                passing.append(
                    engine.Arc(j, i, km, engine.unit_cost(o, km, p), engine.arc_capacity(d, o))
                )
    kept: list[engine.Arc] = []
    for j in range(len(demands)):
        mine = sorted((a for a in passing if a.demand == j), key=lambda a: (a.unit_cost, a.offer))
        kept += mine[: p.max_candidates_per_demand]
    seen = {a.offer for a in kept}
    if p.min_candidates_per_offer > 0:
        for i, o in enumerate(offers):
            if i in seen or o.quantity <= 0:
                continue
            theirs = sorted(
                (a for a in passing if a.offer == i), key=lambda a: (a.unit_cost, a.demand)
            )
            kept += theirs[: p.min_candidates_per_offer]
    return sorted(kept, key=lambda a: (a.demand, a.unit_cost, a.offer))


def _random_case(
    rng: random.Random, n_demands: int, n_offers: int
) -> tuple[list[engine.DemandInput], list[engine.OfferInput]]:
    today = date(2027, 3, 1).toordinal()
    centres = [(-6.9, 107.6), (-7.3, 112.7), (3.6, 98.7), (-5.1, 119.4)]

    def place() -> tuple[float, float]:
        lat, lon = rng.choice(centres)
        return lat + rng.gauss(0, 0.8), lon + rng.gauss(0, 0.8)

    demands = []
    for j in range(n_demands):
        lat, lon = place()
        start = today + rng.randint(0, 60)
        demands.append(
            engine.DemandInput(
                id=f"d{j}",
                quantity=rng.choice([0, 1, 1, 1]) * rng.randint(1, 40) * 500,
                min_lot=rng.choice([0, 0, 1000, 2500]),
                latitude=lat,
                longitude=lon,
                radius_km=rng.choice([50.0, 120.0, 250.0]),
                window_start=start,
                window_end=start + rng.randint(0, 90),
                min_grade_rank=rng.choice([None, 1, 2, 3]),
                required_certifications=rng.choice([(), (), ("halal",), ("halal", "organic")]),
                reference_price=rng.randrange(4_000_000, 6_000_000, 1000),
            )
        )
    offers = []
    for i in range(n_offers):
        lat, lon = place()
        start = today + rng.randint(0, 60)
        certs = tuple(
            engine.CertificationInput(s, today + rng.randint(-30, 40), today + rng.randint(20, 200))
            for s in ("halal", "organic", "halal")
            if rng.random() < 0.35
        )
        period = rng.choice([ONE_OFF, ONE_OFF, ONE_OFF, WEEKLY, MONTHLY])
        offers.append(
            engine.OfferInput(
                id=f"o{i}",
                cooperative_id=f"c{i // 2}",
                quantity=rng.choice([0, 1, 1, 1, 1]) * rng.randint(1, 30) * 500,
                min_order=rng.choice([0, 0, 1000]),
                order_multiple=rng.choice([1, 1, 500, 1500]),
                latitude=lat,
                longitude=lon,
                window_start=start,
                window_end=start + rng.randint(0, 120),
                grade_rank=rng.choice([None, 1, 2, 3, 4]),
                # Few distinct prices: many equal costs, so tie-breaking is exercised too.
                asking_price=rng.randrange(4_000_000, 4_400_000, 20_000),
                certifications=certs,
                reliability=rng.choice([None, 0.8]),
                period=period,
                period_quantity=rng.randint(1, 8) * 500 if period != ONE_OFF else 0,
            )
        )
    return demands, offers


@pytest.mark.parametrize("seed", range(8))
def test_vectorised_candidates_equal_the_per_pair_rule(seed: int):
    rng = random.Random(seed)
    demands, offers = _random_case(rng, rng.randint(1, 60), rng.randint(1, 400))
    p = engine.Parameters(
        transport_cents_per_unit_km=rng.choice([0.0, 100.0, 2500.0]),
        unmet_penalty_cents=100_000_000,
        max_candidates_per_demand=rng.choice([1, 3, 8, 50]),
        repair_time_limit_seconds=1.0,
        min_candidates_per_offer=rng.choice([0, 1, 3]),
    )
    expected = reference_arcs(demands, offers, p)
    # Small chunks and tiers so several of each run even on a small case.
    got = candidates.candidate_arcs(demands, offers, p, chunk=7)
    assert [(a.demand, a.offer, a.unit_cost, a.capacity) for a in got] == [
        (a.demand, a.offer, a.unit_cost, a.capacity) for a in expected
    ]
    assert all(
        math.isclose(a.distance_km, b.distance_km, rel_tol=1e-9, abs_tol=1e-6)
        for a, b in zip(got, expected, strict=True)
    )
    assert expected, "the case should keep some arcs"


def test_a_demand_looks_past_the_cheapest_tier_when_its_offers_there_fail_filters():
    """The cheapest offers are all of too low a grade: the demand must still find its k in
    dearer tiers (a tier is never assumed to settle a demand it gave fewer than k)."""
    rng = random.Random(3)
    demands, offers = _random_case(rng, 5, 3000)
    demands = [engine.DemandInput(**(vars(d) | {"min_grade_rank": 3})) for d in demands]
    cheap = sorted(range(len(offers)), key=lambda i: offers[i].asking_price)[:1000]
    for i in cheap:
        offers[i] = engine.OfferInput(**(vars(offers[i]) | {"grade_rank": 1}))
    p = engine.Parameters(100.0, 100_000_000, 5, 1.0, 0)
    got = candidates.candidate_arcs(demands, offers, p, chunk=2)
    expected = reference_arcs(demands, offers, p)
    assert [(a.demand, a.offer) for a in got] == [(a.demand, a.offer) for a in expected]
    assert expected and not {a.offer for a in expected} & set(cheap)


def test_an_unseen_offer_looks_past_its_nearest_demands_when_they_fail_filters():
    """Thirty demands next to the offer want a better grade; the three it must reach are 100 km
    off, past the nearest demands the first query asks for."""
    base = {
        "quantity": 5000,
        "min_lot": 0,
        "radius_km": 300.0,
        "window_start": 10,
        "window_end": 40,
        "required_certifications": (),
        "reference_price": 5_000_000,
    }
    near = [
        engine.DemandInput(
            id=f"n{j}", latitude=-7.0 + j * 1e-3, longitude=110.0, min_grade_rank=3, **base
        )
        for j in range(30)
    ]
    far = [
        engine.DemandInput(
            id=f"f{j}", latitude=-7.9 - j * 0.01, longitude=110.0, min_grade_rank=None, **base
        )
        for j in range(5)
    ]
    offer = {
        "quantity": 10_000,
        "min_order": 0,
        "order_multiple": 1,
        "window_start": 10,
        "window_end": 40,
        "longitude": 110.0,
    }
    offers = [
        engine.OfferInput(
            id="pricey",
            cooperative_id="c",
            latitude=-7.0,
            grade_rank=1,
            asking_price=9_000_000,
            **offer,  # type: ignore[arg-type]
        ),
        engine.OfferInput(
            id="cheap",
            cooperative_id="c2",
            latitude=-8.0,
            grade_rank=4,
            asking_price=4_000_000,
            **offer,  # type: ignore[arg-type]
        ),
    ]
    demands = near + far
    p = engine.Parameters(100.0, 100_000_000, 1, 1.0, 3)
    got = candidates.candidate_arcs(demands, offers, p)
    expected = reference_arcs(demands, offers, p)
    assert [(a.demand, a.offer) for a in got] == [(a.demand, a.offer) for a in expected]
    assert sorted(a.demand for a in got if a.offer == 0) == [30, 31, 32]
