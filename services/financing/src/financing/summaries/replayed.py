"""The financing summaries the slow way, as they were before the maintained state: every loan of
the cooperatives replayed from its transactions (the same replay servicing uses) and judged on its
fund's business date by the rules in :mod:`financing.summaries.service`. Kept as the oracle:
``tests/summaries`` prove the SQL summaries equal these after a randomized history. Not on any
route."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from uuid import UUID

from financing.arrears.ageing import collectibility_for
from financing.loans.service import LoanBook
from financing.loans.states import LoanState
from financing.summaries.repository import SummaryRepository
from financing.summaries.service import RECENT, ZERO, LoanRecord, assemble
from kopmod_shared.schemas.financing import FinancingSummary

OPEN_LOANS = frozenset({LoanState.active, LoanState.overpaid})


def worse(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def _add_loan(record: LoanRecord, book: LoanBook, as_of: date) -> None:
    loan = book.loan
    state = LoanState(loan.status)
    position = book.replay()
    # A reschedule's successor continues the same agreement: one loan, not two.
    if loan.rescheduled_from_id is None:
        record.loans += 1
    record.as_of.append(as_of)
    record.disbursed += position.disbursed
    if state is LoanState.closed_written_off or position.written_off:
        record.written_off += 1
    if state in OPEN_LOANS:
        record.active += 1
        record.outstanding += max(ZERO, position.principal_outstanding)
        record.current = worse(record.current, int(book.arrears(position, as_of).collectibility))
    tolerance = loan.arrears_tolerance_days
    # A written-off loan's record ends on its write-off: what fell due after was forgiven.
    judged_on = min(as_of, position.written_off_on) if position.written_off_on else as_of
    for inst in position.installments:
        if inst.rescheduled:
            continue  # moved to the successor loan, judged there
        paid_in_full = inst.paid_on is not None and not inst.written_off
        if paid_in_full and inst.paid_on is not None and inst.due_date <= judged_on:
            days_late = max(0, (inst.paid_on - inst.due_date).days)
        elif not paid_in_full and (judged_on - inst.due_date).days > tolerance:
            days_late = (judged_on - inst.due_date).days
        else:
            continue  # not due yet, or unpaid but still within the tolerance
        if days_late <= tolerance:
            days_late = 0
        record.due += 1
        if paid_in_full and days_late == 0:
            record.on_time += 1
        record.worst = worse(record.worst, int(collectibility_for(days_late)))


async def summaries(
    repo: SummaryRepository, cooperative_ids: Sequence[UUID]
) -> list[FinancingSummary]:
    """What :func:`financing.summaries.service.summaries` answers, by replaying every loan."""
    ids = list(dict.fromkeys(cooperative_ids))
    now = datetime.now(UTC)
    today = now.date()
    counts = await repo.application_counts(ids)
    recent = await repo.recent_applications(ids, now - RECENT)
    hooks = await repo.webhook_endpoints(ids)
    loans = await repo.loans_of(ids)
    transactions = await repo.transactions_of([loan.id for loan in loans])
    dates = await repo.business_dates([loan.fund_id for loan in loans])
    records = {i: LoanRecord() for i in ids}
    for loan in loans:
        book = LoanBook(loan=loan, records=transactions[loan.id])
        _add_loan(records[loan.cooperative_id], book, dates.get(loan.fund_id, today))
    return assemble(ids, counts, recent, hooks, records, today)
