"""``/demand``: an offtaker's demands (post one: commodity, grade, quantity and unit, window,
delivery place, price, minimum lot, domestic or export), one demand with its matching results
(the split across cooperatives and why each was chosen) and its proposals; fulfilment per
cooperative; the offtaker's profile."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from console import i18n
from console.api import Api
from console.errors import PageNotFound
from console.forms import verified_form
from console.i18n import N_
from console.market import names
from console.market.common import Unread, command, found, optional, show
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form, NavItem
from kopmod_shared.errors import NotFound
from kopmod_shared.schemas.market_records import DemandOut
from kopmod_shared.schemas.market_views import MatchingResults, Reason

router = APIRouter(include_in_schema=False)
OFFTAKER = frozenset({"offtaker"})
NAV = [
    NavItem(N_("Demand"), "/demand", OFFTAKER, order=20),
    NavItem(N_("Fulfilment"), "/demand/fulfilment", OFFTAKER, order=35),
    NavItem(N_("Profile"), "/demand/profile", OFFTAKER, order=40),
]
Offtaker = Depends(role_required("offtaker"))
FIELDS = {
    "commodity_code": "commodity_code",
    "min_grade": "min_grade",
    "quantity": "quantity",
    "unit": "unit",
    "window_start": "window_start",
    "window_end": "window_end",
    "latitude": "latitude",
    "longitude": "longitude",
    "place_name": "place_name",
    "region_code": "region_code",
    "max_distance_km": "max_distance_km",
    "floor": "price_floor",
    "ceiling": "price_ceiling",
    "min_lot": "min_lot",
    "market": "market",
    "days": "payment_days",
}
KINDS = {
    "processor": N_("processor"),
    "exporter": N_("exporter"),
    "retailer": N_("retailer"),
    "state_owned": N_("state-owned enterprise"),
    "other": N_("other buyer"),
}
VERIFICATION = {
    "unverified": N_("not verified yet"),
    "verified": N_("verified"),
    "suspended": N_("suspended"),
}
# Why a cooperative was chosen, or left out: the marketplace's reason codes in words.
REASONS = {
    "delivered_cost": N_(
        "Delivered cost %(delivered_cost)s per kg (asking %(asking_price)s plus transport "
        "%(transport_cost)s over %(distance_km)s km): number %(rank)s from the cheapest of "
        "%(eligible)s eligible offers."
    ),
    "price": N_("Asks %(asking_price)s per kg against your reference price %(reference_price)s."),
    "distance": N_("%(distance_km)s km from your delivery place, within %(radius_km)s km."),
    "grade": N_("Grade %(grade)s (your minimum: %(min_grade)s)."),
    "capacity": N_(
        "Could supply %(capacity)s kg; given %(quantity)s kg, %(share_percent)s%% of what you need."
    ),
    "window": N_("Its supply window covers %(covered_percent)s%% of your delivery window."),
    "reliability": N_("Accepted %(rate_percent)s%% of what fell due on its past contracts."),
    "reliability_new": N_("No delivery record yet: counted as neutral."),
    "certifications": N_("Holds the certifications you require."),
    "filtered": N_("Left out by a filter (grade, window, distance, certification or lot)."),
    "costlier": N_(
        "Eligible, but the split cost less without it (delivered cost %(delivered_cost)s)."
    ),
    "used_elsewhere": N_("Eligible, but its supply went to other demands."),
}


MONEY_VALUES = ("delivered_cost", "asking_price", "transport_cost", "reference_price")
NUMBER_VALUES = ("capacity", "quantity")


def say(reason: Reason) -> str:
    """A reason of the matcher in the person's language, its amounts in rupiah."""
    code = reason.code
    if code == "reliability" and reason.values.get("rate_percent") is None:
        code = "reliability_new"
    if code not in REASONS:
        return reason.text
    values = dict(reason.values)
    for k in MONEY_VALUES:
        if k in values:
            values[k] = i18n.rupiah(values[k])
    for k in NUMBER_VALUES:
        if k in values:
            values[k] = i18n.number(values[k])
    values.setdefault("min_grade", "-")
    return i18n.gettext(REASONS[code], **values)


@router.get("/demand")
async def demands(request: Request, person: Person = Offtaker, api: Api = Depends(api)) -> Response:
    await names.load(api.marketplace)
    mine = [d for d in await api.marketplace.demands() if str(d.offtaker_id) == person.org_id]
    return show(request, "demand/list.html", title=N_("Demand"), demands=mine)


async def _new_page(
    request: Request, person: Person, api: Api, form: Form | None = None
) -> Response:
    commodities = await names.load(api.marketplace)
    me = await found(api.marketplace.offtaker(str(person.org_id)))
    # The delivery place starts as the offtaker's own.
    defaults = {
        "unit": "TNE",
        "market": "domestic",
        "payment_days": "14",
        "max_distance_km": "300",
        "region_code": me.region_code,
        "latitude": str(me.latitude),
        "longitude": str(me.longitude),
    }
    return show(
        request,
        "demand/new.html",
        title=N_("Post demand"),
        commodities=commodities,
        form=form or Form(values=defaults),
    )


@router.get("/demand/new")
async def new_demand(
    request: Request, person: Person = Offtaker, api: Api = Depends(api)
) -> Response:
    return await _new_page(request, person, api)


@router.post("/demand/new")
async def post_demand(
    request: Request,
    person: Person = Offtaker,
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    body: dict[str, Any] = {
        "commodity_code": optional(form, "commodity_code"),
        "min_grade": optional(form, "min_grade"),
        "quantity": optional(form, "quantity", numeric=True),
        "unit": optional(form, "unit"),
        "min_lot": optional(form, "min_lot", numeric=True),
        "window_start": optional(form, "window_start"),
        "window_end": optional(form, "window_end"),
        "delivery": {
            "latitude": _float(optional(form, "latitude", numeric=True)),
            "longitude": _float(optional(form, "longitude", numeric=True)),
            "place_name": optional(form, "place_name"),
            "region_code": optional(form, "region_code"),
        },
        "max_distance_km": _float(optional(form, "max_distance_km", numeric=True)),
        "price": {
            "type": "range",
            "floor": optional(form, "price_floor", numeric=True),
            "ceiling": optional(form, "price_ceiling", numeric=True),
        },
        "payment_terms": {"days": _int(optional(form, "payment_days"))},
        "market": optional(form, "market") or "domestic",
    }

    async def page(form: Form) -> Response:
        return await _new_page(request, person, api, form)

    return await command(
        request,
        person,
        api,
        form,
        method="POST",
        path="/v1/demands",
        body={k: v for k, v in body.items() if v is not None},
        fields=FIELDS,
        answer=DemandOut,
        then=lambda d: f"/demand/{d.id}",
        page=page,
    )


def _float(text: str | None) -> float | str | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return text  # the API names the field


def _int(text: str | None) -> int | str | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return text


async def _demand_page(
    request: Request, person: Person, api: Api, demand_id: str, form: Form | None = None
) -> Response:
    await names.load(api.marketplace)
    demand = await found(api.marketplace.demand(demand_id))
    if str(demand.offtaker_id) != person.org_id:
        raise PageNotFound
    results: MatchingResults | None
    try:
        results = await api.marketplace.matching_results(demand.id)
    except NotFound:
        results = None  # not matched yet
    proposals = await api.marketplace.proposals(demand_id=demand.id)
    return show(
        request,
        "demand/detail.html",
        title=N_("Demand"),
        d=demand,
        results=results,
        proposals=proposals,
        reasons=REASONS,
        say=say,
        form=form or Form(),
    )


@router.get("/demand/fulfilment")
async def fulfilment(
    request: Request, person: Person = Offtaker, api: Api = Depends(api)
) -> Response:
    await names.load(api.marketplace)
    lines = await found(api.marketplace.offtaker_fulfilment(UUID(str(person.org_id))))
    return show(request, "demand/fulfilment.html", title=N_("Fulfilment"), f=lines)


@router.get("/demand/profile")
async def profile(request: Request, person: Person = Offtaker, api: Api = Depends(api)) -> Response:
    me = await found(api.marketplace.offtaker(str(person.org_id)))
    return show(
        request,
        "demand/profile.html",
        title=N_("Profile"),
        o=me,
        kinds=KINDS,
        verification=VERIFICATION,
    )


@router.get("/demand/{demand_id}")
async def demand(
    request: Request, demand_id: str, person: Person = Offtaker, api: Api = Depends(api)
) -> Response:
    return await _demand_page(request, person, api, demand_id)


@router.post("/demand/{demand_id}/{action}")
async def demand_action(
    request: Request,
    demand_id: str,
    action: str,
    person: Person = Offtaker,
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    """``match`` (run matching and send the proposals), ``close`` or ``cancel``."""
    if action not in ("match", "close", "cancel"):
        raise PageNotFound

    async def page(form: Form) -> Response:
        return await _demand_page(request, person, api, demand_id, form)

    return await command(
        request,
        person,
        api,
        form,
        method="POST",
        path=f"/v1/demands/{demand_id}/{action}",
        body={"propose": True} if action == "match" else None,
        answer=Unread if action == "match" else DemandOut,
        fields={},
        then=lambda _: f"/demand/{demand_id}",
        page=page,
    )
