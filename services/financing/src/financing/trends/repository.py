"""Queries for the monthly fund reports: flows from the transactions, the NPL trend from the
loans' month ends and maintained accounts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from financing.arrears.models import EndOfDayRun
from financing.loans.models import Loan, LoanAccount, LoanMonthEnd, LoanTransactionRecord
from financing.loans.repository import id_array


def narrowed(
    stmt: Select[Any],
    *,
    product_id: UUID | None,
    province_code: str | None,
    cooperative_ids: Sequence[UUID] | None,
) -> Select[Any]:
    """``stmt`` (which selects from ``loans``) narrowed by product, province, cooperatives."""
    if product_id is not None:
        stmt = stmt.where(Loan.product_id == product_id)
    if province_code is not None:
        stmt = stmt.where(Loan.province_code == province_code)
    if cooperative_ids is not None:
        stmt = stmt.where(Loan.cooperative_id == id_array(cooperative_ids))
    return stmt


class TrendRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def loans(
        self,
        fund_id: UUID,
        *,
        product_id: UUID | None,
        province_code: str | None,
        cooperative_ids: Sequence[UUID] | None = None,
    ) -> Sequence[Loan]:
        stmt = select(Loan).where(Loan.fund_id == fund_id).order_by(Loan.id)
        stmt = narrowed(
            stmt,
            product_id=product_id,
            province_code=province_code,
            cooperative_ids=cooperative_ids,
        )
        return (await self.session.scalars(stmt)).all()

    async def month_end_groups(
        self, fund_id: UUID, month_ends: Sequence[date], **filters: Any
    ) -> list[tuple[date, int, int, Decimal]]:
        """(month end, OJK class, loans, principal outstanding) of the loans owing principal
        at each month end."""
        if not month_ends:
            return []
        m = LoanMonthEnd
        stmt = (
            select(m.month_end, m.collectibility, func.count(), func.sum(m.principal_outstanding))
            .join(Loan, Loan.id == m.loan_id)
            .where(
                m.fund_id == fund_id,
                m.month_end.in_(list(month_ends)),
                m.principal_outstanding > 0,
            )
            .group_by(m.month_end, m.collectibility)
        )
        rows = await self.session.execute(narrowed(stmt, **filters))
        return [(d, c, n, Decimal(v)) for d, c, n, v in rows.all()]

    async def closed_days(self, fund_id: UUID, days: Sequence[date]) -> set[date]:
        """Which of ``days`` end of day has closed for the fund (its run completed)."""
        if not days:
            return set()
        run = EndOfDayRun
        stmt = select(run.business_date).where(
            run.fund_id == fund_id,
            run.business_date.in_(list(days)),
            run.completed_at.is_not(None),
        )
        return set((await self.session.scalars(stmt)).all())

    async def current_groups(self, fund_id: UUID, **filters: Any) -> list[tuple[int, int, Decimal]]:
        """(OJK class, loans, principal outstanding) on the business date, from the loans'
        maintained accounts."""
        a = LoanAccount
        stmt = (
            select(a.collectibility, func.count(), func.sum(a.principal_outstanding))
            .join(Loan, Loan.id == a.loan_id)
            .where(a.fund_id == fund_id, a.principal_outstanding > 0)
            .group_by(a.collectibility)
        )
        rows = await self.session.execute(narrowed(stmt, **filters))
        return [(c, n, Decimal(v)) for c, n, v in rows.all()]

    async def monthly_sums(
        self,
        fund_id: UUID,
        *,
        date_from: date,
        date_to: date,
        product_id: UUID | None,
        province_code: str | None,
        cooperative_ids: Sequence[UUID] | None = None,
    ) -> dict[tuple[str, str], Decimal]:
        """Sum of non-reversed transaction amounts by (month ``YYYY-MM``, kind)."""
        month = func.to_char(LoanTransactionRecord.value_date, "YYYY-MM")
        stmt = (
            select(month, LoanTransactionRecord.kind, func.sum(LoanTransactionRecord.amount))
            .join(Loan, Loan.id == LoanTransactionRecord.loan_id)
            .where(
                LoanTransactionRecord.fund_id == fund_id,
                LoanTransactionRecord.reversed_at.is_(None),
                LoanTransactionRecord.value_date >= date_from,
                LoanTransactionRecord.value_date <= date_to,
            )
            .group_by(month, LoanTransactionRecord.kind)
        )
        stmt = narrowed(
            stmt,
            product_id=product_id,
            province_code=province_code,
            cooperative_ids=cooperative_ids,
        )
        rows: Sequence[Any] = (await self.session.execute(stmt)).all()
        return {(m, k): Decimal(v) for m, k, v in rows}
