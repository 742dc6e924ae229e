"""Demand over HTTP: post, list, read, and the offtaker's publish, cancel and close."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends, Query, Request, Response

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import OptionalPrincipalDep, Principal, Role, require_roles
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import (
    AUTH_ERRORS,
    InvalidTransition,
    NotFound,
    ValidationProblem,
    responses,
)
from kopmod_shared.pagination import Page, PageParams, cursor_id, make_page, page_params
from marketplace.common import can_read_all
from marketplace.demands import service
from marketplace.demands.repository import DemandRepository
from marketplace.demands.schemas import DemandCreate, DemandOut, DemandStatus
from marketplace.offtakers import service as offtakers
from marketplace.offtakers.repository import OfftakerRepository

router = KopmodRouter(tags=["demands"])
# admin too: it enters demands on behalf of an offtaker (naming it), as before.
OfftakerDep = Annotated[Principal, Depends(require_roles(Role.offtaker, Role.admin))]


async def _repo(session: SessionDep) -> DemandRepository:
    return DemandRepository(session)


RepoDep = Annotated[DemandRepository, Depends(_repo)]


@router.post(
    "/v1/demands",
    response_model=DemandOut,
    status_code=201,
    summary="Post a demand (offtaker)",
    description=(
        "What the offtaker needs: commodity, minimum grade, quantity in any unit the commodity "
        "allows (stored in its base unit), minimum lot per supplier, delivery window and place, "
        "price terms (fixed, floor-ceiling range, or formula), payment terms, certifications, "
        "domestic or export, Incoterm 2020 with its named place, recurrence. It opens at once "
        "(event `marketplace.demand.posted`) unless `draft` is true. A delivery place outside "
        "Indonesia is only accepted for `market: export`."
    ),
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def post_demand(
    data: DemandCreate,
    principal: OfftakerDep,
    session: SessionDep,
    request: Request,
    response: Response,
) -> DemandOut:
    offtaker = await offtakers.require_own(OfftakerRepository(session), principal)
    demand = await service.create(
        session,
        offtaker=offtaker,
        data=data,
        default_radius_km=request.app.state.settings.default_radius_km,
    )
    response.headers["Location"] = f"/v1/demands/{demand.id}"
    return service.to_out(demand, principal)


@router.get(
    "/v1/demands",
    response_model=Page[DemandOut],
    summary="List demands",
    description=(
        "Without a token (or as a cooperative): open demands, with price terms hidden where the "
        "offtaker marked them private. An offtaker sees its own demands in every status; admin and "
        "partners with `marketplace:read` see all."
    ),
    responses=responses(ValidationProblem),
)
async def list_demands(
    principal: OptionalPrincipalDep,
    repo: RepoDep,
    page: Annotated[PageParams, Depends(page_params)],
    commodity_code: Annotated[str | None, Query(max_length=40)] = None,
    status: Annotated[DemandStatus | None, Query()] = None,
) -> Page[DemandOut]:
    after = cursor_id(page)
    statuses = [status.value] if status else None
    if principal is not None and principal.role is Role.offtaker:
        rows = await repo.page(
            page.limit,
            after,
            offtaker_id=principal.org_id,
            commodity_code=commodity_code,
            statuses=statuses,
        )
    elif can_read_all(principal):
        rows = await repo.page(page.limit, after, commodity_code=commodity_code, statuses=statuses)
    else:
        rows = await repo.page(
            page.limit,
            after,
            open_only_on=service.today(),
            commodity_code=commodity_code,
            statuses=statuses,
        )
    items, cursor = make_page(rows, page.limit, lambda d: (d.id,))
    return Page[DemandOut](items=[service.to_out(d, principal) for d in items], next_cursor=cursor)


@router.get(
    "/v1/demands/{demand_id}",
    response_model=DemandOut,
    summary="Read a demand",
    description="An open demand is public (price per its privacy); others only for their offtaker.",
    responses=responses(NotFound),
)
async def get_demand(demand_id: UUID, principal: OptionalPrincipalDep, repo: RepoDep) -> DemandOut:
    return service.to_out(await service.get_visible(repo, principal, demand_id), principal)


def _transition_route(action: str, summary: str) -> None:
    async def endpoint(demand_id: UUID, principal: OfftakerDep, session: SessionDep) -> DemandOut:
        demand = await service.transition(session, principal, demand_id, action)
        return service.to_out(demand, principal)

    endpoint.__name__ = f"{action}_demand"
    router.add_api_route(
        f"/v1/demands/{{demand_id}}/{action}",
        endpoint,
        methods=["POST"],
        response_model=DemandOut,
        summary=summary,
        responses=responses(*AUTH_ERRORS, NotFound, InvalidTransition),
    )


_transition_route("publish", "Open a draft demand (its offtaker)")
_transition_route("cancel", "Cancel a demand nothing has been committed to (its offtaker)")
_transition_route("close", "Close a demand: no further allocation (its offtaker)")
