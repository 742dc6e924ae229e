"""A loan's month ends: its principal outstanding and OJK class at the close of each month's
last day (``loan_month_ends``), which the NPL trend sums instead of replaying every loan to
every month end.

End of day writes a month end when it closes that day, in SQL on the maintained state
(``arrears.repository.snapshot_month_end``). A later command can change what happened on or
before a month end already written (a backdated repayment, a reversal, repriced penalties):
:func:`refresh_month_ends`, called by ``refresh_account`` with the loan's transactions in hand,
finds such rows by their digest of the transactions they were computed from and rewrites them
from a replay to that date. ``tests/reports`` hold the trend to a full replay.

The digest is a fingerprint of the transactions (``loans.fingerprint``) that each loan's
account keeps up to date one change at a time, so end of day's month-end row costs one account
row per loan instead of a read of the loan's whole history.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from financing.loans.fingerprint import digest_text, fingerprint
from financing.loans.models import LoanMonthEnd, LoanTransactionRecord
from financing.loans.repository import LoanRepository

if TYPE_CHECKING:
    from financing.loans.service import LoanBook


def digest(records: Iterable[LoanTransactionRecord], month_end: date) -> str:
    """The fingerprint of the non-reversed transactions valued on or before ``month_end``."""
    return digest_text(*fingerprint(records, month_end))


def is_month_end(day: date) -> bool:
    """Whether ``day`` is its month's last day."""
    return (day + timedelta(days=1)).day == 1


def month_ends_between(first: date, before: date) -> list[date]:
    """Every month's last day from ``first``'s month on, earlier than ``before``."""
    out: list[date] = []
    year, month = first.year, first.month
    while True:
        end = date(year, month, calendar.monthrange(year, month)[1])
        if end >= before:
            return out
        if end >= first:
            out.append(end)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def computed(book: LoanBook, month_end: date) -> LoanMonthEnd:
    """The row a replay to ``month_end`` gives."""
    position = book.replay(until=month_end)
    return LoanMonthEnd(
        loan_id=book.loan.id,
        month_end=month_end,
        fund_id=book.loan.fund_id,
        principal_outstanding=position.principal_outstanding,
        collectibility=int(book.arrears(position, month_end).collectibility),
        digest=digest(book.records, month_end),
    )


async def refresh_month_ends(repo: LoanRepository, book: LoanBook, today: date) -> int:
    """Rewrite the loan's month ends whose transactions changed since they were written, and
    write the ones missing since its first transaction (a loan closed at a month end has none;
    a reversal that reopens it needs them); answer how many. A command valued on the business
    date changes none (every month end written is an earlier day) but today's, on a month's last
    day, when end of day has already written it: one small read, none in the loan's first month
    but on its last day."""
    if not book.records:
        return 0
    ends = month_ends_between(min(r.value_date for r in book.records), today)
    # On a month's last day, end of day may already have written today's row for this loan's
    # chunk (a run under way, or one that stopped half way and resumes past that chunk): a
    # command valued today then makes it stale, and it is rewritten like an earlier one.
    last_day = is_month_end(today)
    if not ends and not last_day:  # a loan in its first month: no read at all
        return 0
    kept = {row.month_end: row.digest for row in await repo.month_ends(book.loan.id)}
    if last_day and today in kept:
        ends.append(today)
    stale = [m for m in ends if kept.get(m) != digest(book.records, m)]
    if stale:
        await repo.write_month_ends([computed(book, m) for m in stale])
    return len(stale)
