"""Every query of the financing summaries: applications, the loans' record summed from their
maintained state (``loan_accounts``, ``loan_installment_balances``), and what replaying them
needs (the oracle, ``summaries.replayed``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from financing.applications.models import Application
from financing.arrears.models import FundBusinessDate
from financing.loans.models import Loan, LoanTransactionRecord
from financing.models import webhook_tables

# Per cooperative, one statement: its loans' figures from ``loan_accounts`` and each installment
# judged on the fund's business date (or the write-off date) from ``loan_installment_balances``,
# by the rules in ``summaries.service`` (the days late are summed as days; the caller turns the
# worst into an OJK class). No loan is replayed.
LOAN_RECORDS = text(
    """
    WITH l AS (
        SELECT l.id, l.cooperative_id, l.rescheduled_from_id,
               l.status IN ('active', 'overpaid') AS open,
               l.status = 'closed_written_off' OR a.written_off_on IS NOT NULL AS written_off,
               l.arrears_tolerance_days AS tol,
               COALESCE(d.business_date, CAST(:today AS date)) AS bd,
               a.disbursed, a.principal_outstanding, a.arrears_from, a.written_off_on
        FROM loans l
        LEFT JOIN loan_accounts a ON a.loan_id = l.id
        LEFT JOIN fund_business_dates d ON d.fund_id = l.fund_id
        WHERE l.cooperative_id = ANY(CAST(:ids AS uuid[]))
    ),
    judged AS (
        SELECT l.cooperative_id, l.tol, b.paid_on IS NOT NULL AS paid,
               CASE WHEN b.paid_on IS NOT NULL THEN GREATEST(0, b.paid_on - b.due_date)
                    ELSE LEAST(l.bd, l.written_off_on) - b.due_date END AS late,
               CASE WHEN b.paid_on IS NOT NULL THEN b.due_date <= LEAST(l.bd, l.written_off_on)
                    ELSE LEAST(l.bd, l.written_off_on) - b.due_date > l.tol END AS counts
        FROM l JOIN loan_installment_balances b ON b.loan_id = l.id
        WHERE NOT b.rescheduled
    ),
    installments AS (
        SELECT cooperative_id, count(*) AS due,
               count(*) FILTER (WHERE paid AND late <= tol) AS on_time,
               max(CASE WHEN late <= tol THEN 0 ELSE late END) AS worst_days
        FROM judged WHERE counts
        GROUP BY cooperative_id
    ),
    loans AS (
        SELECT cooperative_id,
               count(*) FILTER (WHERE rescheduled_from_id IS NULL) AS loans,
               count(*) FILTER (WHERE open) AS active,
               COALESCE(sum(GREATEST(principal_outstanding, 0)) FILTER (WHERE open), 0)
                   AS outstanding,
               COALESCE(sum(disbursed), 0) AS disbursed,
               count(*) FILTER (WHERE written_off) AS written_off,
               max(CASE WHEN arrears_from < bd AND bd - arrears_from > tol
                        THEN bd - arrears_from ELSE 0 END) FILTER (WHERE open) AS current_days,
               max(bd) AS as_of
        FROM l GROUP BY cooperative_id
    )
    SELECT loans.cooperative_id, loans.loans, loans.active, loans.outstanding, loans.disbursed,
           loans.written_off, loans.current_days, loans.as_of,
           COALESCE(i.due, 0), COALESCE(i.on_time, 0), i.worst_days
    FROM loans LEFT JOIN installments i ON i.cooperative_id = loans.cooperative_id
    """
)


@dataclass(frozen=True)
class LoanRecordRow:
    """What one cooperative's loans add up to (``LOAN_RECORDS``), in days where it is a class."""

    cooperative_id: UUID
    loans: int
    active: int
    outstanding: Decimal
    disbursed: Decimal
    written_off: int
    current_days: int | None
    as_of: date
    due: int
    on_time: int
    worst_days: int | None


class SummaryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def application_counts(
        self, cooperative_ids: Sequence[UUID]
    ) -> dict[UUID, dict[str, int]]:
        """Per cooperative: application count per status."""
        out: dict[UUID, dict[str, int]] = {}
        if not cooperative_ids:
            return out
        rows = await self.session.execute(
            select(Application.cooperative_id, Application.status, func.count())
            .where(Application.cooperative_id.in_(list(cooperative_ids)))
            .group_by(Application.cooperative_id, Application.status)
        )
        for cooperative_id, status, count in rows:
            out.setdefault(cooperative_id, {})[status] = int(count)
        return out

    async def recent_applications(
        self, cooperative_ids: Sequence[UUID], since: datetime
    ) -> dict[UUID, int]:
        """Per cooperative: applications started on or after ``since``."""
        if not cooperative_ids:
            return {}
        rows = await self.session.execute(
            select(Application.cooperative_id, func.count())
            .where(
                Application.cooperative_id.in_(list(cooperative_ids)),
                Application.created_at >= since,
            )
            .group_by(Application.cooperative_id)
        )
        return {r[0]: int(r[1]) for r in rows}

    async def webhook_endpoints(self, cooperative_ids: Sequence[UUID]) -> dict[UUID, int]:
        """Per cooperative: enabled webhook endpoints it subscribed here."""
        if not cooperative_ids:
            return {}
        endpoints = webhook_tables.endpoints
        rows = await self.session.execute(
            select(endpoints.c.owner_org_id, func.count())
            .where(
                endpoints.c.owner_org_id.in_(list(cooperative_ids)),
                endpoints.c.owner_role == "cooperative",
                endpoints.c.enabled.is_(True),
            )
            .group_by(endpoints.c.owner_org_id)
        )
        return {r[0]: int(r[1]) for r in rows}

    async def loan_records(
        self, cooperative_ids: Sequence[UUID], today: date
    ) -> dict[UUID, LoanRecordRow]:
        """Per cooperative with any loan: its record from the maintained state (``today`` where
        a fund has no business date yet)."""
        if not cooperative_ids:
            return {}
        rows = await self.session.execute(
            LOAN_RECORDS, {"ids": list(cooperative_ids), "today": today}
        )
        return {r[0]: LoanRecordRow(*r) for r in rows}

    async def loans_of(self, cooperative_ids: Sequence[UUID]) -> list[Loan]:
        if not cooperative_ids:
            return []
        stmt = (
            select(Loan)
            .where(Loan.cooperative_id.in_(list(cooperative_ids)))
            .order_by(Loan.cooperative_id, Loan.id)
        )
        return list((await self.session.scalars(stmt)).all())

    async def transactions_of(
        self, loan_ids: Sequence[UUID]
    ) -> dict[UUID, list[LoanTransactionRecord]]:
        out: dict[UUID, list[LoanTransactionRecord]] = {i: [] for i in loan_ids}
        if not loan_ids:
            return out
        stmt = (
            select(LoanTransactionRecord)
            .where(LoanTransactionRecord.loan_id.in_(list(loan_ids)))
            .order_by(LoanTransactionRecord.value_date, LoanTransactionRecord.seq)
        )
        for record in (await self.session.scalars(stmt)).all():
            out[record.loan_id].append(record)
        return out

    async def business_dates(self, fund_ids: Sequence[UUID]) -> dict[UUID, date]:
        if not fund_ids:
            return {}
        rows = await self.session.execute(
            select(FundBusinessDate.fund_id, FundBusinessDate.business_date).where(
                FundBusinessDate.fund_id.in_(list(set(fund_ids)))
            )
        )
        return {r[0]: r[1] for r in rows}

    async def page_cooperatives(self, after: UUID | None, limit: int) -> list[UUID]:
        """Cooperatives with any application (every loan has one), in id order."""
        stmt = select(Application.cooperative_id).distinct().order_by(Application.cooperative_id)
        if after is not None:
            stmt = stmt.where(Application.cooperative_id > after)
        return list((await self.session.scalars(stmt.limit(limit))).all())
