"""Queries on matching runs and their allocations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.matching.models import MatchingAllocation, MatchingRun


class MatchingRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_run(self, run: MatchingRun) -> MatchingRun:
        self.session.add(run)
        await self.session.flush()
        await self.session.refresh(run)
        return run

    async def add_allocations(self, allocations: list[dict[str, Any]]) -> None:
        """One multi-row insert: a national run records thousands of allocations."""
        if allocations:
            await self.session.execute(insert(MatchingAllocation), allocations)

    async def get(self, id: UUID) -> MatchingRun | None:
        return await self.session.get(MatchingRun, id)

    async def allocations(self, run_id: UUID) -> Sequence[MatchingAllocation]:
        stmt = (
            select(MatchingAllocation)
            .where(MatchingAllocation.run_id == run_id)
            .order_by(MatchingAllocation.demand_id, MatchingAllocation.offer_id)
        )
        return (await self.session.scalars(stmt)).all()
