"""Queries for the work queues: one statement each."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import and_, func, select
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.ext.asyncio import AsyncSession

from financing.applications.models import Application, ApplicationEvent
from financing.loans.models import (
    Loan,
    LoanAccount,
    LoanInstallmentBalance,
    LoanTransactionRecord,
)
from financing.queues.models import PromiseToPay

MONEY_IN = ("repayment", "payoff", "recovery")


class QueueRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def applications(
        self,
        *,
        statuses: Sequence[str],
        product_id: UUID | None,
        province_code: str | None,
        fund_id: UUID | None,
        limit: int,
    ) -> list[Any]:
        """Open applications with when they entered their state and who last reviewed them."""
        last = (
            select(
                ApplicationEvent.application_id,
                func.max(ApplicationEvent.at).label("since"),
            )
            .group_by(ApplicationEvent.application_id)
            .subquery()
        )
        reviewer = (
            select(ApplicationEvent.actor)
            .where(
                ApplicationEvent.application_id == Application.id,
                ApplicationEvent.reviewer_step.is_(True),
            )
            .order_by(ApplicationEvent.at.desc(), ApplicationEvent.id.desc())
            .limit(1)
            .correlate(Application)
            .scalar_subquery()
        )
        stmt = (
            select(
                Application,
                func.coalesce(last.c.since, Application.updated_at).label("since"),
                reviewer.label("reviewer"),
            )
            .outerjoin(last, last.c.application_id == Application.id)
            .where(Application.status.in_(list(statuses)))
            .order_by(func.coalesce(last.c.since, Application.updated_at), Application.id)
            .limit(limit)
        )
        if product_id is not None:
            stmt = stmt.where(Application.product_id == product_id)
        if province_code is not None:
            stmt = stmt.where(Application.province_code == province_code)
        if fund_id is not None:
            stmt = stmt.where(Application.fund_id == fund_id)
        return list((await self.session.execute(stmt)).all())

    async def in_arrears(
        self,
        fund_id: UUID,
        *,
        collectibility: int | None,
        product_id: UUID | None,
        province_code: str | None,
        limit: int,
    ) -> list[Any]:
        stmt = (
            select(Loan, LoanAccount)
            .join(LoanAccount, LoanAccount.loan_id == Loan.id)
            .where(
                Loan.fund_id == fund_id,
                Loan.status.in_(["active", "overpaid"]),
                LoanAccount.days_past_due > 0,
            )
            .order_by(LoanAccount.days_past_due.desc(), Loan.id)
            .limit(limit)
        )
        if collectibility is not None:
            stmt = stmt.where(LoanAccount.collectibility == collectibility)
        if product_id is not None:
            stmt = stmt.where(Loan.product_id == product_id)
        if province_code is not None:
            stmt = stmt.where(Loan.province_code == province_code)
        return list((await self.session.execute(stmt)).all())

    async def latest_promises(self, loan_ids: Sequence[UUID]) -> dict[UUID, PromiseToPay]:
        if not loan_ids:
            return {}
        rows = await self.session.scalars(
            select(PromiseToPay)
            .where(PromiseToPay.loan_id.in_(list(loan_ids)))
            .order_by(PromiseToPay.loan_id, PromiseToPay.recorded_at.desc())
            .ext(distinct_on(PromiseToPay.loan_id))
        )
        return {p.loan_id: p for p in rows}

    async def add(self, promise: PromiseToPay) -> PromiseToPay:
        self.session.add(promise)
        await self.session.flush()
        return promise

    async def promises(
        self, fund_id: UUID, *, loan_id: UUID | None, limit: int
    ) -> list[tuple[PromiseToPay, Decimal]]:
        """Promises with the money received on their loan from the day they were made to the
        day promised (non-reversed repayments, payoffs and recoveries)."""
        paid = (
            select(func.coalesce(func.sum(LoanTransactionRecord.amount), 0))
            .where(
                and_(
                    LoanTransactionRecord.loan_id == PromiseToPay.loan_id,
                    LoanTransactionRecord.kind.in_(MONEY_IN),
                    LoanTransactionRecord.reversed_at.is_(None),
                    LoanTransactionRecord.value_date >= PromiseToPay.made_on,
                    LoanTransactionRecord.value_date <= PromiseToPay.promised_on,
                )
            )
            .correlate(PromiseToPay)
            .scalar_subquery()
        )
        stmt = (
            select(PromiseToPay, paid.label("paid"))
            .where(PromiseToPay.fund_id == fund_id)
            .order_by(PromiseToPay.promised_on, PromiseToPay.id)
            .limit(limit)
        )
        if loan_id is not None:
            stmt = stmt.where(PromiseToPay.loan_id == loan_id)
        return [(r[0], Decimal(r[1])) for r in (await self.session.execute(stmt)).all()]

    async def due_between(
        self, fund_id: UUID, first: date, last: date, *, limit: int
    ) -> list[tuple[UUID, UUID, int, date, Decimal]]:
        """(loan, cooperative, installment, due date, still owed) of the fund's open loans'
        installments due from ``first`` to ``last`` with something owed, by date then loan."""
        b = LoanInstallmentBalance
        owed = b.principal + b.interest + b.penalty + b.fee
        stmt = (
            select(b.loan_id, Loan.cooperative_id, b.number, b.due_date, owed)
            .join(Loan, Loan.id == b.loan_id)
            .where(
                b.fund_id == fund_id,
                b.due_date >= first,
                b.due_date <= last,
                owed > 0,
                Loan.status.in_(["active", "overpaid"]),
            )
            .order_by(b.due_date, b.loan_id, b.number)
            .limit(limit)
        )
        rows = (await self.session.execute(stmt)).all()
        return [(a, c, n, d, Decimal(u)) for a, c, n, d, u in rows]
