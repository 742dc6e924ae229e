"""Proposals over HTTP: list, read, accept, reject, counter, and the offtaker's confirmation that
signs the contract."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Body, Depends, Query, Request

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.db import SessionDep
from kopmod_shared.deferred import defer_inserts
from kopmod_shared.errors import (
    AUTH_ERRORS,
    Conflict,
    InvalidTransition,
    NotFound,
    ValidationProblem,
    responses,
)
from kopmod_shared.pagination import Page, PageParams, cursor_id, make_page, page_params
from marketplace.common import READ_SCOPE, can_read_all
from marketplace.contracts import service as contracts
from marketplace.contracts.schemas import ContractOut
from marketplace.contracts.service import PeriodCapacityExceeded
from marketplace.proposals import service
from marketplace.proposals.repository import ProposalRepository
from marketplace.proposals.schemas import Confirmation, Counter, Decision, ProposalOut

router = KopmodRouter(tags=["proposals"])
PartyDep = Annotated[
    Principal,
    Depends(
        require_roles(
            Role.cooperative,
            Role.offtaker,
            Role.service,
            Role.partner,
            Role.admin,
            scopes=[READ_SCOPE],
        )
    ),
]
MOVE_ERRORS = (
    *AUTH_ERRORS,
    NotFound,
    service.ProposalExpired,
    service.NotYourTurn,
    service.InsufficientQuantity,
    InvalidTransition,
    Conflict,
)


@router.get(
    "/v1/proposals",
    response_model=Page[ProposalOut],
    summary="List proposals",
    description=(
        "A cooperative sees the proposals made to it; an offtaker those on its demands; admin "
        "and partners with `marketplace:read` see all. Each names both parties and says whose "
        "turn it is (`turn`) and when the terms lapse (`expires_at`); `awaiting_me=true` keeps "
        "the open ones waiting for the caller's answer."
    ),
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_proposals(
    principal: PartyDep,
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    demand_id: Annotated[UUID | None, Query()] = None,
    awaiting_me: Annotated[
        bool,
        Query(
            description="Only the open proposals whose turn is the caller's (a cooperative's or "
            "an offtaker's), not yet expired."
        ),
    ] = False,
) -> Page[ProposalOut]:
    after = cursor_id(page)
    repo = ProposalRepository(session)
    filters: dict[str, UUID | None] = {"demand_id": demand_id}
    if not can_read_all(principal):
        key = "cooperative_id" if principal.role is Role.cooperative else "offtaker_id"
        filters[key] = principal.org_id
    awaiting = (service.awaiting_side(principal), service.now()) if awaiting_me else None
    rows = await repo.page(page.limit, after, awaiting=awaiting, **filters)
    items, cursor = make_page(rows, page.limit, lambda r: (r[0].id,))
    return Page[ProposalOut](
        items=[await service.to_out(session, r[0], (r[1], r[2])) for r in items],
        next_cursor=cursor,
    )


@router.get(
    "/v1/proposals/{proposal_id}",
    response_model=ProposalOut,
    summary="Read a proposal with its negotiation history",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_proposal(proposal_id: UUID, principal: PartyDep, session: SessionDep) -> ProposalOut:
    p = await service.get_visible(ProposalRepository(session), principal, proposal_id)
    return await service.to_out(session, p)


@router.post(
    "/v1/proposals/{proposal_id}/accept",
    response_model=ProposalOut,
    summary="Accept the terms on the table (the party whose turn it is)",
    description=(
        "Commits the quantity on the supply offer and the demand in the same transaction (row "
        "locks: an offer is never committed beyond what it has) and creates the pending "
        "contract. On a weekly or monthly offer the contract's schedule keeps every period "
        "within the offer's per-period quantity, counting the offer's other contracts: the "
        "demand's own schedule when it fits, else the quantity spread over the periods of the "
        "window (each due on its period's last day). 409 `proposal-expired` after the expiry, "
        "`insufficient-quantity` when the offer or demand no longer has the quantity, "
        "`period-capacity-exceeded` when the periods have too little room left, `not-your-turn` "
        "out of turn."
    ),
    responses=responses(*MOVE_ERRORS, PeriodCapacityExceeded),
)
async def accept_proposal(
    proposal_id: UUID,
    principal: PartyDep,
    session: SessionDep,
    data: Annotated[Decision | None, Body()] = None,
) -> ProposalOut:
    # Every write (offer, demand, proposal, history, contract and milestones, outbox event,
    # idempotency record): one statement at the commit.
    defer_inserts(session)
    a = await service.accept(session, principal, proposal_id, data.note if data else None)
    return await service.to_out(
        session, a.proposal, a.named, contract_known=True, contract_id=a.contract_id,
        history=a.history,
    )  # fmt: skip


@router.post(
    "/v1/proposals/{proposal_id}/reject",
    response_model=ProposalOut,
    summary="Reject the terms on the table (the party whose turn it is)",
    responses=responses(*MOVE_ERRORS),
)
async def reject_proposal(
    proposal_id: UUID,
    principal: PartyDep,
    session: SessionDep,
    data: Annotated[Decision | None, Body()] = None,
) -> ProposalOut:
    p = await service.reject(session, principal, proposal_id, data.note if data else None)
    return await service.to_out(session, p)


@router.post(
    "/v1/proposals/{proposal_id}/counter",
    response_model=ProposalOut,
    summary="Counter with a new quantity, price or window (the party whose turn it is)",
    description="Hands the turn to the other party and restarts the expiry clock.",
    responses=responses(*MOVE_ERRORS, ValidationProblem),
)
async def counter_proposal(
    proposal_id: UUID, data: Counter, principal: PartyDep, session: SessionDep, request: Request
) -> ProposalOut:
    # Every write (proposal, history, outbox event, idempotency record): one statement at the
    # commit.
    defer_inserts(session)
    c = await service.counter(
        session, principal, proposal_id, data, request.app.state.settings.proposal_ttl_hours
    )
    return await service.to_out(
        session, c.proposal, c.named, contract_known=True, contract_id=None, history=c.history
    )


@router.post(
    "/v1/proposals/{proposal_id}/confirm",
    response_model=ContractOut,
    summary="Confirm an accepted proposal: the partnership contract is signed (its offtaker)",
    description=(
        "Optionally with the delivery schedule (milestones) replacing the default one. On a "
        "weekly or monthly offer each milestone must fall inside the offer's window (422 "
        "`outside_offer_window`) and no period (counted from the offer's `window_start`) may "
        "hold more than the offer's per-period quantity across all its contracts: 409 "
        "`period-capacity-exceeded` naming the period, its dates and the amounts; nothing is "
        "written."
    ),
    responses=responses(*MOVE_ERRORS, ValidationProblem, PeriodCapacityExceeded),
)
async def confirm_proposal(
    proposal_id: UUID,
    principal: PartyDep,
    session: SessionDep,
    data: Annotated[Confirmation | None, Body()] = None,
) -> ContractOut:
    contract = await service.confirm(session, principal, proposal_id, data or Confirmation())
    return contracts.to_out(contract)
