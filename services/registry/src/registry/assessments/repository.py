"""Queries on health assessments."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.pagination import PageParams, Slice, fetch_page
from registry.assessments.models import HealthAssessment


class AssessmentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, assessment: HealthAssessment) -> HealthAssessment:
        self.session.add(assessment)
        await self.session.flush()
        await self.session.refresh(assessment)
        return assessment

    async def year_taken(self, cooperative_id: UUID, year: int) -> bool:
        return bool(
            await self.session.scalar(
                select(
                    exists().where(
                        HealthAssessment.cooperative_id == cooperative_id,
                        HealthAssessment.year == year,
                    )
                )
            )
        )

    async def for_cooperative(
        self, cooperative_id: UUID, page: PageParams
    ) -> Slice[HealthAssessment]:
        """Newest year first, one page."""
        stmt = select(HealthAssessment).where(HealthAssessment.cooperative_id == cooperative_id)
        key = (HealthAssessment.year, HealthAssessment.id)
        return await fetch_page(self.session, stmt, page, *key, descending=True)
