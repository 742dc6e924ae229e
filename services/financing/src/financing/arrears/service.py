"""A fund's business date and end of day.

The business date is what "today" is for a fund's loans; only end of day moves it once loans
have transactions. End of day closes business days: it charges each overdue loan's daily
penalty, ages arrears, reclassifies OJK collectibility (emitting an event on a change) and moves
the date on. Closing a day already closed does nothing. After a backdated transaction or a
reversal, :func:`reprice_closed_days` makes the closed days' penalties what they would have been
had everything been recorded in order."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.arrears.ageing import penalty_for_day, reprice_penalties
from financing.arrears.models import EndOfDayRun, FundBusinessDate
from financing.arrears.repository import ArrearsRepository
from financing.ledger.repository import LedgerRepository
from financing.ledger.service import lock_fund
from financing.loans.repository import LoanRepository
from financing.loans.service import (
    ACCRUAL,
    LoanBook,
    emit_class_change,
    new_transaction,
    refresh_account,
)
from financing.loans.states import LoanState
from financing.replay.engine import ZERO, TxKind
from kopmod_shared.errors import Conflict, NotFound

# Who records the penalties end of day charges (and repricing replaces).
END_OF_DAY_ACTOR = "end-of-day"
# Loans closed per transaction by end of day.
CHUNK_SIZE = 500
# Ends one of end of day's transactions (the session's commit; tests inject a crash).
Commit = Callable[[], Awaitable[None]]
# The reversal reason of penalties that repricing replaced (other reversals are waivers).
REPRICED = "repriced after a backdated transaction or a reversal"


async def business_date(session: AsyncSession, fund_id: UUID) -> date:
    """The fund's business date; today's calendar date (UTC) until one is set."""
    row = await ArrearsRepository(session).business_date(fund_id)
    return row.business_date if row is not None else datetime.now(UTC).date()


async def set_business_date(
    session: AsyncSession, repo: LoanRepository, fund_id: UUID, day: date
) -> FundBusinessDate:
    """Set a fund's business date before its first loan transaction (afterwards only end of
    day moves it)."""
    await lock_fund(session, fund_id)
    row = await ArrearsRepository(session).business_date(fund_id, for_update=True)
    if await repo.fund_has_transactions(fund_id):
        raise Conflict("the fund has loan transactions: its business date moves only by end of day")
    if row is None:
        row = FundBusinessDate(fund_id=fund_id, business_date=day)
        await repo.add(row)
    else:
        row.business_date = day
        await session.flush()
    return row


async def reprice_closed_days(
    repo: LoanRepository, book: LoanBook, since: date, today: date, actor: str
) -> None:
    """After a backdated transaction or a reversal: the closed days' penalties become what they
    would have been had everything been recorded in order."""
    if not book.loan.penalty_rate:
        return
    runs = await ArrearsRepository(repo.session).end_of_day_runs(
        book.loan.fund_id, since, today - timedelta(days=1)
    )
    if not runs:
        return
    await repo.session.flush()  # sequences for the records just added
    waived = frozenset(
        r.value_date
        for r in book.records
        if r.kind == TxKind.penalty_charge.value
        and r.reversed_at is not None
        and r.reversal_reason != REPRICED
    )
    plan = reprice_penalties(
        book.installments(),
        book.transactions(),
        first_day=max(since, runs[0].business_date),
        last_day=runs[-1].business_date,
        annual_rate=book.loan.penalty_rate,
        tolerance_days=book.loan.arrears_tolerance_days,
        order=book.order,
        accrual=ACCRUAL,
        waived_days=waived,
    )
    now = datetime.now(UTC)
    for record in book.records:
        if record.id in plan.reverse:
            record.reversed_at = now
            record.reversed_by = actor
            record.reversal_reason = REPRICED
    for day, amount in plan.charge:
        repo.session.add(
            new_transaction(
                book, TxKind.penalty_charge, day, amount, END_OF_DAY_ACTOR, note="repriced"
            )
        )
    await repo.session.flush()


async def end_of_day(
    session: AsyncSession,
    repo: LoanRepository,
    fund_id: UUID,
    *,
    through: date,
    actor: str,
    commit: Commit | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> tuple[date, list[EndOfDayRun]]:
    """Close business days up to ``through``: charge penalties, age arrears, reclassify, and
    advance the business date. Days already closed are skipped, so a retry changes nothing.

    Each day is closed in chunks of ``chunk_size`` loans in id order, one transaction each
    (``commit`` ends it): a chunk locks only its own loans and the fund's business-date row for
    its own short transaction, never every loan for the whole run. Each chunk records how far
    the day got in the same transaction as its penalties, so a run stopped half way resumes
    after the last committed chunk and charges no loan twice.
    """
    done = commit or session.commit
    days = ArrearsRepository(session)
    closed: list[EndOfDayRun] = []
    # A plain read, no lock (chunks lock only their loans): an unknown fund is a 404, never a
    # business-date row pointing nowhere.
    if await LedgerRepository(session).fund(fund_id) is None:
        raise NotFound(f"no fund {fund_id}")
    while True:
        # The business-date row serialises runs of the same fund, one chunk at a time.
        row = await days.business_date(fund_id, for_update=True)
        if row is None:
            row = FundBusinessDate(fund_id=fund_id, business_date=datetime.now(UTC).date())
            await repo.add(row)
        day = row.business_date
        if day > through:
            return day, closed
        run = await days.end_of_day_run(fund_id, day, for_update=True)
        if run is None:
            run = EndOfDayRun(
                fund_id=fund_id,
                business_date=day,
                loans_processed=0,
                penalties_charged=ZERO,
                class_changes=[],
                run_by=actor,
            )
            await repo.add(run)
        done_with: list[object] = []
        if run.completed_at is None:
            done_with = await _close_chunk(session, repo, run, chunk_size)
            if run.completed_at is not None:
                closed.append(run)
        if run.completed_at is not None:
            row.business_date = day + timedelta(days=1)
        await session.flush()
        await done()
        # Out of the session once committed: kept, a run's memory (and each flush's work)
        # would grow with every loan and transaction it has read.
        for obj in done_with:
            session.expunge(obj)


async def _close_chunk(
    session: AsyncSession, repo: LoanRepository, run: EndOfDayRun, chunk_size: int
) -> list[object]:
    """Close the day for the next chunk of the fund's open loans; complete the run after the
    last one. Answers the rows it read or wrote for the chunk's loans."""
    day = run.business_date
    loans = await repo.loans_after(
        run.fund_id,
        [LoanState.active.value, LoanState.overpaid.value],
        after=run.last_loan_id,
        limit=chunk_size,
        for_update=True,
    )
    ids = [loan.id for loan in loans]
    records = await repo.transactions_of_loans(ids)
    # Into the session: refresh_account finds them there.
    accounts = await repo.accounts_of_loans(ids)
    penalties = ZERO
    changes: list[dict[str, Any]] = []
    tomorrow = day + timedelta(days=1)
    for loan in loans:
        book = LoanBook(loan=loan, records=records[loan.id])
        # Nothing dated after the day (the usual case): one replay serves the penalty and the
        # snapshot, the day's penalty being the last transaction in replay order.
        later = any(r.value_date > day for r in book.active())
        position = book.replay(until=day)
        if loan.penalty_rate and book.state is LoanState.active:
            amount = penalty_for_day(
                position, day, loan.penalty_rate, tolerance_days=loan.arrears_tolerance_days
            )
            if amount > 0:
                # Flushed at once: the record's sequence orders the replay.
                record = new_transaction(book, TxKind.penalty_charge, day, amount, END_OF_DAY_ACTOR)
                await repo.add(record)
                penalties += amount
                if not later:
                    book.apply(position, record)
        if later:
            position = book.replay()
        before, state = await refresh_account(session, repo, book, position, tomorrow)
        if before != int(state.collectibility):
            await emit_class_change(session, loan, before, state)
            changes.append(
                {
                    "loan_id": str(loan.id),
                    "from_class": before,
                    "to_class": int(state.collectibility),
                    "days_past_due": state.days_past_due,
                }
            )
    run.loans_processed += len(loans)
    run.penalties_charged += penalties
    run.class_changes = [*run.class_changes, *changes]
    if loans:
        run.last_loan_id = loans[-1].id
    if len(loans) < chunk_size:
        run.completed_at = datetime.now(UTC)
    await session.flush()
    accounts = await repo.accounts_of_loans(ids)  # with any snapshot created just now
    return [*loans, *accounts.values(), *(r for rows in records.values() for r in rows)]
