"""Queries on write-off requests."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from financing.loans.models import Loan
from financing.writeoffs.models import WriteOffRequest
from kopmod_shared.pagination import PageParams, Slice, fetch_page


class WriteOffRepository:
    """A loan's write-off requests."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def request(self, loan_id: UUID, request_id: UUID) -> WriteOffRequest | None:
        return await self.session.scalar(
            select(WriteOffRequest)
            .where(WriteOffRequest.id == request_id, WriteOffRequest.loan_id == loan_id)
            .with_for_update()
        )

    async def requests_of(self, loan_id: UUID) -> list[WriteOffRequest]:
        stmt = (
            select(WriteOffRequest)
            .where(WriteOffRequest.loan_id == loan_id)
            .order_by(WriteOffRequest.requested_at, WriteOffRequest.id)
        )
        return list((await self.session.scalars(stmt)).all())

    async def page_of(self, loan_id: UUID, page: PageParams) -> Slice[WriteOffRequest]:
        """Oldest first, one page."""
        stmt = select(WriteOffRequest).where(WriteOffRequest.loan_id == loan_id)
        key = (WriteOffRequest.requested_at, WriteOffRequest.id)
        return await fetch_page(self.session, stmt, page, *key)

    async def page_of_fund(
        self, fund_id: UUID, status: str | None, page: PageParams
    ) -> Slice[WriteOffRequest]:
        """A fund's requests (in ``status``, or all), oldest first, one page."""
        loans = select(Loan.id).where(Loan.fund_id == fund_id)
        stmt = select(WriteOffRequest).where(WriteOffRequest.loan_id.in_(loans))
        if status is not None:
            stmt = stmt.where(WriteOffRequest.status == status)
        key = (WriteOffRequest.requested_at, WriteOffRequest.id)
        return await fetch_page(self.session, stmt, page, *key)
