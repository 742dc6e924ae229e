"""Contracts for both parties: the list (by state), one contract with its milestones and
deliveries; the cooperative gives notice of a delivery and disputes a rejection, the offtaker
accepts or rejects what was delivered (a rejection with its reason); disputes listed and
followed to their settlement, which the offtaker may concede (the marketplace's mediator
settles the others)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from console.api import Api
from console.errors import PageNotFound
from console.forms import verified_form
from console.i18n import N_
from console.market import names
from console.market.common import command, found, optional, show, typed
from console.market.proposals import side
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form
from kopmod_shared.schemas.market_deals import DeliveryOut, DeliveryStatus, DisputeOut
from kopmod_shared.schemas.market_views import DisputeStatus
from kopmod_shared.schemas.marketplace import ContractStatus

router = APIRouter(include_in_schema=False)
Party = Depends(role_required("cooperative", "offtaker"))
STATES = tuple(s.value for s in ContractStatus)


@router.get("/market/contracts")
async def list_contracts(
    request: Request, person: Person = Party, api: Api = Depends(api), status: str | None = None
) -> Response:
    wanted = ContractStatus(status) if status in STATES else None
    await names.load(api.marketplace)
    return show(
        request,
        "market/contracts.html",
        title=N_("Contracts"),
        contracts=await api.marketplace.contracts(status=wanted),
        states=STATES,
        wanted=wanted,
        me=side(person),
    )


async def _page(
    request: Request, person: Person, api: Api, contract_id: str, form: Form | None = None
) -> Response:
    await names.load(api.marketplace)
    contract = await found(api.marketplace.contract(contract_id))
    deliveries = await api.marketplace.contract_deliveries(contract.id)
    disputes = await api.marketplace.contract_disputes(contract.id)
    disputed = {d.delivery_id for d in disputes}
    # One answer at a time: the oldest delivery waiting for the offtaker, the oldest rejection
    # not yet disputed (each form's fields are unique on the page).
    waiting = next((d for d in deliveries if d.status is DeliveryStatus.notified), None)
    contestable = next(
        (
            d
            for d in deliveries
            if d.status is not DeliveryStatus.notified
            and d.quantity_accepted != d.quantity_delivered
            and d.id not in disputed
        ),
        None,
    )
    return show(
        request,
        "market/contract.html",
        title=N_("Contract"),
        c=contract,
        deliveries=deliveries,
        disputes=disputes,
        waiting=waiting,
        contestable=contestable,
        me=side(person),
        today=date.today().isoformat(),
        form=form or Form(values={"delivered_on": date.today().isoformat()}),
    )


@router.get("/market/contracts/{contract_id}")
async def contract(
    request: Request, contract_id: str, person: Person = Party, api: Api = Depends(api)
) -> Response:
    return await _page(request, person, api, contract_id)


@router.post("/market/contracts/{contract_id}/delivery")
async def notify_delivery(
    request: Request,
    contract_id: str,
    person: Person = Depends(role_required("cooperative")),
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    async def page(form: Form) -> Response:
        return await _page(request, person, api, contract_id, form)

    body = {
        "delivered_on": optional(form, "delivered_on"),
        "quantity_delivered": optional(form, "quantity_delivered", numeric=True),
        "note": optional(form, "note"),
    }
    return await command(
        request,
        person,
        api,
        form,
        method="POST",
        path=f"/v1/contracts/{contract_id}/delivery-notices",
        body=body,
        fields={k: k for k in body},
        answer=DeliveryOut,
        then=lambda d: f"/market/contracts/{contract_id}",
        page=page,
    )


@router.post("/market/contracts/{contract_id}/deliveries/{delivery_id}/{answer}")
async def answer_delivery(
    request: Request,
    contract_id: str,
    delivery_id: str,
    answer: str,
    person: Person = Party,
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    """The offtaker's ``accept`` or ``reject``; the cooperative's ``dispute`` of a rejection."""

    async def page(form: Form) -> Response:
        return await _page(request, person, api, contract_id, form)

    answered: type[DeliveryOut] | type[DisputeOut] = DeliveryOut
    if answer == "accept":
        path = f"/v1/deliveries/{delivery_id}/accept"
        body = {
            "quantity_accepted": optional(form, "accept_quantity", numeric=True),
            "grade_at_receipt": optional(form, "accept_grade"),
            "rejection_reason": optional(form, "accept_reason"),
        }
        fields = {
            "quantity_accepted": "accept_quantity",
            "grade_at_receipt": "accept_grade",
            "rejection_reason": "accept_reason",
        }
    elif answer == "reject":
        path = f"/v1/deliveries/{delivery_id}/reject"
        body = {
            "rejection_reason": optional(form, "reject_reason") or "",
            "grade_at_receipt": optional(form, "reject_grade"),
        }
        fields = {"rejection_reason": "reject_reason", "grade_at_receipt": "reject_grade"}
    elif answer == "dispute":
        path = f"/v1/deliveries/{delivery_id}/disputes"
        body = {
            "reason": optional(form, "reason") or "",
            "claimed_quantity": optional(form, "claimed_quantity", numeric=True),
        }
        fields = {"reason": "reason", "claimed_quantity": "claimed_quantity"}
        answered = DisputeOut
    else:
        return await page(Form())
    return await command(
        request,
        person,
        api,
        form,
        method="POST",
        path=path,
        body={k: v for k, v in body.items() if v is not None},
        answer=answered,
        fields=fields,
        then=lambda d: f"/market/contracts/{contract_id}",
        page=page,
    )


@router.get("/market/disputes")
async def list_disputes(
    request: Request,
    person: Person = Party,
    api: Api = Depends(api),
    status: str | None = None,
) -> Response:
    wanted = DisputeStatus(status) if status in ("open", "resolved") else None
    await names.load(api.marketplace)
    page = await api.marketplace.disputes(status=wanted, limit=100)
    return show(
        request,
        "market/disputes.html",
        title=N_("Disputes"),
        disputes=page.items,
        wanted=wanted,
        states=("open", "resolved"),
    )


async def _dispute_page(
    request: Request, person: Person, api: Api, dispute_id: str, form: Form | None = None
) -> Response:
    await names.load(api.marketplace)
    try:
        wanted = UUID(dispute_id)
    except ValueError as exc:
        raise PageNotFound from exc
    d = await found(api.marketplace.dispute(wanted))
    return show(
        request,
        "market/dispute.html",
        title=N_("Dispute"),
        d=d,
        me=side(person),
        form=form or Form(values={"awarded_quantity": typed(d.claimed_quantity)}),
    )


@router.get("/market/disputes/{dispute_id}")
async def dispute(
    request: Request, dispute_id: str, person: Person = Party, api: Api = Depends(api)
) -> Response:
    return await _dispute_page(request, person, api, dispute_id)


@router.post("/market/disputes/{dispute_id}/resolve")
async def resolve_dispute(
    request: Request,
    dispute_id: str,
    person: Person = Depends(role_required("offtaker")),
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    """The offtaker concedes: ``awarded_quantity`` of the claim becomes accepted (0 upholds
    the rejection), with the settlement in words."""

    async def page(form: Form) -> Response:
        return await _dispute_page(request, person, api, dispute_id, form)

    body = {
        "resolution": optional(form, "resolution") or "",
        "awarded_quantity": optional(form, "awarded_quantity", numeric=True),
    }
    return await command(
        request,
        person,
        api,
        form,
        method="POST",
        path=f"/v1/disputes/{dispute_id}/resolve",
        body=body,
        answer=DisputeOut,
        fields={"resolution": "resolution", "awarded_quantity": "awarded_quantity"},
        then=lambda d: f"/market/disputes/{dispute_id}",
        page=page,
    )
