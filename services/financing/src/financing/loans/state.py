"""A loan's maintained state: what its last replay says, written where end of day and the fund
reports read it, in the same transaction as the command that changed the loan.

:func:`refresh_account` is the one function every command ends on (through
``loans.service.settle``; reschedules call it for both loans): it rewrites the loan's
``loan_accounts`` row (outstanding amounts, arrears date, days past due, OJK class, next due
date, write-off date), its ``loan_installment_balances`` (what is still owed on each
installment, the day it was paid in full, whether it moved to a successor), the allocation
columns of its transactions (where each one's money went), the fingerprint of its live
transactions (``loans.fingerprint``) and the month ends a backdated change made stale
(``loans.month_ends``). End of day then moves that state on in SQL (``arrears.repository``)
without replaying anything, and the reports sum it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession

from financing.arrears.ageing import Arrears, arrears
from financing.loans.fingerprint import fingerprint
from financing.loans.models import LoanAccount, LoanTransactionRecord
from financing.loans.month_ends import refresh_month_ends
from financing.loans.repository import InstallmentRow, LoanRepository
from financing.loans.states import LoanState
from financing.replay.engine import ZERO, Allocation, Component, LoanPosition
from kopmod_shared.deferred import deferred_inserts

if TYPE_CHECKING:
    from financing.loans.service import LoanBook

ALLOCATED = ("principal", "interest", "penalty", "fee", "overpayment", "recovered")


@dataclass(frozen=True)
class AccountDates:
    """The dates the maintained state keeps beside the amounts."""

    # Due date of the oldest installment with principal or interest unpaid (any date).
    arrears_from: date | None
    # First installment still owing something due on or after the snapshot's date.
    next_due_date: date | None


def installment_rows(position: LoanPosition) -> list[InstallmentRow]:
    """What is still owed on each installment (zero on one closed or paid), the day it was paid
    in full (none when written off) and whether it moved to a successor loan."""
    return [
        InstallmentRow(
            number=i.number,
            due_date=i.due_date,
            principal=i.unpaid(Component.principal),
            interest=i.unpaid(Component.interest),
            penalty=i.unpaid(Component.penalty),
            fee=i.unpaid(Component.fee),
            paid_on=None if i.written_off else i.paid_on,
            rescheduled=bool(i.rescheduled),
        )
        for i in position.installments
    ]


def account_dates(position: LoanPosition, as_of: date) -> AccountDates:
    arrears_from = next((i.due_date for i in position.installments if i.unpaid_scheduled > 0), None)
    next_due = min(
        (i.due_date for i in position.installments if i.due_date >= as_of and i.unpaid_total > 0),
        default=None,
    )
    return AccountDates(arrears_from=arrears_from, next_due_date=next_due)


def write_allocations(records: list[LoanTransactionRecord], position: LoanPosition) -> None:
    """Set each transaction's allocation columns to the replay's (zero when reversed); only the
    ones that changed are written at the next flush."""
    nothing = Allocation()
    for record in records:
        if record.id is None:
            continue
        alloc = (
            position.allocations.get(record.id, nothing) if record.reversed_at is None else nothing
        )
        for name in ALLOCATED:
            value = getattr(alloc, name)
            if getattr(record, f"alloc_{name}") != value:
                setattr(record, f"alloc_{name}", value)


async def refresh_account(
    session: AsyncSession,
    repo: LoanRepository,
    book: LoanBook,
    position: LoanPosition,
    as_of: date,
    *,
    closed_on: date | None = None,
) -> tuple[int, Arrears]:
    """Rewrite the loan's maintained state from ``position`` (a replay of every transaction it
    has); answer the collectibility class it had before and its arrears on ``as_of``. With
    ``closed_on`` (a command's settlement) the account's closing date is set too: that date if
    the loan is closed, else none (in the same flush, not re-read after it)."""
    loan = book.loan
    state = arrears(position, as_of, tolerance_days=loan.arrears_tolerance_days)
    locked = book.locked
    account = locked.account if locked is not None else await repo.account(loan.id)
    before = account.collectibility if account is not None else 1
    closed = LoanState(loan.status).closed
    dates = account_dates(position, as_of)
    live, hashed = fingerprint(book.records)
    values: dict[str, Any] = {
        "disbursed": position.disbursed,
        "principal_outstanding": position.principal_outstanding,
        "interest_outstanding": position.interest_outstanding,
        "penalty_outstanding": position.penalty_outstanding,
        "fee_outstanding": position.fee_outstanding,
        "overpayment": position.overpayment,
        "days_past_due": 0 if closed else state.days_past_due,
        "collectibility": 1 if closed else int(state.collectibility),
        "arrears_from": None if closed else dates.arrears_from,
        "next_due_date": None if closed else dates.next_due_date,
        "overdue_principal": ZERO if closed else state.overdue_principal,
        "overdue_interest": ZERO if closed else state.overdue_interest,
        "written_off_on": position.written_off_on,
        "as_of": as_of,
        "live_transactions": live,
        "live_hash": hashed,
    }
    if closed_on is not None:
        values["closed_on"] = closed_on if closed else None
    write_allocations(book.records, position)
    queue = deferred_inserts(session) if locked is not None else None
    if queue is not None:
        # Nothing reads the row back in this request: it goes out with the command's other
        # write-only rows in one statement before the commit.
        if account is None:
            values.setdefault("closed_on", None)
        values.update(loan_id=loan.id, fund_id=loan.fund_id, updated_at=locked.now)
        repo.queue_account(queue, account, values)
    else:
        if account is None:
            account = LoanAccount(loan_id=loan.id, fund_id=loan.fund_id, collectibility=1)
            session.add(account)
        for name, value in values.items():
            setattr(account, name, value)
    await flush(session)
    await repo.write_installments(loan.id, loan.fund_id, installment_rows(position), queue=queue)
    await refresh_month_ends(repo, book, as_of)
    return before, state


async def flush(session: AsyncSession) -> None:
    """The session's flush, not even entered when it holds nothing to write (a command whose
    rows all go out in the request's one write statement): each call otherwise passes through
    the ORM's greenlet and its unit of work's checks."""
    if session.new or session.dirty or session.deleted:
        await session.flush()


def owed(rows: list[InstallmentRow]) -> Decimal:
    """Everything still owed on the installments (a check for tests and the rebuild)."""
    return sum((r.principal + r.interest + r.penalty + r.fee for r in rows), ZERO)
