"""Money in over HTTP: repayments, payoff (and its quote), recoveries, overpayment refunds, fees
and reversals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated
from uuid import UUID

from fastapi import Depends, Response

from financing.audit.service import AuditContext, audited
from financing.loans import service as loan_service
from financing.loans.dependencies import COMMAND_ERRORS, Officer, Payer, Reader, RepoDep
from financing.loans.repository import LoanRepository
from financing.loans.responses import command_out
from financing.loans.schemas import CommandOut, ReversalCreate
from financing.repayments import service
from financing.repayments.schemas import (
    FeeCreate,
    PayoffQuoteOut,
    RecoveryCreate,
    RefundCreate,
    RepaymentCreate,
)
from financing.replay.engine import TxKind
from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal
from kopmod_shared.dates import BoundedDate
from kopmod_shared.db import SessionDep
from kopmod_shared.deferred import defer_inserts
from kopmod_shared.errors import (
    AUTH_ERRORS,
    InvalidTransition,
    NotFound,
    ValidationProblem,
    responses,
)

router = KopmodRouter(tags=["servicing"])


async def _receive(
    kind: TxKind,
    loan_id: UUID,
    amount: Decimal,
    reference: str,
    value_date: date | None,
    principal: Principal,
    session: SessionDep,
    repo: LoanRepository,
    response: Response,
) -> CommandOut:
    # The outbox event, audit row and idempotency record go out in one statement before the
    # commit (nothing here reads them back).
    defer_inserts(session)
    book, record, position, replayed = await service.receive(
        session,
        repo,
        loan_id,
        kind=kind,
        amount=amount,
        reference=reference,
        value_date=value_date,
        actor=principal.client_id,
        may_see=lambda loan: loan_service.visible_to(loan, principal),
    )
    if replayed:
        response.status_code = 200
    return await command_out(repo, book, position, record, replayed)


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
    book = await loan_service.readable_book(repo, loan_id, principal)
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
    return await command_out(repo, book, position, record)


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
    return await command_out(repo, book, position, record, replayed)


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
    return await command_out(repo, book, position, record)
