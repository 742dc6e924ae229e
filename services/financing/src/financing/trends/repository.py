"""Queries for the monthly fund reports."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from financing.loans.models import Loan, LoanTransactionRecord


class TrendRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def loans(
        self, fund_id: UUID, *, product_id: UUID | None, province_code: str | None
    ) -> Sequence[Loan]:
        stmt = select(Loan).where(Loan.fund_id == fund_id).order_by(Loan.id)
        if product_id is not None:
            stmt = stmt.where(Loan.product_id == product_id)
        if province_code is not None:
            stmt = stmt.where(Loan.province_code == province_code)
        return (await self.session.scalars(stmt)).all()

    async def monthly_sums(
        self,
        fund_id: UUID,
        *,
        date_from: date,
        date_to: date,
        product_id: UUID | None,
        province_code: str | None,
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
        if product_id is not None:
            stmt = stmt.where(Loan.product_id == product_id)
        if province_code is not None:
            stmt = stmt.where(Loan.province_code == province_code)
        return {(m, k): Decimal(v) for m, k, v in (await self.session.execute(stmt)).all()}
