"""Setup of the marketplace write bench (not timed): an offtaker, demands, cooperatives and
proposals.

The offtaker and its demands are posted through the API; offers come from the timed
``POST /v1/offers`` run itself; proposals (the cooperative's turn, round 1: what a matching run
leaves) are made by ``proposals.service.propose`` in this process, on the offers that run
stored, two per offer (one for the accept run, one for the counter run), each demand far larger
than what all its proposals take.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import httpx

from kopmod_shared.testing import TestIssuer

AUDIENCE = "kopmod-marketplace"


def headers(issuer: TestIssuer, role: str, **kw: Any) -> dict[str, str]:
    return issuer.headers(role, audience=AUDIENCE, ttl=timedelta(hours=2), **kw)


def soon(days: int) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


OFFER = (
    '{"commodity_code": "coffee_green", "grade": "mutu_2", "quantity": "5", "unit": "TNE", '
    f'"window_start": "{soon(5)}", "window_end": "{soon(90)}", "asking_price": "50000", '
    '"location": {"latitude": -7.2, "longitude": 107.9, "region_code": "32.05"}}'
)
COUNTER = '{"unit_price": "53000", "note": "harga pupuk naik"}'


async def demands(base: str, issuer: TestIssuer, n: int) -> list[str]:
    """An offtaker and ``n`` open demands of 1,000 t of green coffee each."""
    async with httpx.AsyncClient(base_url=base, timeout=60) as c:
        resp = await c.post(
            "/v1/offtakers",
            json={
                "name": "PT Kopi Nusantara", "kind": "processor", "region_code": "32.73",
                "latitude": -6.91, "longitude": 107.61, "contact_name": "Siti",
                "contact_email": "siti@kopinusantara.co.id",
            },
            headers=headers(issuer, "admin"),
        )  # fmt: skip
        resp.raise_for_status()
        offtaker = resp.json()["id"]
        out = []
        for _ in range(n):
            resp = await c.post(
                "/v1/demands",
                json={
                    "commodity_code": "coffee_green", "min_grade": "mutu_3", "quantity": "1000",
                    "unit": "TNE", "window_start": soon(10), "window_end": soon(60),
                    "delivery": {"latitude": -6.91, "longitude": 107.61, "region_code": "32.73"},
                    "max_distance_km": 300,
                    "price": {"type": "range", "floor": "45000", "ceiling": "60000"},
                    "payment_terms": {"days": 14, "description": "transfer after acceptance"},
                    "required_certifications": [], "market": "domestic", "incoterm": "DAP",
                    "incoterm_place": "Bandung roastery",
                },
                headers=headers(issuer, "offtaker", org=offtaker),
            )  # fmt: skip
            resp.raise_for_status()
            out.append(resp.json()["id"])
        return out


def cooperatives(issuer: TestIssuer, n: int) -> dict[str, str]:
    """``n`` cooperatives (the registry stand-in knows every one as active): id to token."""
    out = {}
    for _ in range(n):
        coop = uuid.uuid4()
        out[str(coop)] = headers(issuer, "cooperative", org=coop)["Authorization"].split()[1]
    return out


async def proposals(url: str, demand_ids: list[str], per_offer: int) -> list[tuple[str, str]]:
    """``per_offer`` proposals of 100 kg on every stored offer, each with another demand
    (``per_offer`` at most the number of demands): (proposal id, cooperative id), in the order
    made."""
    from sqlalchemy import select
    from sqlalchemy.engine import make_url
    from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

    from marketplace.demands.models import Demand
    from marketplace.offers.models import SupplyOffer
    from marketplace.proposals.service import propose

    engine = create_async_engine(make_url(url).set(drivername="postgresql+asyncpg"))
    out: list[tuple[str, str]] = []
    try:
        async with async_sessionmaker(engine, expire_on_commit=False)() as session:
            demands_ = list(
                (await session.scalars(select(Demand).where(Demand.id.in_(demand_ids)))).all()
            )
            offers = (await session.scalars(select(SupplyOffer).order_by(SupplyOffer.id))).all()
            # Pass by pass over the offers, so proposals next to each other (answered at the
            # same time) lock different offers and demands.
            for k in range(per_offer):
                for i, offer in enumerate(offers):
                    demand = demands_[(i + k) % len(demands_)]
                    p = await propose(
                        session, demand=demand, offer=offer, quantity=Decimal("100"),
                        score=None, breakdown=None, ttl_hours=72,
                    )  # fmt: skip
                    out.append((str(p.id), str(offer.cooperative_id)))
            await session.commit()
    finally:
        await engine.dispose()
    return out
