"""Queries for committee decisions."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from financing.committee.models import CommitteeDecision
from kopmod_shared.pagination import PageParams, Slice, fetch_page


class CommitteeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, decision: CommitteeDecision) -> CommitteeDecision:
        self.session.add(decision)
        await self.session.flush()
        return decision

    async def decisions(self, application_id: UUID, page: PageParams) -> Slice[CommitteeDecision]:
        """One page of the application's decisions, oldest first (ids are time-ordered)."""
        stmt = select(CommitteeDecision).where(CommitteeDecision.application_id == application_id)
        return await fetch_page(self.session, stmt, page, CommitteeDecision.id)

    async def approval_conditions(self, application_id: UUID) -> list[str]:
        """The conditions of the application's approval (none when approved without any)."""
        conditions = await self.session.scalar(
            select(CommitteeDecision.conditions)
            .where(
                CommitteeDecision.application_id == application_id,
                CommitteeDecision.outcome == "approved",
            )
            .order_by(CommitteeDecision.id.desc())
            .limit(1)
        )
        return list(conditions or [])
