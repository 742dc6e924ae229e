"""Queries on RATs (annual members' meetings)."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.pagination import PageParams, Slice, fetch_page
from registry.rat.models import AnnualMeeting


class RatRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, meeting: AnnualMeeting) -> AnnualMeeting:
        self.session.add(meeting)
        await self.session.flush()
        await self.session.refresh(meeting)
        return meeting

    async def year_taken(self, cooperative_id: UUID, year: int) -> bool:
        return bool(
            await self.session.scalar(
                select(
                    exists().where(
                        AnnualMeeting.cooperative_id == cooperative_id, AnnualMeeting.year == year
                    )
                )
            )
        )

    async def for_cooperative(self, cooperative_id: UUID, page: PageParams) -> Slice[AnnualMeeting]:
        """Newest year first, one page."""
        stmt = select(AnnualMeeting).where(AnnualMeeting.cooperative_id == cooperative_id)
        key = (AnnualMeeting.year, AnnualMeeting.id)
        return await fetch_page(self.session, stmt, page, *key, descending=True)
