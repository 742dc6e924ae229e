"""The array-based solver against the list-based one it replaced, and the worker processes.

The objectives below are what the solver before it (the list-based ``engine.solve`` of main at
5387677) gave on the same fixed data: with the CP-SAT polish off the repair is fully
deterministic, so the new solver must give exactly those; with the polish on it may only improve
on them.
"""

from __future__ import annotations

import asyncio
import json
import random

import pytest

from marketplace.matching import candidates, engine, solver
from marketplace.matching.workers import MatchingWorkers, allocate

# seed -> (objective with fix-and-resolve only, greedy) from the list-based solver.
PREVIOUS = {
    3: (26_389_731_762_500, 44_807_501_712_000),
    8: (16_093_711_001_500, 37_414_020_048_000),
    21: (25_661_511_680_500, 45_369_069_989_000),
}


def params(polish: float) -> engine.Parameters:
    return engine.Parameters(
        transport_cents_per_unit_km=100.0,
        unmet_penalty_cents=100_000_000,
        max_candidates_per_demand=20,
        repair_time_limit_seconds=polish,
    )


def fixed_data(
    seed: int, n_demands: int = 80, n_offers: int = 600
) -> tuple[list[engine.DemandInput], list[engine.OfferInput]]:
    """Demands and offers around two towns, with lots, minimum orders and multiples that the
    flow breaks, and scarce supply."""
    rng = random.Random(seed)
    towns = [(-6.9, 107.6), (-7.25, 112.75)]

    def place() -> tuple[float, float]:
        lat, lon = rng.choice(towns)
        return lat + rng.gauss(0, 0.4), lon + rng.gauss(0, 0.4)

    demands = []
    for j in range(n_demands):
        lat, lon = place()
        start = 100 + rng.randint(0, 60)
        demands.append(
            engine.DemandInput(
                id=f"d{j}",
                quantity=rng.randint(5, 40) * 1000,
                min_lot=rng.choice([1000, 2000, 3000]) if rng.random() < 0.4 else 0,
                latitude=lat,
                longitude=lon,
                radius_km=rng.choice([100.0, 200.0, 400.0]),
                window_start=start,
                window_end=start + rng.randint(30, 90),
                min_grade_rank=rng.choice([None, 1, 2]),
                required_certifications=("halal",) if rng.random() < 0.1 else (),
                reference_price=rng.randint(4_500_000, 6_000_000),
            )
        )
    offers = []
    for i in range(n_offers):
        lat, lon = place()
        start = 90 + rng.randint(0, 60)
        certs = (engine.CertificationInput("halal", 0, 400),) if rng.random() < 0.3 else ()
        offers.append(
            engine.OfferInput(
                id=f"o{i}",
                cooperative_id=f"c{i // 3}",
                quantity=rng.randint(1, 12) * 500,
                min_order=1000 if rng.random() < 0.3 else 0,
                order_multiple=rng.choice([500, 1000, 1500]) if rng.random() < 0.3 else 1,
                latitude=lat,
                longitude=lon,
                window_start=start,
                window_end=start + rng.randint(30, 150),
                grade_rank=rng.randint(1, 3),
                asking_price=rng.randint(4_200_000, 5_500_000),
                certifications=certs,
            )
        )
    return demands, offers


def _feasible(
    demands: list[engine.DemandInput], offers: list[engine.OfferInput], s: engine.Solution
) -> None:
    used = [0] * len(offers)
    met = [0] * len(demands)
    for a in s.allocations:
        assert engine.valid_quantity(demands[a.demand], offers[a.offer], a.quantity)
        used[a.offer] += a.quantity
        met[a.demand] += a.quantity
    assert all(u <= o.quantity for u, o in zip(used, offers, strict=True))
    assert all(m <= d.quantity for m, d in zip(met, demands, strict=True))
    assert s.unmet == [d.quantity - m for d, m in zip(demands, met, strict=True)]


@pytest.mark.parametrize("seed", sorted(PREVIOUS))
def test_objective_equals_the_previous_solver_and_the_polish_only_improves(seed: int) -> None:
    demands, offers = fixed_data(seed)
    previous, previous_greedy = PREVIOUS[seed]
    p = params(0.0)
    arcs = candidates.candidate_arcs(demands, offers, p)
    repaired = solver.solve(demands, offers, arcs, p)
    assert repaired.stats["repair"]["violating_arcs"] > 0  # the data exercises the repair
    _feasible(demands, offers, repaired)
    assert repaired.objective == previous
    greedy = solver.greedy(demands, offers, arcs, p)
    assert greedy.objective == previous_greedy
    assert repaired.objective < greedy.objective
    polished = solver.solve(demands, offers, arcs, params(2.0))
    _feasible(demands, offers, polished)
    assert polished.objective <= previous


def test_a_large_run_computes_in_a_worker_process_with_the_same_answer() -> None:
    demands, offers = fixed_data(5, n_demands=300, n_offers=2_000)
    p = params(0.0)  # no wall-clock limit anywhere: both answers must be the same
    inline = allocate(demands, offers, p)
    workers = MatchingWorkers(1)
    try:
        assert len(demands) + len(offers) >= 2_000  # above INLINE_BELOW: goes to the pool
        pooled = asyncio.run(workers.allocate(demands, offers, p))
    finally:
        workers.close()
    key = [(a.demand, a.offer, a.quantity) for a in inline.solution.allocations]
    assert [(a.demand, a.offer, a.quantity) for a in pooled.solution.allocations] == key
    assert pooled.solution.objective == inline.solution.objective
    assert pooled.scores == inline.scores and pooled.breakdowns == inline.breakdowns
    assert pooled.inputs_json == inline.inputs_json
    assert engine.load_inputs(json.loads(pooled.inputs_json)) == (demands, offers)
