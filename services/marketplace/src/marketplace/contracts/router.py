"""Contracts over HTTP: list, read, summary for other services, cancel, terminate; deliveries
(the cooperative's notice, the offtaker's acceptance or rejection, or its record in one step),
disputes, their history and resolution; a cooperative's fulfilment and an offtaker's per
cooperative."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated
from uuid import UUID

from fastapi import Body, Depends, Query, Response

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
from kopmod_shared.schemas.market_views import (
    DisputeDetail,
    DisputeStatus,
    DisputeViewPage,
    OfftakerFulfilment,
)
from kopmod_shared.schemas.marketplace import ContractStatus, ContractSummary
from marketplace.common import READ_SCOPE
from marketplace.contracts import deliveries, disputes, fulfilment, service
from marketplace.contracts.repository import ContractRepository
from marketplace.contracts.schemas import (
    ContractOut,
    CooperativeFulfilment,
    DeliveryCreate,
    DeliveryNoticeCreate,
    DeliveryOut,
    DeliveryReceipt,
    DeliveryRejection,
    DeliveryStatus,
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


async def _repo(session: SessionDep) -> ContractRepository:
    return ContractRepository(session)


RepoDep = Annotated[ContractRepository, Depends(_repo)]


@router.get(
    "/v1/contracts",
    response_model=Page[ContractOut],
    summary="List contracts (parties see their own; readers all)",
    description=(
        "Newest last (by id). Filter by `status` (repeatable) and by `counterparty_id`. Each "
        "contract carries its milestones with what was delivered and accepted against each."
    ),
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_contracts(
    principal: ReaderDep,
    repo: RepoDep,
    page: Annotated[PageParams, Depends(page_params)],
    status: Annotated[
        list[ContractStatus] | None, Query(description="Only contracts in these states.")
    ] = None,
    counterparty_id: Annotated[
        UUID | None,
        Query(
            description="Only contracts with this other party: an offtaker's id for a "
            "cooperative, a cooperative's id for an offtaker (readers: either)."
        ),
    ] = None,
) -> Page[ContractOut]:
    after = cursor_id(page)
    filters = service.list_filters(principal, counterparty_id)
    rows = await repo.page(page.limit, after, statuses=[s.value for s in status or ()], **filters)
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
    "/v1/contracts/{contract_id}/delivery-notices",
    response_model=DeliveryOut,
    status_code=201,
    summary="Give notice of a delivery (the cooperative); the offtaker then accepts or rejects it",
    description=(
        "Against a milestone (the earliest open one if omitted): the date and the quantity "
        "handed over, with a note. Nothing counts on the contract until the offtaker answers "
        "(`POST /v1/deliveries/{id}/accept` or `/reject`), but the quantity is held: notices "
        "never exceed what the contract has left. Publishes `marketplace.delivery.notified`."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, InvalidTransition, ValidationProblem),
)
async def notify_delivery(
    contract_id: UUID,
    data: DeliveryNoticeCreate,
    principal: PartyDep,
    session: SessionDep,
    response: Response,
) -> DeliveryOut:
    delivery = await deliveries.notify_delivery(session, principal, contract_id, data)
    response.headers["Location"] = f"/v1/deliveries/{delivery.id}"
    return DeliveryOut.model_validate(delivery)


@router.get(
    "/v1/deliveries",
    response_model=Page[DeliveryOut],
    summary="Deliveries of the caller's contracts (e.g. `status=notified`: awaiting the offtaker)",
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_all_deliveries(
    principal: ReaderDep,
    repo: RepoDep,
    page: Annotated[PageParams, Depends(page_params)],
    status: Annotated[DeliveryStatus | None, Query()] = None,
) -> Page[DeliveryOut]:
    rows = await repo.delivery_page(
        page.limit,
        cursor_id(page),
        status=status.value if status else None,
        **disputes.own_filters(principal),
    )
    items, cursor = make_page(rows, page.limit, lambda d: (d.id,))
    return Page[DeliveryOut](
        items=[DeliveryOut.model_validate(d) for d in items], next_cursor=cursor
    )


@router.get(
    "/v1/deliveries/{delivery_id}",
    response_model=DeliveryOut,
    summary="Read a delivery (a party of its contract, readers)",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_delivery(delivery_id: UUID, principal: ReaderDep, repo: RepoDep) -> DeliveryOut:
    return DeliveryOut.model_validate(
        await deliveries.visible_delivery(repo, principal, delivery_id)
    )


@router.post(
    "/v1/deliveries/{delivery_id}/accept",
    response_model=DeliveryOut,
    summary="Accept a noticed delivery, all or part (the offtaker)",
    description=(
        "Omit `quantity_accepted` to accept everything; accepting less needs the "
        "`rejection_reason`. The accepted quantity counts on the milestones, "
        "`marketplace.delivery.recorded` is published (a closed-loop loan is repaid from its "
        "`accepted_value`), and the contract completes when everything is accepted. 409 "
        "`invalid-transition` once answered."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, InvalidTransition, ValidationProblem),
)
async def accept_delivery(
    delivery_id: UUID,
    principal: PartyDep,
    session: SessionDep,
    data: Annotated[DeliveryReceipt | None, Body()] = None,
) -> DeliveryOut:
    _, delivery = await deliveries.receive(
        session, principal, delivery_id, data or DeliveryReceipt()
    )
    return DeliveryOut.model_validate(delivery)


@router.post(
    "/v1/deliveries/{delivery_id}/reject",
    response_model=DeliveryOut,
    summary="Reject a noticed delivery, with the reason (the offtaker)",
    description="Nothing is accepted; the cooperative may dispute the rejection.",
    responses=responses(*AUTH_ERRORS, NotFound, InvalidTransition, ValidationProblem),
)
async def reject_delivery(
    delivery_id: UUID, data: DeliveryRejection, principal: PartyDep, session: SessionDep
) -> DeliveryOut:
    receipt = DeliveryReceipt(
        quantity_accepted=Decimal(0),
        grade_at_receipt=data.grade_at_receipt,
        rejection_reason=data.rejection_reason,
    )
    _, delivery = await deliveries.receive(session, principal, delivery_id, receipt)
    return DeliveryOut.model_validate(delivery)


@router.get(
    "/v1/disputes",
    response_model=DisputeViewPage,
    summary="Disputes over the caller's deliveries (parties see their own; readers all)",
    description="By id; `status=open` keeps those still waiting for a settlement.",
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_my_disputes(
    principal: ReaderDep,
    repo: RepoDep,
    page: Annotated[PageParams, Depends(page_params)],
    status: Annotated[DisputeStatus | None, Query()] = None,
) -> DisputeViewPage:
    rows = await repo.dispute_page(
        page.limit,
        cursor_id(page),
        status=status.value if status else None,
        **disputes.own_filters(principal),
    )
    items, cursor = make_page(rows, page.limit, lambda r: (r[0].id,))
    return DisputeViewPage(items=[disputes.to_view(d, c) for d, c in items], next_cursor=cursor)


@router.get(
    "/v1/disputes/{dispute_id}",
    response_model=DisputeDetail,
    summary="Read a dispute with the delivery it is about and its history",
    description=(
        "History, oldest first: the delivery as received (with the rejection reason), the "
        "claim, and the settlement (by the offtaker conceding or the platform's mediator)."
    ),
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_dispute(dispute_id: UUID, principal: ReaderDep, session: SessionDep) -> DisputeDetail:
    return await disputes.detail(session, principal, dispute_id)


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
    "/v1/offtakers/{offtaker_id}/fulfilment",
    response_model=OfftakerFulfilment,
    summary="An offtaker's suppliers: what each cooperative delivered, per commodity",
    description=(
        "Over the offtaker's signed contracts, per cooperative and commodity: contracts, "
        "quantities contracted, due by today and accepted (in the commodity's base unit), "
        "values at the contract prices, and the fulfilment rate (accepted over due, capped at "
        "1; null while nothing is due). Lowest rate first. Only the offtaker itself and "
        "readers: another offtaker's id answers 404."
    ),
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def offtaker_fulfilment(
    offtaker_id: UUID, principal: ReaderDep, session: SessionDep
) -> OfftakerFulfilment:
    return await fulfilment.for_offtaker(session, principal, offtaker_id)


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
