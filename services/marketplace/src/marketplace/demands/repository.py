"""Queries on demands, including the open demands of a commodity matching reads."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.demands.models import Demand

OPEN_STATUSES = ("open", "partially_allocated")


class DemandRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, demand: Demand) -> Demand:
        self.session.add(demand)
        await self.session.flush()
        # Read back what Postgres stored (NUMERIC scale, defaults) so answers match later reads.
        await self.session.refresh(demand)
        return demand

    async def get(self, id: UUID, *, for_update: bool = False) -> Demand | None:
        if for_update:
            return await self.session.scalar(
                select(Demand)
                .where(Demand.id == id)
                .with_for_update()
                .execution_options(populate_existing=True)
            )
        return await self.session.get(Demand, id)

    async def page(
        self,
        limit: int,
        after: UUID | None,
        *,
        offtaker_id: UUID | None = None,
        open_only_on: date | None = None,
        commodity_code: str | None = None,
        statuses: Sequence[str] | None = None,
    ) -> Sequence[Demand]:
        stmt = select(Demand).order_by(Demand.id).limit(limit + 1)
        if after is not None:
            stmt = stmt.where(Demand.id > after)
        if offtaker_id is not None:
            stmt = stmt.where(Demand.offtaker_id == offtaker_id)
        if open_only_on is not None:
            stmt = stmt.where(Demand.status.in_(OPEN_STATUSES), Demand.window_end >= open_only_on)
        if commodity_code is not None:
            stmt = stmt.where(Demand.commodity_code == commodity_code)
        if statuses:
            stmt = stmt.where(or_(*(Demand.status == s for s in statuses)))
        return (await self.session.scalars(stmt)).all()

    async def open_for_commodity(self, commodity_code: str, today: date) -> Sequence[Any]:
        """Open demands of one commodity (index ``ix_demands_commodity_status``), as plain rows
        of every column (a national run reads thousands: no ORM objects, no identity map)."""
        stmt = (
            select(*Demand.__table__.columns)
            .where(
                Demand.commodity_code == commodity_code,
                Demand.status.in_(OPEN_STATUSES),
                Demand.window_end >= today,
                Demand.remaining_quantity > 0,
            )
            .order_by(Demand.id)
        )
        return (await self.session.execute(stmt)).all()

    async def by_ids(self, ids: Iterable[UUID]) -> dict[UUID, Demand]:
        stmt = select(Demand).where(Demand.id.in_(list(ids)))
        return {d.id: d for d in (await self.session.scalars(stmt)).all()}
