"""A cooperative's financing record: applications by status, loans, and how it has repaid.

The repayment record is summed in SQL from each loan's maintained state (``loan_accounts`` and
``loan_installment_balances``, which every command's replay rewrites in its transaction:
``loans.state``), judged on the fund's business date; no loan is replayed on this path.
``summaries.replayed`` computes the same by replaying every loan (the oracle ``tests/summaries``
holds this to after a randomized history). The rules:

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
from financing.summaries.repository import LoanRecordRow, SummaryRepository
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
# Every role that reads any cooperative's summary; a cooperative reads only its own.
READ_ALL_ROLES = frozenset({Role.service, Role.ministry, Role.fund_officer, Role.fund_committee})
# Technology adoption looks at what the cooperative did on the platform in this window.
RECENT = timedelta(days=365)


def may_read(principal: Principal, cooperative_id: UUID) -> bool:
    return principal.role in READ_ALL_ROLES or principal.is_org(Role.cooperative, cooperative_id)


@dataclass
class LoanRecord:
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


def _record(row: LoanRecordRow | None) -> LoanRecord:
    """A cooperative's record as the maintained state sums it (nothing when it has no loan)."""
    if row is None:
        return LoanRecord()
    return LoanRecord(
        loans=row.loans,
        active=row.active,
        outstanding=row.outstanding,
        disbursed=row.disbursed,
        due=row.due,
        on_time=row.on_time,
        worst=None if row.worst_days is None else int(collectibility_for(row.worst_days)),
        current=None if row.current_days is None else int(collectibility_for(row.current_days)),
        written_off=row.written_off,
        as_of=[row.as_of],
    )


@dataclass(frozen=True)
class _Digital:
    applications_recent: int = 0
    webhook_endpoints: int = 0


def _summary(
    cooperative_id: UUID,
    counts: dict[str, int],
    record: LoanRecord,
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
    rows = await repo.loan_records(ids, today)
    return assemble(ids, counts, recent, hooks, {i: _record(rows.get(i)) for i in ids}, today)


def assemble(
    ids: list[UUID],
    counts: dict[UUID, dict[str, int]],
    recent: dict[UUID, int],
    hooks: dict[UUID, int],
    records: dict[UUID, LoanRecord],
    today: date,
) -> list[FinancingSummary]:
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
