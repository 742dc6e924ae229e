"""The matching engine: hard filters, scores, candidate generation and optimal allocation.

Pure computation on plain inputs (no database): the service feeds it rows, the bench feeds it
synthetic data, and a recorded run can be solved again from its stored inputs.

Allocation is a transportation problem solved as a min-cost flow over integer quantities (base
units): source -> offer (capacity = what the offer has left over its whole window: per-period
quantity x periods, less what is committed) -> demand (cost = asking price + transport; capacity
= what the demand needs and, for a weekly or monthly offer, at most its per-period quantity x the
periods of its window that overlap the demand's window) -> sink, and source -> dummy -> demand at
a per-demand penalty, so unmet demand is priced and the network always balances. The penalty is a
large constant plus what the offtaker is willing to pay, so when supply is scarce it goes to the
demands that value it most. Minimum lots and order multiples make the problem integer-hard; the
flow answer is checked and, where it breaks them, repaired in two steps: arcs that break a rule are
fixed at a valid quantity or dropped and the rest re-solved as a flow (fast, always valid), then
the neighbourhood of those demands is improved with CP-SAT under a deterministic time limit
(repeatable).

Per-period limits are per arc: the flow does not know which period each demand's quantity will be
delivered in, so two demands sharing one month of an offer may together be allocated more than that
month supplies, and what other contracts already scheduled in a period is not subtracted. Accepting
a proposal is where periods are enforced exactly (the contract's schedule, under the offer's row
lock): such a proposal is then refused with 409 ``period-capacity-exceeded``.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

import numpy as np
from ortools.graph.python.min_cost_flow import SimpleMinCostFlow
from ortools.sat.python import cp_model

from marketplace.periods import ONE_OFF, overlapping_periods

EARTH_RADIUS_KM = 6371.0088
WEIGHTS = {
    "distance": 0.25,
    "window": 0.15,
    "quantity": 0.20,
    "price": 0.25,
    "reliability": 0.15,
}
NEUTRAL_RELIABILITY = 0.5
# CP-SAT rarely improves on the fixed-and-resolved flows beyond this size within seconds.
MAX_POLISH_ARCS = 20_000


@dataclass(frozen=True)
class DemandInput:
    id: str
    quantity: int  # what is left to allocate, whole base units
    min_lot: int  # 0 when none
    latitude: float
    longitude: float
    radius_km: float
    window_start: int  # date ordinals
    window_end: int
    min_grade_rank: int | None
    required_certifications: tuple[str, ...]
    reference_price: int  # cents per base unit the offtaker is prepared to pay


@dataclass(frozen=True)
class CertificationInput:
    scheme: str
    valid_from: int
    valid_to: int


@dataclass(frozen=True)
class OfferInput:
    id: str
    cooperative_id: str
    quantity: int
    min_order: int  # 0 when none
    order_multiple: int  # 1 when none
    latitude: float
    longitude: float
    window_start: int
    window_end: int
    grade_rank: int | None
    asking_price: int  # cents per base unit
    certifications: tuple[CertificationInput, ...] = ()
    reliability: float | None = None
    # Weekly or monthly offers: what one period supplies (``quantity`` is then what is left over
    # the whole window). An arc to a demand carries at most this x the periods of the offer's
    # window that overlap the demand's window. one_off (the default, and recorded runs from
    # before periods were kept): no per-period limit.
    period: str = ONE_OFF
    period_quantity: int = 0


@dataclass(frozen=True)
class Parameters:
    transport_cents_per_unit_km: float
    unmet_penalty_cents: int
    max_candidates_per_demand: int
    repair_time_limit_seconds: float
    min_candidates_per_offer: int = 3


class Arc(NamedTuple):
    """A tuple: a national run builds hundreds of thousands (a dataclass costs 4x to make)."""

    demand: int  # index into the demand list
    offer: int
    distance_km: float
    unit_cost: int  # cents per base unit: asking price + transport
    capacity: int


@dataclass
class Allocation:
    demand: int
    offer: int
    quantity: int
    unit_cost: int
    distance_km: float


@dataclass
class Solution:
    allocations: list[Allocation]
    objective: int  # cents: supply cost plus unmet penalties
    supply_cost: int  # cents: what the allocated quantities cost delivered
    unmet: list[int]  # per demand
    status: str  # optimal | repaired
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def unmet_total(self) -> int:
        return sum(self.unmet)


def period_limit(d: DemandInput, o: OfferInput) -> int | None:
    """The most a periodic offer can give this demand: its per-period quantity x the periods of
    its window that overlap the demand's window (None when the offer has no periods)."""
    if o.period == ONE_OFF or o.period_quantity <= 0:
        return None
    n = overlapping_periods(
        o.period,
        date.fromordinal(o.window_start),
        date.fromordinal(o.window_end),
        date.fromordinal(d.window_start),
        date.fromordinal(d.window_end),
    )
    return o.period_quantity * n


def arc_capacity(d: DemandInput, o: OfferInput) -> int:
    """What one arc offer -> demand may carry: what the offer has left, what the demand needs,
    and for a periodic offer what the overlapping periods supply."""
    cap = min(o.quantity, d.quantity)
    limit = period_limit(d, o)
    return cap if limit is None else min(cap, limit)


def lower_bound(d: DemandInput, o: OfferInput) -> int:
    """The smallest quantity one supplier may deliver to this demand."""
    return max(d.min_lot, o.min_order, 1)


def valid_quantity(d: DemandInput, o: OfferInput, x: int) -> bool:
    return x == 0 or (x >= lower_bound(d, o) and x % max(o.order_multiple, 1) == 0)


def largest_valid(d: DemandInput, o: OfferInput, x: int) -> int:
    """The largest quantity <= x that respects minimum lot, minimum order and multiple."""
    m = max(o.order_multiple, 1)
    x = (x // m) * m
    return x if x >= lower_bound(d, o) else 0


def penalty(d: DemandInput, p: Parameters) -> int:
    return p.unmet_penalty_cents + d.reference_price


def haversine_np(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    p1 = math.radians(lat)
    p2 = np.radians(lats)
    dp = p2 - p1
    dl = np.radians(lons - lon)
    a = np.sin(dp / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def certifications_ok(d: DemandInput, o: OfferInput) -> bool:
    """Every required scheme held by a certificate valid through the shared window."""
    start = max(d.window_start, o.window_start)
    end = min(d.window_end, o.window_end)
    for scheme in d.required_certifications:
        if not any(
            c.scheme == scheme and c.valid_from <= start and c.valid_to >= end
            for c in o.certifications
        ):
            return False
    return True


def exclusion_reason(d: DemandInput, o: OfferInput, distance_km: float) -> str | None:
    """Why a pair fails the hard filters (None when it passes). Commodity is filtered upstream."""
    if d.min_grade_rank is not None and (o.grade_rank is None or o.grade_rank < d.min_grade_rank):
        return "grade below the minimum"
    if min(d.window_end, o.window_end) < max(d.window_start, o.window_start):
        return "delivery windows do not overlap"
    if distance_km > d.radius_km:
        return f"{distance_km:.0f} km away, beyond the {d.radius_km:.0f} km radius"
    if not certifications_ok(d, o):
        return "required certification missing or not valid through the window"
    if largest_valid(d, o, arc_capacity(d, o)) == 0:
        limit = period_limit(d, o)
        if limit is not None and limit < min(o.quantity, d.quantity):
            return (
                f"the {o.period} periods overlapping the demand's window supply {limit}, "
                "too little for the minimum lot / minimum order / order multiple"
            )
        return "cannot meet the minimum lot / minimum order / order multiple"
    return None


def unit_cost(o: OfferInput, distance_km: float, p: Parameters) -> int:
    return o.asking_price + round(p.transport_cents_per_unit_km * distance_km)


def score(d: DemandInput, o: OfferInput, distance_km: float) -> tuple[float, dict[str, float]]:
    """Weighted score in [0, 1] and its per-factor breakdown (each factor in [0, 1])."""
    overlap = min(d.window_end, o.window_end) - max(d.window_start, o.window_start) + 1
    span = d.window_end - d.window_start + 1
    ref = d.reference_price
    factors = {
        "distance": max(0.0, 1.0 - distance_km / d.radius_km) if d.radius_km > 0 else 0.0,
        "window": max(0.0, min(1.0, overlap / span)),
        "quantity": min(1.0, o.quantity / d.quantity) if d.quantity > 0 else 0.0,
        # 0.5 at the offtaker's reference price, 1 at half of it, 0 at one and a half times it.
        "price": max(0.0, min(1.0, 1.5 - o.asking_price / ref)) if ref > 0 else 0.5,
        "reliability": NEUTRAL_RELIABILITY if o.reliability is None else o.reliability,
    }
    factors = {k: round(v, 4) for k, v in factors.items()}
    total = round(sum(WEIGHTS[k] * v for k, v in factors.items()), 4)
    return total, factors


def solve(
    demands: list[DemandInput], offers: list[OfferInput], arcs: list[Arc], p: Parameters
) -> Solution:
    started = time.perf_counter()
    flows = _min_cost_flow(demands, offers, arcs, p)
    flow_seconds = time.perf_counter() - started
    violating = [
        a
        for a, x in zip(arcs, flows, strict=True)
        if x and not valid_quantity(demands[a.demand], offers[a.offer], x)
    ]
    status = "optimal"
    repair: dict[str, Any] = {"violating_arcs": len(violating)}
    if violating:
        t0 = time.perf_counter()
        lower_bound_objective = _objective(demands, arcs, flows, p)
        flows, rounds = _fix_and_resolve(demands, offers, arcs, flows, p)
        repair["fix_rounds"] = rounds
        repair["heuristic_objective"] = _objective(demands, arcs, flows, p)
        repair["flow_lower_bound"] = lower_bound_objective
        status = "repaired"
        if p.repair_time_limit_seconds > 0:
            _, info = _repair(demands, offers, arcs, flows, violating, p)
            repair.update(info)
        repair["seconds"] = round(time.perf_counter() - t0, 4)
    solution = _solution(demands, offers, arcs, flows, p, status)
    solution.stats = {
        "arcs": len(arcs),
        "flow_seconds": round(flow_seconds, 4),
        "repair": repair,
    }
    return solution


def _min_cost_flow(
    demands: list[DemandInput], offers: list[OfferInput], arcs: list[Arc], p: Parameters
) -> list[int]:
    """Optimal integer flow on every arc."""
    need = [max(d.quantity, 0) for d in demands]
    supply = [o.quantity for o in offers]
    caps = {n: a.capacity for n, a in enumerate(arcs)}
    flows = [0] * len(arcs)
    for n, x in _flow_on(demands, arcs, caps, need, supply, p).items():
        flows[n] = x
    return flows


def _flow_on(
    demands: list[DemandInput],
    arcs: list[Arc],
    caps: dict[int, int],
    need: list[int],
    supply: list[int],
    p: Parameters,
) -> dict[int, int]:
    """Min-cost flow over the arcs in ``caps`` (arc -> capacity) for what demands still need.

    Nodes: 0 source, 1 dummy (unmet demand), then offers, demands, and the sink last.
    """
    live = np.array([n for n, c in caps.items() if c > 0], dtype=np.int64)
    used_demands = sorted({arcs[n].demand for n in caps if need[arcs[n].demand] > 0})
    total = sum(need[j] for j in used_demands)
    if total == 0:
        return {}
    a_offer = np.array([arcs[n].offer for n in live], dtype=np.int64)
    a_demand = np.array([arcs[n].demand for n in live], dtype=np.int64)
    used_offers = np.unique(a_offer)
    offer_node = np.full(len(supply), -1, dtype=np.int64)
    offer_node[used_offers] = 2 + np.arange(used_offers.size)
    demand_node = np.full(len(demands), -1, dtype=np.int64)
    dem = np.array(used_demands, dtype=np.int64)
    demand_node[dem] = 2 + used_offers.size + np.arange(dem.size)
    sink = 2 + used_offers.size + dem.size
    need_arr = np.array([need[j] for j in used_demands], dtype=np.int64)
    pen = np.array([penalty(demands[j], p) for j in used_demands], dtype=np.int64)
    supply_arr = np.maximum(np.array(supply, dtype=np.int64)[used_offers], 0)
    tails = np.concatenate(
        [
            np.zeros(used_offers.size, np.int64),  # source -> offer
            offer_node[a_offer],  # offer -> demand
            [0],  # source -> dummy
            np.ones(dem.size, np.int64),  # dummy -> demand
            demand_node[dem],  # demand -> sink
        ]
    )
    heads = np.concatenate(
        [
            offer_node[used_offers],
            demand_node[a_demand],
            [1],
            demand_node[dem],
            np.full(dem.size, sink, np.int64),
        ]
    )
    capacities = np.concatenate(
        [
            supply_arr,
            np.array([caps[int(n)] for n in live], dtype=np.int64),
            [total],
            need_arr,
            need_arr,
        ]
    )
    costs = np.concatenate(
        [
            np.zeros(used_offers.size, np.int64),
            np.array([arcs[n].unit_cost for n in live], dtype=np.int64),
            [0],
            pen,
            np.zeros(dem.size, np.int64),
        ]
    )
    mcf = SimpleMinCostFlow()
    ids = mcf.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, costs)
    mcf.set_node_supply(0, total)
    mcf.set_node_supply(int(sink), -total)
    status = mcf.solve()
    if status != mcf.OPTIMAL:
        raise RuntimeError(f"min-cost flow did not solve: status {status}")
    start = used_offers.size
    flows = mcf.flows(ids[start : start + live.size])
    return {int(n): int(x) for n, x in zip(live, flows, strict=True)}


def _fix_and_resolve(
    demands: list[DemandInput],
    offers: list[OfferInput],
    arcs: list[Arc],
    flows: list[int],
    p: Parameters,
    max_rounds: int = 1000,
) -> tuple[list[int], int]:
    """Fast repair: fix or drop each arc whose flow breaks a lot or multiple, re-solve the rest.

    Demands with nothing broken keep their flows. An arc whose flow is at least half its lower
    bound is fixed at the nearest valid quantity at or above it when the offer and demand still
    have room (otherwise rounded down, or dropped); then the flow is solved again for what the
    broken demands still need. Each round fixes or drops every violating arc, so it ends; the
    result respects lots and multiples.
    """
    flows = list(flows)
    by_demand: dict[int, list[int]] = defaultdict(list)
    for n, a in enumerate(arcs):
        by_demand[a.demand].append(n)
    fixed: set[int] = set()
    banned: set[int] = set()
    supply = [o.quantity for o in offers]
    need = [max(d.quantity, 0) for d in demands]
    active = set(range(len(demands)))
    rounds = 0
    while True:
        rounds += 1
        bad = [
            n
            for j in sorted(active)
            for n in by_demand[j]
            if flows[n]
            and n not in fixed
            and not valid_quantity(demands[j], offers[arcs[n].offer], flows[n])
        ]
        if not bad:
            break
        broken = {arcs[n].demand for n in bad}
        for j in active - broken:  # settled: their flows stay
            for n in by_demand[j]:
                if flows[n] and n not in fixed:
                    fixed.add(n)
                    supply[arcs[n].offer] -= flows[n]
                    need[j] -= flows[n]
        bad_set = set(bad)
        for j in sorted(broken):  # release what the broken demands held, except fixed arcs
            for n in by_demand[j]:
                if n not in fixed and n not in bad_set:
                    flows[n] = 0
        for n in bad:
            a = arcs[n]
            d, o = demands[a.demand], offers[a.offer]
            m = max(o.order_multiple, 1)
            low = lower_bound(d, o)
            room = min(a.capacity, supply[a.offer], need[a.demand])
            x = flows[n]
            up = -(-max(low, x) // m) * m
            down = largest_valid(d, o, min(x, room))
            value = up if (rounds < max_rounds and 2 * x >= low and up <= room) else down
            flows[n] = value
            if value > 0:
                fixed.add(n)
                supply[a.offer] -= value
                need[a.demand] -= value
            else:
                banned.add(n)
        caps = {
            n: min(arcs[n].capacity, supply[arcs[n].offer], need[j])
            for j in broken
            for n in by_demand[j]
            if n not in fixed and n not in banned
        }
        for n, x in _flow_on(demands, arcs, caps, need, supply, p).items():
            flows[n] = x
        active = broken
    return flows, rounds


def _repair(
    demands: list[DemandInput],
    offers: list[OfferInput],
    arcs: list[Arc],
    flows: list[int],
    violating: list[Arc],
    p: Parameters,
) -> tuple[str, dict[str, Any]]:
    """Improve the repaired flows around the demands that had violating arcs, in place.

    The neighbourhood is every demand that had a violating arc and every offer that could serve
    one of them (with what it has left after the flows that stay); it splits into independent
    components (demands linked by shared offers), each solved by CP-SAT with its share of the
    time limit, starting from the fixed-and-resolved flows (valid), so it can only improve.
    """
    dset = {a.demand for a in violating}
    sub = [n for n, a in enumerate(arcs) if a.demand in dset]
    oset = {arcs[n].offer for n in sub}
    residual = {i: offers[i].quantity for i in oset}
    for a, x in zip(arcs, flows, strict=True):
        if x and a.offer in oset and a.demand not in dset:
            residual[a.offer] -= x
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(k: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for n in sub:
        ra, rb = find(("d", arcs[n].demand)), find(("o", arcs[n].offer))
        if ra != rb:
            parent[ra] = rb
    components: dict[tuple[str, int], list[int]] = defaultdict(list)
    for n in sub:
        components[find(("d", arcs[n].demand))].append(n)
    statuses: list[str] = []
    for arc_ids in sorted(components.values(), key=lambda ids: ids[0]):
        if len(arc_ids) > MAX_POLISH_ARCS:
            statuses.append("TOO_LARGE_KEPT_HEURISTIC")
            continue
        share = p.repair_time_limit_seconds * len(arc_ids) / len(sub)
        statuses.append(_solve_component(demands, offers, arcs, flows, arc_ids, residual, p, share))
    info: dict[str, Any] = {
        "demands": len(dset),
        "offers": len(oset),
        "arcs": len(sub),
        "components": len(components),
        "cp_sat": {s: statuses.count(s) for s in sorted(set(statuses))},
    }
    return "repaired", info


def _solve_component(
    demands: list[DemandInput],
    offers: list[OfferInput],
    arcs: list[Arc],
    flows: list[int],
    arc_ids: list[int],
    residual: dict[int, int],
    p: Parameters,
    time_limit: float,
) -> str:
    model = cp_model.CpModel()
    xs: dict[int, Any] = {}
    for n in arc_ids:
        a = arcs[n]
        d, o = demands[a.demand], offers[a.offer]
        m = max(o.order_multiple, 1)
        kmax = min(a.capacity, residual[a.offer]) // m
        if kmax * m < lower_bound(d, o):
            continue
        kv = model.new_int_var(0, kmax, f"k{n}")
        used = model.new_bool_var(f"y{n}")
        xv = model.new_int_var(0, kmax * m, f"x{n}")
        model.add(xv == m * kv)
        model.add(xv >= lower_bound(d, o)).only_enforce_if(used)
        model.add(xv == 0).only_enforce_if(~used)
        model.add_hint(kv, min(largest_valid(d, o, flows[n]), kmax * m) // m)
        xs[n] = xv
    by_offer: dict[int, list[Any]] = defaultdict(list)
    by_demand: dict[int, list[Any]] = defaultdict(list)
    for n, xv in xs.items():
        by_offer[arcs[n].offer].append(xv)
        by_demand[arcs[n].demand].append(xv)
    for i, terms in by_offer.items():
        model.add(sum(terms) <= residual[i])
    objective: list[Any] = [arcs[n].unit_cost * xv for n, xv in xs.items()]
    for j in sorted({arcs[n].demand for n in arc_ids}):
        d = demands[j]
        unmet = model.new_int_var(0, d.quantity, f"u{j}")
        model.add(sum(by_demand[j]) + unmet == d.quantity)
        objective.append(penalty(d, p) * unmet)
    model.minimize(sum(objective))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1  # with a deterministic limit: the same answer every run
    solver.parameters.max_deterministic_time = max(time_limit, 0.05)
    solver.parameters.max_time_in_seconds = max(time_limit, 0.05) * 3
    result = solver.solve(model)
    if result in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        for n in arc_ids:
            flows[n] = int(solver.value(xs[n])) if n in xs else 0
        for n in arc_ids:  # what this component uses is no longer there for the next one
            residual[arcs[n].offer] -= flows[n]
        return str(solver.status_name(result))
    # No better answer in time: the fixed-and-resolved flows (already valid) stay.
    for n in arc_ids:
        residual[arcs[n].offer] -= flows[n]
    return "KEPT_HEURISTIC"


def _objective(demands: list[DemandInput], arcs: list[Arc], flows: list[int], p: Parameters) -> int:
    met = [0] * len(demands)
    cost = 0
    for a, x in zip(arcs, flows, strict=True):
        met[a.demand] += x
        cost += x * a.unit_cost
    return cost + sum((max(d.quantity, 0) - met[j]) * penalty(d, p) for j, d in enumerate(demands))


def _solution(
    demands: list[DemandInput],
    offers: list[OfferInput],
    arcs: list[Arc],
    flows: list[int],
    p: Parameters,
    status: str,
) -> Solution:
    met = [0] * len(demands)
    allocations = []
    supply_cost = 0
    for a, x in zip(arcs, flows, strict=True):
        if x > 0:
            allocations.append(Allocation(a.demand, a.offer, x, a.unit_cost, a.distance_km))
            met[a.demand] += x
            supply_cost += x * a.unit_cost
    unmet = [max(d.quantity, 0) - met[j] for j, d in enumerate(demands)]
    objective = supply_cost + sum(u * penalty(demands[j], p) for j, u in enumerate(unmet))
    allocations.sort(key=lambda al: (al.demand, al.offer))
    return Solution(allocations, objective, supply_cost, unmet, status)


def greedy(
    demands: list[DemandInput], offers: list[OfferInput], arcs: list[Arc], p: Parameters
) -> Solution:
    """Baseline: demands in order of what they pay, each taking its cheapest candidates first."""
    by_demand: dict[int, list[Arc]] = defaultdict(list)
    for a in arcs:
        by_demand[a.demand].append(a)
    left = [o.quantity for o in offers]
    flows_by_arc: dict[tuple[int, int], int] = {}
    order = sorted(range(len(demands)), key=lambda j: (-demands[j].reference_price, j))
    for j in order:
        need = demands[j].quantity
        for a in sorted(by_demand[j], key=lambda a: (a.unit_cost, a.offer)):
            if need <= 0:
                break
            x = largest_valid(demands[j], offers[a.offer], min(need, left[a.offer], a.capacity))
            if x > 0:
                flows_by_arc[(a.demand, a.offer)] = x
                left[a.offer] -= x
                need -= x
    flows = [flows_by_arc.get((a.demand, a.offer), 0) for a in arcs]
    return _solution(demands, offers, arcs, flows, p, "greedy")


def dump_inputs(demands: list[DemandInput], offers: list[OfferInput]) -> dict[str, Any]:
    """The inputs as JSON-ready dicts (``vars`` rather than ``asdict``: 100x faster here)."""
    return {
        "demands": [
            dict(vars(d), required_certifications=list(d.required_certifications)) for d in demands
        ],
        "offers": [
            dict(vars(o), certifications=[dict(vars(c)) for c in o.certifications]) for o in offers
        ],
    }


def load_inputs(data: dict[str, Any]) -> tuple[list[DemandInput], list[OfferInput]]:
    demands = [
        DemandInput(**(d | {"required_certifications": tuple(d["required_certifications"])}))
        for d in data["demands"]
    ]
    offers = [
        OfferInput(
            **(o | {"certifications": tuple(CertificationInput(**c) for c in o["certifications"])})
        )
        for o in data["offers"]
    ]
    return demands, offers
