"""Candidate generation: which offer -> demand pairs the allocation may use, on arrays.

The pairs are found with a k-d tree over unit vectors on the sphere (a great-circle radius is a
chord length in 3-D, so ``query_ball_point`` returns exactly the offers that may lie within a
demand's radius, never all pairs), then every hard filter runs on flat pair arrays at once:
grade, delivery windows, the exact great-circle distance, certificates valid through the shared
window, and what the arc can carry against minimum lot, minimum order and order multiple. Only
periodic offers (weekly, monthly) need a calendar count per pair; those few pairs go through
``engine.period_limit``.

The rule is the one ``engine.exclusion_reason`` explains pair by pair (``tests`` keep that
per-pair reference and check both agree on random data):

- for each demand with something left to allocate, its ``max_candidates_per_demand`` cheapest
  passing offers (delivered cost, ties by offer position);
- for each offer with something left that no demand kept, its ``min_candidates_per_offer``
  cheapest passing demands (ties by demand position), so clustered demands cannot all crowd onto
  the same cheap offers while supply next door goes unseen.

Demands are processed in chunks so the pair arrays stay a few million long whatever the size.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

from marketplace.matching.engine import (
    EARTH_RADIUS_KM,
    Arc,
    DemandInput,
    OfferColumns,
    Offers,
    Parameters,
    period_limit,
)
from marketplace.periods import ONE_OFF

# Demands per k-d tree query: bounds the pair arrays (about 1,000 demands x 10,000 offers
# in reach at national density is 10 million pairs; a chunk of 256 keeps it near 2.5 million).
CHUNK_DEMANDS = 256
_NO_GRADE = -(2**40)
# A chord radius a hair wider than the exact one: the k-d tree may return a pair a rounding
# error beyond the radius (the exact distance filter drops it), never miss one inside.
_CHORD_SLACK = 1e-9
_EMPTY = np.empty(0, np.int64)


@dataclass(frozen=True)
class _Demands:
    qty: np.ndarray
    min_lot: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    radius: np.ndarray
    ws: np.ndarray
    we: np.ndarray
    min_grade: np.ndarray
    xyz: np.ndarray

    @classmethod
    def of(cls, demands: list[DemandInput]) -> _Demands:
        n = len(demands)
        lat = np.fromiter((d.latitude for d in demands), float, n)
        lon = np.fromiter((d.longitude for d in demands), float, n)
        return cls(
            qty=np.fromiter((d.quantity for d in demands), np.int64, n),
            min_lot=np.fromiter((d.min_lot for d in demands), np.int64, n),
            lat=lat,
            lon=lon,
            radius=np.fromiter((d.radius_km for d in demands), float, n),
            ws=np.fromiter((d.window_start for d in demands), np.int64, n),
            we=np.fromiter((d.window_end for d in demands), np.int64, n),
            min_grade=np.fromiter(
                (_NO_GRADE if d.min_grade_rank is None else d.min_grade_rank for d in demands),
                np.int64,
                n,
            ),
            xyz=_unit_vectors(lat, lon),
        )


@dataclass(frozen=True)
class _Offers:
    qty: np.ndarray
    min_order: np.ndarray
    multiple: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    ws: np.ndarray
    we: np.ndarray
    grade: np.ndarray
    ask: np.ndarray
    periodic: np.ndarray
    xyz: np.ndarray

    @classmethod
    def of(cls, offers: Offers) -> _Offers:
        c = OfferColumns.of(offers)
        return cls(
            qty=c.quantity,
            min_order=c.min_order,
            multiple=np.maximum(c.order_multiple, 1),
            lat=c.latitude,
            lon=c.longitude,
            ws=c.window_start,
            we=c.window_end,
            # An offer without a grade (NO_RANK) fails any minimum grade.
            grade=c.grade_rank,
            ask=c.asking_price,
            periodic=(np.array(c.period, dtype=object) != ONE_OFF) & (c.period_quantity > 0),
            xyz=_unit_vectors(c.latitude, c.longitude),
        )


class _Certificates:
    """Per required scheme, each offer's certificates of that scheme as padded arrays."""

    def __init__(self, demands: list[DemandInput], offers: Offers) -> None:
        schemes = sorted({s for d in demands for s in d.required_certifications})
        self.required = {
            s: np.fromiter((s in d.required_certifications for d in demands), bool, len(demands))
            for s in schemes
        }
        self.slots: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        c = OfferColumns.of(offers)
        held_schemes = np.array(c.cert_scheme, dtype=object)
        for s in schemes:
            sel = np.flatnonzero(held_schemes == s)
            oi = c.cert_offer[sel]  # sorted: the certificates are in offer order
            # Each certificate's slot: its place among its offer's certificates of the scheme.
            slot = _rank_in_group(oi)
            width = int(slot.max()) + 1 if sel.size else 1
            # Padding never qualifies: valid from after any date, to before any date.
            vf = np.full((width, len(c)), np.iinfo(np.int64).max, np.int64)
            vt = np.full((width, len(c)), np.iinfo(np.int64).min, np.int64)
            vf[slot, oi] = c.cert_from[sel]
            vt[slot, oi] = c.cert_to[sel]
            self.slots[s] = (vf, vt)

    def ok(self, dj: np.ndarray, oi: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """Every scheme a pair's demand requires is held valid from ``start`` through ``end``."""
        keep = np.ones(dj.size, dtype=bool)
        for s, needs in self.required.items():
            rows = np.flatnonzero(needs[dj])
            if rows.size == 0:
                continue
            vf, vt = self.slots[s]
            o = oi[rows]
            held = ((vf[:, o] <= start[rows]) & (vt[:, o] >= end[rows])).any(axis=0)
            keep[rows[~held]] = False
        return keep


def _unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    p, q = np.radians(lat), np.radians(lon)
    return np.column_stack((np.cos(p) * np.cos(q), np.cos(p) * np.sin(q), np.sin(p)))


def _chord(radius_km: np.ndarray) -> np.ndarray:
    """The straight-line distance on the unit sphere matching a great-circle radius."""
    half = np.minimum(np.maximum(radius_km, 0.0) / (2 * EARTH_RADIUS_KM), math.pi / 2)
    return 2 * np.sin(half) * (1 + _CHORD_SLACK) + _CHORD_SLACK


def haversine_pairs(
    lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray
) -> np.ndarray:
    """Great-circle km between pairs of points (``engine.haversine_np`` on arrays)."""
    p1 = np.radians(lat1)
    p2 = np.radians(lat2)
    dp = p2 - p1
    dl = np.radians(lon2 - lon1)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))


@dataclass
class Pairs:
    """Pairs (arcs) as arrays: demand and offer positions, great-circle km, delivered cost in
    cents per base unit, and what the arc can carry."""

    demand: np.ndarray
    offer: np.ndarray
    distance: np.ndarray
    cost: np.ndarray
    capacity: np.ndarray

    def __len__(self) -> int:
        return int(self.demand.size)

    def arc(self, n: int) -> Arc:
        return Arc(
            int(self.demand[n]),
            int(self.offer[n]),
            float(self.distance[n]),
            int(self.cost[n]),
            int(self.capacity[n]),
        )

    def take(self, mask: np.ndarray) -> Pairs:
        return Pairs(
            self.demand[mask],
            self.offer[mask],
            self.distance[mask],
            self.cost[mask],
            self.capacity[mask],
        )

    @classmethod
    def concat(cls, parts: list[Pairs]) -> Pairs:
        if not parts:
            e = np.empty(0, np.int64)
            return cls(e, e, np.empty(0, float), e, e)
        return cls(
            *(
                np.concatenate([getattr(p, f) for p in parts])
                for f in ("demand", "offer", "distance", "cost", "capacity")
            )
        )


class _Filter:
    """The hard filters on pair arrays (commodity is filtered upstream)."""

    def __init__(self, demands: list[DemandInput], offers: Offers, p: Parameters) -> None:
        self.demands, self.offers, self.p = demands, offers, p
        self.d = _Demands.of(demands)
        self.o = _Offers.of(offers)
        self.certs = _Certificates(demands, offers)

    def passing(self, dj: np.ndarray, oi: np.ndarray) -> Pairs:
        d, o = self.d, self.o
        keep = o.grade[oi] >= d.min_grade[dj]
        start = np.maximum(d.ws[dj], o.ws[oi])
        end = np.minimum(d.we[dj], o.we[oi])
        keep &= end >= start
        dj, oi, start, end = dj[keep], oi[keep], start[keep], end[keep]
        dist = haversine_pairs(d.lat[dj], d.lon[dj], o.lat[oi], o.lon[oi])
        keep = dist <= d.radius[dj]
        if self.certs.required:
            keep &= self.certs.ok(dj, oi, start, end)
        dj, oi, dist = dj[keep], oi[keep], dist[keep]
        cap = np.minimum(o.qty[oi], d.qty[dj])
        for t in np.flatnonzero(o.periodic[oi]):
            # Weekly or monthly offers: a calendar count per pair (few pairs, not vectorised).
            limit = period_limit(self.demands[int(dj[t])], self.offers[int(oi[t])])
            if limit is not None and limit < cap[t]:
                cap[t] = limit
        lower = np.maximum(np.maximum(o.min_order[oi], d.min_lot[dj]), 1)
        mult = o.multiple[oi]
        keep = (cap // mult) * mult >= lower
        cost = o.ask[oi] + np.rint(self.p.transport_cents_per_unit_km * dist).astype(np.int64)
        return Pairs(dj, oi, dist, cost, cap).take(keep)


def _rank_in_group(group: np.ndarray) -> np.ndarray:
    """Each entry's place (0, 1, ...) in its run of equal ``group`` values (sorted input)."""
    n = group.size
    if n == 0:
        return _EMPTY
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    return np.arange(n) - np.repeat(starts, np.diff(np.r_[starts, n]))


def _first_per_group(group: np.ndarray, k: int) -> np.ndarray:
    """Mask of the first ``k`` entries of each run of equal ``group`` values (sorted input)."""
    return _rank_in_group(group) < k


def _ball_pairs(
    tree: cKDTree, points: np.ndarray, chords: np.ndarray | float, rows: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(row of each query point, index in the tree) for every tree point within its chord."""
    found = tree.query_ball_point(points, chords, return_sorted=False)
    counts = np.fromiter((len(f) for f in found), np.int64, len(found))
    if counts.sum() == 0:
        e = np.empty(0, np.int64)
        return e, e
    hits = np.concatenate([np.asarray(f, dtype=np.int64) for f in found if f])
    return np.repeat(rows, counts), hits


def candidate_pairs(
    demands: list[DemandInput],
    offers: Offers,
    p: Parameters,
    chunk: int = CHUNK_DEMANDS,
) -> Pairs:
    """Pairs passing the hard filters, each demand's cheapest and each otherwise unseen offer's
    cheapest (see the module's docstring), sorted by demand, delivered cost and offer, as
    arrays (what the solver takes: a national run has hundreds of thousands)."""
    live = np.flatnonzero(np.fromiter((d.quantity > 0 for d in demands), bool, len(demands)))
    if live.size == 0 or not offers:
        return Pairs.concat([])
    f = _Filter(demands, offers, p)
    kept = _demand_side(f, live, p.max_candidates_per_demand, chunk)
    if p.min_candidates_per_offer > 0:
        kept = Pairs.concat([kept, _offer_side(f, live, kept, p.min_candidates_per_offer)])
    return kept.take(np.lexsort((kept.offer, kept.cost, kept.demand)))


def candidate_arcs(
    demands: list[DemandInput],
    offers: Offers,
    p: Parameters,
    chunk: int = CHUNK_DEMANDS,
) -> list[Arc]:
    """``candidate_pairs`` as a list of arcs (a preview, a test)."""
    kept = candidate_pairs(demands, offers, p, chunk)
    return list(
        map(
            Arc,
            kept.demand.tolist(),
            kept.offer.tolist(),
            kept.distance.tolist(),
            kept.cost.tolist(),
            kept.capacity.tolist(),
        )
    )


def _demand_side(f: _Filter, live: np.ndarray, k: int, chunk: int) -> Pairs:
    """Each live demand's ``k`` cheapest passing offers, by (delivered cost, offer).

    Delivered cost is the asking price plus transport, so an offer never costs a demand less
    than its asking price: offers are taken in tiers of rising asking price, and a demand stops
    looking once its k-th cheapest so far is below the next tier's lowest price (strictly: an
    equal cost could still win on offer position). At national density most demands stop after
    the cheapest tiers, so most pairs are never looked at.
    """
    by_ask = np.argsort(f.o.ask, kind="stable")
    n = by_ask.size
    bounds = [0]
    size = max(n // 16, 1024)
    while bounds[-1] < n:
        bounds.append(min(n, bounds[-1] + size))
        size *= 2
    active = live
    found: list[Pairs] = []  # per tier, trimmed to k per demand
    best = Pairs.concat([])
    for lo, hi in itertools.pairwise(bounds):
        tier = by_ask[lo:hi]
        tree = cKDTree(f.o.xyz[tier])
        chords = _chord(f.d.radius)
        parts = []
        for s in range(0, active.size, chunk):
            rows = active[s : s + chunk]
            dj, hit = _ball_pairs(tree, f.d.xyz[rows], chords[rows], rows)
            parts.append(f.passing(dj, tier[hit]))
        best = _top_per_demand(Pairs.concat([best, *parts]), k)
        if hi >= n:
            break
        # Demands still looking: fewer than k so far, or the k-th could be beaten by a later tier.
        next_ask = f.o.ask[by_ask[hi]]
        starts = np.flatnonzero(np.r_[True, best.demand[1:] != best.demand[:-1]])
        counts = np.diff(np.r_[starts, best.demand.size])
        full = counts >= k
        kth_cost = best.cost[starts[full] + k - 1]
        settled = best.demand[starts[full]][kth_cost < next_ask]
        done = Pairs.concat([])
        if settled.size:
            mask = np.isin(best.demand, settled)
            done, best = best.take(mask), best.take(~mask)
        found.append(done)
        active = np.setdiff1d(active, settled, assume_unique=True)
        if active.size == 0:
            break
    return Pairs.concat([*found, best])


def _top_per_demand(pairs: Pairs, k: int) -> Pairs:
    pairs = pairs.take(np.lexsort((pairs.offer, pairs.cost, pairs.demand)))
    return pairs.take(_first_per_group(pairs.demand, k))


def _offer_side(f: _Filter, live: np.ndarray, kept: Pairs, k: int) -> Pairs:
    """For every offer with something left that no demand kept: its ``k`` cheapest passing
    demands, by (delivered cost, demand).

    For one offer the cost rises with distance, so its nearest demands are asked first (a
    k-nearest query); an offer is settled when its k-th cheapest passing demand costs less than
    any demand beyond the nearest ones could. The few that are not (dense spots where many of
    the nearest fail a filter) are asked again for every demand within the widest radius.
    """
    seen = np.zeros(len(f.offers), dtype=bool)
    seen[kept.offer] = True
    orphans = np.flatnonzero(~seen & (f.o.qty > 0))
    if orphans.size == 0:
        return Pairs.concat([])
    tree = cKDTree(f.d.xyz[live])
    widest = float(_chord(np.array([f.d.radius[live].max()]))[0])
    near = min(max(4 * k, 16), live.size)
    chord, nn = tree.query(f.o.xyz[orphans], k=near, distance_upper_bound=widest)
    chord, nn = chord.reshape(orphans.size, near), nn.reshape(orphans.size, near)
    valid = nn < live.size
    oi = np.repeat(orphans, valid.sum(axis=1))
    pairs = f.passing(live[nn[valid]], oi)
    pairs = pairs.take(np.lexsort((pairs.demand, pairs.cost, pairs.offer)))
    pairs = pairs.take(_first_per_group(pairs.offer, k))
    # Settled: every demand in reach was among the nearest (fewer came back than asked), or the
    # k-th cheapest costs less than the nearest demand left out could (farther than the last).
    exhausted = ~valid[:, -1]
    farthest_km = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, chord[:, -1] / 2))
    floor = f.o.ask[orphans] + np.rint(
        f.p.transport_cents_per_unit_km * np.maximum(farthest_km - 1e-6, 0.0)
    ).astype(np.int64)
    kth = np.full(orphans.size, np.iinfo(np.int64).max, np.int64)
    starts = (
        np.flatnonzero(np.r_[True, pairs.offer[1:] != pairs.offer[:-1]])
        if pairs.offer.size
        else np.empty(0, np.int64)
    )
    counts = np.diff(np.r_[starts, pairs.offer.size])
    full = counts >= k
    pos = np.searchsorted(orphans, pairs.offer[starts[full]])
    kth[pos] = pairs.cost[starts[full] + k - 1]
    settled = exhausted | (kth < floor)
    out = [pairs.take(np.isin(pairs.offer, orphans[settled]))]
    again = orphans[~settled]
    for s in range(0, again.size, CHUNK_DEMANDS * 4):
        rows = again[s : s + CHUNK_DEMANDS * 4]
        oi, hit = _ball_pairs(tree, f.o.xyz[rows], widest, rows)
        more = f.passing(live[hit], oi)
        more = more.take(np.lexsort((more.demand, more.cost, more.offer)))
        out.append(more.take(_first_per_group(more.offer, k)))
    return Pairs.concat(out)
