"""Demand: posting, visibility, and its state machine."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import InvalidTransition, NotFound, ValidationProblem
from kopmod_shared.events import EventType
from kopmod_shared.outbox import emit
from marketplace.commodities import service as commodities
from marketplace.commodities.repository import CommodityRepository
from marketplace.common import Location, can_read_all
from marketplace.demands.models import Demand
from marketplace.demands.repository import OPEN_STATUSES, DemandRepository
from marketplace.demands.schemas import (
    DemandCreate,
    DemandOut,
    DemandStatus,
    Market,
    PaymentTerms,
    PriceAdjustment,
    PriceTerms,
    Recurrence,
)
from marketplace.geo import inside_indonesia
from marketplace.models import outbox_events
from marketplace.offtakers.models import Offtaker

# action -> {from status: to status}
TRANSITIONS: dict[str, dict[str, str]] = {
    "publish": {"draft": "open"},
    "cancel": {"draft": "cancelled", "open": "cancelled"},
    "close": {"open": "closed", "partially_allocated": "closed", "allocated": "closed"},
}


def today() -> date:
    return datetime.now(UTC).date()


def effective_status(demand: Demand, on: date | None = None) -> str:
    """The stored status, except that an open demand whose window has passed is expired."""
    if demand.status in OPEN_STATUSES and demand.window_end < (on or today()):
        return DemandStatus.expired.value
    return demand.status


def price_terms(d: Demand | Row[Any]) -> PriceTerms:
    return PriceTerms(
        type=d.price_type,
        fixed=d.price_fixed,
        floor=d.price_floor,
        ceiling=d.price_ceiling,
        base=d.price_base,
        formula=d.price_formula,
        adjustments=[PriceAdjustment.model_validate(a) for a in d.price_adjustments],
    )


def reference_price(d: Demand | Row[Any]) -> Decimal:
    return price_terms(d).reference()


def is_owner(principal: Principal | None, demand: Demand) -> bool:
    return principal is not None and principal.is_org(Role.offtaker, demand.offtaker_id)


def to_out(d: Demand, principal: Principal | None) -> DemandOut:
    show_price = not d.price_private or is_owner(principal, d) or can_read_all(principal)
    return DemandOut(
        id=d.id,
        offtaker_id=d.offtaker_id,
        commodity_code=d.commodity_code,
        base_unit=d.base_unit,
        min_grade=d.min_grade,
        quantity=d.quantity,
        remaining_quantity=d.remaining_quantity,
        entered_quantity=d.entered_quantity,
        entered_unit=d.entered_unit,
        min_lot=d.min_lot,
        window_start=d.window_start,
        window_end=d.window_end,
        delivery=Location(
            latitude=d.latitude,
            longitude=d.longitude,
            region_code=d.region_code,
            place_name=d.place_name,
        ),
        max_distance_km=d.max_distance_km,
        price=price_terms(d) if show_price else None,
        price_private=d.price_private,
        payment_terms=PaymentTerms(days=d.payment_days, description=d.payment_terms),
        required_certifications=d.required_certifications,
        market=d.market,
        incoterm=d.incoterm,
        incoterm_place=d.incoterm_place,
        recurrence=Recurrence.model_validate(d.recurrence),
        status=effective_status(d),
        posted_at=d.posted_at,
        created_at=d.created_at,
    )


async def create(
    session: AsyncSession,
    *,
    offtaker: Offtaker,
    data: DemandCreate,
    default_radius_km: float,
) -> Demand:
    """Validate and store a demand; an open one is announced (``demand.posted``)."""
    repo = CommodityRepository(session)
    info = await commodities.load(repo, data.commodity_code, "body.commodity_code")
    quantity = await commodities.to_base(repo, info, data.quantity, data.unit, "body.unit")
    min_lot = None
    if data.min_lot is not None:
        min_lot = await commodities.to_base(repo, info, data.min_lot, data.unit, "body.unit")
        if min_lot > quantity:
            raise ValidationProblem.for_field(
                "body.min_lot", "the minimum lot is above the quantity", "min_lot_above_quantity"
            )
    rank = commodities.grade_rank(info, data.min_grade, "body.min_grade")
    if data.window_end < data.window_start:
        raise ValidationProblem.for_field(
            "body.window_end", "the delivery window ends before it starts", "window_order"
        )
    if data.window_end < today():
        raise ValidationProblem.for_field(
            "body.window_end", "the delivery window is already over", "window_past"
        )
    place = data.delivery
    if not inside_indonesia(place.latitude, place.longitude) and data.market is not Market.export:
        raise ValidationProblem.for_field(
            "body.delivery.latitude",
            "the delivery place is outside Indonesia; only an export demand "
            "(`market: export`) may deliver abroad",
            "outside_indonesia",
        )
    if data.market is Market.domestic and not place.region_code:
        raise ValidationProblem.for_field(
            "body.delivery.region_code",
            "a domestic delivery place needs its region code",
            "missing",
        )
    now = datetime.now(UTC)
    status = DemandStatus.draft if data.draft else DemandStatus.open
    demand = Demand(
        offtaker_id=offtaker.id,
        commodity_code=info.code,
        min_grade=data.min_grade,
        min_grade_rank=rank,
        quantity=quantity,
        remaining_quantity=quantity,
        entered_quantity=data.quantity,
        entered_unit=data.unit or info.base_unit,
        base_unit=info.base_unit,
        min_lot=min_lot,
        window_start=data.window_start,
        window_end=data.window_end,
        latitude=place.latitude,
        longitude=place.longitude,
        region_code=place.region_code,
        place_name=place.place_name,
        max_distance_km=data.max_distance_km or default_radius_km,
        price_type=data.price.type.value,
        price_fixed=data.price.fixed,
        price_floor=data.price.floor,
        price_ceiling=data.price.ceiling,
        price_base=data.price.base,
        price_formula=data.price.formula,
        price_adjustments=[a.model_dump(mode="json") for a in data.price.adjustments],
        price_private=data.price_private,
        payment_days=data.payment_terms.days,
        payment_terms=data.payment_terms.description,
        required_certifications=[c.value for c in data.required_certifications],
        market=data.market.value,
        incoterm=data.incoterm.value if data.incoterm else None,
        incoterm_place=data.incoterm_place,
        recurrence=data.recurrence.model_dump(mode="json"),
        status=status.value,
        posted_at=None if data.draft else now,
    )
    await DemandRepository(session).add(demand)
    if status is DemandStatus.open:
        await _announce(session, demand)
    return demand


async def _announce(session: AsyncSession, demand: Demand) -> None:
    await emit(
        session,
        outbox_events,
        source="marketplace",
        type=EventType.DEMAND_POSTED,
        subject=demand.id,
        parties=[demand.offtaker_id],
        data={
            "demand_id": str(demand.id),
            "offtaker_id": str(demand.offtaker_id),
            "commodity_code": demand.commodity_code,
            "quantity": format(demand.quantity, "f"),
            "base_unit": demand.base_unit,
            "window_start": demand.window_start.isoformat(),
            "window_end": demand.window_end.isoformat(),
        },
    )


async def get_visible(repo: DemandRepository, principal: Principal | None, id: UUID) -> Demand:
    """Owner and readers see any demand; everyone else only open ones (price per its privacy)."""
    demand = await repo.get(id)
    if demand is None:
        raise NotFound(f"no demand {id}")
    if is_owner(principal, demand) or can_read_all(principal):
        return demand
    if effective_status(demand) in OPEN_STATUSES:
        return demand
    raise NotFound(f"no demand {id}")


async def get_owned(
    repo: DemandRepository, principal: Principal, id: UUID, *, lock: bool = False
) -> Demand:
    """A demand the caller may change: its offtaker, or an admin. Anyone else gets 404."""
    demand = await repo.get(id, for_update=lock)
    if demand is None or not (is_owner(principal, demand) or principal.role is Role.admin):
        raise NotFound(f"no demand {id}")
    return demand


async def transition(session: AsyncSession, principal: Principal, id: UUID, action: str) -> Demand:
    demand = await get_owned(DemandRepository(session), principal, id, lock=True)
    current = effective_status(demand)
    allowed = TRANSITIONS[action]
    if current not in allowed:
        options = [a for a, m in TRANSITIONS.items() if current in m]
        raise InvalidTransition(current, action, options)
    demand.status = allowed[current]
    if action == "publish":
        demand.posted_at = datetime.now(UTC)
        await _announce(session, demand)
    await session.flush()
    return demand
