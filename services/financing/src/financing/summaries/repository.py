"""Every query of the financing summaries: applications, loans and what replaying them needs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from financing.applications.models import Application
from financing.arrears.models import FundBusinessDate
from financing.loans.models import Loan, LoanTransactionRecord
from financing.models import webhook_tables


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
