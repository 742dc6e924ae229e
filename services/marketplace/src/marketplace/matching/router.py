"""Matching over HTTP: explain a demand's best suppliers, match one demand, batch-match a
commodity, read a run and solve it again."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Body, Depends, Request, Response

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, PrincipalDep, Role, require_roles
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, NotFound, ValidationProblem, responses
from kopmod_shared.schemas.market_views import MatchingResults
from marketplace.common import MATCH_SCOPE
from marketplace.demands import service as demands
from marketplace.demands.repository import DemandRepository
from marketplace.matching import explain, service
from marketplace.matching.schemas import MatchPreview, MatchRequest, ReplayOut, RunCreate, RunOut

router = KopmodRouter(tags=["matching"])
# admin too: it enters demands on behalf of an offtaker (naming it), as before.
OfftakerDep = Annotated[Principal, Depends(require_roles(Role.offtaker, Role.admin))]
MatcherDep = Annotated[
    Principal, Depends(require_roles(Role.partner, Role.admin, scopes=[MATCH_SCOPE]))
]


@router.get(
    "/v1/demands/{demand_id}/matches",
    response_model=MatchPreview,
    summary="Explain the best suppliers for a demand (its offtaker); nothing is written",
    description=(
        "Offers of the commodity inside the demand's radius (bounding box on indexed "
        "coordinates) go through the hard filters (grade, valid certifications, window overlap, "
        "distance, minimum lot / order); each candidate gets a score with its per-factor "
        "breakdown, and the demand gets its optimal split across cooperatives (min-cost flow, "
        "minimum lots and order multiples respected). Offers a filter removed are listed with "
        "the reason."
    ),
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def preview_matches(
    demand_id: UUID, principal: OfftakerDep, session: SessionDep, request: Request
) -> MatchPreview:
    demand = await demands.get_owned(DemandRepository(session), principal, demand_id)
    return await service.preview(session, demand, request.app.state.settings)


@router.get(
    "/v1/demands/{demand_id}/matching-results",
    response_model=MatchingResults,
    summary="The latest matching run's split for a demand and why each cooperative was chosen "
    "(its offtaker)",
    description=(
        "From the newest run that matched this demand (alone, or in a batch that allocated to "
        "it): each cooperative's part (quantity and share of the demand), its delivered cost "
        "(asking price plus transport) and rank, distance, grade, capacity, reliability, the "
        "score's factors and weights, and the reasons as sentences (`reasons[].text`, with "
        "`code` and `values` for a page that words them in its own language); then up to 20 "
        "nearby offers that got nothing, with the reason. Explained from the run's recorded "
        "inputs. 404 before the demand's first run, and for another offtaker's demand."
    ),
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def matching_results(
    demand_id: UUID, principal: OfftakerDep, session: SessionDep
) -> MatchingResults:
    demand = await demands.get_owned(DemandRepository(session), principal, demand_id)
    return await explain.latest(session, demand)


@router.post(
    "/v1/demands/{demand_id}/match",
    response_model=RunOut,
    status_code=201,
    summary="Match one demand and propose the allocation to the cooperatives (its offtaker)",
    description=(
        "Records a matching run; with `propose` each allocated cooperative gets a proposal."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def match_demand(
    demand_id: UUID,
    principal: OfftakerDep,
    session: SessionDep,
    request: Request,
    response: Response,
    data: Annotated[MatchRequest | None, Body()] = None,
) -> RunOut:
    propose = data.propose if data else True
    run = await service.run_for_demand(
        session,
        principal,
        demand_id,
        request.app.state.settings,
        propose=propose,
        workers=request.app.state.matching_workers,
    )
    response.headers["Location"] = f"/v1/matching/runs/{run.id}"
    return await service.run_out(session, run)


@router.post(
    "/v1/matching/runs",
    response_model=RunOut,
    status_code=201,
    summary="Batch-match every open demand of a commodity (admin, partners with marketplace:match)",
    description=(
        "All open demands of the commodity against all its open offers in one optimisation, so "
        "scarce supply goes where it creates most value overall. The run is recorded with its "
        "inputs, parameters, objective and allocations, and can be solved again "
        "(`POST /v1/matching/runs/{id}/replay`)."
    ),
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def run_batch(
    data: RunCreate,
    principal: MatcherDep,
    session: SessionDep,
    request: Request,
    response: Response,
) -> RunOut:
    run = await service.run_for_commodity(
        session,
        principal,
        data.commodity_code,
        request.app.state.settings,
        propose=data.propose,
        workers=request.app.state.matching_workers,
    )
    response.headers["Location"] = f"/v1/matching/runs/{run.id}"
    return await service.run_out(session, run)


@router.get(
    "/v1/matching/runs/{run_id}",
    response_model=RunOut,
    summary="Read a recorded matching run",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_run(run_id: UUID, principal: PrincipalDep, session: SessionDep) -> RunOut:
    return await service.run_out(session, await service.get_run(session, principal, run_id))


@router.post(
    "/v1/matching/runs/{run_id}/replay",
    response_model=ReplayOut,
    summary="Solve a recorded run again from its stored inputs and compare",
    description="Writes nothing: shows that a run is repeatable.",
    responses=responses(*AUTH_ERRORS, NotFound),
    openapi_extra={"x-no-idempotency": True},
)
async def replay_run(run_id: UUID, principal: PrincipalDep, session: SessionDep) -> ReplayOut:
    return await service.replay(session, await service.get_run(session, principal, run_id))
