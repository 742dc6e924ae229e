"""What a full replay says a fund's maintained loan state should hold, and where it does not."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from financing.arrears.ageing import arrears
from financing.loans.fingerprint import fingerprint
from financing.loans.models import Loan, LoanAccount, LoanMonthEnd
from financing.loans.month_ends import computed
from financing.loans.repository import LoanRepository
from financing.loans.service import book_for
from financing.loans.states import LoanState
from financing.replay.engine import Allocation, Component

ZERO = Decimal("0.00")


async def maintained_differences(
    app: Any, fund_id: uuid.UUID, loan_ids: list[uuid.UUID] | None = None
) -> list[str]:
    """Every figure the maintained rows hold that a fresh replay disagrees with (every loan of
    the fund, or those of ``loan_ids``)."""
    out: list[str] = []
    async with app.state.sessionmaker() as session:
        repo = LoanRepository(session)
        stmt = select(Loan).where(Loan.fund_id == fund_id)
        if loan_ids is not None:
            stmt = stmt.where(Loan.id.in_(loan_ids))
        loans = (await session.scalars(stmt)).all()
        assert loans
        for loan in loans:
            book = await book_for(repo, loan)
            position = book.replay()
            account = await session.get(LoanAccount, loan.id)
            assert account is not None
            closed = LoanState(loan.status).closed
            state = arrears(position, account.as_of, tolerance_days=loan.arrears_tolerance_days)
            want = {
                "disbursed": position.disbursed,
                "principal_outstanding": position.principal_outstanding,
                "interest_outstanding": position.interest_outstanding,
                "penalty_outstanding": position.penalty_outstanding,
                "fee_outstanding": position.fee_outstanding,
                "overpayment": position.overpayment,
                "written_off_on": position.written_off_on,
                "days_past_due": 0 if closed else state.days_past_due,
                "collectibility": 1 if closed else int(state.collectibility),
                "overdue_principal": ZERO if closed else state.overdue_principal,
                "overdue_interest": ZERO if closed else state.overdue_interest,
                "arrears_from": None
                if closed
                else next(
                    (i.due_date for i in position.installments if i.unpaid_scheduled > 0), None
                ),
                "next_due_date": None
                if closed
                else min(
                    (
                        i.due_date
                        for i in position.installments
                        if i.due_date >= account.as_of and i.unpaid_total > 0
                    ),
                    default=None,
                ),
            }
            want["live_transactions"], want["live_hash"] = fingerprint(book.records)
            for name, value in want.items():
                if getattr(account, name) != value:
                    out.append(f"{loan.id} {name}: {getattr(account, name)} != {value}")
            stored = [
                (
                    r.number,
                    r.due_date,
                    r.principal,
                    r.interest,
                    r.penalty,
                    r.fee,
                    r.paid_on,
                    r.rescheduled,
                )
                for r in await repo.installments(loan.id)
            ]
            replayed = [
                (
                    i.number,
                    i.due_date,
                    i.unpaid(Component.principal),
                    i.unpaid(Component.interest),
                    i.unpaid(Component.penalty),
                    i.unpaid(Component.fee),
                    None if i.written_off else i.paid_on,
                    bool(i.rescheduled),
                )
                for i in position.installments
            ]
            if stored != replayed:
                out.append(f"{loan.id} installments: {stored} != {replayed}")
            # Each month end written: the row a replay to that day gives (its digest too).
            for row in await month_end_rows(session, loan.id):
                replayed_row = computed(book, row.month_end)
                got_row = (row.principal_outstanding, row.collectibility, row.digest)
                want_row = (
                    replayed_row.principal_outstanding,
                    replayed_row.collectibility,
                    replayed_row.digest,
                )
                if got_row != want_row:
                    out.append(f"{loan.id} month end {row.month_end}: {got_row} != {want_row}")
            for record in book.records:
                alloc = (
                    Allocation()
                    if record.reversed_at
                    else position.allocations.get(record.id, Allocation())
                )
                got = [getattr(record, f"alloc_{n}") for n in ALLOCATED]
                if got != [getattr(alloc, n) for n in ALLOCATED]:
                    out.append(f"{loan.id} allocation of {record.kind} {record.id}: {got}")
    return out


async def month_end_rows(session: Any, loan_id: uuid.UUID) -> list[LoanMonthEnd]:
    stmt = select(LoanMonthEnd).where(LoanMonthEnd.loan_id == loan_id)
    return list((await session.scalars(stmt.order_by(LoanMonthEnd.month_end))).all())


ALLOCATED = ("principal", "interest", "penalty", "fee", "overpayment", "recovered")
