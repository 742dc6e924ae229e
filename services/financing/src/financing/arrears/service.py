"""A fund's business date and end of day.

The business date is what "today" is for a fund's loans; only end of day moves it once loans
have transactions. End of day closes business days: it charges each overdue loan's daily
penalty, ages arrears, reclassifies OJK collectibility (emitting an event on a change) and moves
the date on. Closing a day already closed does nothing. After a backdated transaction or a
reversal, :func:`reprice_closed_days` makes the closed days' penalties what they would have been
had everything been recorded in order."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.arrears.ageing import penalty_for_day, reprice_penalties
from financing.arrears.models import EndOfDayRun, FundBusinessDate
from financing.arrears.repository import ArrearsRepository
from financing.ledger.service import lock_fund
from financing.loans.repository import LoanRepository
from financing.loans.service import (
    ACCRUAL,
    LoanBook,
    book_for,
    emit_class_change,
    new_transaction,
    refresh_account,
)
from financing.loans.states import LoanState
from financing.replay.engine import ZERO, TxKind
from kopmod_shared.errors import Conflict

# Who records the penalties end of day charges (and repricing replaces).
END_OF_DAY_ACTOR = "end-of-day"
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
    loans = await repo.loans_of_fund(fund_id)
    has_transactions = any((await repo.transactions_of_loans([loan.id for loan in loans])).values())
    if has_transactions:
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
) -> tuple[date, list[EndOfDayRun]]:
    """Close business days up to ``through``: charge penalties, age arrears, reclassify, and
    advance the business date. Days already closed are skipped, so a retry changes nothing."""
    await lock_fund(session, fund_id)
    days = ArrearsRepository(session)
    row = await days.business_date(fund_id, for_update=True)
    if row is None:
        row = FundBusinessDate(fund_id=fund_id, business_date=datetime.now(UTC).date())
        await repo.add(row)
    closed: list[EndOfDayRun] = []
    while row.business_date <= through:
        day = row.business_date
        if await days.end_of_day_run(fund_id, day) is None:
            closed.append(await _close_day(session, repo, fund_id, day, actor))
        row.business_date = day + timedelta(days=1)
        await session.flush()
    return row.business_date, closed


async def _close_day(
    session: AsyncSession, repo: LoanRepository, fund_id: UUID, day: date, actor: str
) -> EndOfDayRun:
    loans = await repo.loans_of_fund(
        fund_id, [LoanState.active.value, LoanState.overpaid.value], for_update=True
    )
    penalties = ZERO
    changes: list[dict[str, Any]] = []
    tomorrow = day + timedelta(days=1)
    for loan in loans:
        book = await book_for(repo, loan)
        if loan.penalty_rate and book.state is LoanState.active:
            amount = penalty_for_day(
                book.replay(until=day),
                day,
                loan.penalty_rate,
                tolerance_days=loan.arrears_tolerance_days,
            )
            if amount > 0:
                await repo.add(
                    new_transaction(book, TxKind.penalty_charge, day, amount, END_OF_DAY_ACTOR)
                )
                penalties += amount
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
    run = EndOfDayRun(
        fund_id=fund_id,
        business_date=day,
        loans_processed=len(loans),
        penalties_charged=penalties,
        class_changes=changes,
        run_by=actor,
    )
    await repo.add(run)
    return run
