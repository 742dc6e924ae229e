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
from kopmod_shared.pagination import PageParams, Slice, keyset, make_page

MONEY_IN = ("repayment", "payoff", "recovery")


class QueueRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def applications(
        self,
        page: PageParams,
        *,
        statuses: Sequence[str],
        product_id: UUID | None,
        province_code: str | None,
        fund_id: UUID | None,
    ) -> Slice[Any]:
        """One page of open applications, oldest in its state first, each with when it entered
        its state and who last reviewed it."""
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
        queued = (
            select(
                Application.id.label("id"),
                func.coalesce(last.c.since, Application.updated_at).label("since"),
            )
            .outerjoin(last, last.c.application_id == Application.id)
            .where(Application.status.in_(list(statuses)))
        )
        if product_id is not None:
            queued = queued.where(Application.product_id == product_id)
        if province_code is not None:
            queued = queued.where(Application.province_code == province_code)
        if fund_id is not None:
            queued = queued.where(Application.fund_id == fund_id)
        q = queued.subquery()
        stmt = select(Application, q.c.since, reviewer.label("reviewer")).join(
            q, q.c.id == Application.id
        )
        rows = (await self.session.execute(keyset(stmt, page, q.c.since, q.c.id))).all()
        return make_page(rows, page.limit, lambda r: [r.since, r[0].id])

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
        self,
        fund_id: UUID,
        page: PageParams,
        *,
        loan_id: UUID | None,
        status: str | None,
        today: date,
    ) -> Slice[tuple[PromiseToPay, Decimal]]:
        """One page of promises by date promised, each with the money received on its loan from
        the day it was made to the day promised (non-reversed repayments, payoffs and
        recoveries); ``status`` keeps the kept (paid in full), broken (date passed, not paid in
        full) or open ones."""
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
        stmt = select(PromiseToPay, paid.label("paid")).where(PromiseToPay.fund_id == fund_id)
        if loan_id is not None:
            stmt = stmt.where(PromiseToPay.loan_id == loan_id)
        if status == "kept":
            stmt = stmt.where(paid >= PromiseToPay.amount)
        elif status == "broken":
            stmt = stmt.where(paid < PromiseToPay.amount, PromiseToPay.promised_on < today)
        elif status == "open":
            stmt = stmt.where(paid < PromiseToPay.amount, PromiseToPay.promised_on >= today)
        stmt = keyset(stmt, page, PromiseToPay.promised_on, PromiseToPay.id)
        rows = [(r[0], Decimal(r[1])) for r in (await self.session.execute(stmt)).all()]
        return make_page(rows, page.limit, lambda r: [r[0].promised_on, r[0].id])

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
