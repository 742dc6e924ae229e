"""Queries on reschedule requests."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from financing.loans.models import Loan
from financing.reschedules.models import RescheduleRequest
from kopmod_shared.pagination import PageParams, Slice, fetch_page


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

    async def reschedules_of(self, loan_id: UUID, page: PageParams) -> Slice[RescheduleRequest]:
        """Oldest first, one page."""
        stmt = select(RescheduleRequest).where(RescheduleRequest.loan_id == loan_id)
        key = (RescheduleRequest.requested_at, RescheduleRequest.id)
        return await fetch_page(self.session, stmt, page, *key)

    async def page_of_fund(
        self, fund_id: UUID, status: str | None, page: PageParams
    ) -> Slice[RescheduleRequest]:
        """A fund's requests (in ``status``, or all), oldest first, one page."""
        loans = select(Loan.id).where(Loan.fund_id == fund_id)
        stmt = select(RescheduleRequest).where(RescheduleRequest.loan_id.in_(loans))
        if status is not None:
            stmt = stmt.where(RescheduleRequest.status == status)
        key = (RescheduleRequest.requested_at, RescheduleRequest.id)
        return await fetch_page(self.session, stmt, page, *key)
