"""Contracts over HTTP: list, read, summary for other services, cancel, terminate; deliveries,
disputes and their resolution; a cooperative's fulfilment."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends, Response

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import (
    AUTH_ERRORS,
    Conflict,
    InvalidTransition,
    NotFound,
    ValidationProblem,
    responses,
)
from kopmod_shared.pagination import Page, PageDep, PageParams, cursor_id, make_page, page_params
from kopmod_shared.schemas.marketplace import ContractSummary
from marketplace.common import READ_SCOPE, can_read_all
from marketplace.contracts import deliveries, service
from marketplace.contracts.repository import ContractRepository
from marketplace.contracts.schemas import (
    ContractOut,
    CooperativeFulfilment,
    DeliveryCreate,
    DeliveryOut,
    DisputeCreate,
    DisputeOut,
    DisputeResolution,
    Ending,
)

router = KopmodRouter(tags=["contracts"])
ReaderDep = Annotated[
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
PartyDep = Annotated[Principal, Depends(require_roles(Role.cooperative, Role.offtaker, Role.admin))]


def _repo(session: SessionDep) -> ContractRepository:
    return ContractRepository(session)


RepoDep = Annotated[ContractRepository, Depends(_repo)]


@router.get(
    "/v1/contracts",
    response_model=Page[ContractOut],
    summary="List contracts (parties see their own; readers all)",
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_contracts(
    principal: ReaderDep, repo: RepoDep, page: Annotated[PageParams, Depends(page_params)]
) -> Page[ContractOut]:
    after = cursor_id(page)
    filters: dict[str, UUID | None] = {}
    if not can_read_all(principal):
        key = "cooperative_id" if principal.role is Role.cooperative else "offtaker_id"
        filters[key] = principal.org_id
    rows = await repo.page(page.limit, after, **filters)
    items, cursor = make_page(rows, page.limit, lambda c: (c.id,))
    return Page[ContractOut](items=[service.to_out(c) for c in items], next_cursor=cursor)


@router.get(
    "/v1/contracts/{contract_id}",
    response_model=ContractOut,
    summary="Read a contract with its schedule and fulfilment",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_contract(contract_id: UUID, principal: ReaderDep, repo: RepoDep) -> ContractOut:
    return service.to_out(await service.get_visible(repo, principal, contract_id))


@router.get(
    "/v1/contracts/{contract_id}/summary",
    response_model=ContractSummary,
    summary="Contract summary for other services (e.g. financing: evidence of a secured market)",
    description="Parties, status, value, delivered so far, remaining value and the schedule.",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def contract_summary(
    contract_id: UUID, principal: ReaderDep, repo: RepoDep
) -> ContractSummary:
    return service.summary(await service.get_visible(repo, principal, contract_id))


@router.post(
    "/v1/contracts/{contract_id}/cancel",
    response_model=ContractOut,
    summary="Cancel a pending contract (either party); committed quantities are released",
    responses=responses(*AUTH_ERRORS, NotFound, InvalidTransition),
)
async def cancel_contract(
    contract_id: UUID, data: Ending, principal: PartyDep, session: SessionDep
) -> ContractOut:
    return service.to_out(await service.cancel(session, principal, contract_id, data.reason))


@router.post(
    "/v1/contracts/{contract_id}/terminate",
    response_model=ContractOut,
    summary="Terminate an active contract early (either party), with the reason",
    responses=responses(*AUTH_ERRORS, NotFound, InvalidTransition),
)
async def terminate_contract(
    contract_id: UUID, data: Ending, principal: PartyDep, session: SessionDep
) -> ContractOut:
    return service.to_out(await service.terminate(session, principal, contract_id, data.reason))


@router.post(
    "/v1/contracts/{contract_id}/deliveries",
    response_model=DeliveryOut,
    status_code=201,
    summary="Record a delivery received (the offtaker)",
    description=(
        "Against a milestone: quantity delivered, quantity accepted, grade at receipt, and the "
        "reason for any rejection. Partial deliveries are normal; delivering more than the "
        "contract has left to accept is refused. The contract completes when everything is "
        "accepted (`marketplace.contract.completed`)."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, InvalidTransition, ValidationProblem),
)
async def record_delivery(
    contract_id: UUID,
    data: DeliveryCreate,
    principal: PartyDep,
    session: SessionDep,
    response: Response,
) -> DeliveryOut:
    _, delivery = await deliveries.record_delivery(session, principal, contract_id, data)
    response.headers["Location"] = f"/v1/contracts/{contract_id}/deliveries"
    return DeliveryOut.model_validate(delivery)


@router.get(
    "/v1/contracts/{contract_id}/deliveries",
    response_model=Page[DeliveryOut],
    summary="Deliveries of a contract, by delivery date",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_deliveries(
    contract_id: UUID, principal: ReaderDep, repo: RepoDep, page: PageDep
) -> Page[DeliveryOut]:
    contract = await service.get_visible(repo, principal, contract_id)
    rows, cursor = await repo.deliveries(contract.id, page)
    return Page[DeliveryOut](
        items=[DeliveryOut.model_validate(d) for d in rows], next_cursor=cursor
    )


@router.post(
    "/v1/deliveries/{delivery_id}/disputes",
    response_model=DisputeOut,
    status_code=201,
    summary="Dispute a rejection or downgrade at receipt (a party)",
    responses=responses(*AUTH_ERRORS, NotFound, Conflict, ValidationProblem),
)
async def open_dispute(
    delivery_id: UUID, data: DisputeCreate, principal: PartyDep, session: SessionDep
) -> DisputeOut:
    return DisputeOut.model_validate(
        await deliveries.open_dispute(session, principal, delivery_id, data)
    )


@router.get(
    "/v1/contracts/{contract_id}/disputes",
    response_model=Page[DisputeOut],
    summary="Disputes of a contract, oldest first",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_disputes(
    contract_id: UUID, principal: ReaderDep, repo: RepoDep, page: PageDep
) -> Page[DisputeOut]:
    contract = await service.get_visible(repo, principal, contract_id)
    rows, cursor = await repo.disputes(contract.id, page)
    return Page[DisputeOut](items=[DisputeOut.model_validate(d) for d in rows], next_cursor=cursor)


@router.post(
    "/v1/disputes/{dispute_id}/resolve",
    response_model=DisputeOut,
    summary="Resolve a dispute (the platform's mediator, or the offtaker conceding)",
    description="`awarded_quantity` of the claim becomes accepted; 0 upholds the rejection.",
    responses=responses(*AUTH_ERRORS, NotFound, InvalidTransition, ValidationProblem),
)
async def resolve_dispute(
    dispute_id: UUID,
    data: DisputeResolution,
    principal: Annotated[
        Principal, Depends(require_roles(Role.offtaker, Role.cooperative, Role.admin))
    ],
    session: SessionDep,
) -> DisputeOut:
    return DisputeOut.model_validate(
        await deliveries.resolve_dispute(session, principal, dispute_id, data)
    )


@router.get(
    "/v1/cooperatives/{cooperative_id}/fulfilment",
    response_model=CooperativeFulfilment,
    summary="A cooperative's delivery reliability across its contracts",
    description="Feeds the `reliability` factor of matching scores.",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def cooperative_fulfilment(
    cooperative_id: UUID, principal: ReaderDep, session: SessionDep
) -> CooperativeFulfilment:
    return await service.cooperative_fulfilment(session, principal, cooperative_id)
