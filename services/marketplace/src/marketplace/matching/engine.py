"""The matching engine: hard filters, scores, candidate generation and optimal allocation.

Pure computation on plain inputs (no database): the service feeds it rows, the bench feeds it
synthetic data, and a recorded run can be solved again from its stored inputs.

Allocation is a transportation problem solved as a min-cost flow over integer quantities (base
units): source -> offer (capacity = what the offer has left) -> demand (cost = asking price +
transport) -> sink, and source -> dummy -> demand at a per-demand penalty, so unmet demand is
priced and the network always balances. The penalty is a large constant plus what the offtaker is
willing to pay, so when supply is scarce it goes to the demands that value it most. Minimum lots
and order multiples make the problem integer-hard; the flow answer is checked and, where it breaks
them, the neighbourhood of the broken arcs is re-solved with CP-SAT under a deterministic time
limit (repeatable), falling back to rounding down.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from ortools.graph.python.min_cost_flow import SimpleMinCostFlow
from ortools.sat.python import cp_model

EARTH_RADIUS_KM = 6371.0088
CELL_DEGREES = 1.0
WEIGHTS = {
    "distance": 0.25,
    "window": 0.15,
    "quantity": 0.20,
    "price": 0.25,
    "reliability": 0.15,
}
NEUTRAL_RELIABILITY = 0.5


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


@dataclass(frozen=True)
class Parameters:
    transport_cents_per_unit_km: float
    unmet_penalty_cents: int
    max_candidates_per_demand: int
    repair_time_limit_seconds: float


@dataclass(frozen=True)
class Arc:
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
    status: str  # optimal | repaired | rounded
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def unmet_total(self) -> int:
        return sum(self.unmet)


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
    if largest_valid(d, o, min(o.quantity, d.quantity)) == 0:
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


class OfferIndex:
    """Offers bucketed by 1-degree grid cell, with their fields as numpy arrays."""

    def __init__(self, offers: list[OfferInput]) -> None:
        self.offers = offers
        n = len(offers)
        self.lat = np.fromiter((o.latitude for o in offers), float, n)
        self.lon = np.fromiter((o.longitude for o in offers), float, n)
        self.grade = np.fromiter(
            (-1 if o.grade_rank is None else o.grade_rank for o in offers), np.int64, n
        )
        self.ws = np.fromiter((o.window_start for o in offers), np.int64, n)
        self.we = np.fromiter((o.window_end for o in offers), np.int64, n)
        self.qty = np.fromiter((o.quantity for o in offers), np.int64, n)
        self.min_order = np.fromiter((o.min_order for o in offers), np.int64, n)
        self.multiple = np.fromiter((max(o.order_multiple, 1) for o in offers), np.int64, n)
        self.ask = np.fromiter((o.asking_price for o in offers), np.int64, n)
        self.has_certs = any(o.certifications for o in offers)
        cells: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, o in enumerate(offers):
            cells[_cell(o.latitude, o.longitude)].append(i)
        self.cells = {k: np.array(v, dtype=np.int64) for k, v in cells.items()}

    def near(self, lat: float, lon: float, radius_km: float) -> np.ndarray:
        dlat = radius_km / 111.195
        dlon = min(radius_km / (111.195 * max(math.cos(math.radians(lat)), 0.01)), 180.0)
        r0, r1 = math.floor((lat - dlat) / CELL_DEGREES), math.floor((lat + dlat) / CELL_DEGREES)
        c0, c1 = math.floor((lon - dlon) / CELL_DEGREES), math.floor((lon + dlon) / CELL_DEGREES)
        if (r1 - r0 + 1) * (c1 - c0 + 1) > len(self.cells):
            keys = [k for k in self.cells if r0 <= k[0] <= r1 and c0 <= k[1] <= c1]
        else:
            keys = [
                (r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) in self.cells
            ]
        if not keys:
            return np.empty(0, dtype=np.int64)
        return np.concatenate([self.cells[k] for k in keys])


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)


def candidate_arcs(
    demands: list[DemandInput], offers: list[OfferInput], p: Parameters
) -> list[Arc]:
    """Pairs passing the hard filters, at most ``max_candidates_per_demand`` cheapest per demand.

    Only offers in the grid cells around each demand's radius are looked at: never all pairs.
    """
    index = OfferIndex(offers)
    arcs: list[Arc] = []
    k = p.max_candidates_per_demand
    for j, d in enumerate(demands):
        if d.quantity <= 0:
            continue
        idx = index.near(d.latitude, d.longitude, d.radius_km)
        if idx.size == 0:
            continue
        dist = haversine_np(d.latitude, d.longitude, index.lat[idx], index.lon[idx])
        keep = dist <= d.radius_km
        if d.min_grade_rank is not None:
            keep &= index.grade[idx] >= d.min_grade_rank
        keep &= np.minimum(index.we[idx], d.window_end) >= np.maximum(index.ws[idx], d.window_start)
        cap = np.minimum(index.qty[idx], d.quantity)
        lower = np.maximum(np.maximum(index.min_order[idx], d.min_lot), 1)
        keep &= (cap // index.multiple[idx]) * index.multiple[idx] >= lower
        idx, dist, cap = idx[keep], dist[keep], cap[keep]
        if d.required_certifications and idx.size:
            ok = np.fromiter((certifications_ok(d, offers[i]) for i in idx), bool, idx.size)
            idx, dist, cap = idx[ok], dist[ok], cap[ok]
        if idx.size == 0:
            continue
        cost = index.ask[idx] + np.rint(p.transport_cents_per_unit_km * dist).astype(np.int64)
        # Cheapest k, ties broken by offer position so the result is repeatable.
        order = np.lexsort((idx, cost))[:k]
        for t in order:
            arcs.append(Arc(j, int(idx[t]), float(dist[t]), int(cost[t]), int(cap[t])))
    return arcs


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
        status, info = _repair(demands, offers, arcs, flows, violating, p)
        repair.update(info, seconds=round(time.perf_counter() - t0, 4))
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
    used_offers = sorted({a.offer for a in arcs})
    offer_node = {i: 2 + n for n, i in enumerate(used_offers)}
    first_demand = 2 + len(used_offers)
    sink = first_demand + len(demands)
    dummy = sink + 1
    total = sum(max(d.quantity, 0) for d in demands)
    if total == 0:
        return [0] * len(arcs)
    source = 0
    mcf = SimpleMinCostFlow()
    for i in used_offers:
        mcf.add_arc_with_capacity_and_unit_cost(source, offer_node[i], offers[i].quantity, 0)
    arc_ids = [
        mcf.add_arc_with_capacity_and_unit_cost(
            offer_node[a.offer], first_demand + a.demand, a.capacity, a.unit_cost
        )
        for a in arcs
    ]
    mcf.add_arc_with_capacity_and_unit_cost(source, dummy, total, 0)
    for j, d in enumerate(demands):
        if d.quantity > 0:
            mcf.add_arc_with_capacity_and_unit_cost(
                dummy, first_demand + j, d.quantity, penalty(d, p)
            )
            mcf.add_arc_with_capacity_and_unit_cost(first_demand + j, sink, d.quantity, 0)
    mcf.set_node_supply(source, total)
    mcf.set_node_supply(sink, -total)
    status = mcf.solve()
    if status != mcf.OPTIMAL:
        raise RuntimeError(f"min-cost flow did not solve: status {status}")
    return [int(mcf.flow(a)) for a in arc_ids]


def _repair(
    demands: list[DemandInput],
    offers: list[OfferInput],
    arcs: list[Arc],
    flows: list[int],
    violating: list[Arc],
    p: Parameters,
) -> tuple[str, dict[str, Any]]:
    """Re-solve the neighbourhood of the violating arcs as an integer program, in place."""
    dset = {a.demand for a in violating}
    # Every offer that could serve those demands, so the repair can also move to a new supplier.
    oset = {a.offer for a in arcs if a.demand in dset}
    sub = [n for n, a in enumerate(arcs) if a.demand in dset and a.offer in oset]
    # What each offer has left after the flows that stay outside the neighbourhood.
    residual = {i: offers[i].quantity for i in oset}
    for a, x in zip(arcs, flows, strict=True):
        if x and a.offer in oset and a.demand not in dset:
            residual[a.offer] -= x
    model = cp_model.CpModel()
    xs: dict[int, Any] = {}
    for n in sub:
        a = arcs[n]
        d, o = demands[a.demand], offers[a.offer]
        m = max(o.order_multiple, 1)
        cap = min(a.capacity, residual[a.offer])
        kmax = cap // m
        if kmax * m < lower_bound(d, o):
            continue
        kv = model.new_int_var(0, kmax, f"k{n}")
        used = model.new_bool_var(f"y{n}")
        xv = model.new_int_var(0, kmax * m, f"x{n}")
        model.add(xv == m * kv)
        model.add(xv >= lower_bound(d, o)).only_enforce_if(used)
        model.add(xv == 0).only_enforce_if(~used)
        model.add_hint(kv, largest_valid(d, o, flows[n]) // m)
        xs[n] = xv
    for i in oset:
        terms = [xs[n] for n in xs if arcs[n].offer == i]
        if terms:
            model.add(sum(terms) <= residual[i])
    objective: list[Any] = []
    for j in dset:
        d = demands[j]
        terms = [xs[n] for n in xs if arcs[n].demand == j]
        unmet = model.new_int_var(0, d.quantity, f"u{j}")
        model.add(sum(terms) + unmet == d.quantity)
        objective.append(penalty(d, p) * unmet)
    objective += [arcs[n].unit_cost * x for n, x in xs.items()]
    model.minimize(sum(objective))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1  # with a deterministic limit: the same answer every run
    solver.parameters.max_deterministic_time = p.repair_time_limit_seconds
    solver.parameters.max_time_in_seconds = p.repair_time_limit_seconds * 3
    result = solver.solve(model)
    info: dict[str, Any] = {"demands": len(dset), "offers": len(oset), "arcs": len(sub)}
    if result in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        for n in sub:
            flows[n] = int(solver.value(xs[n])) if n in xs else 0
        info["cp_sat"] = solver.status_name(result)
        return "repaired", info
    for n in sub:
        a = arcs[n]
        flows[n] = largest_valid(demands[a.demand], offers[a.offer], flows[n])
    info["cp_sat"] = solver.status_name(result)
    return "rounded", info


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
    return {"demands": [asdict(d) for d in demands], "offers": [asdict(o) for o in offers]}


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
