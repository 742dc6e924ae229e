"""A demand's matching results as its offtaker reads them: the latest run's split across
cooperatives and, for each, why it was chosen (delivered cost, price, distance, grade,
capacity, window, reliability, certifications), in words with the numbers beside them; and the
nearby offers that got nothing, with the reason.

Everything is explained from what the run recorded (its inputs and parameters), so the answer
says why the run decided as it did even after offers have changed since."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.errors import NotFound
from kopmod_shared.money import MONEY, PERCENT, QUANTITY, SHARE, quantize
from kopmod_shared.schemas.market_views import (
    ChosenCooperative,
    FactorScore,
    MatchingResults,
    NotChosen,
    Reason,
)
from marketplace.demands.models import Demand
from marketplace.geo import haversine_km
from marketplace.matching import engine
from marketplace.matching.models import MatchingAllocation, MatchingRun
from marketplace.matching.repository import MatchingRepository
from marketplace.offers.repository import OfferRepository
from marketplace.proposals.repository import ProposalRepository
from marketplace.proposals.service import effective_status as proposal_status

METHOD = (
    "The matcher splits the demand so that the whole split costs least delivered (each "
    "cooperative's asking price plus transport to your location), within each offer's capacity, "
    "minimum lot and order multiple, after hard filters (commodity, minimum grade, valid "
    "certifications, overlapping windows, distance radius). The score shows how well each "
    "cooperative fits; it explains the choice, it does not make it."
)
NOT_CHOSEN_SHOWN = 20
CENTS = Decimal(100)


def _rp(cents: int | float) -> Decimal:
    return quantize(Decimal(str(cents)) / CENTS)


def _km(distance: float) -> str:
    return f"{distance:.1f}"


def _pct(x: Decimal) -> str:
    return PERCENT.format(max(Decimal(0), min(Decimal(100), x)))


def _reason(code: str, text: str, **values: Any) -> Reason:
    return Reason(code=code, text=text, values=values)


def chosen_reasons(
    demand: Demand,
    d: engine.DemandInput,
    o: engine.OfferInput,
    *,
    grade: str | None,
    quantity: Decimal,
    distance: float,
    cost: int,
    rank: int,
    eligible: int,
    factors: dict[str, float],
) -> list[Reason]:
    unit = demand.base_unit
    asking, ref = _rp(o.asking_price), _rp(d.reference_price)
    transport, delivered = _rp(cost - o.asking_price), _rp(cost)
    out = [
        _reason(
            "delivered_cost",
            f"Delivered cost Rp{MONEY.format(delivered)} per {unit} (asking "
            f"Rp{MONEY.format(asking)} plus transport Rp{MONEY.format(transport)} over "
            f"{_km(distance)} km): number {rank} from the cheapest of {eligible} eligible offers.",
            delivered_cost=MONEY.format(delivered),
            asking_price=MONEY.format(asking),
            transport_cost=MONEY.format(transport),
            distance_km=_km(distance),
            rank=rank,
            eligible=eligible,
            unit=unit,
        )
    ]
    if ref > 0:
        diff = (asking - ref) / ref * 100
        direction = "below" if diff < 0 else "above" if diff > 0 else "at"
        size = _pct(abs(diff))
        text = (
            f"Asks Rp{MONEY.format(asking)} per {unit}, at your reference price."
            if direction == "at"
            else f"Asks Rp{MONEY.format(asking)} per {unit}, {size}% {direction} your reference "
            f"price Rp{MONEY.format(ref)}."
        )
        out.append(
            _reason(
                "price",
                text,
                asking_price=MONEY.format(asking),
                reference_price=MONEY.format(ref),
                difference_percent=size,
                direction=direction,
                unit=unit,
            )
        )
    out.append(
        _reason(
            "distance",
            f"{_km(distance)} km from your delivery location, within your "
            f"{_km(d.radius_km)} km radius.",
            distance_km=_km(distance),
            radius_km=_km(d.radius_km),
        )
    )
    if demand.min_grade:
        out.append(
            _reason(
                "grade",
                f"Grade {grade} meets your minimum grade {demand.min_grade}.",
                grade=grade,
                min_grade=demand.min_grade,
            )
        )
    elif grade:
        out.append(
            _reason(
                "grade", f"Grade {grade}; you asked for no minimum.", grade=grade, min_grade=None
            )
        )
    share = quantity / Decimal(d.quantity) * 100 if d.quantity else Decimal(0)
    capacity = Decimal(o.quantity)
    whole = quantity >= capacity
    out.append(
        _reason(
            "capacity",
            f"Could supply {QUANTITY.format(capacity)} {unit}; given {QUANTITY.format(quantity)} "
            f"{unit}, {_pct(share)}% of what you needed" + (" (all it had)." if whole else "."),
            capacity=QUANTITY.format(capacity),
            quantity=QUANTITY.format(quantity),
            share_percent=_pct(share),
            all_it_had=whole,
            unit=unit,
        )
    )
    window = Decimal(str(factors["window"])) * 100
    out.append(
        _reason(
            "window",
            f"Its supply window covers {_pct(window)}% of your delivery window.",
            covered_percent=_pct(window),
        )
    )
    if o.reliability is None:
        out.append(
            _reason(
                "reliability",
                "No delivery record on past contracts yet: counted as neutral (50%).",
                rate_percent=None,
            )
        )
    else:
        rate = _pct(Decimal(str(o.reliability)) * 100)
        out.append(
            _reason(
                "reliability",
                f"Accepted {rate}% of what fell due on its past contracts.",
                rate_percent=rate,
            )
        )
    if d.required_certifications:
        schemes = ", ".join(d.required_certifications)
        out.append(
            _reason(
                "certifications",
                f"Holds valid certification through the window: {schemes}.",
                schemes=list(d.required_certifications),
            )
        )
    return out


def not_chosen_reason(
    d: engine.DemandInput,
    o: engine.OfferInput,
    distance: float,
    cost: int | None,
    rank: int | None,
    eligible: int,
    used_elsewhere: bool,
) -> Reason:
    filtered = engine.exclusion_reason(d, o, distance)
    if filtered is not None:
        return _reason("filtered", f"Left out by a hard filter: {filtered}.", filter=filtered)
    assert cost is not None and rank is not None
    delivered = MONEY.format(_rp(cost))
    if used_elsewhere:
        return _reason(
            "used_elsewhere",
            f"Eligible (delivered cost Rp{delivered}), but the run gave its supply to other "
            "demands, where it cost less overall.",
            delivered_cost=delivered,
        )
    return _reason(
        "costlier",
        f"Eligible, but the split cost less without it: delivered cost Rp{delivered}, number "
        f"{rank} from the cheapest of {eligible} eligible offers.",
        delivered_cost=delivered,
        rank=rank,
        eligible=eligible,
    )


async def latest(session: AsyncSession, demand: Demand) -> MatchingResults:
    repo = MatchingRepository(session)
    run = await repo.latest_for_demand(demand.id)
    if run is None:
        raise NotFound(f"demand {demand.id} has not been matched yet")
    return await explain(session, demand, run)


def _ranks(costs: dict[int, int]) -> dict[int, int]:
    """1 for the lowest cost; equal costs share a rank."""
    ordered = sorted(set(costs.values()))
    position = {c: i + 1 for i, c in enumerate(ordered)}
    return {k: position[c] for k, c in costs.items()}


async def explain(session: AsyncSession, demand: Demand, run: MatchingRun) -> MatchingResults:
    d_inputs, o_inputs = engine.load_inputs(run.inputs)
    d = next(x for x in d_inputs if x.id == str(demand.id))
    p = engine.Parameters(**run.parameters)
    nearby: dict[int, float] = {}
    for i, o in enumerate(o_inputs):
        distance = haversine_km(d.latitude, d.longitude, o.latitude, o.longitude)
        if distance <= d.radius_km:
            nearby[i] = distance
    eligible = {
        i: dist
        for i, dist in nearby.items()
        if engine.exclusion_reason(d, o_inputs[i], dist) is None
    }
    costs = {i: engine.unit_cost(o_inputs[i], dist, p) for i, dist in eligible.items()}
    ranks = _ranks(costs)
    repo = MatchingRepository(session)
    allocations: list[MatchingAllocation] = list(await repo.allocations(run.id, demand.id))
    index = {UUID(o.id): i for i, o in enumerate(o_inputs)}
    allocated_ids = {a.offer_id for a in allocations}
    left_out = sorted(
        (i for i in nearby if UUID(o_inputs[i].id) not in allocated_ids), key=nearby.__getitem__
    )
    left_out = left_out[:NOT_CHOSEN_SHOWN]
    left_ids = [UUID(o_inputs[i].id) for i in left_out]
    offers = await OfferRepository(session).by_ids(allocated_ids | set(left_ids))
    elsewhere = await repo.offers_used_elsewhere(run.id, demand.id, left_ids)
    proposals = ProposalRepository(session)
    chosen = []
    for a in sorted(allocations, key=lambda a: (-a.quantity, str(a.offer_id))):
        i = index[a.offer_id]
        o = o_inputs[i]
        distance = haversine_km(d.latitude, d.longitude, o.latitude, o.longitude)
        cost = engine.unit_cost(o, distance, p)
        total, factors = engine.score(d, o, distance)
        offer = offers.get(a.offer_id)
        grade = offer.grade if offer else None
        proposal = await proposals.get(a.proposal_id) if a.proposal_id else None
        chosen.append(
            ChosenCooperative(
                cooperative_id=a.cooperative_id,
                cooperative_name=offer.cooperative_name if offer else str(a.cooperative_id),
                offer_id=a.offer_id,
                proposal_id=a.proposal_id,
                proposal_status=proposal_status(proposal) if proposal else None,
                quantity=a.quantity,
                share_of_demand=Decimal(
                    _pct(a.quantity / Decimal(d.quantity) * 100 if d.quantity else Decimal(0))
                ),
                grade=grade,
                asking_price=_rp(o.asking_price),
                transport_cost=_rp(cost - o.asking_price),
                delivered_cost=_rp(cost),
                delivered_cost_rank=ranks.get(i, len(ranks) + 1),
                distance_km=round(distance, 3),
                capacity=Decimal(o.quantity),
                reliability=(
                    None
                    if o.reliability is None
                    else Decimal(SHARE.format(Decimal(str(o.reliability))))
                ),
                score=Decimal(SHARE.format(Decimal(str(total)))),
                factors=[
                    FactorScore(
                        factor=k,
                        value=Decimal(SHARE.format(Decimal(str(v)))),
                        weight=Decimal(SHARE.format(Decimal(str(engine.WEIGHTS[k])))),
                    )
                    for k, v in factors.items()
                ],
                reasons=chosen_reasons(
                    demand,
                    d,
                    o,
                    grade=grade,
                    quantity=a.quantity,
                    distance=distance,
                    cost=cost,
                    rank=ranks.get(i, len(ranks) + 1),
                    eligible=len(eligible),
                    factors=factors,
                ),
            )
        )
    not_chosen = []
    for i in left_out:
        o = o_inputs[i]
        offer = offers.get(UUID(o.id))
        not_chosen.append(
            NotChosen(
                cooperative_id=UUID(o.cooperative_id),
                cooperative_name=offer.cooperative_name if offer else o.cooperative_id,
                offer_id=UUID(o.id),
                distance_km=round(nearby[i], 3),
                reason=not_chosen_reason(
                    d,
                    o,
                    nearby[i],
                    costs.get(i),
                    ranks.get(i),
                    len(eligible),
                    UUID(o.id) in elsewhere,
                ),
            )
        )
    allocated = sum((a.quantity for a in allocations), Decimal(0))
    return MatchingResults(
        demand_id=demand.id,
        run_id=run.id,
        run_at=run.created_at,
        scope=run.scope,
        status=run.status,
        method=METHOD,
        base_unit=demand.base_unit,
        quantity_to_allocate=Decimal(d.quantity),
        allocated_quantity=allocated,
        unmet_quantity=max(Decimal(0), Decimal(d.quantity) - allocated),
        reference_price=_rp(d.reference_price),
        max_distance_km=d.radius_km,
        considered=len(nearby),
        eligible=len(eligible),
        chosen=chosen,
        not_chosen=not_chosen,
    )
