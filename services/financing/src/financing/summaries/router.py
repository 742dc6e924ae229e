"""Financing summaries over HTTP, for the registry's scorecard and the programme view."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends, Query

from financing.summaries import service
from financing.summaries.repository import SummaryRepository
from financing.summaries.schemas import MAX_IDS, FinancingSummary, FinancingSummaryPage
from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, NotFound, ValidationProblem, responses
from kopmod_shared.pagination import PageParams, cursor_id, page_params

router = KopmodRouter(tags=["summaries"])

Reader = Annotated[
    Principal,
    Depends(
        require_roles(
            Role.service, Role.ministry, Role.fund_officer, Role.fund_committee, Role.cooperative
        )
    ),
]
ProgrammeReader = Annotated[
    Principal,
    Depends(require_roles(Role.service, Role.ministry, Role.fund_officer, Role.fund_committee)),
]


async def _repo(session: SessionDep) -> SummaryRepository:
    return SummaryRepository(session)


RepoDep = Annotated[SummaryRepository, Depends(_repo)]


@router.get(
    "/v1/cooperatives/{cooperative_id}/financing-summary",
    response_model=FinancingSummary,
    summary="A cooperative's financing record: applications, loans, repayment record",
    description=(
        "Applications by status, active loans and outstanding principal, and the repayment "
        "record (share of due installments paid on time, current and worst OJK collectibility "
        "class, written-off loans). A cooperative with no financing answers zero counts. "
        "Readable by services, the ministry, fund staff and admin; a cooperative reads only "
        "its own (another id is a 404)."
    ),
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def financing_summary(
    cooperative_id: UUID, principal: Reader, repo: RepoDep
) -> FinancingSummary:
    return await service.summary_of(repo, principal, cooperative_id)


@router.get(
    "/v1/financing-summaries",
    response_model=FinancingSummaryPage,
    summary="Financing summaries of many cooperatives (named, or every one with financing)",
    description=(
        f"With `cooperative_id` repeated (at most {MAX_IDS}): one summary per id, in the order "
        "asked, zero counts for a cooperative without financing (`next_cursor` is null). "
        "Without ids: every cooperative with any application, in id order, cursor-paginated. "
        "For services, the ministry, fund staff and admin."
    ),
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def financing_summaries(
    principal: ProgrammeReader,
    repo: RepoDep,
    page: Annotated[PageParams, Depends(page_params)],
    cooperative_id: Annotated[
        list[UUID] | None,
        Query(description=f"Cooperatives to summarise (repeat the parameter, at most {MAX_IDS})."),
    ] = None,
) -> FinancingSummaryPage:
    if cooperative_id:
        if len(cooperative_id) > MAX_IDS:
            raise ValidationProblem.for_field(
                "query.cooperative_id", f"at most {MAX_IDS} ids per call", "too_many"
            )
        return FinancingSummaryPage(items=await service.summaries(repo, cooperative_id))
    after = cursor_id(page)
    return await service.page_of_all(repo, after=after, limit=page.limit)
