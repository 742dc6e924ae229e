"""Rescheduling over HTTP: preview, propose (maker), decide (checker), list."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import Depends

from financing.audit.service import AuditContext, audited
from financing.errors import FourEyesViolation
from financing.loans import service as loan_service
from financing.loans.dependencies import COMMAND_ERRORS, Committee, RepoDep, Staff
from financing.reschedules import service
from financing.reschedules.models import RescheduleRequest
from financing.reschedules.schemas import (
    FundRescheduleOut,
    InstallmentPreviewOut,
    RescheduleCreate,
    RescheduleDecision,
    RescheduleOut,
    ReschedulePreviewOut,
    RescheduleTerms,
)
from kopmod_shared.app import KopmodRouter
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import (
    AUTH_ERRORS,
    BusinessRuleViolation,
    InvalidTransition,
    NotFound,
    ValidationProblem,
    responses,
)
from kopmod_shared.pagination import Page, PageDep

router = KopmodRouter(tags=["servicing"])


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
    book = await loan_service.load_book(repo, loan_id)
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
    description=(
        "Stores the proposal with its preview and emits `financing.loan.reschedule_proposed` "
        "(the committee is told); a committee member who is another person decides on it."
    ),
    responses=responses(*AUTH_ERRORS, *COMMAND_ERRORS),
)
async def propose_reschedule(
    loan_id: UUID,
    data: RescheduleCreate,
    principal: Staff,
    audit: Annotated[AuditContext, Depends(audited("loan.reschedule_propose"))],
    repo: RepoDep,
) -> RescheduleOut:
    book = await loan_service.load_book(repo, loan_id, for_update=True)
    request = await service.request_reschedule(
        repo,
        book,
        tenor=data.tenor_periods,
        grace=data.grace_periods,
        capitalise=data.capitalise_arrears,
        reason=data.reason,
        actor=principal.actor,
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
        "`financing.loan.rescheduled`. Either way emits `financing.loan.reschedule_decided` "
        "(the proposer is told). The closed loan takes no further transaction and none "
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
        principal=principal,
    )
    return _reschedule_out(request)


@router.get(
    "/v1/loans/{loan_id}/reschedules",
    response_model=Page[RescheduleOut],
    summary="A loan's reschedule proposals and decisions (fund staff), oldest first",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_reschedules(
    loan_id: UUID, principal: Staff, repo: RepoDep, page: PageDep
) -> Page[RescheduleOut]:
    rows, cursor = await service.reschedules_of(repo, loan_id, page)
    return Page[RescheduleOut](items=[_reschedule_out(r) for r in rows], next_cursor=cursor)


@router.get(
    "/v1/funds/{fund_id}/reschedules",
    response_model=Page[FundRescheduleOut],
    summary="A fund's reschedule requests, oldest first: by default those awaiting a decision",
    description=(
        "The committee's list of reschedules waiting for a second person (`status=proposed`, "
        "the default), or decided ones (`approved`, `rejected`), each with its preview and "
        "the loan's cooperative. Whoever proposed one cannot decide it (403 `four-eyes`)."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def fund_reschedules(
    fund_id: UUID,
    principal: Staff,
    repo: RepoDep,
    page: PageDep,
    status: Literal["proposed", "approved", "rejected"] = "proposed",
) -> Page[FundRescheduleOut]:
    (rows, cursor), loans = await service.reschedules_of_fund(repo, fund_id, status, page)
    items = [
        FundRescheduleOut(
            **_reschedule_out(r).model_dump(),
            cooperative_id=loans[r.loan_id].cooperative_id,
            fund_id=loans[r.loan_id].fund_id,
        )
        for r in rows
    ]
    return Page[FundRescheduleOut](items=items, next_cursor=cursor)
