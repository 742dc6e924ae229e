from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from kopmod_shared.testing import TestIssuer, fresh_database, running, truncate_all
from marketplace.commodities.models import REFERENCE_TABLES
from marketplace.main import create_app
from marketplace.settings import MarketplaceSettings

from .fake_registry import FakeRegistry

SERVICE_DIR = Path(__file__).resolve().parents[1]
AUDIENCE = "kopmod-marketplace"
BASE_URL = "http://marketplace.test"


@pytest.fixture(scope="session")
def database_url() -> str:
    return fresh_database(SERVICE_DIR, "kopmod_marketplace_test")


@pytest.fixture(scope="session")
def issuer() -> TestIssuer:
    return TestIssuer()


@pytest.fixture(scope="session")
def registry() -> FakeRegistry:
    return FakeRegistry()


@pytest.fixture(scope="session")
def settings(database_url: str, issuer: TestIssuer) -> MarketplaceSettings:
    return MarketplaceSettings(
        database_url=database_url,
        environment="test",
        gc_freeze=False,  # one process builds an app per test
        token_issuer=issuer.issuer,
        registry_url="http://registry.test",
        log_json=False,
        db_pool_size=10,
        repair_time_limit_seconds=5.0,
        # The outbox relay is driven by hand in tests (app.state.relay.run_once()).
        relay_enabled=False,
        webhooks_allow_private=True,
    )


@pytest.fixture(scope="session")
async def app(settings, issuer, registry) -> AsyncIterator[Any]:
    http = registry.http_client()
    application = create_app(settings, key_source=issuer.key_source, registry_http=http)
    async with running(application):
        yield application
    await http.aclose()


@pytest.fixture
async def client(app, registry) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as c:
        yield c
    await truncate_all(app.state.engine, keep=REFERENCE_TABLES)
    registry.reset()


class Actors:
    """Token headers for the principals a test needs."""

    def __init__(self, issuer: TestIssuer) -> None:
        self.issuer = issuer

    def admin(self) -> dict[str, str]:
        return self.issuer.headers("admin", audience=AUDIENCE)

    def offtaker(self, offtaker_id: uuid.UUID | str) -> dict[str, str]:
        return self.issuer.headers("offtaker", org=offtaker_id, audience=AUDIENCE)

    def cooperative(self, cooperative_id: uuid.UUID | str) -> dict[str, str]:
        return self.issuer.headers("cooperative", org=cooperative_id, audience=AUDIENCE)

    def partner(self, *scopes: str) -> dict[str, str]:
        return self.issuer.headers("partner", scopes=scopes, audience=AUDIENCE)

    def service(self) -> dict[str, str]:
        return self.issuer.headers("service", audience=AUDIENCE)


@pytest.fixture
def actors(issuer) -> Actors:
    return Actors(issuer)


def today() -> date:
    """The service's today (UTC), read when a test needs it: a date read when a module was
    imported is yesterday's once the suite has run past midnight."""
    return datetime.now(UTC).date()


def soon(days: int) -> str:
    return (today() + timedelta(days=days)).isoformat()


async def make_offtaker(client: httpx.AsyncClient, actors: Actors, **over: Any) -> str:
    body = {
        "name": "PT Kopi Nusantara",
        "kind": "processor",
        "region_code": "32.73",
        "latitude": -6.91,
        "longitude": 107.61,
        "contact_name": "Siti",
        "contact_email": "siti@kopinusantara.co.id",
    } | over
    resp = await client.post("/v1/offtakers", json=body, headers=actors.admin())
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


def demand_body(**over: Any) -> dict[str, Any]:
    return {
        "commodity_code": "coffee_green",
        "min_grade": "mutu_3",
        "quantity": "10",
        "unit": "TNE",
        "window_start": soon(10),
        "window_end": soon(60),
        "delivery": {"latitude": -6.91, "longitude": 107.61, "region_code": "32.73"},
        "max_distance_km": 300,
        "price": {"type": "range", "floor": "45000", "ceiling": "60000"},
        "payment_terms": {"days": 14, "description": "transfer after acceptance"},
        "required_certifications": [],
        "market": "domestic",
        "incoterm": "DAP",
        "incoterm_place": "Bandung roastery",
    } | over


def offer_body(**over: Any) -> dict[str, Any]:
    return {
        "commodity_code": "coffee_green",
        "grade": "mutu_2",
        "quantity": "5",
        "unit": "TNE",
        "window_start": soon(5),
        "window_end": soon(90),
        "asking_price": "50000",
        "location": {"latitude": -7.2, "longitude": 107.9, "region_code": "32.05"},
    } | over


async def post_demand(client, actors, offtaker_id, **over) -> dict[str, Any]:
    resp = await client.post(
        "/v1/demands", json=demand_body(**over), headers=actors.offtaker(offtaker_id)
    )
    assert resp.status_code == 201, resp.text
    return resp.json()


async def post_offer(client, actors, registry, cooperative_id=None, **over) -> dict[str, Any]:
    if cooperative_id is None:
        cooperative_id = registry.add()
    resp = await client.post(
        "/v1/offers", json=offer_body(**over), headers=actors.cooperative(cooperative_id)
    )
    assert resp.status_code == 201, resp.text
    return resp.json()


async def outbox(app, type_: str) -> list[dict[str, Any]]:
    from sqlalchemy import text

    async with app.state.engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT payload FROM outbox_events WHERE type = :t ORDER BY seq"), {"t": type_}
        )
        return [r[0] for r in rows]


async def count(app, table: str) -> int:
    from sqlalchemy import text

    async with app.state.engine.connect() as conn:
        return (await conn.execute(text(f"SELECT count(*) FROM {table}"))).scalar()


async def match(client, actors, offtaker_id, demand_id) -> dict[str, Any]:
    resp = await client.post(
        f"/v1/demands/{demand_id}/match",
        json={"propose": True},
        headers=actors.offtaker(offtaker_id),
    )
    assert resp.status_code == 201, resp.text
    return resp.json()


async def matched_proposal(client, actors, registry, **demand_over) -> dict[str, Any]:
    """An offtaker, a cooperative with one offer, a demand, and the proposal matching made."""
    offtaker_id = await make_offtaker(client, actors)
    cooperative_id = registry.add()
    offer = await post_offer(client, actors, registry, cooperative_id, quantity="5", unit="TNE")
    demand = await post_demand(
        client, actors, offtaker_id, **({"quantity": "3", "unit": "TNE"} | demand_over)
    )
    run = await match(client, actors, offtaker_id, demand["id"])
    assert len(run["allocations"]) == 1, run
    proposal_id = run["allocations"][0]["proposal_id"]
    return {
        "offtaker_id": offtaker_id,
        "cooperative_id": cooperative_id,
        "offer": offer,
        "demand": demand,
        "run": run,
        "proposal_id": proposal_id,
    }
