"""Queries on offtaker profiles."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.offtakers.models import Offtaker


class OfftakerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, offtaker: Offtaker) -> Offtaker:
        self.session.add(offtaker)
        await self.session.flush()
        # Read back what Postgres stored (NUMERIC scale, defaults) so answers match later reads.
        await self.session.refresh(offtaker)
        return offtaker

    async def get(self, id: UUID) -> Offtaker | None:
        return await self.session.get(Offtaker, id)

    async def page(self, limit: int, after: UUID | None) -> Sequence[Offtaker]:
        stmt = select(Offtaker).order_by(Offtaker.id).limit(limit + 1)
        if after is not None:
            stmt = stmt.where(Offtaker.id > after)
        return (await self.session.scalars(stmt)).all()
