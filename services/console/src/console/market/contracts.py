"""Contracts for both parties: the list (by state), one contract with its milestones and
deliveries; the cooperative gives notice of a delivery and disputes a rejection, the offtaker
accepts or rejects what was delivered; disputes followed to their settlement."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from console.api import Api
from console.forms import verified_form
from console.i18n import N_
from console.market.common import command, optional, show
from console.market.proposals import side
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form

router = APIRouter(include_in_schema=False)
Party = Depends(role_required("cooperative", "offtaker"))
STATES = ("pending", "active", "completed", "terminated", "cancelled")


@router.get("/market/contracts")
async def list_contracts(
    request: Request, person: Person = Party, api: Api = Depends(api), status: str | None = None
) -> Response:
    wanted = status if status in STATES else None
    page = await api.get("marketplace", "/v1/contracts", status=wanted, limit=100)
    return show(
        request,
        "market/contracts.html",
        title=N_("Contracts"),
        contracts=page["items"],
        states=STATES,
        wanted=wanted,
        me=side(person),
    )


async def _page(
    request: Request, person: Person, api: Api, contract_id: str, form: Form | None = None
) -> Response:
    contract: dict[str, Any] = await api.get("marketplace", f"/v1/contracts/{contract_id}")
    deliveries = await api.all("marketplace", f"/v1/contracts/{contract_id}/deliveries")
    disputes = await api.all("marketplace", f"/v1/contracts/{contract_id}/disputes")
    disputed = {d["delivery_id"] for d in disputes}
    # One answer at a time: the oldest delivery waiting for the offtaker, the oldest rejection
    # not yet disputed (each form's fields are unique on the page).
    waiting = next((d for d in deliveries if d["status"] == "notified"), None)
    contestable = next(
        (
            d
            for d in deliveries
            if d["status"] != "notified"
            and d["quantity_accepted"] != d["quantity_delivered"]
            and d["id"] not in disputed
        ),
        None,
    )
    if contestable is not None:
        contestable = contestable | {
            "rejected": str(
                Decimal(contestable["quantity_delivered"])
                - Decimal(contestable["quantity_accepted"])
            )
        }
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
        fields=fields,
        then=lambda d: f"/market/contracts/{contract_id}",
        page=page,
    )


@router.get("/market/disputes")
async def list_disputes(
    request: Request, person: Person = Party, api: Api = Depends(api)
) -> Response:
    page = await api.get("marketplace", "/v1/disputes", limit=100)
    return show(request, "market/disputes.html", title=N_("Disputes"), disputes=page["items"])


@router.get("/market/disputes/{dispute_id}")
async def dispute(
    request: Request, dispute_id: str, person: Person = Party, api: Api = Depends(api)
) -> Response:
    found = await api.get("marketplace", f"/v1/disputes/{dispute_id}")
    return show(request, "market/dispute.html", title=N_("Dispute"), d=found)
