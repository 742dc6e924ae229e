"""Queries on modernisation stages and mentoring records."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.pagination import PageParams, Slice, fetch_page
from registry.modernisation.models import MentoringRecord, ModernisationStage


class ModernisationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def stages(self, cooperative_id: UUID) -> list[ModernisationStage]:
        stmt = (
            select(ModernisationStage)
            .where(ModernisationStage.cooperative_id == cooperative_id)
            .order_by(ModernisationStage.started_on, ModernisationStage.id)
        )
        return list((await self.session.scalars(stmt)).all())

    async def stages_page(
        self, cooperative_id: UUID, page: PageParams
    ) -> Slice[ModernisationStage]:
        """Oldest first, one page."""
        stmt = select(ModernisationStage).where(ModernisationStage.cooperative_id == cooperative_id)
        key = (ModernisationStage.started_on, ModernisationStage.id)
        return await fetch_page(self.session, stmt, page, *key)

    async def add(self, row: ModernisationStage | MentoringRecord) -> None:
        self.session.add(row)
        await self.session.flush()
        await self.session.refresh(row)

    async def mentoring(self, cooperative_id: UUID, page: PageParams) -> Slice[MentoringRecord]:
        """Newest start first, one page."""
        stmt = select(MentoringRecord).where(MentoringRecord.cooperative_id == cooperative_id)
        key = (MentoringRecord.started_on, MentoringRecord.id)
        return await fetch_page(self.session, stmt, page, *key, descending=True)

    async def mentoring_record(self, cooperative_id: UUID, id: UUID) -> MentoringRecord | None:
        return await self.session.scalar(
            select(MentoringRecord)
            .where(MentoringRecord.id == id, MentoringRecord.cooperative_id == cooperative_id)
            .with_for_update()
        )

    async def flush(self) -> None:
        await self.session.flush()
