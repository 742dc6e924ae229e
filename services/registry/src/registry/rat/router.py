"""RATs over HTTP: recording an annual members' meeting and reading a cooperative's RATs."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends, Response

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import PrincipalDep
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, Conflict, NotFound, ValidationProblem, responses
from kopmod_shared.pagination import Page, PageDep
from registry.audit.service import audited
from registry.rat import service
from registry.rat.repository import RatRepository
from registry.rat.schemas import RatIn, RatOut

router = KopmodRouter(tags=["rat"])


async def _repo(session: SessionDep) -> RatRepository:
    return RatRepository(session)


RepoDep = Annotated[RatRepository, Depends(_repo)]


@router.post(
    "/v1/cooperatives/{cooperative_id}/rats",
    dependencies=[Depends(audited("rat.record"))],
    response_model=RatOut,
    status_code=201,
    summary="Record an annual members' meeting (RAT)",
    description=(
        "Ministry, admin, a partner with `registry:write`, or the cooperative itself (it reports "
        "its own RAT; `recorded_by` names who recorded it). One RAT per financial year: a "
        "second one for the same year is a 409. Held after the year ends, never before the "
        "founding (422). Approved statements must balance (assets = liabilities + equity). "
        "Publishes `registry.cooperative.rat_recorded` (outbox, same transaction): year, date "
        "and whether statements were attached, no figures."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, Conflict, ValidationProblem),
)
async def record_rat(
    cooperative_id: UUID, data: RatIn, principal: PrincipalDep, repo: RepoDep, response: Response
) -> RatOut:
    meeting = await service.record_rat(repo, principal, cooperative_id, data)
    response.headers["Location"] = f"/v1/cooperatives/{cooperative_id}/rats"
    return service.to_out(meeting)


@router.get(
    "/v1/cooperatives/{cooperative_id}/rats",
    response_model=Page[RatOut],
    summary="RATs of a cooperative, newest year first",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_rats(
    cooperative_id: UUID, principal: PrincipalDep, repo: RepoDep, page: PageDep
) -> Page[RatOut]:
    rows, cursor = await service.list_rats(repo, principal, cooperative_id, page)
    return Page[RatOut](items=[service.to_out(m) for m in rows], next_cursor=cursor)
