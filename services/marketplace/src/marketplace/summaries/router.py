"""Market summaries over HTTP, for the registry's scorecard and the programme view."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends, Query

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, Forbidden, NotFound, ValidationProblem, responses
from kopmod_shared.pagination import PageParams, cursor_id, page_params
from marketplace.common import READ_SCOPE
from marketplace.summaries import service
from marketplace.summaries.repository import SummaryRepository
from marketplace.summaries.schemas import MAX_IDS, MarketSummary, MarketSummaryPage

router = KopmodRouter(tags=["summaries"])

Reader = Annotated[
    Principal,
    Depends(
        require_roles(
            Role.service,
            Role.ministry,
            Role.cooperative,
            Role.partner,
            Role.admin,
            scopes=[READ_SCOPE],
        )
    ),
]
ProgrammeReader = Annotated[
    Principal,
    Depends(
        require_roles(Role.service, Role.ministry, Role.partner, Role.admin, scopes=[READ_SCOPE])
    ),
]


async def _repo(session: SessionDep) -> SummaryRepository:
    return SummaryRepository(session)


RepoDep = Annotated[SummaryRepository, Depends(_repo)]


@router.get(
    "/v1/cooperatives/{cooperative_id}/market-summary",
    response_model=MarketSummary,
    summary="A cooperative's market record: contracts, offtakers, value, fulfilment",
    description=(
        "Contracts by status; of the signed ones (active, completed, terminated): domestic and "
        "export, active, distinct offtakers, contracted and delivered value, commodities sold; "
        "and the fulfilment rate on milestones due so far. A cooperative without contracts "
        "answers zero counts. Readable by services, the ministry, admin and partners with "
        f"`{READ_SCOPE}`; a cooperative reads only its own (another id is a 404)."
    ),
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def market_summary(cooperative_id: UUID, principal: Reader, repo: RepoDep) -> MarketSummary:
    return await service.summary_of(repo, principal, cooperative_id)


@router.get(
    "/v1/market-summaries",
    response_model=MarketSummaryPage,
    summary="Market summaries of many cooperatives (named, or every one with a contract)",
    description=(
        f"With `cooperative_id` repeated (at most {MAX_IDS}): one summary per id, in the order "
        "asked, zero counts for a cooperative without contracts (`next_cursor` is null). "
        "Without ids: every cooperative with any contract, in id order, cursor-paginated. "
        f"For services, the ministry, admin and partners with `{READ_SCOPE}`."
    ),
    responses=responses(Forbidden, *AUTH_ERRORS, ValidationProblem),
)
async def market_summaries(
    principal: ProgrammeReader,
    repo: RepoDep,
    page: Annotated[PageParams, Depends(page_params)],
    cooperative_id: Annotated[
        list[UUID] | None,
        Query(description=f"Cooperatives to summarise (repeat the parameter, at most {MAX_IDS})."),
    ] = None,
) -> MarketSummaryPage:
    if cooperative_id:
        if len(cooperative_id) > MAX_IDS:
            raise ValidationProblem.for_field(
                "query.cooperative_id", f"at most {MAX_IDS} ids per call", "too_many"
            )
        return MarketSummaryPage(items=await service.summaries(repo, cooperative_id))
    after = cursor_id(page)
    return await service.page_of_all(repo, after=after, limit=page.limit)
