"""Queries on reschedule requests."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from financing.reschedules.models import RescheduleRequest


class RescheduleRepository:
    """A loan's reschedule requests."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def reschedule(self, loan_id: UUID, request_id: UUID) -> RescheduleRequest | None:
        return await self.session.scalar(
            select(RescheduleRequest)
            .where(RescheduleRequest.id == request_id, RescheduleRequest.loan_id == loan_id)
            .with_for_update()
        )

    async def reschedules_of(self, loan_id: UUID) -> list[RescheduleRequest]:
        stmt = (
            select(RescheduleRequest)
            .where(RescheduleRequest.loan_id == loan_id)
            .order_by(RescheduleRequest.requested_at, RescheduleRequest.id)
        )
        return list((await self.session.scalars(stmt)).all())
