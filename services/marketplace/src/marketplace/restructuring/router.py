"""The moves restructurings made, over HTTP: offers, proposals and contracts transferred (ministry
and services)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, ValidationProblem, responses
from marketplace.restructuring import service
from marketplace.restructuring.schemas import TransferList, TransferOut

router = KopmodRouter(tags=["contracts"])
Staff = Annotated[Principal, Depends(require_roles(Role.ministry, Role.service, Role.admin))]


@router.get(
    "/v1/cooperative-transfers",
    response_model=TransferList,
    summary="Offers, proposals and contracts moved by a merger, fusion or spin-off",
    description=(
        "When the registry records a restructuring, the predecessors' open offers, open "
        "proposals and pending or active contracts move to the successor (a spin-off: only "
        "those it names). One row per move: from which cooperative to which, by which "
        "restructuring and event. Filter by `cooperative_id` (either side) or `entity_id`; "
        "oldest first, at most 500."
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
