"""``/market``: what needs the party now (proposals waiting for its answer, deliveries waiting
for the offtaker), and the market's pages (``offers``, ``proposals``, ``contracts``)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from console.api import Api
from console.i18n import N_
from console.market import contracts, names, offers, proposals
from console.market.common import show
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import NavItem
from kopmod_shared.schemas.market_deals import DeliveryStatus
from kopmod_shared.schemas.market_views import DisputeStatus

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
    await names.load(api.marketplace)
    waiting = await api.marketplace.proposals(awaiting_me=True, limit=20)
    noticed = await api.marketplace.deliveries(status=DeliveryStatus.notified, limit=20)
    disputes = await api.marketplace.disputes(status=DisputeStatus.open, limit=20)
    return show(
        request,
        "market/overview.html",
        title=N_("Market"),
        waiting=waiting,
        noticed=noticed,
        disputes=disputes.items,
        me=proposals.side(person),
    )


router.include_router(offers.router)
router.include_router(proposals.router)
router.include_router(contracts.router)
