"""Supply offers over HTTP: offer (the registry confirms the cooperative is active), list, read,
change, withdraw."""

from __future__ import annotations

import json
from typing import Annotated
from uuid import UUID

from fastapi import Depends, Request, Response
from sqlalchemy import bindparam, func, literal_column, select

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.clients.registry import RegistryClient
from kopmod_shared.db import DriverQuery, SessionDep
from kopmod_shared.deferred import defer_inserts
from kopmod_shared.errors import (
    AUTH_ERRORS,
    BusinessRuleViolation,
    Forbidden,
    InvalidTransition,
    NotFound,
    UpstreamUnavailable,
    ValidationProblem,
    responses,
)
from kopmod_shared.idempotency import HEADER
from kopmod_shared.pagination import Page, PageParams, cursor_id, make_page, page_params
from kopmod_shared.schemas.registry import CooperativeStatus, CooperativeSummary
from marketplace.common import READ_SCOPE, can_read_all
from marketplace.models import idempotency_keys
from marketplace.offers import service
from marketplace.offers.cooperatives import ActiveCooperatives
from marketplace.offers.repository import OfferRepository
from marketplace.offers.schemas import OfferCreate, OfferOut, OfferUpdate

router = KopmodRouter(tags=["offers"])
# admin too: it enters offers on behalf of a cooperative (naming it), as before.
CooperativeDep = Annotated[Principal, Depends(require_roles(Role.cooperative, Role.admin))]
ReaderDep = Annotated[
    Principal,
    Depends(
        require_roles(Role.cooperative, Role.service, Role.partner, Role.admin, scopes=[READ_SCOPE])
    ),
]


async def _repo(session: SessionDep) -> OfferRepository:
    return OfferRepository(session)


RepoDep = Annotated[OfferRepository, Depends(_repo)]


# One statement on an autocommit connection (no BEGIN, no rollback), prepared once.
_ANSWERED = DriverQuery(
    select(literal_column("1").label("found")).where(
        idempotency_keys.c.client_id == bindparam("client_id"),
        idempotency_keys.c.key == bindparam("key"),
        idempotency_keys.c.expires_at > func.now(),
    )
)


async def _already_answered(request: Request, client_id: str) -> bool:
    """A stored response exists for this Idempotency-Key: the retry replays, no registry call."""
    key = (request.headers.get(HEADER) or "").strip()
    if not key:
        return False
    async with request.app.state.read_engine.connect() as conn:
        found = await _ANSWERED.fetchrow(conn, client_id=client_id, key=key)
    return found is not None


async def offering_cooperative(
    request: Request, principal: CooperativeDep
) -> CooperativeSummary | None:
    """The offering cooperative as the registry knows it, active.

    A route dependency that runs before the idempotency check, so no database transaction is open
    while the registry is called. An active answer is kept for a short while
    (``marketplace.offers.cooperatives``): a cooperative known active asks nothing, not even
    whether the request is a replay (the idempotency check replays it). ``None`` only when the
    request is a replay of a cooperative not kept.
    """
    cooperative_id = await _offering_id(request, principal)
    kept: ActiveCooperatives = request.app.state.cooperatives
    cooperative = kept.get(cooperative_id)
    if cooperative is not None:
        return cooperative
    if await _already_answered(request, principal.client_id):
        return None
    registry: RegistryClient = request.app.state.registry
    try:
        cooperative = await registry.get_cooperative(cooperative_id)
    except NotFound:
        raise ValidationProblem.for_field(
            "body.cooperative_id",
            f"the registry knows no cooperative {cooperative_id}",
            "unknown_cooperative",
        )
    if cooperative.status is not CooperativeStatus.active:
        raise BusinessRuleViolation(
            f"cooperative {cooperative.name} is {cooperative.status.value} in the registry; "
            "only an active cooperative may offer supply",
            field="cooperative_id",
        )
    kept.keep(cooperative)
    return cooperative


async def _offering_id(request: Request, principal: Principal) -> UUID:
    """The cooperative the offer is for: the caller's own, or the one an admin names."""
    try:
        body = json.loads(await request.body() or b"{}")
    except ValueError:
        body = {}
    raw = body.get("cooperative_id") if isinstance(body, dict) else None
    if principal.role is Role.cooperative:
        if raw is not None and str(raw) != str(principal.org_id):
            raise Forbidden("a cooperative may only offer its own supply")
        assert principal.org_id is not None
        return principal.org_id
    try:
        cooperative_id = UUID(str(raw)) if raw else None
    except ValueError:
        cooperative_id = None
    if cooperative_id is None:
        raise ValidationProblem.for_field(
            "body.cooperative_id", "name the cooperative this offer is for", "missing"
        )
    return cooperative_id


CooperativeSummaryDep = Annotated[CooperativeSummary | None, Depends(offering_cooperative)]


@router.post(
    "/v1/offers",
    response_model=OfferOut,
    status_code=201,
    summary="Offer supply (cooperative)",
    description=(
        "What the cooperative can supply: commodity, grade, quantity per period (stored in the "
        "base unit), minimum order and order multiple, window, location (the cooperative's own "
        "from the registry when omitted), asking price per base unit, certifications held. A "
        "weekly or monthly offer supplies its quantity in every period of the window "
        "(`periods`, `capacity_total`), and no contract schedule may put more than that "
        "quantity into one period. The "
        "registry must know the cooperative as active; when the registry cannot be reached the "
        "answer is 503 `upstream-unavailable` and nothing is stored."
    ),
    responses=responses(
        *AUTH_ERRORS, ValidationProblem, BusinessRuleViolation, UpstreamUnavailable
    ),
    dependencies=[Depends(offering_cooperative)],
)
async def post_offer(
    data: OfferCreate,
    principal: CooperativeDep,
    cooperative: CooperativeSummaryDep,
    session: SessionDep,
    response: Response,
) -> OfferOut:
    assert cooperative is not None  # a replay never reaches the endpoint
    # The offer, its certifications and the idempotency record: one statement at the commit.
    defer_inserts(session)
    offer = await service.create(session, cooperative=cooperative, data=data)
    response.headers["Location"] = f"/v1/offers/{offer.id}"
    return service.to_out(offer)


@router.get(
    "/v1/offers",
    response_model=Page[OfferOut],
    summary="List supply offers",
    description="A cooperative sees its own; admin and partners with `marketplace:read` see all.",
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_offers(
    principal: ReaderDep, repo: RepoDep, page: Annotated[PageParams, Depends(page_params)]
) -> Page[OfferOut]:
    own = None if can_read_all(principal) else principal.org_id
    rows = await repo.page(page.limit, cursor_id(page), cooperative_id=own)
    items, cursor = make_page(rows, page.limit, lambda o: (o.id,))
    return Page[OfferOut](items=[service.to_out(o) for o in items], next_cursor=cursor)


@router.get(
    "/v1/offers/{offer_id}",
    response_model=OfferOut,
    summary="Read a supply offer (its cooperative, admin, readers)",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_offer(offer_id: UUID, principal: ReaderDep, repo: RepoDep) -> OfferOut:
    return service.to_out(await service.get_visible(repo, principal, offer_id))


@router.patch(
    "/v1/offers/{offer_id}",
    response_model=OfferOut,
    summary="Change an open supply offer (its cooperative): price, quantity, lots, grade, window",
    description=(
        "Only what is sent changes. What accepted proposals committed stays committed: the "
        "quantity may not fall below it (422 `below_committed`), and while anything is "
        "committed the grade and window cannot change (409 `offer-committed`: withdraw and post "
        "a new offer). Open proposals keep the terms they were made with. A withdrawn, "
        "committed or expired offer cannot change (409)."
    ),
    responses=responses(
        *AUTH_ERRORS, NotFound, InvalidTransition, service.OfferCommitted, ValidationProblem
    ),
)
async def update_offer(
    offer_id: UUID, data: OfferUpdate, principal: CooperativeDep, session: SessionDep
) -> OfferOut:
    return service.to_out(await service.update(session, principal, offer_id, data))


@router.post(
    "/v1/offers/{offer_id}/withdraw",
    response_model=OfferOut,
    summary="Withdraw an offer (its cooperative); committed quantities stay with their contracts",
    responses=responses(*AUTH_ERRORS, NotFound, InvalidTransition),
)
async def withdraw_offer(offer_id: UUID, principal: CooperativeDep, repo: RepoDep) -> OfferOut:
    return service.to_out(await service.withdraw(repo, principal, offer_id))
