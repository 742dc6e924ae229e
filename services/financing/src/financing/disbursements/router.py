"""Disbursements over HTTP: a tranche out, and undoing the last one."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends

from financing.audit.service import AuditContext, audited
from financing.disbursements import service
from financing.disbursements.schemas import DisbursementCreate
from financing.errors import InsufficientFundCash
from financing.loans.dependencies import COMMAND_ERRORS, Officer, RepoDep
from financing.loans.responses import command_out
from financing.loans.schemas import CommandOut, ReversalCreate
from kopmod_shared.app import KopmodRouter
from kopmod_shared.db import SessionDep
from kopmod_shared.deferred import defer_inserts
from kopmod_shared.errors import AUTH_ERRORS, responses

router = KopmodRouter(tags=["servicing"])


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
    defer_inserts(session)  # outbox, audit and idempotency rows: one statement at the commit
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
    return await command_out(repo, book, position, record)


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
    return await command_out(repo, book, position, record)
