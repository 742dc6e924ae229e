"""Loan servicing over HTTP: disbursement, repayments, reversals, payoff, write-off, rescheduling,
end of day, and the loan and fund reports."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import Depends, Query, Request, Response

from financing.applications.schemas import LoanOut as SignedLoanOut
from financing.audit.service import AuditContext, audited
from financing.errors import FourEyesViolation, InsufficientFundCash
from financing.ledger.funds import get_fund
from financing.ledger.repository import LedgerRepository
from financing.ledger.service import INCOME_ACCOUNTS, Account, balance, natural
from financing.loans.models import Loan
from financing.servicing import service
from financing.servicing.arrears import Collectibility
from financing.servicing.engine import ZERO, Allocation, Component, LoanPosition, TxKind
from financing.servicing.models import LoanAccount, LoanTransactionRecord, RescheduleRequest
from financing.servicing.portfolio import (
    Bucket,
    LoanSnapshot,
    MonthForecast,
    cash_back_forecast,
    flows,
    portfolio,
)
from financing.servicing.repository import ServicingRepository
from financing.servicing.schemas import (
    AllocationOut,
    ArrearsOut,
    BucketOut,
    BusinessDateOut,
    BusinessDateSet,
    ClassChangeOut,
    ClosedDayOut,
    CommandOut,
    DisbursementCreate,
    EndOfDayCreate,
    EndOfDayOut,
    FeeCreate,
    FlowsOut,
    ForecastOut,
    FundHistoryOut,
    FundPointOut,
    InstallmentPreviewOut,
    LoanAccountOut,
    LoanPositionOut,
    MonthOut,
    PayoffQuoteOut,
    PortfolioOut,
    RecoveryCreate,
    RefundCreate,
    RepaymentCreate,
    RescheduleCreate,
    RescheduleDecision,
    RescheduleOut,
    ReschedulePreviewOut,
    RescheduleTerms,
    ReversalCreate,
    ScheduleOut,
    ScheduleRowOut,
    StatementOut,
    StatementRowOut,
    TransactionOut,
    WriteOffCreate,
)
from financing.servicing.states import LoanState
from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.dates import BoundedDate
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import (
    AUTH_ERRORS,
    BusinessRuleViolation,
    Conflict,
    InvalidTransition,
    NotFound,
    ValidationProblem,
    responses,
)
from kopmod_shared.pagination import Page, PageParams, cursor_time_id, make_page, page_params

router = KopmodRouter(tags=["servicing"])

Officer = Annotated[Principal, Depends(require_roles(Role.fund_officer))]
Committee = Annotated[Principal, Depends(require_roles(Role.fund_committee))]
Staff = Annotated[Principal, Depends(require_roles(Role.fund_officer, Role.fund_committee))]
Payer = Annotated[
    Principal, Depends(require_roles(Role.fund_officer, Role.partner, scopes=["repayments"]))
]
Reader = Annotated[
    Principal,
    Depends(
        require_roles(
            Role.fund_officer,
            Role.fund_committee,
            Role.cooperative,
            Role.partner,
            scopes=["repayments"],
        )
    ),
]
MAX_HISTORY_POINTS = 400
COMMAND_ERRORS = (NotFound, InvalidTransition, Conflict, BusinessRuleViolation, ValidationProblem)


def _repo(session: SessionDep) -> ServicingRepository:
    return ServicingRepository(session)


RepoDep = Annotated[ServicingRepository, Depends(_repo)]


# --- shaping -------------------------------------------------------------------------------------


def _allocation(alloc: Allocation) -> AllocationOut:
    return AllocationOut(
        principal=alloc.principal,
        interest=alloc.interest,
        penalty=alloc.penalty,
        fee=alloc.fee,
        overpayment=alloc.overpayment,
        interest_waived=alloc.interest_waived,
        written_off_principal=alloc.written_off_principal,
        recovered=alloc.recovered,
    )


def _transaction(record: LoanTransactionRecord, position: LoanPosition) -> TransactionOut:
    alloc = position.allocations.get(record.id)
    return TransactionOut(
        id=record.id,
        loan_id=record.loan_id,
        kind=record.kind,
        value_date=record.value_date,
        amount=record.amount,
        external_reference=record.external_reference,
        installment_number=record.installment_number,
        charge_kind=record.charge_kind,
        note=record.note,
        created_by=record.created_by,
        created_at=record.created_at,
        reversed=record.reversed_at is not None,
        reversed_at=record.reversed_at,
        reversal_reason=record.reversal_reason,
        allocation=_allocation(alloc) if alloc is not None and record.reversed_at is None else None,
    )


async def _successor_id(repo: ServicingRepository, book: service.LoanBook) -> UUID | None:
    if book.state is not LoanState.closed_rescheduled:
        return None
    return await repo.successor_id(book.loan.id)


def _position(
    book: service.LoanBook, position: LoanPosition, today: date, successor_id: UUID | None
) -> LoanPositionOut:
    state = book.arrears(position, today)
    closed = book.state.closed
    return LoanPositionOut(
        loan_id=book.loan.id,
        fund_id=book.loan.fund_id,
        cooperative_id=book.loan.cooperative_id,
        status=book.loan.status,
        business_date=today,
        approved_amount=book.loan.approved_amount,
        disbursed=position.disbursed,
        principal_outstanding=position.principal_outstanding,
        interest_outstanding=position.interest_outstanding,
        penalty_outstanding=position.penalty_outstanding,
        fee_outstanding=position.fee_outstanding,
        overpayment=position.overpayment,
        principal_repaid=position.principal_paid,
        interest_paid=position.interest_paid,
        written_off_principal=position.written_off_principal,
        recovered=position.recovered,
        settled_on=position.settled_on,
        rescheduled_on=position.rescheduled_on,
        rescheduled_from_id=book.loan.rescheduled_from_id,
        rescheduled_to_id=successor_id,
        principal_rescheduled_in=position.transferred_in,
        principal_rescheduled_out=position.transferred_out,
        arrears=ArrearsOut(
            days_past_due=0 if closed else state.days_past_due,
            collectibility=1 if closed else int(state.collectibility),
            collectibility_label=(Collectibility.lancar if closed else state.collectibility).label,
            oldest_overdue_due_date=None if closed else state.oldest_overdue_due_date,
            overdue_principal=ZERO if closed else state.overdue_principal,
            overdue_interest=ZERO if closed else state.overdue_interest,
            overdue_penalty=ZERO if closed else state.overdue_penalty,
        ),
    )


async def _command_out(
    repo: ServicingRepository,
    book: service.LoanBook,
    position: LoanPosition,
    record: LoanTransactionRecord | None,
    replayed: bool = False,
) -> CommandOut:
    today = await service.business_date(repo, book.loan.fund_id)
    return CommandOut(
        loan=_position(book, position, today, await _successor_id(repo, book)),
        transaction=_transaction(record, position) if record is not None else None,
        replayed=replayed,
    )


def _preview_out(loan_id: UUID, data: dict[str, Any]) -> ReschedulePreviewOut:
    return ReschedulePreviewOut(
        loan_id=loan_id,
        on=data["on"],
        principal_outstanding=Decimal(data["principal_outstanding"]),
        capitalised_interest=Decimal(data["capitalised_interest"]),
        capitalised_charges=Decimal(data["capitalised_charges"]),
        new_principal=Decimal(data["new_principal"]),
        remaining_scheduled_interest=Decimal(data["remaining_scheduled_interest"]),
        new_total_interest=Decimal(data["new_total_interest"]),
        installments=[
            InstallmentPreviewOut(
                number=i["number"],
                due_date=i["due_date"],
                principal=Decimal(i["principal"]),
                interest=Decimal(i["interest"]),
                total=Decimal(i["total"]),
                balance_after=Decimal(i["balance_after"]),
            )
            for i in data["installments"]
        ],
    )


def _reschedule_out(request: RescheduleRequest) -> RescheduleOut:
    return RescheduleOut(
        id=request.id,
        loan_id=request.loan_id,
        status=request.status,
        on_date=request.on_date,
        tenor_periods=request.tenor_periods,
        grace_periods=request.grace_periods,
        capitalise_arrears=request.capitalise_arrears,
        reason=request.reason,
        requested_by=request.requested_by,
        requested_at=request.requested_at,
        decided_by=request.decided_by,
        decided_at=request.decided_at,
        decision_note=request.decision_note,
        successor_loan_id=request.successor_loan_id,
        preview=_preview_out(request.loan_id, request.preview),
    )


def _wants_csv(request: Request, fmt: str | None) -> bool:
    if fmt is not None:
        return fmt == "csv"
    return "text/csv" in request.headers.get("accept", "")


def _csv(rows: list[dict[str, Any]], filename: str) -> Response:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else str(v) for k, v in row.items()})
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


FormatQuery = Annotated[
    Literal["json", "csv"] | None,
    Query(alias="format", description="`csv` for a spreadsheet; JSON by default."),
]
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}}
}


# --- disbursement --------------------------------------------------------------------------------


@router.post(
    "/v1/loans/{loan_id}/disbursements",
    response_model=CommandOut,
    status_code=201,
    summary="Disburse a tranche of a signed loan (fund officer)",
    description=(
        "Moves money from the fund's cash to the cooperative: one balanced journal entry (debit "
        "loans receivable, credit cash), the schedule recomputed over every tranche so far. "
        "Refused when the total would exceed the approved amount (422), when the fund's cash "
        "does not cover it (409 `insufficient-fund-cash`, also under parallel requests), when "
        "all tranches the product allows are out, or from a closed loan (409)."
    ),
    responses=responses(*AUTH_ERRORS, *COMMAND_ERRORS, InsufficientFundCash),
)
async def disburse(
    loan_id: UUID,
    data: DisbursementCreate,
    principal: Officer,
    audit: Annotated[AuditContext, Depends(audited("loan.disburse"))],
    session: SessionDep,
    repo: RepoDep,
) -> CommandOut:
    book, record, position = await service.disburse(
        session,
        repo,
        loan_id,
        amount=data.amount,
        value_date=data.value_date,
        reference=data.reference,
        note=data.note,
        actor=principal.client_id,
    )
    return await _command_out(repo, book, position, record)


@router.post(
    "/v1/loans/{loan_id}/disbursements/undo",
    response_model=CommandOut,
    summary="Undo the last disbursement while nothing has been repaid (fund officer)",
    description=(
        "Posts the reversing journal entry of the latest tranche (nothing is deleted), gives "
        "the amount back to the approval's commitment, and recomputes the schedule; with no "
        "tranche left the loan is pending disbursement again."
    ),
    responses=responses(*AUTH_ERRORS, *COMMAND_ERRORS),
)
async def undo_disbursement(
    loan_id: UUID,
    data: ReversalCreate,
    principal: Officer,
    audit: Annotated[AuditContext, Depends(audited("loan.undo_disbursement"))],
    session: SessionDep,
    repo: RepoDep,
) -> CommandOut:
    book, record, position = await service.undo_last_disbursement(
        session, repo, loan_id, reason=data.reason, actor=principal.client_id
    )
    return await _command_out(repo, book, position, record)


# --- money in ------------------------------------------------------------------------------------


async def _receive(
    kind: TxKind,
    loan_id: UUID,
    amount: Decimal,
    reference: str,
    value_date: date | None,
    principal: Principal,
    session: SessionDep,
    repo: ServicingRepository,
    response: Response,
) -> CommandOut:
    book = await service.load_book(repo, loan_id)
    if not service.visible_to(book.loan, principal):
        raise NotFound(f"no loan {loan_id}")
    book, record, position, replayed = await service.receive(
        session,
        repo,
        loan_id,
        kind=kind,
        amount=amount,
        reference=reference,
        value_date=value_date,
        actor=principal.client_id,
    )
    if replayed:
        response.status_code = 200
    return await _command_out(repo, book, position, record, replayed)


@router.post(
    "/v1/loans/{loan_id}/repayments",
    response_model=CommandOut,
    status_code=201,
    summary="Record a repayment (fund officer, or a partner with the `repayments` scope)",
    description=(
        "Allocated oldest installment first in the product's order (default penalties, fees, "
        "interest, principal); money beyond the last installment is an overpayment. "
        "`external_reference` is the paying partner's id for the payment: posting it again "
        "answers the recorded repayment (200, `replayed: true`) and records nothing; the same "
        "reference with a different amount or date is a 409. A `value_date` before the "
        "business date is a backdated payment: the loan is replayed in date order (penalties "
        "of closed days included). Refused on a closed or written-off loan (409)."
    ),
    responses=responses(*AUTH_ERRORS, *COMMAND_ERRORS),
)
async def repay(
    loan_id: UUID,
    data: RepaymentCreate,
    principal: Payer,
    audit: Annotated[AuditContext, Depends(audited("loan.repay"))],
    session: SessionDep,
    repo: RepoDep,
    response: Response,
) -> CommandOut:
    return await _receive(
        TxKind.repayment,
        loan_id,
        data.amount,
        data.external_reference,
        data.value_date,
        principal,
        session,
        repo,
        response,
    )


@router.get(
    "/v1/loans/{loan_id}/payoff-quote",
    response_model=PayoffQuoteOut,
    summary="What settles the loan in full on a date (early repayment)",
    description=(
        "Outstanding principal, plus interest accrued to `on` (the running period pro rata by "
        "days; interest not yet earned is waived), plus unpaid penalties and fees, minus any "
        "overpayment. Defaults to the business date. Nothing changes."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, InvalidTransition, ValidationProblem),
)
async def payoff_quote(
    loan_id: UUID, principal: Reader, repo: RepoDep, on: BoundedDate | None = None
) -> PayoffQuoteOut:
    book = await service.readable_book(repo, loan_id, principal)
    quote = await service.quote(repo, book, on)
    return PayoffQuoteOut(
        loan_id=loan_id,
        on=quote.on,
        principal=quote.principal,
        interest=quote.interest,
        penalty=quote.penalty,
        fee=quote.fee,
        overpayment_credit=quote.overpayment_credit,
        interest_waived=quote.interest_waived,
        total=quote.total,
    )


@router.post(
    "/v1/loans/{loan_id}/payoff",
    response_model=CommandOut,
    status_code=201,
    summary="Repay the loan in full early (fund officer or `repayments` partner)",
    description=(
        "The amount must cover the payoff quote for the value date (422 otherwise, with "
        "`quote_total`); interest not yet earned is waived, anything above the quote is an "
        "overpayment. The loan closes and its principal is back in the fund's cash."
    ),
    responses=responses(*AUTH_ERRORS, *COMMAND_ERRORS),
)
async def payoff(
    loan_id: UUID,
    data: RepaymentCreate,
    principal: Payer,
    audit: Annotated[AuditContext, Depends(audited("loan.payoff"))],
    session: SessionDep,
    repo: RepoDep,
    response: Response,
) -> CommandOut:
    return await _receive(
        TxKind.payoff,
        loan_id,
        data.amount,
        data.external_reference,
        data.value_date,
        principal,
        session,
        repo,
        response,
    )


@router.post(
    "/v1/loans/{loan_id}/recoveries",
    response_model=CommandOut,
    status_code=201,
    summary="Record money recovered on a written-off loan (fund officer or partner)",
    description="Booked to recovery income; the loan stays closed (written off).",
    responses=responses(*AUTH_ERRORS, *COMMAND_ERRORS),
)
async def recover(
    loan_id: UUID,
    data: RecoveryCreate,
    principal: Payer,
    audit: Annotated[AuditContext, Depends(audited("loan.recover"))],
    session: SessionDep,
    repo: RepoDep,
    response: Response,
) -> CommandOut:
    return await _receive(
        TxKind.recovery,
        loan_id,
        data.amount,
        data.external_reference,
        data.value_date,
        principal,
        session,
        repo,
        response,
    )


@router.post(
    "/v1/loans/{loan_id}/overpayment-refunds",
    response_model=CommandOut,
    status_code=201,
    summary="Refund an overpayment to the cooperative (fund officer)",
    responses=responses(*AUTH_ERRORS, *COMMAND_ERRORS),
)
async def refund(
    loan_id: UUID,
    data: RefundCreate,
    principal: Officer,
    audit: Annotated[AuditContext, Depends(audited("loan.refund_overpayment"))],
    session: SessionDep,
    repo: RepoDep,
) -> CommandOut:
    book, record, position = await service.refund_overpayment(
        session,
        repo,
        loan_id,
        amount=data.amount,
        reference=data.reference,
        actor=principal.client_id,
    )
    return await _command_out(repo, book, position, record)


@router.post(
    "/v1/loans/{loan_id}/fees",
    response_model=CommandOut,
    status_code=201,
    summary="Charge a fee to an active loan (fund officer)",
    description=(
        "The fee (`kind`, `reason`) is owed from `value_date` (default the business date; "
        "never after it nor before the first disbursement) on the oldest installment in arrears "
        "then, else the one running; later repayments pay it in the product's allocation order "
        "(default penalties, fees, interest, principal). Accounting is cash based, as for "
        "penalties: the charge books nothing, the repayment that pays it books fee income "
        "(a backdated fee may move money an existing repayment already paid, booked as one "
        "entry). `external_reference` identifies the charge: posting it again answers the "
        "recorded charge (200, `replayed: true`); the same reference with a different amount, "
        "kind or date is a 409. Refused on a loan that is not active (409). A fee can be "
        "reversed like any charge. Emits `financing.loan.fee_charged`."
    ),
    responses=responses(*AUTH_ERRORS, *COMMAND_ERRORS),
)
async def charge_fee(
    loan_id: UUID,
    data: FeeCreate,
    principal: Officer,
    audit: Annotated[AuditContext, Depends(audited("loan.charge_fee"))],
    session: SessionDep,
    repo: RepoDep,
    response: Response,
) -> CommandOut:
    book, record, position, replayed = await service.charge_fee(
        session,
        repo,
        loan_id,
        amount=data.amount,
        fee_kind=data.kind,
        reason=data.reason,
        reference=data.external_reference,
        value_date=data.value_date,
        actor=principal.client_id,
    )
    if replayed:
        response.status_code = 200
    return await _command_out(repo, book, position, record, replayed)


@router.post(
    "/v1/loans/{loan_id}/transactions/{transaction_id}/reversal",
    response_model=CommandOut,
    summary="Reverse a repayment, payoff, recovery, charge or refund (fund officer)",
    description=(
        "The transaction is marked reversed (never deleted), its journal entry is mirrored, and "
        "the loan is replayed without it; money the replay moves between installments is "
        "booked as one reallocation entry. A reversed transaction cannot be reversed again "
        "(409). A reversal that reopens a closed loan emits `financing.loan.reopened`. Nothing "
        "on a loan closed by a reschedule can be reversed (409, naming the successor): its "
        "balance already moved to the successor."
    ),
    responses=responses(*AUTH_ERRORS, *COMMAND_ERRORS),
)
async def reverse(
    loan_id: UUID,
    transaction_id: UUID,
    data: ReversalCreate,
    principal: Officer,
    audit: Annotated[AuditContext, Depends(audited("loan.reverse"))],
    session: SessionDep,
    repo: RepoDep,
) -> CommandOut:
    book, record, position = await service.reverse(
        session, repo, loan_id, transaction_id, reason=data.reason, actor=principal.client_id
    )
    return await _command_out(repo, book, position, record)


@router.post(
    "/v1/loans/{loan_id}/write-off",
    response_model=CommandOut,
    summary="Write the loan off (fund committee)",
    description=(
        "Outstanding principal moves to write-off losses; interest and charges are forgiven. The "
        "loan closes (written off); later money is recorded as a recovery."
    ),
    responses=responses(*AUTH_ERRORS, *COMMAND_ERRORS),
)
async def write_off(
    loan_id: UUID,
    data: WriteOffCreate,
    principal: Committee,
    audit: Annotated[AuditContext, Depends(audited("loan.write_off"))],
    session: SessionDep,
    repo: RepoDep,
) -> CommandOut:
    book, record, position = await service.write_off(
        session, repo, loan_id, reason=data.reason, actor=principal.client_id
    )
    return await _command_out(repo, book, position, record)


# --- rescheduling --------------------------------------------------------------------------------


@router.post(
    "/v1/loans/{loan_id}/reschedule-preview",
    response_model=ReschedulePreviewOut,
    summary="Preview a new tenor or grace for the outstanding balance (fund staff)",
    description="Nothing changes. The new schedule starts on the business date.",
    responses=responses(*AUTH_ERRORS, NotFound, InvalidTransition, BusinessRuleViolation),
    openapi_extra={"x-no-idempotency": True},
)
async def reschedule_preview(
    loan_id: UUID, data: RescheduleTerms, principal: Staff, repo: RepoDep
) -> ReschedulePreviewOut:
    book = await service.load_book(repo, loan_id)
    preview = await service.preview_reschedule(
        repo,
        book,
        tenor=data.tenor_periods,
        grace=data.grace_periods,
        capitalise=data.capitalise_arrears,
    )
    return _preview_out(loan_id, service.preview_json(preview))


@router.post(
    "/v1/loans/{loan_id}/reschedules",
    response_model=RescheduleOut,
    status_code=201,
    summary="Propose a reschedule (fund officer: the maker)",
    description="Stores the proposal with its preview; a committee member decides on it.",
    responses=responses(*AUTH_ERRORS, *COMMAND_ERRORS),
)
async def propose_reschedule(
    loan_id: UUID,
    data: RescheduleCreate,
    principal: Staff,
    audit: Annotated[AuditContext, Depends(audited("loan.reschedule_propose"))],
    repo: RepoDep,
) -> RescheduleOut:
    book = await service.load_book(repo, loan_id, for_update=True)
    request = await service.request_reschedule(
        repo,
        book,
        tenor=data.tenor_periods,
        grace=data.grace_periods,
        capitalise=data.capitalise_arrears,
        reason=data.reason,
        actor=principal.client_id,
    )
    return _reschedule_out(request)


@router.post(
    "/v1/loans/{loan_id}/reschedules/{reschedule_id}/decision",
    response_model=RescheduleOut,
    summary="Approve or reject a reschedule (fund committee: the checker)",
    description=(
        "Four eyes: the maker cannot decide (403 `four-eyes`). Approval, on the business date "
        "the preview was made for (409 otherwise), closes the loan as `closed_rescheduled` and "
        "opens its successor (`successor_loan_id`; the successor's `rescheduled_from_id` names "
        "this loan) for the same agreement, fund, product and cooperative, with the new tenor "
        "and grace. The successor's principal is the outstanding principal, plus the interest "
        "accrued to that date and unpaid charges when `capitalise_arrears` was chosen (earned "
        "on the closed loan); otherwise those stay owed on the successor as opening arrears on "
        "their original due dates, paid before the new schedule. Interest not yet accrued is "
        "waived. One journal entry moves loans receivable from one loan to the other (no cash "
        "moves). Emits `financing.loan.closed` (reason `rescheduled`) and "
        "`financing.loan.rescheduled`. The closed loan takes no further transaction and none "
        "of its transactions can be reversed (409)."
    ),
    responses=responses(*AUTH_ERRORS, *COMMAND_ERRORS, FourEyesViolation),
)
async def decide_reschedule(
    loan_id: UUID,
    reschedule_id: UUID,
    data: RescheduleDecision,
    principal: Committee,
    audit: Annotated[AuditContext, Depends(audited("loan.reschedule_decide"))],
    session: SessionDep,
    repo: RepoDep,
) -> RescheduleOut:
    _, request, _ = await service.decide_reschedule(
        session,
        repo,
        loan_id,
        reschedule_id,
        approve=data.approve,
        note=data.note,
        actor=principal.client_id,
    )
    return _reschedule_out(request)


# --- loan reads ----------------------------------------------------------------------------------


def _loan_out(loan: Loan, account: LoanAccount | None, successor_id: UUID | None) -> LoanAccountOut:
    terms = SignedLoanOut.model_validate(loan).model_dump()
    return LoanAccountOut(
        **terms,
        principal_outstanding=account.principal_outstanding if account else ZERO,
        days_past_due=account.days_past_due if account else 0,
        collectibility=account.collectibility if account else 1,
        closed_on=account.closed_on if account else None,
        rescheduled_from_id=loan.rescheduled_from_id,
        rescheduled_to_id=successor_id,
    )


@router.get(
    "/v1/loans",
    response_model=Page[LoanAccountOut],
    summary="List loans, newest first (cooperatives: their own)",
    description=(
        "Filter by `fund_id`, `status` (pending_disbursement, active, overpaid, "
        "closed_obligations_met, closed_written_off, closed_rescheduled) and, for fund staff, "
        "`cooperative_id`. Balances and collectibility are those of the last command or end of "
        "day on each loan."
    ),
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_loans(
    principal: Reader,
    repo: RepoDep,
    page: Annotated[PageParams, Depends(page_params)],
    fund_id: UUID | None = None,
    cooperative_id: UUID | None = None,
    status: LoanState | None = None,
) -> Page[LoanAccountOut]:
    if principal.role is Role.cooperative:
        cooperative_id = principal.org_id
    after = cursor_time_id(page)
    rows = await repo.page_loans(
        limit=page.limit,
        after=after,
        fund_id=fund_id,
        cooperative_id=cooperative_id,
        status=status.value if status else None,
    )
    items, cursor = make_page(rows, page.limit, lambda r: (r[0].created_at, r[0].id))
    successors = await repo.successor_ids(
        [loan.id for loan, _ in items if loan.status == LoanState.closed_rescheduled.value]
    )
    return Page[LoanAccountOut](
        items=[_loan_out(loan, account, successors.get(loan.id)) for loan, account in items],
        next_cursor=cursor,
    )


@router.get(
    "/v1/loans/{loan_id}",
    response_model=LoanAccountOut,
    summary="A loan: its signed terms and where it stands",
    description="Cooperatives see only their own loans (404 for others).",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_loan(loan_id: UUID, principal: Reader, repo: RepoDep) -> LoanAccountOut:
    book = await service.readable_book(repo, loan_id, principal)
    return _loan_out(book.loan, await repo.account(loan_id), await _successor_id(repo, book))


@router.get(
    "/v1/loans/{loan_id}/position",
    response_model=LoanPositionOut,
    summary="A loan's balances, arrears and OJK collectibility on the business date",
    description="Cooperatives see only their own loans (404 for others).",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def loan_position(loan_id: UUID, principal: Reader, repo: RepoDep) -> LoanPositionOut:
    book = await service.readable_book(repo, loan_id, principal)
    today = await service.business_date(repo, book.loan.fund_id)
    return _position(book, book.replay(), today, await _successor_id(repo, book))


def _row_status(row: Any, today: date) -> str:
    if row.written_off:
        return "written_off"
    if row.rescheduled:
        return "rescheduled"
    if row.unpaid_total == 0:
        return "paid"
    if row.due_date < today:
        return "overdue"
    return "partly_paid" if row.total_paid > 0 else "due"


@router.get(
    "/v1/loans/{loan_id}/schedule",
    response_model=ScheduleOut,
    summary="The loan's schedule with paid and unpaid amounts (JSON or CSV)",
    description="Paid amounts are derived by replaying every transaction. `?format=csv`.",
    responses={**responses(*AUTH_ERRORS, NotFound), **CSV_RESPONSE},
)
async def loan_schedule(
    loan_id: UUID, principal: Reader, repo: RepoDep, request: Request, fmt: FormatQuery = None
) -> Any:
    book = await service.readable_book(repo, loan_id, principal)
    today = await service.business_date(repo, book.loan.fund_id)
    position = book.replay()
    rows = [
        ScheduleRowOut(
            number=i.number,
            due_date=i.due_date,
            principal=i.principal,
            interest=i.interest,
            penalty=i.penalty,
            fee=i.fee,
            principal_paid=i.principal_paid,
            interest_paid=i.interest_paid,
            penalty_paid=i.penalty_paid,
            fee_paid=i.fee_paid,
            interest_waived=i.interest_waived,
            unpaid=i.unpaid_total,
            paid_on=i.paid_on,
            status=_row_status(i, today),
            opening_arrears=i.carried,
        )
        for i in position.installments
    ]
    if _wants_csv(request, fmt):
        return _csv([r.model_dump(mode="json") for r in rows], f"loan-{loan_id}-schedule.csv")
    return ScheduleOut(
        loan_id=loan_id,
        as_of=today,
        rows=rows,
        total_principal=sum((i.principal for i in position.installments), ZERO),
        total_interest=sum((i.interest for i in position.installments), ZERO),
    )


@router.get(
    "/v1/loans/{loan_id}/statement",
    response_model=StatementOut,
    summary="The loan's statement: every transaction with its allocation (JSON or CSV)",
    description=(
        "In value-date order, reversed ones included (flagged), each with where its money went "
        "and the principal outstanding after it. `?format=csv`. A loan closed by a reschedule "
        "ends with its `reschedule` row (principal outstanding 0) and `position."
        "rescheduled_to_id` names the successor, whose statement opens with a `rescheduled_in` "
        "row and names this loan in `position.rescheduled_from_id`."
    ),
    responses={**responses(*AUTH_ERRORS, NotFound), **CSV_RESPONSE},
)
async def loan_statement(
    loan_id: UUID, principal: Reader, repo: RepoDep, request: Request, fmt: FormatQuery = None
) -> Any:
    book = await service.readable_book(repo, loan_id, principal)
    today = await service.business_date(repo, book.loan.fund_id)
    position = book.replay()
    rows: list[StatementRowOut] = []
    outstanding = ZERO
    for record in sorted(book.records, key=lambda r: (r.value_date, r.seq)):
        alloc = position.allocations.get(record.id)
        after: Decimal | None = None
        if record.reversed_at is None and alloc is not None:
            if record.kind in (TxKind.disbursement.value, TxKind.rescheduled_in.value):
                outstanding += record.amount
            elif record.kind == TxKind.reschedule.value:
                outstanding = ZERO  # moved to the successor loan
            outstanding -= alloc.principal + alloc.written_off_principal
            after = outstanding
        rows.append(
            StatementRowOut(
                transaction=_transaction(record, position), principal_outstanding_after=after
            )
        )
    if _wants_csv(request, fmt):
        flat = []
        for row in rows:
            tx = row.transaction
            alloc_out = tx.allocation
            flat.append(
                {
                    "value_date": tx.value_date.isoformat(),
                    "kind": tx.kind,
                    "amount": format(tx.amount, "f"),
                    "external_reference": tx.external_reference,
                    "reversed": tx.reversed,
                    **{
                        c.value: format(getattr(alloc_out, c.value), "f") if alloc_out else ""
                        for c in Component
                    },
                    **{
                        name: format(getattr(alloc_out, name), "f") if alloc_out else ""
                        for name in (
                            "overpayment",
                            "interest_waived",
                            "written_off_principal",
                            "recovered",
                        )
                    },
                    "principal_outstanding_after": (
                        format(row.principal_outstanding_after, "f")
                        if row.principal_outstanding_after is not None
                        else ""
                    ),
                    "transaction_id": str(tx.id),
                    "charge_kind": tx.charge_kind,
                    "note": tx.note,
                }
            )
        return _csv(flat, f"loan-{loan_id}-statement.csv")
    return StatementOut(
        loan_id=loan_id,
        as_of=today,
        rows=rows,
        position=_position(book, position, today, await _successor_id(repo, book)),
    )


@router.get(
    "/v1/loans/{loan_id}/reschedules",
    response_model=list[RescheduleOut],
    summary="A loan's reschedule proposals and decisions (fund staff)",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def list_reschedules(loan_id: UUID, principal: Staff, repo: RepoDep) -> list[RescheduleOut]:
    await service.load_book(repo, loan_id)
    return [_reschedule_out(r) for r in await repo.reschedules_of(loan_id)]


# --- the fund's business date and end of day ------------------------------------------------------


@router.get(
    "/v1/funds/{fund_id}/business-date",
    response_model=BusinessDateOut,
    summary="The fund's business date (fund staff)",
    description="The logical date that drives arrears; it moves only by end of day.",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_business_date(
    fund_id: UUID, principal: Staff, session: SessionDep, repo: RepoDep
) -> BusinessDateOut:
    await get_fund(session, fund_id)
    return BusinessDateOut(
        fund_id=fund_id, business_date=await service.business_date(repo, fund_id)
    )


@router.post(
    "/v1/funds/{fund_id}/business-date",
    response_model=BusinessDateOut,
    summary="Set the fund's business date before its first loan transaction (fund officer)",
    description="Once loans have transactions the date moves only by end of day (409).",
    responses=responses(*AUTH_ERRORS, NotFound, Conflict),
)
async def set_business_date(
    fund_id: UUID,
    data: BusinessDateSet,
    principal: Officer,
    audit: Annotated[AuditContext, Depends(audited("fund.set_business_date"))],
    session: SessionDep,
    repo: RepoDep,
) -> BusinessDateOut:
    row = await service.set_business_date(session, repo, fund_id, data.business_date)
    return BusinessDateOut(fund_id=fund_id, business_date=row.business_date)


@router.post(
    "/v1/funds/{fund_id}/end-of-day",
    response_model=EndOfDayOut,
    summary="Close business days: penalties, arrears, collectibility (fund officer)",
    description=(
        "Closes each business day up to `through`: charges each overdue loan's daily penalty "
        "where its product has a penalty rate, ages arrears, assigns the OJK collectibility "
        "class and emits `financing.loan.overdue` when a loan changes class, then advances the "
        "business date. Closing a day already closed changes nothing."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def end_of_day(
    fund_id: UUID,
    data: EndOfDayCreate,
    principal: Officer,
    audit: Annotated[AuditContext, Depends(audited("fund.end_of_day"))],
    session: SessionDep,
    repo: RepoDep,
) -> EndOfDayOut:
    current = await service.business_date(repo, fund_id)
    if (data.through - current).days > 3660:
        raise ValidationProblem.for_field(
            "body.through", "close at most ten years of days at once", "too_far"
        )
    new_date, runs = await service.end_of_day(
        session, repo, fund_id, through=data.through, actor=principal.client_id
    )
    return EndOfDayOut(
        fund_id=fund_id,
        business_date=new_date,
        closed=[
            ClosedDayOut(
                business_date=run.business_date,
                loans_processed=run.loans_processed,
                penalties_charged=run.penalties_charged,
                class_changes=[ClassChangeOut.model_validate(c) for c in run.class_changes],
            )
            for run in runs
        ],
    )


# --- fund reports --------------------------------------------------------------------------------


def _bucket(key: str, bucket: Bucket) -> BucketOut:
    return BucketOut(
        key=key,
        loans=bucket.loans,
        principal_outstanding=bucket.principal_outstanding,
        non_performing=bucket.non_performing,
        npl_ratio=format(bucket.npl_ratio, "f"),
    )


async def _fund_books(
    session: SessionDep, repo: ServicingRepository, fund_id: UUID
) -> list[service.LoanBook]:
    await get_fund(session, fund_id)
    loans = await repo.loans_of_fund(fund_id)
    records = await repo.transactions_of_loans([loan.id for loan in loans])
    return [service.LoanBook(loan=loan, records=records[loan.id]) for loan in loans]


@router.get(
    "/v1/funds/{fund_id}/portfolio",
    response_model=PortfolioOut,
    summary="Portfolio: outstanding by collectibility, NPL, by product and province (staff)",
    description=(
        "Outstanding principal of open loans on the business date by OJK class, the NPL ratio "
        "(classes 3-5 over outstanding), by product and by province (captured at approval), "
        "and money disbursed and repaid between `date_from` and `date_to` (value dates, "
        "default: the business date's month)."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def fund_portfolio(
    fund_id: UUID,
    principal: Staff,
    session: SessionDep,
    repo: RepoDep,
    date_from: BoundedDate | None = None,
    date_to: BoundedDate | None = None,
) -> PortfolioOut:
    books = await _fund_books(session, repo, fund_id)
    today = await service.business_date(repo, fund_id)
    start = date_from or today.replace(day=1)
    end = date_to or today
    if end < start:
        raise ValidationProblem.for_field("query.date_to", "date_to is before date_from", "range")
    codes = await repo.product_codes([b.loan.product_id for b in books])
    snapshots = []
    replayed = []
    for book in books:
        position = book.replay()
        replayed.append((position, book.transactions()))
        if book.state.closed or position.principal_outstanding <= 0:
            continue
        snapshots.append(
            LoanSnapshot(
                loan_id=book.loan.id,
                product_code=codes.get(book.loan.product_id, "unknown"),
                province=book.loan.province_code,
                principal_outstanding=position.principal_outstanding,
                collectibility=book.arrears(position, today).collectibility,
            )
        )
    result = portfolio(snapshots)
    period = flows(replayed, start, end)
    return PortfolioOut(
        fund_id=fund_id,
        as_of=today,
        total=_bucket("total", result.total),
        by_collectibility=[
            _bucket(f"{c.value} {c.label}", b) for c, b in sorted(result.by_class.items())
        ],
        by_product=[_bucket(k, b) for k, b in sorted(result.by_product.items())],
        by_province=[_bucket(k, b) for k, b in sorted(result.by_province.items())],
        flows=FlowsOut(
            date_from=start,
            date_to=end,
            disbursed=period.disbursed,
            repaid=period.repaid,
            principal_repaid=period.principal_repaid,
            interest_received=period.interest_received,
            charges_received=period.charges_received,
            recovered=period.recovered,
        ),
    )


def _points(start: date, end: date, step: str) -> list[date]:
    points: list[date] = []
    day = start
    while day <= end and len(points) <= MAX_HISTORY_POINTS:
        points.append(day)
        if step == "day":
            day += timedelta(days=1)
        else:
            # Month ends: the position at the close of each month.
            following = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
            month_end = following - timedelta(days=1)
            if month_end > day:
                day = month_end
            else:
                day = (following + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    if points and points[-1] != end and len(points) <= MAX_HISTORY_POINTS:
        points.append(end)
    return points


@router.get(
    "/v1/funds/{fund_id}/position-history",
    response_model=FundHistoryOut,
    summary="The fund's position over time, from its ledger (fund staff)",
    description=(
        "Cash, loans receivable, income, write-off losses, overpayments and capital at each "
        "point (entry dates up to and including it): every month end between `date_from` and "
        "`date_to` (and `date_to` itself), or every day with `step=day`. At most 400 points."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def fund_position_history(
    fund_id: UUID,
    principal: Staff,
    session: SessionDep,
    date_from: BoundedDate,
    date_to: BoundedDate,
    step: Literal["day", "month"] = "month",
) -> FundHistoryOut:
    await get_fund(session, fund_id)
    if date_to < date_from:
        raise ValidationProblem.for_field("query.date_to", "date_to is before date_from", "range")
    points = _points(date_from, date_to, step)
    if len(points) > MAX_HISTORY_POINTS:
        raise ValidationProblem.for_field(
            "query.date_to", f"at most {MAX_HISTORY_POINTS} points; narrow the range", "range"
        )
    ledger = LedgerRepository(session)
    out = []
    for point in points:
        sums = await ledger.account_sums(fund_id, as_of=point)

        def bal(account: Account, sums: dict[str, tuple[Decimal, Decimal]] = sums) -> Decimal:
            debits, credits = sums.get(account.value, (ZERO, ZERO))
            return natural(account, debits, credits)

        out.append(
            FundPointOut(
                date=point,
                cash=bal(Account.cash),
                loans_receivable=bal(Account.loans_receivable),
                income=sum((bal(a) for a in INCOME_ACCOUNTS), ZERO),
                writeoff_losses=bal(Account.writeoff_losses),
                overpayments=bal(Account.overpayments),
                capital=bal(Account.capital),
            )
        )
    return FundHistoryOut(fund_id=fund_id, points=out)


def _month(m: MonthForecast) -> MonthOut:
    return MonthOut(
        month=m.month, principal=m.principal, interest=m.interest, charges=m.charges, total=m.total
    )


@router.get(
    "/v1/funds/{fund_id}/cash-forecast",
    response_model=ForecastOut,
    summary="Cash coming back to the fund by month, from the schedules (fund staff)",
    description=(
        "The unpaid part of every open loan's schedule by due month from the business date's "
        "month, so the fund sees what it can lend next month; amounts already overdue are "
        "shown apart as `overdue`."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def cash_forecast(
    fund_id: UUID,
    principal: Staff,
    session: SessionDep,
    repo: RepoDep,
    months: Annotated[int, Query(ge=1, le=120)] = 12,
) -> ForecastOut:
    books = await _fund_books(session, repo, fund_id)
    today = await service.business_date(repo, fund_id)
    positions = [b.replay() for b in books if b.state in (LoanState.active, LoanState.overpaid)]
    forecast = cash_back_forecast(positions, today, months)
    return ForecastOut(
        fund_id=fund_id,
        as_of=today,
        cash_now=await balance(session, fund_id, Account.cash),
        overdue=_month(forecast.overdue),
        months=[_month(m) for m in forecast.months],
    )
