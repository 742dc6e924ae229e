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
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.arrears.ageing import Arrears, reprice_penalties
from financing.arrears.models import EndOfDayRun, FundBusinessDate
from financing.arrears.repository import (
    ArrearsRepository,
    close_chunk,
    installment_reminders,
    snapshot_month_end,
)
from financing.ledger.repository import LedgerRepository
from financing.ledger.service import lock_fund
from financing.loans.month_ends import is_month_end
from financing.loans.repository import LoanRepository
from financing.loans.service import (
    ACCRUAL,
    LoanBook,
    LoanRef,
    emit_class_change,
    new_transaction,
)
from financing.models import outbox_events
from financing.replay.engine import ZERO, TxKind
from kopmod_shared.deferred import defer_inserts, write_deferred
from kopmod_shared.errors import Conflict, NotFound
from kopmod_shared.events import EventType
from kopmod_shared.money import quantize
from kopmod_shared.outbox import emit
from kopmod_shared.schemas.financing import InstallmentReminder

# Who records the penalties end of day charges (and repricing replaces).
END_OF_DAY_ACTOR = "end-of-day"
# Loans closed per transaction by end of day.
CHUNK_SIZE = 500
# Reminder events written per statement (six parameters each, under Postgres's 32,767).
REMINDERS_PER_INSERT = 1000
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
        day_closed = run.completed_at is not None
        if day_closed:
            row.business_date = day + timedelta(days=1)
        await session.flush()
        await done()
        if day_closed:
            # The day is closed: its cash deltas (every repayment's) rolled into the fund's
            # cash row in a transaction holding no other lock, so a fund that only receives
            # repayments does not pile them up for its next cash check to roll under its lock.
            await LedgerRepository(session).roll_cash(fund_id)
            await done()
        # Out of the session once committed: kept, a run's memory (and each flush's work)
        # would grow with every loan and transaction it has read.
        for obj in done_with:
            session.expunge(obj)


async def _remind(
    session: AsyncSession, fund_id: UUID, day: date, after: UUID | None, last: UUID
) -> None:
    """``financing.installment.due_soon`` (7 and 1 days ahead of the new business date) and
    ``financing.installment.overdue`` (due on the day closed, still unpaid) for the chunk."""
    tomorrow = day + timedelta(days=1)
    rows = await installment_reminders(session, fund_id=fund_id, day=day, after=after, last=last)
    # The chunk's reminders go out as multi-row inserts of ``REMINDERS_PER_INSERT`` events (one
    # INSERT each cost about 0.7 ms of app CPU: 70 s on a day 100,000 loans had one due).
    for n, row in enumerate(rows):
        if n % REMINDERS_PER_INSERT == 0:
            await write_deferred(session)
            defer_inserts(session)
        overdue = row.kind == "overdue"
        data = InstallmentReminder(
            loan_id=row.loan_id,
            fund_id=fund_id,
            cooperative_id=row.cooperative_id,
            number=row.number,
            due_date=row.due_date,
            as_of=tomorrow,
            days=(tomorrow - row.due_date).days if overdue else (row.due_date - tomorrow).days,
            amount_due=Decimal(row.amount_due),
        )
        await emit(
            session,
            outbox_events,
            source="financing",
            type=EventType.INSTALLMENT_OVERDUE if overdue else EventType.INSTALLMENT_DUE_SOON,
            subject=row.loan_id,
            data=data,
            parties=[row.cooperative_id],
        )
    await write_deferred(session)


async def _close_chunk(
    session: AsyncSession, repo: LoanRepository, run: EndOfDayRun, chunk_size: int
) -> list[object]:
    """Close the day for the next chunk of the fund's open loans, set-based on their maintained
    state (``arrears.repository.close_chunk``), emit the class changes; complete the run after
    the last chunk. Answers the rows to leave the session once committed (none: no loan is
    loaded)."""
    day = run.business_date
    after = run.last_loan_id
    result = await close_chunk(
        session,
        fund_id=run.fund_id,
        day=day,
        after=after,
        limit=chunk_size,
        actor=END_OF_DAY_ACTOR,
    )
    if result.last_loan_id is not None and is_month_end(day):
        await snapshot_month_end(
            session, fund_id=run.fund_id, day=day, after=after, last=result.last_loan_id
        )
    tomorrow = day + timedelta(days=1)
    changes: list[dict[str, Any]] = []
    for change in result.class_changes:
        loan = LoanRef(
            id=UUID(change["loan_id"]),
            fund_id=run.fund_id,
            cooperative_id=UUID(change["cooperative_id"]),
        )
        state = Arrears(
            as_of=tomorrow,
            days_past_due=change["days_past_due"],
            oldest_overdue_due_date=None,
            overdue_principal=quantize(Decimal(str(change["overdue_principal"]))),
            overdue_interest=quantize(Decimal(str(change["overdue_interest"]))),
            overdue_penalty=ZERO,
            overdue_fee=ZERO,
        )
        await emit_class_change(session, loan, change["from_class"], state)
        changes.append(
            {
                "loan_id": change["loan_id"],
                "from_class": change["from_class"],
                "to_class": change["to_class"],
                "days_past_due": change["days_past_due"],
            }
        )
    if result.last_loan_id is not None:
        await _remind(session, run.fund_id, day, after, result.last_loan_id)
    run.loans_processed += result.loans
    run.penalties_charged += result.penalties
    if changes:
        run.class_changes = [*run.class_changes, *changes]
    if result.last_loan_id is not None:
        run.last_loan_id = result.last_loan_id
    if result.loans < chunk_size:
        run.completed_at = datetime.now(UTC)
    await session.flush()
    return []
