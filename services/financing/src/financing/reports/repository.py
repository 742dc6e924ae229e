"""Queries of the fund reports: the maintained portfolio groups aged on the business date, and
the per-day summaries (:mod:`financing.reports.models`) summed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import case, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from financing.arrears.repository import collectibility_sql
from financing.loans.models import Loan, LoanInstallmentBalance
from financing.products.models import Product
from financing.reports.portfolio import Flows
from financing.trends.repository import narrowed


@dataclass(frozen=True)
class PortfolioGroup:
    """Open loans of one class, product and province."""

    collectibility: int
    product_code: str
    province: str | None
    loans: int
    outstanding: Decimal


# Days past due on :today from each group's arrears date (the oldest installment with principal
# or interest unpaid; ``infinity`` when none), past its tolerance; as ``arrears.ageing.arrears``
# ages a replay.
_DAYS = (
    "CASE WHEN g.arrears_from < CAST(:today AS date) "
    "AND CAST(:today AS date) - g.arrears_from > g.tolerance_days "
    "THEN CAST(:today AS date) - g.arrears_from ELSE 0 END"
)
# The open loans of the fund from their maintained groups (``fund_portfolio_groups``: per
# product, province, arrears date and tolerance, shards added up), aged on :today. Reads a few
# hundred rows whatever the number of loans.
_PORTFOLIO = text(
    f"""
    SELECT {collectibility_sql("x.days")} AS collectibility, p.code, x.province,
           sum(x.loans) AS loans, sum(x.outstanding) AS outstanding
    FROM (
        SELECT {_DAYS} AS days, g.product_id, g.province_code AS province,
               g.loans, g.outstanding
        FROM (
            SELECT product_id, province_code, arrears_from, tolerance_days,
                   sum(loans) AS loans, sum(outstanding) AS outstanding
            FROM fund_portfolio_groups
            WHERE fund_id = CAST(:fund AS uuid)
            GROUP BY product_id, province_code, arrears_from, tolerance_days
        ) g
        WHERE g.loans <> 0
    ) x
    JOIN products p ON p.id = x.product_id
    GROUP BY 1, 2, 3
    """  # noqa: S608 (constants of this module only)
)
_FLOWS = text(
    """
    SELECT coalesce(sum(disbursed), 0), coalesce(sum(repaid), 0),
           coalesce(sum(principal_repaid), 0), coalesce(sum(interest_received), 0),
           coalesce(sum(charges_received), 0), coalesce(sum(recovered), 0)
    FROM fund_flow_days
    WHERE fund_id = CAST(:fund AS uuid)
      AND value_date BETWEEN CAST(:start AS date) AND CAST(:end AS date)
    """
)
_LEDGER_DAYS = text(
    """
    SELECT entry_date, account, sum(debit), sum(credit)
    FROM fund_ledger_days
    WHERE fund_id = CAST(:fund AS uuid) AND entry_date <= CAST(:until AS date)
    GROUP BY entry_date, account
    ORDER BY entry_date, account
    """
)
_ACCOUNT_TOTAL = text(
    """
    SELECT coalesce(sum(debit), 0), coalesce(sum(credit), 0)
    FROM fund_ledger_days
    WHERE fund_id = CAST(:fund AS uuid) AND account = :account
    """
)
_OWED = text(
    """
    SELECT CASE WHEN due_date < CAST(:today AS date) THEN 'overdue'
                ELSE to_char(due_date, 'YYYY-MM') END AS month,
           sum(principal), sum(interest), sum(charges)
    FROM fund_due_dates
    WHERE fund_id = CAST(:fund AS uuid) AND due_date < CAST(:horizon AS date)
    GROUP BY 1
    """
)


class ReportRepository:
    """Lookups and sums for the fund reports."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def product_codes(self, product_ids: Sequence[UUID]) -> dict[UUID, str]:
        if not product_ids:
            return {}
        rows = await self.session.execute(
            select(Product.id, Product.code).where(Product.id.in_(list(set(product_ids))))
        )
        return {r[0]: r[1] for r in rows}

    async def portfolio_groups(self, fund_id: UUID, today: date) -> list[PortfolioGroup]:
        rows = await self.session.execute(_PORTFOLIO, {"fund": fund_id, "today": today})
        return [PortfolioGroup(r[0], r[1], r[2], int(r[3]), r[4]) for r in rows.all()]

    async def flows(self, fund_id: UUID, start: date, end: date) -> Flows:
        row = (
            await self.session.execute(_FLOWS, {"fund": fund_id, "start": start, "end": end})
        ).one()
        return Flows(*(Decimal(v) for v in row))

    async def ledger_days(
        self, fund_id: UUID, *, until: date
    ) -> list[tuple[date, str, Decimal, Decimal]]:
        """(entry date, account, debits, credits) per day up to ``until``, in date order."""
        rows = await self.session.execute(_LEDGER_DAYS, {"fund": fund_id, "until": until})
        return [(r[0], r[1], Decimal(r[2]), Decimal(r[3])) for r in rows.all()]

    async def account_total(self, fund_id: UUID, account: str) -> tuple[Decimal, Decimal]:
        """(debits, credits) of an account over every day, from the per-day summary (the
        journal's lines summed without reading them)."""
        row = (
            await self.session.execute(_ACCOUNT_TOTAL, {"fund": fund_id, "account": account})
        ).one()
        return Decimal(row[0]), Decimal(row[1])

    async def owed_by_month(
        self, fund_id: UUID, today: date, horizon: date
    ) -> list[tuple[str, Decimal, Decimal, Decimal]]:
        """Still owed per due month (``YYYY-MM``, or ``overdue`` before ``today``) up to
        ``horizon`` (excluded)."""
        rows = await self.session.execute(
            _OWED, {"fund": fund_id, "today": today, "horizon": horizon}
        )
        return [(r[0], Decimal(r[1]), Decimal(r[2]), Decimal(r[3])) for r in rows.all()]

    async def owed_by_month_of(
        self, fund_id: UUID, today: date, horizon: date, **filters: Any
    ) -> list[tuple[str, Decimal, Decimal, Decimal]]:
        """``owed_by_month`` of some loans only (a product, a province, a cohort's
        cooperatives): summed from the loans' installment balances instead of the fund's
        per-due-date totals, which know no loan."""
        b = LoanInstallmentBalance
        month = case(
            (b.due_date < today, "overdue"), else_=func.to_char(b.due_date, "YYYY-MM")
        ).label("month")
        stmt = (
            select(month, func.sum(b.principal), func.sum(b.interest), func.sum(b.penalty + b.fee))
            .join(Loan, Loan.id == b.loan_id)
            .where(b.fund_id == fund_id, b.due_date < horizon)
            .group_by(month)
        )
        rows = await self.session.execute(narrowed(stmt, **filters))
        return [(r[0], Decimal(r[1]), Decimal(r[2]), Decimal(r[3])) for r in rows.all()]
