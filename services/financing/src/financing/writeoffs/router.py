"""Writing a loan off over HTTP, with four eyes: proposed by fund staff, decided by another
person of the fund committee."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from fastapi import Depends

from financing.audit.service import AuditContext, audited
from financing.errors import FourEyesViolation
from financing.loans.dependencies import COMMAND_ERRORS, Committee, RepoDep, Staff
from financing.writeoffs import service
from financing.writeoffs.schemas import (
    FundWriteOffOut,
    WriteOffCreate,
    WriteOffDecision,
    WriteOffRequestOut,
)
from kopmod_shared.app import KopmodRouter
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, NotFound, ValidationProblem, responses
from kopmod_shared.pagination import Page, PageDep

router = KopmodRouter(tags=["servicing"])


@router.post(
    "/v1/loans/{loan_id}/write-offs",
    response_model=WriteOffRequestOut,
    status_code=201,
    summary="Propose a write-off (fund officer or committee member: the maker)",
    description=(
        "Stores the proposal with its reason and emits `financing.loan.write_off_proposed`; "
        "nothing is written off until a committee member who is another person approves it. "
        "Refused when the loan cannot be written off now (409/422) or another proposal on it "
        "awaits its decision (409)."
    ),
    responses=responses(*AUTH_ERRORS, *COMMAND_ERRORS),
)
async def propose_write_off(
    loan_id: UUID,
    data: WriteOffCreate,
    principal: Staff,
    audit: Annotated[AuditContext, Depends(audited("loan.write_off_propose"))],
    session: SessionDep,
    repo: RepoDep,
) -> WriteOffRequestOut:
    request = await service.propose_write_off(
        session, repo, loan_id, reason=data.reason, actor=principal.actor
    )
    return WriteOffRequestOut.model_validate(request)


@router.post(
    "/v1/loans/{loan_id}/write-offs/{write_off_id}/decision",
    response_model=WriteOffRequestOut,
    summary="Approve or decline a write-off (fund committee: the checker)",
    description=(
        "Four eyes by person: whoever proposed it cannot decide it, through any client (403 "
        "`four-eyes`). Approval writes the loan off: outstanding principal moves to write-off "
        "losses; interest and charges are forgiven. The loan closes (written off); later money "
        "is recorded as a recovery. Emits `financing.loan.written_off`. Either way emits "
        "`financing.loan.write_off_decided` (the proposer is told)."
    ),
    responses=responses(*AUTH_ERRORS, *COMMAND_ERRORS, FourEyesViolation),
)
async def decide_write_off(
    loan_id: UUID,
    write_off_id: UUID,
    data: WriteOffDecision,
    principal: Committee,
    audit: Annotated[AuditContext, Depends(audited("loan.write_off_decide"))],
    session: SessionDep,
    repo: RepoDep,
) -> WriteOffRequestOut:
    request = await service.decide_write_off(
        session,
        repo,
        loan_id,
        write_off_id,
        approve=data.approve,
        note=data.note,
        principal=principal,
    )
    return WriteOffRequestOut.model_validate(request)


@router.get(
    "/v1/loans/{loan_id}/write-offs",
    response_model=Page[WriteOffRequestOut],
    summary="A loan's write-off proposals and decisions (fund staff), oldest first",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_write_offs(
    loan_id: UUID, principal: Staff, repo: RepoDep, page: PageDep
) -> Page[WriteOffRequestOut]:
    rows, cursor = await service.write_offs_of(repo, loan_id, page)
    items = [WriteOffRequestOut.model_validate(r) for r in rows]
    return Page[WriteOffRequestOut](items=items, next_cursor=cursor)


@router.get(
    "/v1/funds/{fund_id}/write-offs",
    response_model=Page[FundWriteOffOut],
    summary="A fund's write-off requests, oldest first: by default those awaiting a decision",
    description=(
        "The committee's list of write-offs waiting for a second person (`status=proposed`, "
        "the default), or decided ones (`approved`, `declined`). Each names the loan's "
        "cooperative. Whoever proposed one cannot decide it (the decision answers 403 "
        "`four-eyes`)."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def fund_write_offs(
    fund_id: UUID,
    principal: Staff,
    repo: RepoDep,
    page: PageDep,
    status: Literal["proposed", "approved", "declined"] = "proposed",
) -> Page[FundWriteOffOut]:
    (rows, cursor), loans = await service.write_offs_of_fund(repo, fund_id, status, page)
    items = [
        FundWriteOffOut(
            **WriteOffRequestOut.model_validate(r).model_dump(),
            cooperative_id=loans[r.loan_id].cooperative_id,
            fund_id=loans[r.loan_id].fund_id,
        )
        for r in rows
    ]
    return Page[FundWriteOffOut](items=items, next_cursor=cursor)
