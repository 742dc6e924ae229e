"""The modernisation programme over HTTP: moving a cooperative to a phase, its history, and its
mentoring records."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends, Response

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import PrincipalDep
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import (
    AUTH_ERRORS,
    Conflict,
    InvalidTransition,
    NotFound,
    ValidationProblem,
    responses,
)
from kopmod_shared.pagination import Page, PageDep
from registry.audit.service import audited
from registry.modernisation import service
from registry.modernisation.repository import ModernisationRepository
from registry.modernisation.schemas import (
    MentoringIn,
    MentoringOut,
    MentoringUpdate,
    StageIn,
    StageOut,
)

router = KopmodRouter(tags=["modernisation"])


async def _repo(session: SessionDep) -> ModernisationRepository:
    return ModernisationRepository(session)


RepoDep = Annotated[ModernisationRepository, Depends(_repo)]


@router.post(
    "/v1/cooperatives/{cooperative_id}/modernisation-stages",
    dependencies=[Depends(audited("modernisation.phase"))],
    response_model=StageOut,
    status_code=201,
    summary="Move a cooperative to a modernisation phase",
    description=(
        "Ministry, admin, or a partner with `registry:write`. The first stage names the cohort "
        "year; phases only move forward (permodelan, replikasi, masifikasi, pemantapan): going "
        "back or repeating one is a 409. The cooperative's `cohort_year` and `phase` follow. "
        "Publishes `registry.cooperative.phase_changed` (outbox, same transaction)."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, InvalidTransition, Conflict, ValidationProblem),
)
async def record_stage(
    cooperative_id: UUID, data: StageIn, principal: PrincipalDep, repo: RepoDep, response: Response
) -> StageOut:
    stage = await service.record_stage(repo, principal, cooperative_id, data)
    response.headers["Location"] = f"/v1/cooperatives/{cooperative_id}/modernisation-stages"
    return StageOut.model_validate(stage)


@router.get(
    "/v1/cooperatives/{cooperative_id}/modernisation-stages",
    response_model=Page[StageOut],
    summary="Modernisation history, oldest first",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_stages(
    cooperative_id: UUID, principal: PrincipalDep, repo: RepoDep, page: PageDep
) -> Page[StageOut]:
    rows, cursor = await service.stages(repo, principal, cooperative_id, page)
    return Page[StageOut](items=[StageOut.model_validate(s) for s in rows], next_cursor=cursor)


@router.post(
    "/v1/cooperatives/{cooperative_id}/mentoring",
    dependencies=[Depends(audited("mentoring.record"))],
    response_model=MentoringOut,
    status_code=201,
    summary="Record mentoring (pendampingan)",
    description="Ministry, admin, or a partner with `registry:write`.",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def record_mentoring(
    cooperative_id: UUID,
    data: MentoringIn,
    principal: PrincipalDep,
    repo: RepoDep,
    response: Response,
) -> MentoringOut:
    record = await service.record_mentoring(repo, principal, cooperative_id, data)
    response.headers["Location"] = f"/v1/cooperatives/{cooperative_id}/mentoring/{record.id}"
    return MentoringOut.model_validate(record)


@router.patch(
    "/v1/cooperatives/{cooperative_id}/mentoring/{record_id}",
    dependencies=[Depends(audited("mentoring.change"))],
    response_model=MentoringOut,
    summary="Close a mentoring record or write its outcome",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def update_mentoring(
    cooperative_id: UUID,
    record_id: UUID,
    data: MentoringUpdate,
    principal: PrincipalDep,
    repo: RepoDep,
) -> MentoringOut:
    record = await service.update_mentoring(repo, principal, cooperative_id, record_id, data)
    return MentoringOut.model_validate(record)


@router.get(
    "/v1/cooperatives/{cooperative_id}/mentoring",
    response_model=Page[MentoringOut],
    summary="Mentoring records, newest first",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_mentoring(
    cooperative_id: UUID, principal: PrincipalDep, repo: RepoDep, page: PageDep
) -> Page[MentoringOut]:
    rows, cursor = await service.mentoring(repo, principal, cooperative_id, page)
    items = [MentoringOut.model_validate(r) for r in rows]
    return Page[MentoringOut](items=items, next_cursor=cursor)
