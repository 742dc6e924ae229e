"""Writing a loan off over HTTP (fund committee)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends

from financing.audit.service import AuditContext, audited
from financing.loans.dependencies import COMMAND_ERRORS, Committee, RepoDep
from financing.loans.responses import command_out
from financing.loans.schemas import CommandOut
from financing.writeoffs import service
from financing.writeoffs.schemas import WriteOffCreate
from kopmod_shared.app import KopmodRouter
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, responses

router = KopmodRouter(tags=["servicing"])


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
        session, repo, loan_id, reason=data.reason, actor=principal.actor
    )
    return await command_out(repo, book, position, record)
