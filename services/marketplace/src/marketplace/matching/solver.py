"""Allocation: the optimal split of offers across demands, and the greedy baseline.

A transportation problem solved as a min-cost flow over integer quantities (base units): source
-> offer (capacity = what the offer has left over its whole window: per-period quantity x periods,
less what is committed) -> demand (cost = asking price + transport; capacity = what the demand
needs and, for a weekly or monthly offer, at most its per-period quantity x the periods of its
window that overlap the demand's window) -> sink, and source -> dummy -> demand at a per-demand
penalty, so unmet demand is priced and the network always balances. The penalty is a large
constant plus what the offtaker is willing to pay, so when supply is scarce it goes to the
demands that value it most. Minimum lots and order multiples make the problem integer-hard; the
flow answer is checked and, where it breaks them, repaired in two steps: arcs that break a rule
are fixed at a valid quantity or dropped and the rest re-solved as a flow (fast, always valid),
then the neighbourhood of those demands is improved with CP-SAT under a deterministic time limit
(repeatable).

The arcs live here as arrays (``_Net``), built once per solve: every step of the repair is array
work except the per-arc rounding of the few violating arcs, which is sequential by nature (each
decision takes room the next one sees). The flow solver is given the arcs in the same order as
the list-based solver before it did, so a solve gives the same answer it did then (a test
compares both on fixed data).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, TypeAlias

import numpy as np
from ortools.graph.python.min_cost_flow import SimpleMinCostFlow
from ortools.sat.python import cp_model
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from marketplace.matching.candidates import Pairs
from marketplace.matching.engine import (
    Allocation,
    Arc,
    DemandInput,
    OfferColumns,
    Offers,
    Parameters,
    Solution,
    largest_valid,
    lower_bound,
    penalty,
)

# Components above this are not polished. Measured on the bench's data (seed 7, one second
# of polish per commodity): every component CP-SAT improved had at most 2,737 arcs (at 1,000 x
# 10,000; at 3,000 x 30,000 one of 368 arcs), and none of 3,028 arcs or more improved at any
# size up to 10,000 x 100,000, while those took most of the polish time (up to 0.8 s each).
MAX_POLISH_ARCS = 3_000
# The polish is skipped when its time limit, spread over the arcs of the whole neighbourhood,
# leaves less than this per arc (50 deterministic ms per 1,000 arcs). Measured on the bench's
# data (seed 7, one second of polish): at 10,000 x 100,000 the neighbourhood is about 51,000
# arcs (20 us each), the one component small enough to polish (1,600-1,900 arcs) got 0.05 s,
# ended FEASIBLE with no gain on all five commodities, and cost 0.25-0.37 CPU s each; at
# 1,000 x 10,000 and 3,000 x 30,000 (3,700-15,000 arcs, 65 us and more) the polish gained
# up to 1.6 % of the objective and is kept.
MIN_POLISH_SECONDS_PER_ARC = 0.05 / 1_000
# What solve takes: the candidate arrays, or a list of arcs (a preview, a test).
Arcs: TypeAlias = Pairs | Sequence[Arc]
_EMPTY = np.empty(0, np.int64)
# The least wall-clock guard on one component's polish (see ``_solve_component``).
RUNAWAY_SECONDS = 300.0


class _Net:
    """The arcs, and what the solver reads of their demands and offers, as arrays."""

    def __init__(
        self, demands: list[DemandInput], offers: Offers, arcs: Arcs, p: Parameters
    ) -> None:
        if isinstance(arcs, Pairs):
            self.pairs = arcs
        else:
            cols: list[tuple[Any, ...]] = list(zip(*arcs, strict=True)) if arcs else [()] * 5
            self.pairs = Pairs(
                np.array(cols[0], dtype=np.int64),
                np.array(cols[1], dtype=np.int64),
                np.array(cols[2], dtype=float),
                np.array(cols[3], dtype=np.int64),
                np.array(cols[4], dtype=np.int64),
            )
        self.demand = self.pairs.demand.astype(np.int64, copy=False)
        self.offer = self.pairs.offer.astype(np.int64, copy=False)
        self.distance = self.pairs.distance.astype(float, copy=False)
        self.cost = self.pairs.cost.astype(np.int64, copy=False)
        self.capacity = self.pairs.capacity.astype(np.int64, copy=False)
        nd = len(demands)
        offer_cols = OfferColumns.of(offers)
        min_lot = np.fromiter((d.min_lot for d in demands), np.int64, nd)
        min_order = offer_cols.min_order
        multiple = np.maximum(offer_cols.order_multiple, 1)
        # lower_bound and the order multiple of each arc (engine.valid_quantity on arrays)
        self.lower = np.maximum(np.maximum(min_lot[self.demand], min_order[self.offer]), 1)
        self.multiple = multiple[self.offer]
        self.need = np.fromiter((max(d.quantity, 0) for d in demands), np.int64, nd)
        self.supply = offer_cols.quantity.copy()
        self.penalty = np.fromiter((penalty(d, p) for d in demands), np.int64, nd)
        # The arcs of demand j, in arc order: order[start[j]:start[j + 1]].
        self.order = np.argsort(self.demand, kind="stable")
        self.start = np.searchsorted(self.demand[self.order], np.arange(nd + 1))

    def of_demands(self, js: Iterable[int]) -> np.ndarray:
        """Arc ids of the demands, demand by demand in the order given, arcs in arc order."""
        parts = [self.order[self.start[j] : self.start[j + 1]] for j in js]
        return np.concatenate(parts) if parts else _EMPTY

    def invalid(self, ids: np.ndarray, x: np.ndarray) -> np.ndarray:
        """A non-zero quantity that breaks a lot, a minimum order or a multiple."""
        return (x != 0) & ((x < self.lower[ids]) | (x % self.multiple[ids] != 0))


def solve(demands: list[DemandInput], offers: Offers, arcs: Arcs, p: Parameters) -> Solution:
    started = time.perf_counter()
    net = _Net(demands, offers, arcs, p)
    flows = np.zeros(len(arcs), np.int64)
    live, x = _flow_on(net, np.arange(len(arcs)), net.capacity, net.need, net.supply)
    flows[live] = x
    flow_seconds = time.perf_counter() - started
    violating = np.flatnonzero(net.invalid(np.arange(len(arcs)), flows))
    status = "optimal"
    repair: dict[str, Any] = {"violating_arcs": int(violating.size)}
    if violating.size:
        t0 = time.perf_counter()
        lower_bound_objective = _objective(net, flows)
        flows, rounds = _fix_and_resolve(net, flows)
        repair["fix_rounds"] = rounds
        repair["heuristic_objective"] = _objective(net, flows)
        repair["flow_lower_bound"] = lower_bound_objective
        status = "repaired"
        if p.repair_time_limit_seconds > 0:
            repair.update(_repair(demands, offers, net, flows, violating, p))
        repair["seconds"] = round(time.perf_counter() - t0, 4)
    solution = _solution(demands, net, flows, status)
    solution.stats = {
        "arcs": len(arcs),
        "flow_seconds": round(flow_seconds, 4),
        "repair": repair,
    }
    return solution


def _flow_on(
    net: _Net, ids: np.ndarray, caps: np.ndarray, need: np.ndarray, supply: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Min-cost flow over the arcs ``ids`` (capacities ``caps``) for what demands still need:
    (arcs with a positive capacity, their flows).

    Nodes: 0 source, 1 dummy (unmet demand), then offers, demands, and the sink last.
    """
    live = ids[caps > 0]
    live_caps = caps[caps > 0]
    touched = net.demand[ids]
    used_demands = np.unique(touched[need[touched] > 0])
    total = int(need[used_demands].sum())
    if total == 0:
        return _EMPTY, _EMPTY
    a_offer = net.offer[live]
    a_demand = net.demand[live]
    used_offers = np.unique(a_offer)
    offer_node = np.full(supply.size, -1, dtype=np.int64)
    offer_node[used_offers] = 2 + np.arange(used_offers.size)
    demand_node = np.full(need.size, -1, dtype=np.int64)
    demand_node[used_demands] = 2 + used_offers.size + np.arange(used_demands.size)
    sink = 2 + used_offers.size + used_demands.size
    need_arr = need[used_demands]
    nd = used_demands.size
    tails = np.concatenate(
        [
            np.zeros(used_offers.size, np.int64),  # source -> offer
            offer_node[a_offer],  # offer -> demand
            [0],  # source -> dummy
            np.ones(nd, np.int64),  # dummy -> demand
            demand_node[used_demands],  # demand -> sink
        ]
    )
    heads = np.concatenate(
        [
            offer_node[used_offers],
            demand_node[a_demand],
            [1],
            demand_node[used_demands],
            np.full(nd, sink, np.int64),
        ]
    )
    capacities = np.concatenate(
        [np.maximum(supply[used_offers], 0), live_caps, [total], need_arr, need_arr]
    )
    costs = np.concatenate(
        [
            np.zeros(used_offers.size, np.int64),
            net.cost[live],
            [0],
            net.penalty[used_demands],
            np.zeros(nd, np.int64),
        ]
    )
    mcf = SimpleMinCostFlow()
    arc_ids = mcf.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, costs)
    mcf.set_node_supply(0, total)
    mcf.set_node_supply(int(sink), -total)
    status = mcf.solve()
    if status != mcf.OPTIMAL:
        raise RuntimeError(f"min-cost flow did not solve: status {status}")
    first = used_offers.size
    return live, np.asarray(mcf.flows(arc_ids[first : first + live.size]), dtype=np.int64)


def _fix_and_resolve(
    net: _Net, flows: np.ndarray, max_rounds: int = 1000
) -> tuple[np.ndarray, int]:
    """Fast repair: fix or drop each arc whose flow breaks a lot or multiple, re-solve the rest.

    Demands with nothing broken keep their flows. An arc whose flow is at least half its lower
    bound is fixed at the nearest valid quantity at or above it when the offer and demand still
    have room (otherwise rounded down, or dropped); then the flow is solved again for what the
    broken demands still need. Each round fixes or drops every violating arc, so it ends; the
    result respects lots and multiples.
    """
    flows = flows.copy()
    fixed = np.zeros(flows.size, dtype=bool)
    banned = np.zeros(flows.size, dtype=bool)
    supply = net.supply.copy()
    need = net.need.copy()
    active = set(range(net.need.size))
    rounds = 0
    while True:
        rounds += 1
        ids = net.order if len(active) == net.need.size else net.of_demands(sorted(active))
        x = flows[ids]
        bad = ids[~fixed[ids] & net.invalid(ids, x)]
        if bad.size == 0:
            break
        broken = set(net.demand[bad].tolist())
        settled = net.of_demands(active - broken)  # their flows stay
        settled = settled[(flows[settled] != 0) & ~fixed[settled]]
        fixed[settled] = True
        np.subtract.at(supply, net.offer[settled], flows[settled])
        np.subtract.at(need, net.demand[settled], flows[settled])
        is_bad = np.zeros(flows.size, dtype=bool)
        is_bad[bad] = True
        held = net.of_demands(broken)  # release what the broken demands held, except fixed arcs
        flows[held[~fixed[held] & ~is_bad[held]]] = 0
        for n in bad.tolist():
            j, i = int(net.demand[n]), int(net.offer[n])
            m, low = int(net.multiple[n]), int(net.lower[n])
            room = min(int(net.capacity[n]), int(supply[i]), int(need[j]))
            x_n = int(flows[n])
            up = -(-max(low, x_n) // m) * m
            down = (min(x_n, room) // m) * m  # engine.largest_valid
            down = down if down >= low else 0
            value = up if (rounds < max_rounds and 2 * x_n >= low and up <= room) else down
            flows[n] = value
            if value > 0:
                fixed[n] = True
                supply[i] -= value
                need[j] -= value
            else:
                banned[n] = True
        # In the set's own order: the flow is solved over the arcs as the list-based solver
        # handed them over, so its answer (ties included) is the same.
        open_ids = held[~fixed[held] & ~banned[held]]
        caps = np.minimum(
            np.minimum(net.capacity[open_ids], supply[net.offer[open_ids]]),
            need[net.demand[open_ids]],
        )
        live, x = _flow_on(net, open_ids, caps, need, supply)
        flows[live] = x
        active = broken
    return flows, rounds


def _repair(
    demands: list[DemandInput],
    offers: Offers,
    net: _Net,
    flows: np.ndarray,
    violating: np.ndarray,
    p: Parameters,
) -> dict[str, Any]:
    """Improve the repaired flows around the demands that had violating arcs, in place.

    The neighbourhood is every demand that had a violating arc and every offer that could serve
    one of them (with what it has left after the flows that stay); it splits into independent
    components (demands linked by shared offers), each solved by CP-SAT with its share of the
    time limit, starting from the fixed-and-resolved flows (valid), so it can only improve.
    """
    nd, no = net.need.size, net.supply.size
    in_set = np.zeros(nd, dtype=bool)
    in_set[net.demand[violating]] = True
    sub = np.flatnonzero(in_set[net.demand])
    oset = np.unique(net.offer[sub])
    serves = np.zeros(no, dtype=bool)
    serves[oset] = True
    stays = np.flatnonzero((flows != 0) & serves[net.offer] & ~in_set[net.demand])
    left = net.supply.copy()
    np.subtract.at(left, net.offer[stays], flows[stays])
    neighbourhood = {"demands": int(in_set.sum()), "offers": int(oset.size), "arcs": int(sub.size)}
    if p.repair_time_limit_seconds < MIN_POLISH_SECONDS_PER_ARC * sub.size:
        # Too thin a share for CP-SAT to move from its hint: the fixed-and-resolved flows stay.
        return neighbourhood | {"cp_sat": {"SPREAD_TOO_THIN_KEPT_HEURISTIC": 1}}
    residual = dict(zip(oset.tolist(), left[oset].tolist(), strict=True))
    # Components of the bipartite graph demand - offer over the neighbourhood's arcs; each
    # component's arcs in arc order, components in the order of their first arc.
    graph = coo_matrix(
        (np.ones(sub.size), (net.demand[sub], nd + net.offer[sub])), shape=(nd + no, nd + no)
    )
    _, labels = connected_components(graph, directed=False)
    label = labels[net.demand[sub]]
    by_label = np.argsort(label, kind="stable")
    cuts = np.flatnonzero(np.diff(label[by_label])) + 1
    components = sorted((sub[g].tolist() for g in np.split(by_label, cuts)), key=lambda ids: ids[0])
    statuses: list[str] = []
    for arc_ids in components:
        if len(arc_ids) > MAX_POLISH_ARCS:
            statuses.append("TOO_LARGE_KEPT_HEURISTIC")
            continue
        share = p.repair_time_limit_seconds * len(arc_ids) / sub.size
        statuses.append(_solve_component(demands, offers, net, flows, arc_ids, residual, p, share))
    return neighbourhood | {
        "components": len(components),
        "cp_sat": {s: statuses.count(s) for s in sorted(set(statuses))},
    }


def _solve_component(
    demands: list[DemandInput],
    offers: Offers,
    net: _Net,
    flows: np.ndarray,
    arc_ids: list[int],
    residual: dict[int, int],
    p: Parameters,
    time_limit: float,
) -> str:
    model = cp_model.CpModel()
    arcs = {n: net.pairs.arc(n) for n in arc_ids}
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
        model.add_hint(kv, min(largest_valid(d, o, int(flows[n])), kmax * m) // m)
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
    # The wall-clock limit only guards against a runaway, so it must never be what stops a
    # normal solve (the answer would then depend on the machine's load): at 3x, then 30x the
    # deterministic limit, loaded machines (load average 11, then 16 on two cores) reached it
    # first and a run recorded an objective above what the same inputs gave when solved again
    # (1,000 x 10,000). A deterministic second took up to about four CPU seconds here.
    solver.parameters.max_time_in_seconds = max(max(time_limit, 0.05) * 30, RUNAWAY_SECONDS)
    result = solver.solve(model)
    if result in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        for n in arc_ids:
            flows[n] = int(solver.value(xs[n])) if n in xs else 0
        for n in arc_ids:  # what this component uses is no longer there for the next one
            residual[arcs[n].offer] -= int(flows[n])
        return str(solver.status_name(result))
    # No better answer in time: the fixed-and-resolved flows (already valid) stay.
    for n in arc_ids:
        residual[arcs[n].offer] -= int(flows[n])
    return "KEPT_HEURISTIC"


def _objective(net: _Net, flows: np.ndarray) -> int:
    met = np.zeros(net.need.size, np.int64)
    np.add.at(met, net.demand, flows)
    cost = int((flows * net.cost).sum())
    return cost + int(((net.need - met) * net.penalty).sum())


def _solution(demands: list[DemandInput], net: _Net, flows: np.ndarray, status: str) -> Solution:
    used = np.flatnonzero(flows > 0)
    used = used[np.lexsort((net.offer[used], net.demand[used]))]
    allocations = list(
        map(
            Allocation,
            net.demand[used].tolist(),
            net.offer[used].tolist(),
            flows[used].tolist(),
            net.cost[used].tolist(),
            net.distance[used].tolist(),
        )
    )
    met = np.zeros(net.need.size, np.int64)
    np.add.at(met, net.demand[used], flows[used])
    unmet = net.need - met
    supply_cost = int((flows[used] * net.cost[used]).sum())
    objective = supply_cost + int((unmet * net.penalty).sum())
    return Solution(allocations, objective, supply_cost, unmet.tolist(), status)


def greedy(demands: list[DemandInput], offers: Offers, arcs: Arcs, p: Parameters) -> Solution:
    """Baseline: demands in order of what they pay, each taking its cheapest candidates first."""
    if isinstance(arcs, Pairs):
        arcs = [arcs.arc(n) for n in range(len(arcs))]
    assert not isinstance(arcs, Pairs)
    by_demand: dict[int, list[Arc]] = defaultdict(list)
    for a in arcs:
        by_demand[a.demand].append(a)
    if isinstance(offers, OfferColumns):
        offers = list(offers)
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
    flows = np.array([flows_by_arc.get((a.demand, a.offer), 0) for a in arcs], dtype=np.int64)
    return _solution(demands, _Net(demands, offers, arcs, p), flows, "greedy")
