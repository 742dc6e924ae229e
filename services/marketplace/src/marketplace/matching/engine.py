"""The matching engine's rules: inputs, hard filters, per-arc limits, scores, and the recorded
inputs' JSON form.

Pure computation on plain inputs (no database): the service feeds it rows, the bench feeds it
synthetic data, and a recorded run can be solved again from its stored inputs. The allocation
itself (min-cost flow, repair of lots and multiples, greedy baseline) is ``solver``; candidate
generation is ``candidates``.

Per-period limits are per arc: the flow does not know which period each demand's quantity will be
delivered in, so two demands sharing one month of an offer may together be allocated more than that
month supplies, and what other contracts already scheduled in a period is not subtracted. Accepting
a proposal is where periods are enforced exactly (the contract's schedule, under the offer's row
lock): such a proposal is then refused with 409 ``period-capacity-exceeded``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple, TypeAlias, TypeVar

import numpy as np

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
T = TypeVar("T")


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


# A missing grade rank in ``OfferColumns``: below every rank, so it fails any minimum grade (as
# ``None`` does) and passes when the demand has none.
NO_RANK = -(2**31)
DEMAND_FIELDS = tuple(DemandInput.__dataclass_fields__)
_OFFER_INTS = (
    "quantity",
    "min_order",
    "order_multiple",
    "window_start",
    "window_end",
    "grade_rank",
    "asking_price",
    "period_quantity",
)
_OFFER_FLOATS = ("latitude", "longitude", "reliability")


@dataclass
class OfferColumns:
    """Offers as columns, one array per field of ``OfferInput``: what a commodity's run reads
    from the database and hands to a worker process (an array pickles as one buffer; a hundred
    thousand ``OfferInput`` objects took seconds to build, pickle and unpickle). Candidates, the
    solver and the recorded inputs read the arrays; ``offers[i]`` is offer ``i`` as an
    ``OfferInput``, built when asked, for the few read one by one (periodic offers, the polish,
    scores). A missing grade rank is ``NO_RANK``, a missing reliability NaN."""

    id: list[str]
    cooperative_id: list[str]
    quantity: np.ndarray
    min_order: np.ndarray
    order_multiple: np.ndarray
    latitude: np.ndarray
    longitude: np.ndarray
    window_start: np.ndarray
    window_end: np.ndarray
    grade_rank: np.ndarray
    asking_price: np.ndarray
    reliability: np.ndarray
    period: list[str]
    period_quantity: np.ndarray
    # The certificates, sorted by offer: its position, scheme, valid from, valid to.
    cert_offer: np.ndarray
    cert_scheme: list[str]
    cert_from: np.ndarray
    cert_to: np.ndarray

    def __len__(self) -> int:
        return len(self.id)

    def __getitem__(self, i: int) -> OfferInput:
        lo, hi = np.searchsorted(self.cert_offer, [i, i + 1])
        return self._row(i, int(lo), int(hi))

    def __iter__(self) -> Iterator[OfferInput]:
        cuts = np.searchsorted(self.cert_offer, np.arange(len(self) + 1)).tolist()
        return (self._row(i, cuts[i], cuts[i + 1]) for i in range(len(self)))

    def _row(self, i: int, lo: int, hi: int) -> OfferInput:
        rank = int(self.grade_rank[i])
        reliability = float(self.reliability[i])
        return built(
            OfferInput,
            id=self.id[i],
            cooperative_id=self.cooperative_id[i],
            quantity=int(self.quantity[i]),
            min_order=int(self.min_order[i]),
            order_multiple=int(self.order_multiple[i]),
            latitude=float(self.latitude[i]),
            longitude=float(self.longitude[i]),
            window_start=int(self.window_start[i]),
            window_end=int(self.window_end[i]),
            grade_rank=None if rank == NO_RANK else rank,
            asking_price=int(self.asking_price[i]),
            certifications=tuple(
                CertificationInput(
                    self.cert_scheme[k], int(self.cert_from[k]), int(self.cert_to[k])
                )
                for k in range(lo, hi)
            ),
            reliability=None if math.isnan(reliability) else reliability,
            period=self.period[i],
            period_quantity=int(self.period_quantity[i]),
        )

    @classmethod
    def of(cls, offers: Offers) -> OfferColumns:
        """The offers as columns (themselves if they already are)."""
        if isinstance(offers, OfferColumns):
            return offers
        certs = [(i, c) for i, o in enumerate(offers) for c in o.certifications]
        return cls(
            id=[o.id for o in offers],
            cooperative_id=[o.cooperative_id for o in offers],
            **{
                name: np.array([getattr(o, name) for o in offers], dtype=np.int64)
                for name in _OFFER_INTS
                if name != "grade_rank"
            },
            grade_rank=np.array(
                [NO_RANK if o.grade_rank is None else o.grade_rank for o in offers], np.int64
            ),
            latitude=np.array([o.latitude for o in offers], dtype=float),
            longitude=np.array([o.longitude for o in offers], dtype=float),
            reliability=np.array(
                [math.nan if o.reliability is None else o.reliability for o in offers],
                dtype=float,
            ),
            period=[o.period for o in offers],
            cert_offer=np.array([i for i, _ in certs], dtype=np.int64),
            cert_scheme=[c.scheme for _, c in certs],
            cert_from=np.array([c.valid_from for _, c in certs], dtype=np.int64),
            cert_to=np.array([c.valid_to for _, c in certs], dtype=np.int64),
        )

    def as_json(self) -> dict[str, Any]:
        """The columns as JSON-ready lists (``None`` for a missing rank or reliability)."""
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            out[name] = value.tolist() if isinstance(value, np.ndarray) else list(value)
        out["grade_rank"] = [None if r == NO_RANK else r for r in out["grade_rank"]]
        out["reliability"] = [None if math.isnan(r) else r for r in out["reliability"]]
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OfferColumns:
        values: dict[str, Any] = {}
        for name in cls.__dataclass_fields__:
            column = data[name]
            if name == "grade_rank":
                column = [NO_RANK if r is None else r for r in column]
            elif name == "reliability":
                column = [math.nan if r is None else r for r in column]
            if name in _OFFER_FLOATS:
                values[name] = np.array(column, dtype=float)
            elif name in _OFFER_INTS or name in ("cert_offer", "cert_from", "cert_to"):
                values[name] = np.array(column, dtype=np.int64)
            else:
                values[name] = list(column)
        return cls(**values)


# What the matching functions take as offers: objects, or columns read from the database.
Offers: TypeAlias = "Sequence[OfferInput] | OfferColumns"


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


def built(cls: type[T], **values: Any) -> T:
    """A frozen input with every field given, built without the dataclass's ``__init__`` (its
    per-field ``object.__setattr__`` costs five times more; a national run builds a hundred
    thousand offers)."""
    obj = object.__new__(cls)
    obj.__dict__.update(values)
    return obj


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


def scores(
    demands: Sequence[DemandInput], offers: Offers, allocations: Sequence[Allocation]
) -> list[tuple[float, dict[str, float]]]:
    """``score`` of every allocation, its factors computed on arrays (a national run scores
    tens of thousands; the same float operations in the same order, so the same values), the
    rounding and the weighted sum in Python as ``score`` does them."""
    if not allocations:
        return []
    cols = OfferColumns.of(offers)
    oi = np.fromiter((a.offer for a in allocations), np.int64, len(allocations))
    ds = [demands[a.demand] for a in allocations]
    d_ws = np.array([d.window_start for d in ds], np.int64)
    d_we = np.array([d.window_end for d in ds], np.int64)
    d_qty = np.array([d.quantity for d in ds], np.int64)
    radius = np.array([d.radius_km for d in ds], float)
    ref = np.array([d.reference_price for d in ds], np.int64)
    dist = np.array([a.distance_km for a in allocations], float)
    with np.errstate(divide="ignore", invalid="ignore"):
        overlap = (
            np.minimum(d_we, cols.window_end[oi]) - np.maximum(d_ws, cols.window_start[oi]) + 1
        )
        factors = {
            "distance": np.where(radius > 0, np.maximum(0.0, 1.0 - dist / radius), 0.0),
            "window": np.maximum(0.0, np.minimum(1.0, overlap / (d_we - d_ws + 1))),
            "quantity": np.where(d_qty > 0, np.minimum(1.0, cols.quantity[oi] / d_qty), 0.0),
            "price": np.where(
                ref > 0, np.maximum(0.0, np.minimum(1.0, 1.5 - cols.asking_price[oi] / ref)), 0.5
            ),
            "reliability": np.where(
                np.isnan(cols.reliability[oi]), NEUTRAL_RELIABILITY, cols.reliability[oi]
            ),
        }
    names = list(factors)
    out = []
    for values in zip(*(factors[k].tolist() for k in names), strict=True):
        rounded = {k: round(v, 4) for k, v in zip(names, values, strict=True)}
        out.append((round(sum(WEIGHTS[k] * v for k, v in rounded.items()), 4), rounded))
    return out


def dump_inputs(demands: list[DemandInput], offers: list[OfferInput]) -> dict[str, Any]:
    """The inputs as JSON-ready dicts, one per demand and offer: the form runs were recorded in
    before ``dump_columns`` (``load_inputs`` reads both)."""
    return {
        "demands": [
            dict(vars(d), required_certifications=list(d.required_certifications)) for d in demands
        ],
        "offers": [
            dict(vars(o), certifications=[dict(vars(c)) for c in o.certifications]) for o in offers
        ],
    }


def dump_columns(demands: Sequence[DemandInput], offers: Offers) -> dict[str, Any]:
    """The inputs as JSON-ready columns (one list per field): what a run records. A national
    run's offers are tens of thousands; as columns the document has no key per value, so it
    is a third of the size, written from the arrays at once, and Postgres parses it into
    JSONB several times faster."""
    cols = OfferColumns.of(offers)
    return {
        "format": "columns",
        "demands": {
            name: [list(d.required_certifications) for d in demands]
            if name == "required_certifications"
            else [getattr(d, name) for d in demands]
            for name in DEMAND_FIELDS
        },
        "offers": cols.as_json(),
    }


def load_inputs(data: dict[str, Any]) -> tuple[list[DemandInput], list[OfferInput]]:
    """Recorded inputs as the engine's objects, from either recorded form."""
    if data.get("format") == "columns":
        dcols = data["demands"]
        n = len(dcols["id"])
        demands = [
            DemandInput(
                **{name: dcols[name][j] for name in DEMAND_FIELDS}
                | {"required_certifications": tuple(dcols["required_certifications"][j])}
            )
            for j in range(n)
        ]
        return demands, list(OfferColumns.from_json(data["offers"]))
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
