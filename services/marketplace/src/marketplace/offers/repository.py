"""Queries on supply offers, including the open offers of a commodity matching reads."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.offers.models import SupplyOffer

OPEN_STATUSES = ("open", "partially_committed")


class OfferRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, offer: SupplyOffer) -> SupplyOffer:
        self.session.add(offer)
        await self.session.flush()
        # Read back what Postgres stored (NUMERIC scale, defaults) so answers match later reads.
        await self.session.refresh(offer)
        return offer

    async def get(self, id: UUID, *, for_update: bool = False) -> SupplyOffer | None:
        stmt = select(SupplyOffer).where(SupplyOffer.id == id)
        if for_update:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(stmt)

    async def page(
        self, limit: int, after: UUID | None, *, cooperative_id: UUID | None = None
    ) -> Sequence[SupplyOffer]:
        stmt = select(SupplyOffer).order_by(SupplyOffer.id).limit(limit + 1)
        if after is not None:
            stmt = stmt.where(SupplyOffer.id > after)
        if cooperative_id is not None:
            stmt = stmt.where(SupplyOffer.cooperative_id == cooperative_id)
        return (await self.session.scalars(stmt)).all()

    async def open_in_box(
        self,
        commodity_code: str,
        box: tuple[float, ...],
        today: date,
    ) -> Sequence[SupplyOffer]:
        """Open offers of a commodity inside a bounding box.

        Served by the partial index ``ix_supply_offers_open_position``.
        """
        min_lat, max_lat, min_lon, max_lon = box
        stmt = select(SupplyOffer).where(
            SupplyOffer.commodity_code == commodity_code,
            SupplyOffer.status.in_(OPEN_STATUSES),
            SupplyOffer.latitude.between(min_lat, max_lat),
            SupplyOffer.longitude.between(min_lon, max_lon),
            SupplyOffer.window_end >= today,
            SupplyOffer.remaining_quantity > 0,
        )
        return (await self.session.scalars(stmt)).all()

    async def open_for_commodity(self, commodity_code: str, today: date) -> Sequence[SupplyOffer]:
        stmt = (
            select(SupplyOffer)
            .where(
                SupplyOffer.commodity_code == commodity_code,
                SupplyOffer.status.in_(OPEN_STATUSES),
                SupplyOffer.window_end >= today,
                SupplyOffer.remaining_quantity > 0,
            )
            .order_by(SupplyOffer.id)
        )
        return (await self.session.scalars(stmt)).all()
