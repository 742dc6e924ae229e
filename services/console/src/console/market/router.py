"""``/market``: what needs the party now (proposals waiting for its answer, deliveries waiting
for the offtaker), and the market's pages (``offers``, ``proposals``, ``contracts``)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from console.api import Api
from console.i18n import N_
from console.market import contracts, offers, proposals
from console.market.common import show
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import NavItem

router = APIRouter(include_in_schema=False)
PARTIES = frozenset({"cooperative", "offtaker"})
NAV = [
    NavItem(N_("Market"), "/market", PARTIES, order=30),
    NavItem(N_("Supply offers"), "/market/offers", frozenset({"cooperative"}), order=31),
    NavItem(N_("Proposals"), "/market/proposals", PARTIES, order=32),
    NavItem(N_("Contracts"), "/market/contracts", PARTIES, order=33),
    NavItem(N_("Disputes"), "/market/disputes", PARTIES, order=34),
]


@router.get("/market")
async def overview(
    request: Request,
    person: Person = Depends(role_required("cooperative", "offtaker")),
    api: Api = Depends(api),
) -> Response:
    waiting = await api.get("marketplace", "/v1/proposals", awaiting_me="true", limit=20)
    noticed = await api.get("marketplace", "/v1/deliveries", status="notified", limit=20)
    disputes = await api.get("marketplace", "/v1/disputes", status="open", limit=20)
    return show(
        request,
        "market/overview.html",
        title=N_("Market"),
        waiting=waiting["items"],
        noticed=noticed["items"],
        disputes=disputes["items"],
        me=proposals.side(person),
    )


router.include_router(offers.router)
router.include_router(proposals.router)
router.include_router(contracts.router)
