"""The allocation engine against exhaustive search on small random cases."""

from __future__ import annotations

import itertools
import random
from datetime import date

from marketplace.matching import candidates, engine, solver

PARAMS = engine.Parameters(
    transport_cents_per_unit_km=100.0,
    unmet_penalty_cents=100_000_000,
    max_candidates_per_demand=50,
    repair_time_limit_seconds=5.0,
)


def _exhaustive(
    d: engine.DemandInput, offers: list[engine.OfferInput], arcs: list[engine.Arc]
) -> int:
    best = None
    choices = []
    for a in arcs:
        o = offers[a.offer]
        choices.append([x for x in range(0, a.capacity + 1, 100) if engine.valid_quantity(d, o, x)])
    for combo in itertools.product(*choices):
        if sum(combo) > d.quantity:
            continue
        cost = sum(x * a.unit_cost for x, a in zip(combo, arcs, strict=True))
        cost += (d.quantity - sum(combo)) * engine.penalty(d, PARAMS)
        best = cost if best is None else min(best, cost)
    assert best is not None
    return best


def test_single_demand_allocation_is_optimal_with_lots_and_multiples():
    rng = random.Random(11)
    for case in range(25):
        demand = engine.DemandInput(
            id="d",
            quantity=rng.randrange(10, 40) * 100,
            min_lot=rng.choice([0, 500, 800]),
            latitude=-6.9,
            longitude=107.6,
            radius_km=300,
            window_start=1,
            window_end=90,
            min_grade_rank=None,
            required_certifications=(),
            reference_price=6_000_000,
        )
        offers = [
            engine.OfferInput(
                id=f"o{i}",
                cooperative_id=f"c{i}",
                quantity=rng.randrange(3, 20) * 100,
                min_order=rng.choice([0, 0, 400]),
                order_multiple=rng.choice([1, 1, 200, 300]),
                latitude=-6.9 + rng.uniform(-1, 1),
                longitude=107.6 + rng.uniform(-1, 1),
                window_start=1,
                window_end=90,
                grade_rank=None,
                asking_price=rng.randrange(4_800_000, 5_600_000, 1000),
            )
            for i in range(4)
        ]
        arcs = candidates.candidate_arcs([demand], offers, PARAMS)
        solution = solver.solve([demand], offers, arcs, PARAMS)
        for a in solution.allocations:
            assert engine.valid_quantity(demand, offers[a.offer], a.quantity), case
        assert solution.objective == _exhaustive(demand, offers, arcs), case


def test_greedy_is_never_better_than_the_solver():
    rng = random.Random(5)
    demands = [
        engine.DemandInput(
            id=f"d{j}",
            quantity=rng.randrange(20, 60) * 100,
            min_lot=0,
            latitude=-7.0,
            longitude=110.0 + j * 0.2,
            radius_km=200,
            window_start=1,
            window_end=60,
            min_grade_rank=None,
            required_certifications=(),
            reference_price=rng.randrange(5_000_000, 7_000_000, 1000),
        )
        for j in range(6)
    ]
    offers = [
        engine.OfferInput(
            id=f"o{i}",
            cooperative_id=f"c{i}",
            quantity=rng.randrange(5, 30) * 100,
            min_order=0,
            order_multiple=1,
            latitude=-7.0 + rng.uniform(-0.8, 0.8),
            longitude=110.0 + rng.uniform(-0.8, 1.8),
            window_start=1,
            window_end=60,
            grade_rank=None,
            asking_price=rng.randrange(4_800_000, 5_600_000, 1000),
        )
        for i in range(12)
    ]
    arcs = candidates.candidate_arcs(demands, offers, PARAMS)
    optimal = solver.solve(demands, offers, arcs, PARAMS)
    greedy = solver.greedy(demands, offers, arcs, PARAMS)
    assert optimal.status == "optimal"
    assert optimal.objective <= greedy.objective
    used = [0] * len(offers)
    for a in optimal.allocations:
        used[a.offer] += a.quantity
    assert all(u <= o.quantity for u, o in zip(used, offers, strict=True))


def _periodic_case(
    period: str, offer_window: tuple[date, date], demand_window: tuple[date, date], need: int
) -> tuple[engine.DemandInput, engine.OfferInput]:
    d = engine.DemandInput(
        id="d",
        quantity=need,
        min_lot=0,
        latitude=-6.9,
        longitude=107.6,
        radius_km=300,
        window_start=demand_window[0].toordinal(),
        window_end=demand_window[1].toordinal(),
        min_grade_rank=None,
        required_certifications=(),
        reference_price=6_000_000,
    )
    o = engine.OfferInput(
        id="o",
        cooperative_id="c",
        quantity=60_000,  # what is left over the whole window
        min_order=0,
        order_multiple=1,
        latitude=-7.0,
        longitude=107.7,
        window_start=offer_window[0].toordinal(),
        window_end=offer_window[1].toordinal(),
        grade_rank=None,
        asking_price=5_000_000,
        period=period,
        period_quantity=10_000,
    )
    return d, o


def test_an_arc_carries_at_most_the_periods_overlapping_the_demand():
    half_year = (date(2027, 1, 1), date(2027, 6, 30))
    cases = [
        # (period, demand window, need, arc capacity)
        ("monthly", (date(2027, 2, 10), date(2027, 3, 5)), 50_000, 20_000),  # Feb, Mar
        ("monthly", (date(2027, 2, 1), date(2027, 2, 28)), 50_000, 10_000),  # Feb only
        ("monthly", (date(2026, 11, 1), date(2027, 1, 1)), 50_000, 10_000),  # one day of Jan
        ("monthly", (date(2027, 1, 1), date(2027, 12, 31)), 50_000, 50_000),  # all six: the need
        ("monthly", (date(2027, 1, 1), date(2027, 12, 31)), 90_000, 60_000),  # what is left
        ("weekly", (date(2027, 1, 5), date(2027, 1, 20)), 50_000, 30_000),  # weeks 1, 2, 3
        ("one_off", (date(2027, 2, 10), date(2027, 3, 5)), 50_000, 50_000),  # no periods
    ]
    for period, window, need, expected in cases:
        d, o = _periodic_case(period, half_year, window, need)
        assert engine.arc_capacity(d, o) == expected, (period, window)
        arcs = candidates.candidate_arcs([d], [o], PARAMS)
        assert [a.capacity for a in arcs] == [expected], (period, window)
        solution = solver.solve([d], [o], arcs, PARAMS)
        assert [a.quantity for a in solution.allocations] == [expected]
        assert solution.unmet == [need - expected]


def test_periods_too_small_for_the_minimum_lot_exclude_the_offer_and_say_why():
    d, o = _periodic_case(
        "monthly",
        (date(2027, 1, 1), date(2027, 6, 30)),
        (date(2027, 2, 1), date(2027, 2, 20)),
        50_000,
    )
    d = engine.DemandInput(**(vars(d) | {"min_lot": 15_000}))
    assert candidates.candidate_arcs([d], [o], PARAMS) == []
    reason = engine.exclusion_reason(d, o, 20.0)
    assert reason is not None and "monthly periods" in reason and "10000" in reason


def test_runs_recorded_before_periods_replay_without_a_period_limit():
    d, o = _periodic_case(
        "monthly",
        (date(2027, 1, 1), date(2027, 6, 30)),
        (date(2027, 2, 1), date(2027, 2, 20)),
        50_000,
    )
    data = engine.dump_inputs([d], [o])
    for offer in data["offers"]:
        del offer["period"], offer["period_quantity"]
    _, (old,) = engine.load_inputs(data)
    assert old.period == "one_off" and engine.arc_capacity(d, old) == 50_000


def _random_inputs(
    rng: random.Random, n_demands: int, n_offers: int
) -> tuple[list[engine.DemandInput], list[engine.OfferInput]]:
    start = date(2027, 1, 1).toordinal()
    demands = [
        engine.DemandInput(
            id=f"d{j}",
            quantity=rng.choice([0, 500, 1000, 7000]),
            min_lot=rng.choice([0, 300]),
            latitude=-6 + rng.random(),
            longitude=106 + rng.random(),
            radius_km=rng.choice([0.0, 50.0, 150.0]),
            window_start=start + rng.randint(0, 30),
            window_end=start + rng.randint(31, 90),
            min_grade_rank=rng.choice([None, 2]),
            required_certifications=rng.choice([(), ("halal",)]),
            reference_price=rng.choice([0, 4_000_000, 5_200_000]),
        )
        for j in range(n_demands)
    ]
    offers = [
        engine.OfferInput(
            id=f"o{i}",
            cooperative_id=f"c{i % 7}",
            quantity=rng.choice([100, 2500, 9000]),
            min_order=rng.choice([0, 200]),
            order_multiple=rng.choice([1, 50]),
            latitude=-6 + rng.random(),
            longitude=106 + rng.random(),
            window_start=start + rng.randint(0, 40),
            window_end=start + rng.randint(41, 120),
            grade_rank=rng.choice([None, 1, 3]),
            asking_price=rng.randint(2_000_000, 8_000_000),
            certifications=tuple(
                engine.CertificationInput("halal", start - 10, start + rng.randint(0, 200))
                for _ in range(rng.randint(0, 2))
            ),
            reliability=rng.choice([None, 0.0, 0.37, 1.0]),
            period=rng.choice(["one_off", "monthly"]),
            period_quantity=rng.choice([0, 400]),
        )
        for i in range(n_offers)
    ]
    return demands, offers


def test_offers_as_columns_give_back_the_same_offers_and_scores():
    """Columns (what a commodity run reads from the database) hold every offer field by field,
    as recorded inputs too, and ``scores`` on them equals ``score`` of each pair."""
    rng = random.Random(5)
    demands, offers = _random_inputs(rng, 30, 200)
    columns = engine.OfferColumns.of(offers)
    assert list(columns) == offers and [columns[i] for i in range(len(offers))] == offers
    assert engine.load_inputs(engine.dump_columns(demands, columns)) == (demands, offers)
    pairs = [
        engine.Allocation(j, i, 100, 0, rng.choice([0.0, 12.5, 49.99, 80.0]))
        for j in range(len(demands))
        for i in rng.sample(range(len(offers)), 5)
    ]
    expected = [engine.score(demands[a.demand], offers[a.offer], a.distance_km) for a in pairs]
    assert engine.scores(demands, columns, pairs) == expected
    assert engine.scores(demands, offers, pairs) == expected
    assert candidates.candidate_arcs(demands, columns, PARAMS) == candidates.candidate_arcs(
        demands, offers, PARAMS
    )
