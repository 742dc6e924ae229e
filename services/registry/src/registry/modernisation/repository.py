"""Queries on modernisation stages and mentoring records."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

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

    async def add(self, row: ModernisationStage | MentoringRecord) -> None:
        self.session.add(row)
        await self.session.flush()
        await self.session.refresh(row)

    async def mentoring(self, cooperative_id: UUID) -> list[MentoringRecord]:
        stmt = (
            select(MentoringRecord)
            .where(MentoringRecord.cooperative_id == cooperative_id)
            .order_by(MentoringRecord.started_on.desc(), MentoringRecord.id)
        )
        return list((await self.session.scalars(stmt)).all())

    async def mentoring_record(self, cooperative_id: UUID, id: UUID) -> MentoringRecord | None:
        return await self.session.scalar(
            select(MentoringRecord)
            .where(MentoringRecord.id == id, MentoringRecord.cooperative_id == cooperative_id)
            .with_for_update()
        )

    async def flush(self) -> None:
        await self.session.flush()
