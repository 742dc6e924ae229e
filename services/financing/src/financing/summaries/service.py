"""A cooperative's financing record: applications by status, loans, and how it has repaid.

The repayment record comes from replaying each loan (the same replay servicing uses), judged on
the fund's business date:

- an installment *counts* once it is paid in full (not written off) with its due date on or
  before that date, or while unpaid once it is more than the product's arrears tolerance (days)
  past its due date; an installment not yet due, or unpaid within the tolerance, does not count;
- it was *paid on time* when it was paid in full by its due date plus the tolerance;
- its *days late* run from the due date to the day it was paid in full, or to the business date
  (the write-off date for a written-off loan, after which nothing counts) while unpaid; the
  worst class is the OJK class of the most days late any installment reached (within the
  tolerance counts as on time);
- the current class is the worst class of the open loans' arrears today;
- a reschedule's successor continues its loan: it is not counted as another loan, and what the
  closed loan still owed moved to the successor (as opening arrears on the same due dates), so
  those installments are judged there, not on the closed loan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from financing.arrears.ageing import collectibility_for
from financing.loans.models import Loan
from financing.loans.service import LoanBook
from financing.loans.states import LoanState
from financing.summaries.repository import SummaryRepository
from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import NotFound
from kopmod_shared.money import PROPORTION, quantize
from kopmod_shared.pagination import encode_cursor
from kopmod_shared.schemas.financing import (
    ApplicationStatus,
    FinancingSummary,
    FinancingSummaryPage,
)

ZERO = Decimal(0)
AS = ApplicationStatus
IN_REVIEW = frozenset(
    {
        AS.submitted,
        AS.eligibility_check,
        AS.desk_review,
        AS.field_survey,
        AS.risk_review,
        AS.committee,
    }
)
APPROVED = frozenset({AS.approved, AS.signed})
OPEN_LOANS = frozenset({LoanState.active, LoanState.overpaid})
# Every role that reads any cooperative's summary; a cooperative reads only its own.
READ_ALL_ROLES = frozenset({Role.service, Role.ministry, Role.fund_officer, Role.fund_committee})
# Technology adoption looks at what the cooperative did on the platform in this window.
RECENT = timedelta(days=365)


def may_read(principal: Principal, cooperative_id: UUID) -> bool:
    return principal.role in READ_ALL_ROLES or principal.is_org(Role.cooperative, cooperative_id)


@dataclass
class _Record:
    """What the loans of one cooperative add up to."""

    loans: int = 0
    active: int = 0
    outstanding: Decimal = ZERO
    disbursed: Decimal = ZERO
    due: int = 0
    on_time: int = 0
    worst: int | None = None
    current: int | None = None
    written_off: int = 0
    as_of: list[date] = field(default_factory=list)


def _worse(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def _add_loan(record: _Record, book: LoanBook, as_of: date) -> None:
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
        record.current = _worse(record.current, int(book.arrears(position, as_of).collectibility))
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
        record.worst = _worse(record.worst, int(collectibility_for(days_late)))


@dataclass(frozen=True)
class _Digital:
    applications_recent: int = 0
    webhook_endpoints: int = 0


def _summary(
    cooperative_id: UUID,
    counts: dict[str, int],
    record: _Record,
    today: date,
    digital: _Digital,
) -> FinancingSummary:
    return FinancingSummary(
        cooperative_id=cooperative_id,
        as_of=max(record.as_of) if record.as_of else today,
        applications_total=sum(counts.values()),
        applications_by_status=dict(sorted(counts.items())),
        applications_in_review=sum(n for s, n in counts.items() if s in IN_REVIEW),
        applications_approved=sum(n for s, n in counts.items() if s in APPROVED),
        loans_total=record.loans,
        active_loans=record.active,
        outstanding_principal=quantize(record.outstanding),
        disbursed_total=quantize(record.disbursed),
        installments_due=record.due,
        installments_paid_on_time=record.on_time,
        on_time_share=(
            quantize(Decimal(record.on_time) / record.due, PROPORTION.unit) if record.due else None
        ),
        current_collectibility=record.current,
        worst_collectibility=record.worst,
        written_off_loans=record.written_off,
        any_written_off=record.written_off > 0,
        applications_recent=digital.applications_recent,
        webhook_endpoints=digital.webhook_endpoints,
    )


async def summaries(
    repo: SummaryRepository, cooperative_ids: Sequence[UUID]
) -> list[FinancingSummary]:
    """One summary per id asked for, in the order asked (zero counts when nothing is known)."""
    ids = list(dict.fromkeys(cooperative_ids))
    now = datetime.now(UTC)
    today = now.date()
    counts = await repo.application_counts(ids)
    recent = await repo.recent_applications(ids, now - RECENT)
    hooks = await repo.webhook_endpoints(ids)
    loans: list[Loan] = await repo.loans_of(ids)
    loan_ids = [loan.id for loan in loans]
    transactions = await repo.transactions_of(loan_ids)
    dates = await repo.business_dates([loan.fund_id for loan in loans])
    records: dict[UUID, _Record] = {i: _Record() for i in ids}
    for loan in loans:
        book = LoanBook(loan=loan, records=transactions[loan.id])
        _add_loan(records[loan.cooperative_id], book, dates.get(loan.fund_id, today))
    return [
        _summary(
            i,
            counts.get(i, {}),
            records[i],
            today,
            _Digital(recent.get(i, 0), hooks.get(i, 0)),
        )
        for i in ids
    ]


async def summary_of(
    repo: SummaryRepository, principal: Principal, cooperative_id: UUID
) -> FinancingSummary:
    if not may_read(principal, cooperative_id):
        # Another organisation's record does not exist for this caller.
        raise NotFound(f"no financing record for cooperative {cooperative_id}")
    return (await summaries(repo, [cooperative_id]))[0]


async def page_of_all(
    repo: SummaryRepository, *, after: UUID | None, limit: int
) -> FinancingSummaryPage:
    """Every cooperative with any financing, in id order."""
    ids = await repo.page_cooperatives(after, limit + 1)
    page = ids[:limit]
    next_cursor = encode_cursor([page[-1]]) if len(ids) > limit and page else None
    return FinancingSummaryPage(items=await summaries(repo, page), next_cursor=next_cursor)
