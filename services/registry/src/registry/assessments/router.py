"""Health assessments over HTTP: recording one (writers) and reading a cooperative's history."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends, Response

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import PrincipalDep
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, Conflict, NotFound, ValidationProblem, responses
from kopmod_shared.pagination import Page, PageDep
from registry.assessments import service
from registry.assessments.repository import AssessmentRepository
from registry.assessments.schemas import AssessmentIn, AssessmentOut
from registry.audit.service import audited

router = KopmodRouter(tags=["health-assessments"])


async def _repo(session: SessionDep) -> AssessmentRepository:
    return AssessmentRepository(session)


RepoDep = Annotated[AssessmentRepository, Depends(_repo)]


@router.post(
    "/v1/cooperatives/{cooperative_id}/health-assessments",
    dependencies=[Depends(audited("health.record"))],
    response_model=AssessmentOut,
    status_code=201,
    summary="Record a health assessment",
    description=(
        "Ministry, admin, or a partner with `registry:write`. One per year (409 for a second). "
        "The category comes from the score bands unless given. Publishes "
        "`registry.cooperative.health_assessed` (outbox, same transaction): year and date; "
        "the score and category are read here by those who may."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, Conflict, ValidationProblem),
)
async def record_assessment(
    cooperative_id: UUID,
    data: AssessmentIn,
    principal: PrincipalDep,
    repo: RepoDep,
    response: Response,
) -> AssessmentOut:
    assessment = await service.record_assessment(repo, principal, cooperative_id, data)
    response.headers["Location"] = f"/v1/cooperatives/{cooperative_id}/health-assessments"
    return AssessmentOut.model_validate(assessment)


@router.get(
    "/v1/cooperatives/{cooperative_id}/health-assessments",
    response_model=Page[AssessmentOut],
    summary="Health assessments of a cooperative, newest year first",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_assessments(
    cooperative_id: UUID, principal: PrincipalDep, repo: RepoDep, page: PageDep
) -> Page[AssessmentOut]:
    rows, cursor = await service.list_assessments(repo, principal, cooperative_id, page)
    items = [AssessmentOut.model_validate(a) for a in rows]
    return Page[AssessmentOut](items=items, next_cursor=cursor)
