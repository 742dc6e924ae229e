"""Supply offers: validation against reference data and the registry, visibility, withdrawal."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import Conflict, InvalidTransition, NotFound, ValidationProblem
from kopmod_shared.ids import new_id
from kopmod_shared.money import CENT as MONEY_STEP
from kopmod_shared.schemas.registry import CooperativeSummary
from marketplace.commodities import service as commodities
from marketplace.commodities.repository import CommodityRepository
from marketplace.common import Location, can_read_all
from marketplace.geo import inside_indonesia
from marketplace.offers.models import OfferCertification, SupplyOffer
from marketplace.offers.repository import OPEN_STATUSES, OfferRepository
from marketplace.offers.schemas import (
    Certification,
    OfferCreate,
    OfferOut,
    OfferStatus,
    OfferUpdate,
)
from marketplace.periods import capacity_total as _capacity_total
from marketplace.periods import period_count


def today() -> date:
    return datetime.now(UTC).date()


def effective_status(offer: SupplyOffer, on: date | None = None) -> str:
    if offer.status in OPEN_STATUSES and offer.window_end < (on or today()):
        return OfferStatus.expired.value
    return offer.status


def is_owner(principal: Principal | None, offer: SupplyOffer) -> bool:
    return principal is not None and principal.is_org(Role.cooperative, offer.cooperative_id)


def periods(offer: SupplyOffer) -> int:
    """Periods the offer's window spans (``marketplace.periods``)."""
    return period_count(offer.period, offer.window_start, offer.window_end)


def capacity_total(offer: SupplyOffer) -> Decimal:
    """Quantity per period x periods: what the offer supplies over its window."""
    return _capacity_total(offer.quantity, offer.period, offer.window_start, offer.window_end)


def status_after_commit(remaining: Decimal) -> str:
    return OfferStatus.committed.value if remaining <= 0 else OfferStatus.partially_committed.value


def to_out(o: SupplyOffer) -> OfferOut:
    return OfferOut(
        id=o.id,
        cooperative_id=o.cooperative_id,
        cooperative_name=o.cooperative_name,
        commodity_code=o.commodity_code,
        base_unit=o.base_unit,
        grade=o.grade,
        quantity=o.quantity,
        remaining_quantity=o.remaining_quantity,
        entered_quantity=o.entered_quantity,
        entered_unit=o.entered_unit,
        period=o.period,
        periods=periods(o),
        capacity_total=capacity_total(o),
        min_order=o.min_order,
        order_multiple=o.order_multiple,
        window_start=o.window_start,
        window_end=o.window_end,
        location=Location(latitude=o.latitude, longitude=o.longitude, region_code=o.region_code),
        location_source=o.location_source,
        asking_price=o.asking_price,
        certifications=[Certification.model_validate(c) for c in o.certifications],
        status=effective_status(o),
        created_at=o.created_at,
    )


async def _in_base(
    repo: CommodityRepository, info: commodities.CommodityInfo, q: Decimal | None, unit: str | None
) -> Decimal | None:
    return None if q is None else await commodities.to_base(repo, info, q, unit, "body.unit")


def _check_lots(
    quantity: Decimal, min_order: Decimal | None, order_multiple: Decimal | None
) -> None:
    if min_order is not None and min_order > quantity:
        raise ValidationProblem.for_field(
            "body.min_order", "the minimum order is above the quantity", "min_order_above_quantity"
        )
    if order_multiple is not None and order_multiple > quantity:
        raise ValidationProblem.for_field(
            "body.order_multiple",
            "the order multiple is above the quantity",
            "multiple_above_quantity",
        )


def _check_window(start: date, end: date) -> None:
    if end < start:
        raise ValidationProblem.for_field(
            "body.window_end", "the supply window ends before it starts", "window_order"
        )
    if end < today():
        raise ValidationProblem.for_field(
            "body.window_end", "the supply window is over", "window_past"
        )


async def create(
    session: AsyncSession, *, cooperative: CooperativeSummary, data: OfferCreate
) -> SupplyOffer:
    """Validate and store an offer of a cooperative the registry confirmed active.

    The registry was asked before this runs (no transaction held across that call).
    """
    repo = CommodityRepository(session)
    info = await commodities.load(repo, data.commodity_code, "body.commodity_code")
    quantity = await commodities.to_base(repo, info, data.quantity, data.unit, "body.unit")
    min_order = await _in_base(repo, info, data.min_order, data.unit)
    order_multiple = await _in_base(repo, info, data.order_multiple, data.unit)
    _check_lots(quantity, min_order, order_multiple)
    if info.grade_ranks and data.grade is None:
        raise ValidationProblem.for_field(
            "body.grade", f"{info.code} is graded: state the grade offered", "missing"
        )
    rank = commodities.grade_rank(info, data.grade, "body.grade")
    _check_window(data.window_start, data.window_end)
    for i, cert in enumerate(data.certifications):
        if cert.valid_to < cert.valid_from:
            raise ValidationProblem.for_field(
                f"body.certifications.{i}.valid_to",
                "certificate ends before it starts",
                "window_order",
            )
        if cert.valid_to < today():
            raise ValidationProblem.for_field(
                f"body.certifications.{i}.valid_to",
                f"the {cert.scheme.value} certificate {cert.number} expired on "
                f"{cert.valid_to.isoformat()}: it cannot be presented as valid",
                "certificate_expired",
            )
    if data.location is not None:
        latitude, longitude = data.location.latitude, data.location.longitude
        region = data.location.region_code or cooperative.region_code
        source = "given"
    elif cooperative.latitude is not None and cooperative.longitude is not None:
        latitude, longitude, region, source = (
            cooperative.latitude,
            cooperative.longitude,
            cooperative.region_code,
            "registry",
        )
    else:
        raise ValidationProblem.for_field(
            "body.location",
            "the registry has no location for this cooperative: give the offer's location",
            "missing",
        )
    if not inside_indonesia(latitude, longitude):
        raise ValidationProblem.for_field(
            "body.location.latitude",
            "a supply location must be inside Indonesia",
            "outside_indonesia",
        )
    at = datetime.now(UTC)
    offer = SupplyOffer(
        # Every column set here (nothing is read back from Postgres): the id, both timestamps
        # and the quantities and price at their stored scale, as a later read answers them.
        id=new_id(),
        created_at=at,
        updated_at=at,
        cooperative_id=cooperative.id,
        cooperative_name=cooperative.name,
        commodity_code=info.code,
        grade=data.grade,
        grade_rank=rank,
        quantity=quantity,
        # Nothing committed yet: the whole window's capacity is left.
        remaining_quantity=_capacity_total(
            quantity, data.period.value, data.window_start, data.window_end
        ),
        entered_quantity=data.quantity.quantize(commodities.QTY_STEP),
        entered_unit=data.unit or info.base_unit,
        base_unit=info.base_unit,
        period=data.period.value,
        min_order=min_order,
        order_multiple=order_multiple,
        window_start=data.window_start,
        window_end=data.window_end,
        latitude=latitude,
        longitude=longitude,
        region_code=region,
        location_source=source,
        asking_price=data.asking_price.quantize(MONEY_STEP),
        status=OfferStatus.open.value,
    )
    # In scheme order, as the relationship loads them.
    offer.certifications = [
        OfferCertification(
            **c.model_dump(mode="python") | {"scheme": c.scheme.value},
            id=new_id(),
            offer_id=offer.id,
        )
        for c in sorted(data.certifications, key=lambda c: c.scheme.value)
    ]
    return await OfferRepository(session).add(offer)


async def get_visible(repo: OfferRepository, principal: Principal, id: UUID) -> SupplyOffer:
    offer = await repo.get(id)
    if offer is None or not (is_owner(principal, offer) or can_read_all(principal)):
        raise NotFound(f"no supply offer {id}")
    return offer


async def withdraw(repo: OfferRepository, principal: Principal, id: UUID) -> SupplyOffer:
    offer = await repo.get(id, for_update=True)
    if offer is None or not (is_owner(principal, offer) or principal.role is Role.admin):
        raise NotFound(f"no supply offer {id}")
    current = effective_status(offer)
    if current not in OPEN_STATUSES:
        raise InvalidTransition(current, "withdraw", [])
    offer.status = OfferStatus.withdrawn.value
    await repo.session.flush()
    return offer


class OfferCommitted(Conflict):
    slug, title = "offer-committed", "Contracts already draw on this offer"


async def update(
    session: AsyncSession, principal: Principal, id: UUID, data: OfferUpdate
) -> SupplyOffer:
    """Change an open offer. What accepted proposals committed stays committed: the quantity
    may not fall below it, and while anything is committed the grade and the window (which
    the contracts' schedules were checked against) stay as they are."""
    repo = OfferRepository(session)
    offer = await repo.get(id, for_update=True)
    if offer is None or not (is_owner(principal, offer) or principal.role is Role.admin):
        raise NotFound(f"no supply offer {id}")
    current = effective_status(offer)
    if current not in OPEN_STATUSES:
        raise InvalidTransition(current, "edit", [])
    committed = capacity_total(offer) - offer.remaining_quantity
    changes = data.model_dump(exclude_unset=True)
    frozen = [f for f in ("grade", "window_start", "window_end") if f in changes]
    if committed > 0 and frozen:
        raise OfferCommitted(
            f"{committed} {offer.base_unit} of this offer are committed to contracts: its "
            f"{', '.join(frozen)} cannot change; withdraw it and post a new offer instead",
            committed=format(committed, "f"),
            fields=frozen,
        )
    crepo = CommodityRepository(session)
    info = await commodities.load(crepo, offer.commodity_code, "body.commodity_code")
    unit = data.unit or offer.entered_unit
    quantity = offer.quantity
    if data.quantity is not None:
        quantity = await commodities.to_base(crepo, info, data.quantity, unit, "body.unit")
    min_order = offer.min_order
    if "min_order" in changes:
        min_order = await _in_base(crepo, info, data.min_order, unit)
    order_multiple = offer.order_multiple
    if "order_multiple" in changes:
        order_multiple = await _in_base(crepo, info, data.order_multiple, unit)
    _check_lots(quantity, min_order, order_multiple)
    start = data.window_start or offer.window_start
    end = data.window_end or offer.window_end
    _check_window(start, end)
    if "grade" in changes:
        if info.grade_ranks and data.grade is None:
            raise ValidationProblem.for_field(
                "body.grade", f"{info.code} is graded: state the grade offered", "missing"
            )
        offer.grade_rank = commodities.grade_rank(info, data.grade, "body.grade")
        offer.grade = data.grade
    capacity = _capacity_total(quantity, offer.period, start, end)
    if capacity < committed:
        raise ValidationProblem.for_field(
            "body.quantity",
            f"{committed} {offer.base_unit} are committed to contracts; the offer cannot supply "
            "less than that",
            "below_committed",
        )
    if data.quantity is not None:
        offer.quantity = quantity
        offer.entered_quantity = data.quantity
        offer.entered_unit = unit
    offer.min_order, offer.order_multiple = min_order, order_multiple
    offer.window_start, offer.window_end = start, end
    if data.asking_price is not None:
        offer.asking_price = data.asking_price
    offer.remaining_quantity = capacity - committed
    if committed > 0:
        offer.status = status_after_commit(offer.remaining_quantity)
    await session.flush()
    await session.refresh(offer)
    return offer
