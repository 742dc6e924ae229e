"""A cooperative's supply offers: list, post, change (quantity, grade, window, price),
withdraw."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from console.api import Api
from console.forms import verified_form
from console.i18n import N_
from console.market import names
from console.market.common import command, found, optional, show, typed
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form
from kopmod_shared.schemas.market_records import CommodityOut, OfferOut

router = APIRouter(include_in_schema=False)
Cooperative = Depends(role_required("cooperative"))
FIELDS = {
    "commodity_code": "commodity_code",
    "grade": "grade",
    "quantity": "quantity",
    "unit": "unit",
    "window_start": "window_start",
    "window_end": "window_end",
    "asking_price": "asking_price",
    "min_order": "min_order",
}


async def commodities(api: Api) -> list[CommodityOut]:
    return await names.load(api.marketplace)


def offer_body(form: FormData, *, partial: bool = False) -> dict[str, Any]:
    body = {
        "commodity_code": optional(form, "commodity_code"),
        "grade": optional(form, "grade"),
        "quantity": optional(form, "quantity", numeric=True),
        "unit": optional(form, "unit"),
        "window_start": optional(form, "window_start"),
        "window_end": optional(form, "window_end"),
        "asking_price": optional(form, "asking_price", numeric=True),
        "min_order": optional(form, "min_order", numeric=True),
    }
    if partial:
        body.pop("commodity_code")
        return {k: v for k, v in body.items() if v is not None}
    return {k: v for k, v in body.items() if v is not None or k == "quantity"}


@router.get("/market/offers")
async def list_offers(
    request: Request, person: Person = Cooperative, api: Api = Depends(api)
) -> Response:
    await names.load(api.marketplace)
    offers = await api.marketplace.offers()
    return show(request, "market/offers.html", title=N_("Supply offers"), offers=offers)


async def _new_page(request: Request, api: Api, form: Form | None = None) -> Response:
    return show(
        request,
        "market/offer_form.html",
        title=N_("Offer supply"),
        form=form or Form(values={"unit": "TNE"}),
        commodities=await commodities(api),
        offer=None,
    )


@router.get("/market/offers/new")
async def new_offer(
    request: Request, person: Person = Cooperative, api: Api = Depends(api)
) -> Response:
    return await _new_page(request, api)


@router.post("/market/offers/new")
async def post_offer(
    request: Request,
    person: Person = Cooperative,
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    async def page(form: Form) -> Response:
        return await _new_page(request, api, form)

    return await command(
        request,
        person,
        api,
        form,
        method="POST",
        path="/v1/offers",
        body=offer_body(form),
        fields=FIELDS,
        answer=OfferOut,
        then=lambda o: f"/market/offers/{o.id}/edit",
        page=page,
    )


async def _edit_page(
    request: Request, api: Api, offer_id: str, form: Form | None = None
) -> Response:
    offer = await found(api.marketplace.offer(offer_id))
    values = {
        "grade": offer.grade or "",
        "quantity": typed(offer.entered_quantity),
        "unit": offer.entered_unit,
        "window_start": offer.window_start.isoformat(),
        "window_end": offer.window_end.isoformat(),
        "asking_price": typed(offer.asking_price),
    }
    return show(
        request,
        "market/offer_form.html",
        title=N_("Change a supply offer"),
        form=form or Form(values=values),
        commodities=await commodities(api),
        offer=offer,
    )


@router.get("/market/offers/{offer_id}/edit")
async def edit_offer(
    request: Request, offer_id: str, person: Person = Cooperative, api: Api = Depends(api)
) -> Response:
    return await _edit_page(request, api, offer_id)


@router.post("/market/offers/{offer_id}/edit")
async def patch_offer(
    request: Request,
    offer_id: str,
    person: Person = Cooperative,
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    async def page(form: Form) -> Response:
        return await _edit_page(request, api, offer_id, form)

    return await command(
        request,
        person,
        api,
        form,
        method="PATCH",
        path=f"/v1/offers/{offer_id}",
        body=offer_body(form, partial=True),
        fields=FIELDS,
        answer=OfferOut,
        then=lambda o: "/market/offers",
        page=page,
    )


@router.post("/market/offers/{offer_id}/withdraw")
async def withdraw_offer(
    request: Request,
    offer_id: str,
    person: Person = Cooperative,
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    async def page(form: Form) -> Response:
        return await _edit_page(request, api, offer_id, form)

    return await command(
        request,
        person,
        api,
        form,
        method="POST",
        path=f"/v1/offers/{offer_id}/withdraw",
        body=None,
        answer=OfferOut,
        fields={},
        then=lambda o: "/market/offers",
        page=page,
    )
