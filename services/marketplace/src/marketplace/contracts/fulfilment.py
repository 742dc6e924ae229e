"""An offtaker's suppliers and how each delivered: per cooperative and commodity over the
offtaker's signed contracts, quantities in the commodity's base unit, the rate as a decimal."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import NotFound
from kopmod_shared.money import SHARE, quantize
from kopmod_shared.schemas.market_views import CooperativeFulfilmentLine, OfftakerFulfilment
from marketplace.common import can_read_all
from marketplace.contracts.repository import ContractRepository
from marketplace.contracts.service import now


def rate(accepted_on_due: Decimal, due: Decimal) -> Decimal | None:
    """Accepted over due, capped at 1, at the Share scale; None while nothing is due."""
    if due <= 0:
        return None
    return Decimal(SHARE.format(min(Decimal(1), accepted_on_due / due)))


async def for_offtaker(
    session: AsyncSession, principal: Principal, offtaker_id: UUID
) -> OfftakerFulfilment:
    if not (principal.is_org(Role.offtaker, offtaker_id) or can_read_all(principal)):
        raise NotFound(f"no fulfilment record for offtaker {offtaker_id}")
    today = now().date()
    rows = await ContractRepository(session).offtaker_fulfilment(offtaker_id, today)
    lines = [
        CooperativeFulfilmentLine(
            cooperative_id=r[0],
            cooperative_name=r[1],
            commodity_code=r[2],
            base_unit=r[3],
            contracts=int(r[4]),
            active_contracts=int(r[5]),
            contracted_quantity=r[6],
            due_quantity=r[7],
            accepted_on_due=r[8],
            accepted_quantity=r[9],
            contracted_value=quantize(r[10]),
            accepted_value=quantize(r[11]),
            fulfilment_rate=rate(r[8], r[7]),
        )
        for r in rows
    ]
    # Those falling short first; nothing due yet last; then by name.
    lines.sort(
        key=lambda x: (
            x.fulfilment_rate is None,
            x.fulfilment_rate or Decimal(0),
            x.cooperative_name,
            x.commodity_code,
        )
    )
    return OfftakerFulfilment(offtaker_id=offtaker_id, as_of=today, cooperatives=lines)
