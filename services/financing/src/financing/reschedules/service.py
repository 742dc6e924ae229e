"""Rescheduling: a maker proposes a new tenor or grace for a loan's outstanding balance, a
checker who is not the maker decides.

An approved reschedule closes the loan (``closed_rescheduled``, final: nothing more is recorded
or reversed on it) and opens a successor for the same agreement (``rescheduled_from_id``) with the
new tenor and grace, in one transaction and one journal entry that moves loans receivable
between the two (journal lines name their loan). Arrears not capitalised become the successor's
opening arrears, on their original due dates."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.arrears.service import business_date
from financing.errors import FourEyesViolation
from financing.ledger.funds import get_fund
from financing.ledger.service import Posting, post_entry, release_commitment
from financing.loans import states
from financing.loans.models import Loan
from financing.loans.quotes import ReschedulePreview, reschedule_preview
from financing.loans.repository import LoanRepository
from financing.loans.service import (
    ACCRUAL,
    LoanBook,
    check_event,
    emit_loan_event,
    ledger_lines,
    load_book,
    money_text,
    new_transaction,
)
from financing.loans.state import refresh_account
from financing.loans.states import LoanEvent, LoanState
from financing.replay.engine import ZERO, LoanPosition, ScheduledInstallment, TxKind
from financing.reschedules.models import RescheduleRequest
from financing.reschedules.repository import RescheduleRepository
from financing.schedules.engine import (
    Frequency,
    Installment,
    InterestMethod,
    ScheduleError,
    Tranche,
    build_schedule,
)
from kopmod_shared.auth import Principal, same_actor
from kopmod_shared.errors import (
    BusinessRuleViolation,
    Conflict,
    InvalidTransition,
    NotFound,
    ValidationProblem,
)
from kopmod_shared.events import EventType
from kopmod_shared.ids import new_id
from kopmod_shared.pagination import PageParams, Slice
from kopmod_shared.schemas.financing import RescheduleDecided, RescheduleProposed

RESCHEDULE_REF = "reschedule:"


def _opening_arrears_json(carried: list[ScheduledInstallment]) -> list[dict[str, str]]:
    return [
        {
            "due_date": i.due_date.isoformat(),
            "interest": money_text(i.interest),
            "penalty": money_text(i.penalty),
            "fee": money_text(i.fee),
        }
        for i in carried
    ]


def _preview(
    book: LoanBook, position: LoanPosition, on: date, tenor: int, grace: int, capitalise: bool
) -> ReschedulePreview:
    loan = book.loan

    def schedule_for(amount: Decimal, start: date) -> list[Installment]:
        return build_schedule(
            tranches=[Tranche(start, amount)],
            annual_rate=loan.annual_rate,
            tenor_periods=tenor,
            frequency=Frequency(loan.frequency),
            method=InterestMethod(loan.method),
            grace_periods=grace,
            rounding=loan.rounding,
        )

    try:
        return reschedule_preview(
            position, on, schedule_for, capitalise_arrears=capitalise, accrual=ACCRUAL
        )
    except ScheduleError as exc:
        raise ValidationProblem.for_field("body.tenor_periods", str(exc), "schedule") from exc
    except ValueError as exc:
        raise BusinessRuleViolation(str(exc)) from exc


async def preview_reschedule(
    repo: LoanRepository, book: LoanBook, *, tenor: int, grace: int, capitalise: bool
) -> ReschedulePreview:
    await check_event(repo, book, LoanEvent.reschedule)
    today = await business_date(repo.session, book.loan.fund_id)
    return _preview(book, book.replay(), today, tenor, grace, capitalise)


def preview_json(preview: ReschedulePreview) -> dict[str, Any]:
    return {
        "on": str(preview.on),
        "principal_outstanding": money_text(preview.principal_outstanding),
        "capitalised_interest": money_text(preview.capitalised_interest),
        "capitalised_charges": money_text(preview.capitalised_charges),
        "new_principal": money_text(preview.new_principal),
        "remaining_scheduled_interest": money_text(preview.remaining_scheduled_interest),
        "new_total_interest": money_text(preview.new_total_interest),
        "installments": [
            {
                "number": i.number,
                "due_date": str(i.due_date),
                "principal": money_text(i.principal),
                "interest": money_text(i.interest),
                "total": money_text(i.total),
                "balance_after": money_text(i.balance_after),
            }
            for i in preview.installments
        ],
    }


async def request_reschedule(
    repo: LoanRepository,
    book: LoanBook,
    *,
    tenor: int,
    grace: int,
    capitalise: bool,
    reason: str,
    actor: str,
) -> RescheduleRequest:
    """The maker's proposal, with the preview the checker will decide on."""
    if grace >= tenor:
        raise ValidationProblem.for_field(
            "body.grace_periods", "grace must leave at least one period", "grace"
        )
    preview = await preview_reschedule(repo, book, tenor=tenor, grace=grace, capitalise=capitalise)
    request = RescheduleRequest(
        loan_id=book.loan.id,
        status="proposed",
        on_date=preview.on,
        tenor_periods=tenor,
        grace_periods=grace,
        capitalise_arrears=capitalise,
        preview=preview_json(preview),
        reason=reason,
        requested_by=actor,
    )
    await repo.add(request)
    # The committee hears of it (the console tells its members), in this transaction.
    proposed = RescheduleProposed(
        loan_id=book.loan.id,
        fund_id=book.loan.fund_id,
        cooperative_id=book.loan.cooperative_id,
        reschedule_id=request.id,
        on=preview.on,
        tenor_periods=tenor,
        grace_periods=grace,
        capitalise_arrears=capitalise,
        new_principal=preview.new_principal,
        reason=reason,
        proposed_by=actor,
    )
    await emit_loan_event(
        repo.session,
        EventType.LOAN_RESCHEDULE_PROPOSED,
        book.loan,
        proposed.model_dump(mode="json", exclude={"loan_id", "fund_id", "cooperative_id"}),
    )
    return request


async def decide_reschedule(
    session: AsyncSession,
    repo: LoanRepository,
    loan_id: UUID,
    request_id: UUID,
    *,
    approve: bool,
    note: str,
    principal: Principal,
) -> tuple[LoanBook, RescheduleRequest, LoanPosition]:
    """The checker's decision, by someone other than the maker: when a person signed in, another
    person (one person through two clients is still the maker, :func:`same_actor`). Approval, on
    the business date the preview was made for, closes the loan (``closed_rescheduled``) and
    opens its successor with the new schedule, in one transaction: the principal moves from one
    loan to the other in one journal entry."""
    book = await load_book(repo, loan_id, for_update=True)
    request = await RescheduleRepository(session).reschedule(loan_id, request_id)
    if request is None:
        raise NotFound(f"no reschedule request {request_id} on loan {loan_id}")
    if request.status != "proposed":
        raise InvalidTransition(request.status, "decide", [])
    if same_actor(principal, request.requested_by):
        raise FourEyesViolation(
            f"{principal.actor} proposed this reschedule and cannot decide it",
            proposed_by=request.requested_by,
        )
    actor = principal.actor
    request.decided_by, request.decided_at, request.decision_note = actor, datetime.now(UTC), note
    if not approve:
        request.status = "rejected"
        await session.flush()
        await _decided(session, book.loan, request)
        return book, request, book.replay()
    await check_event(repo, book, LoanEvent.reschedule)
    today = await business_date(repo.session, book.loan.fund_id)
    if request.on_date != today:
        raise Conflict(
            f"the preview was made for {request.on_date}; the business date is now {today}: "
            "propose again"
        )
    preview = _preview(
        book,
        book.replay(),
        today,
        request.tenor_periods,
        request.grace_periods,
        request.capitalise_arrears,
    )
    reference = f"{RESCHEDULE_REF}{request.id}"
    closing = new_transaction(
        book,
        TxKind.reschedule,
        today,
        preview.new_principal,
        actor,
        reference=reference,
        note=request.reason,
    )
    await repo.add(closing)
    old_position = book.replay()
    successor = _successor(book.loan, request, preview.new_principal, old_position, actor)
    await repo.add(successor)
    new_book = LoanBook(loan=successor, records=[])
    opening = new_transaction(
        new_book,
        TxKind.rescheduled_in,
        today,
        preview.new_principal,
        actor,
        reference=reference,
        note=f"rescheduled from loan {loan_id}: {request.reason}",
    )
    try:
        new_book.installments()
    except ScheduleError as exc:
        raise ValidationProblem.for_field("body.tenor_periods", str(exc), "schedule") from exc
    await repo.add(opening)
    new_position = new_book.replay()
    request.status = "approved"
    request.preview = preview_json(preview)
    request.successor_loan_id = successor.id
    book.loan.status = states.transition(
        book.state, LoanEvent.reschedule, LoanState.closed_rescheduled
    ).value
    # One entry: loans receivable leaves the closed loan (with any capitalised arrears earned
    # on it) and arrives on the successor; no cash moves.
    lines = [
        *await ledger_lines(repo, book, old_position),
        *await ledger_lines(repo, new_book, new_position),
    ]
    entry = await post_entry(
        session,
        Posting(
            fund_id=book.loan.fund_id,
            entry_date=today,
            kind="reschedule",
            memo=f"reschedule {request.id}: loan {loan_id} continues as loan {successor.id}",
            lines=lines,
            loan_id=book.loan.id,
            reference=reference,
            created_by=actor,
        ),
    )
    closing.journal_entry_id = opening.journal_entry_id = entry.id
    first_due = new_position.installments[len(old_position.carried)].due_date
    await refresh_account(session, repo, book, old_position, today)
    account = await repo.account(loan_id)
    if account is not None:
        account.closed_on = today
    await refresh_account(session, repo, new_book, new_position, today)
    await release_commitment(session, loan_id=loan_id)
    await emit_loan_event(
        session,
        EventType.LOAN_CLOSED,
        book.loan,
        {
            "status": LoanState.closed_rescheduled.value,
            "reason": "rescheduled",
            "closed_on": str(today),
            "successor_loan_id": str(successor.id),
        },
    )
    await emit_loan_event(
        session,
        EventType.LOAN_RESCHEDULED,
        successor,
        {
            "rescheduled_from_id": str(loan_id),
            "reschedule_id": str(request.id),
            "on": str(today),
            "principal": money_text(new_position.principal_outstanding),
            "capitalised_interest": money_text(preview.capitalised_interest),
            "capitalised_charges": money_text(preview.capitalised_charges),
            "opening_arrears": money_text(sum((i.total for i in old_position.carried), ZERO)),
            "tenor_periods": successor.tenor_periods,
            "grace_periods": successor.grace_periods,
            "first_due_date": str(first_due),
            "approved_by": actor,
        },
    )
    await session.flush()
    await _decided(session, book.loan, request)
    return new_book, request, new_position


async def _decided(session: AsyncSession, loan: Loan, request: RescheduleRequest) -> None:
    """``financing.loan.reschedule_decided`` on the decided loan: the proposer hears of the
    committee's decision (the console tells them), in the decision's transaction."""
    decided = RescheduleDecided(
        loan_id=loan.id,
        fund_id=loan.fund_id,
        cooperative_id=loan.cooperative_id,
        reschedule_id=request.id,
        status="approved" if request.status == "approved" else "rejected",
        note=request.decision_note or "",
        proposed_by=request.requested_by,
        decided_by=request.decided_by or "",
        successor_loan_id=request.successor_loan_id,
    )
    await emit_loan_event(
        session,
        EventType.LOAN_RESCHEDULE_DECIDED,
        loan,
        decided.model_dump(mode="json", exclude={"loan_id", "fund_id", "cooperative_id"}),
    )


def _successor(
    loan: Loan,
    request: RescheduleRequest,
    principal: Decimal,
    closed: LoanPosition,
    actor: str,
) -> Loan:
    """The loan that continues ``loan`` on the approved terms: same agreement, fund, product,
    cooperative and pricing; the new tenor and grace; opening with what ``closed`` moved out."""
    return Loan(
        id=new_id(),
        application_id=loan.application_id,
        rescheduled_from_id=loan.id,
        opening_arrears=_opening_arrears_json(closed.carried),
        fund_id=loan.fund_id,
        product_id=loan.product_id,
        cooperative_id=loan.cooperative_id,
        province_code=loan.province_code,
        approved_amount=principal,
        annual_rate=loan.annual_rate,
        tenor_periods=request.tenor_periods,
        frequency=loan.frequency,
        method=loan.method,
        grace_periods=request.grace_periods,
        rounding=loan.rounding,
        allocation_order=list(loan.allocation_order),
        arrears_tolerance_days=loan.arrears_tolerance_days,
        max_tranches=1,
        penalty_rate=loan.penalty_rate,
        pattern=loan.pattern,
        akad=loan.akad,
        profit_share_ratio=loan.profit_share_ratio,
        tranche_plan=[],
        status=LoanState.active.value,
        signed_at=request.decided_at or datetime.now(UTC),
        signed_by=actor,
        first_due_date=None,
    )


async def reschedules_of(
    repo: LoanRepository, loan_id: UUID, page: PageParams
) -> Slice[RescheduleRequest]:
    """A page of a loan's reschedule requests, oldest first (404 for an unknown loan)."""
    await load_book(repo, loan_id)
    return await RescheduleRepository(repo.session).reschedules_of(loan_id, page)


async def reschedules_of_fund(
    repo: LoanRepository, fund_id: UUID, status: str | None, page: PageParams
) -> tuple[Slice[RescheduleRequest], dict[UUID, Loan]]:
    """A page of a fund's reschedule requests with their loans (404 for an unknown fund)."""
    await get_fund(repo.session, fund_id)
    rows, cursor = await RescheduleRepository(repo.session).page_of_fund(fund_id, status, page)
    return (rows, cursor), await repo.loans_by_id([r.loan_id for r in rows])
