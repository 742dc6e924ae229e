"""Loans and applications moved by a restructuring, over HTTP (fund staff)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends

from financing.restructuring import service
from financing.restructuring.schemas import TransferList, TransferOut
from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, ValidationProblem, responses

router = KopmodRouter(tags=["servicing"])
Staff = Annotated[
    Principal,
    Depends(require_roles(Role.fund_officer, Role.fund_committee, Role.ministry, Role.service)),
]


@router.get(
    "/v1/cooperative-transfers",
    response_model=TransferList,
    summary="Loans and applications moved by a merger, fusion or spin-off",
    description=(
        "When the registry records a restructuring, the predecessors' loans that are not closed "
        "and open applications move to the successor (a spin-off: only those it names). One row "
        "per move: from which cooperative to which, by which restructuring and event. Filter by "
        "`cooperative_id` (either side) or `entity_id` (a loan or application); oldest first, "
        "at most 500."
    ),
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_transfers(
    principal: Staff,
    session: SessionDep,
    cooperative_id: UUID | None = None,
    entity_id: UUID | None = None,
) -> TransferList:
    rows = await service.transfers(session, cooperative_id=cooperative_id, entity_id=entity_id)
    return TransferList(items=[TransferOut.model_validate(r) for r in rows])
