"""App factories for the benchmarks: the real service apps plus a reference route each.

The reference routes live only here (never in production code). Each runs in the same process,
behind the same middleware, and does the least the real route could do: the same single-row
select (read path) or one insert (write path) with raw asyncpg, returned as JSON. The ratio of
the real route to its reference is the figure the benchmarks print.

    uvicorn --factory apps:registry_app      # registry + GET /bench/reference/cooperatives/{id}
    uvicorn --factory apps:financing_app     # financing + POST /bench/reference/applications
    uvicorn --factory apps:marketplace_app   # marketplace + the same reference insert
"""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import asyncpg
from fastapi import FastAPI, Request, Response
from sqlalchemy.engine import make_url


def _asyncpg_kwargs(url: str) -> dict[str, Any]:
    u = make_url(url)
    host = u.query.get("host") or u.host or "127.0.0.1"
    if isinstance(host, tuple):
        host = host[0]
    kw: dict[str, Any] = {"user": u.username or "postgres", "database": u.database, "host": host}
    if u.port:
        kw["port"] = u.port
    if u.password:
        kw["password"] = u.password
    return kw


def _default(value: Any) -> Any:
    if isinstance(value, (datetime,)):
        return value.isoformat()
    if isinstance(value, (uuid.UUID, Decimal)):
        return str(value)
    return str(value)


class _Pool:
    """A raw asyncpg pool created on first use (the service's own lifespan stays untouched)."""

    def __init__(self, url: str, size: int) -> None:
        self.url = url
        self.size = size
        self.pool: asyncpg.Pool | None = None
        self.lock = asyncio.Lock()

    async def get(self) -> asyncpg.Pool:
        if self.pool is None:
            async with self.lock:
                if self.pool is None:
                    self.pool = await asyncpg.create_pool(
                        **_asyncpg_kwargs(self.url), min_size=self.size, max_size=self.size
                    )
        return self.pool


def registry_app() -> FastAPI:
    from registry.main import create_app
    from registry.settings import RegistrySettings

    settings = RegistrySettings()
    app = create_app(settings)
    pool = _Pool(settings.database_url, settings.db_pool_size)

    @app.get("/bench/reference/cooperatives/{cooperative_id}", include_in_schema=False)
    async def reference(cooperative_id: uuid.UUID, request: Request) -> Response:
        p = await pool.get()
        async with p.acquire() as conn:
            row = await conn.fetchrow("SELECT * FROM cooperatives WHERE id = $1", cooperative_id)
        if row is None:
            return Response(status_code=404)
        return Response(json.dumps(dict(row), default=_default), media_type="application/json")

    @app.get("/bench/reference/cooperative-list", include_in_schema=False)
    async def list_reference(key: str) -> Response:
        sql, args = LIST_REFERENCE[key]
        p = await pool.get()
        async with p.acquire() as conn:
            rows = await conn.fetch(sql, *args)
        body = {"items": [dict(r) for r in rows[:-1]], "next_cursor": None}
        return Response(json.dumps(body, default=_default), media_type="application/json")

    return app


# The list's floor: each page of ``registry_list.QUERIES`` as one hand-written statement on raw
# asyncpg (limit + 1 rows, as the route asks), every column as JSON.
_ALL = "SELECT * FROM cooperatives"
LIST_REFERENCE: dict[str, tuple[str, tuple[Any, ...]]] = {
    "none20": (f"{_ALL} ORDER BY id LIMIT 21", ()),
    "none": (f"{_ALL} ORDER BY id LIMIT 101", ()),
    "region": (f"{_ALL} WHERE region_code LIKE $1 ORDER BY id LIMIT 101", ("32.%",)),
    "type": (f"{_ALL} WHERE type = $1 ORDER BY id LIMIT 101", ("produsen",)),
    "pinjam": (
        f"{_ALL} WHERE name_search @@ to_tsquery('simple', $1) ORDER BY id LIMIT 101",
        ("pinjam:*",),
    ),
    "4242": (
        f"{_ALL} WHERE name_search @@ to_tsquery('simple', $1) ORDER BY id LIMIT 101",
        ("4242:*",),
    ),
    "pinjam_name": (
        f"{_ALL} WHERE name_search @@ to_tsquery('simple', $1) ORDER BY name, id LIMIT 101",
        ("pinjam:*",),
    ),
    "region_type_name": (
        f"{_ALL} WHERE region_code LIKE $1 AND type = $2 ORDER BY name, id LIMIT 101",
        ("32.%", "produsen"),
    ),
    "level": (f"{_ALL} WHERE level = $1 ORDER BY id LIMIT 101", ("secondary",)),
    "commodity": (
        f"{_ALL} WHERE commodities @> $1::varchar[] ORDER BY id LIMIT 101",
        (["090111"],),
    ),
    "status": (f"{_ALL} WHERE status = $1 ORDER BY id LIMIT 101", ("inactive",)),
}


def financing_app() -> FastAPI:
    """Financing with the bench's token keys (``KOPMOD_BENCH_JWKS`` when set), a registry
    stand-in at ``/bench/registry`` (point ``KOPMOD_FINANCING_REGISTRY_URL`` at it: eligibility
    then goes over real HTTP, to this same process) and the write reference route."""
    import os

    from financing.main import create_app
    from financing.settings import FinancingSettings
    from kopmod_shared.auth import StaticKeySource

    settings = FinancingSettings()
    if "KOPMOD_BENCH_JWKS" in os.environ:
        jwks = json.loads(os.environ["KOPMOD_BENCH_JWKS"])
        app = create_app(settings, key_source=lambda *_: StaticKeySource(lambda: jwks))
    else:  # the registry's keys, fetched from KOPMOD_FINANCING_JWKS_URL as in production
        app = create_app(settings)
    pool = _Pool(settings.database_url, settings.db_pool_size)

    @app.get(
        "/bench/registry/v1/cooperatives/{cooperative_id}/eligibility-snapshot",
        include_in_schema=False,
    )
    async def snapshot(cooperative_id: uuid.UUID) -> dict[str, Any]:
        return eligible_snapshot(cooperative_id)

    add_reference(app, pool)
    return app


def marketplace_app() -> FastAPI:
    """The marketplace with the bench's token keys, a registry stand-in at ``/bench/registry``
    answering every cooperative as active (point ``KOPMOD_MARKETPLACE_REGISTRY_URL`` at it) and
    the same write reference route as financing's."""
    import os

    from kopmod_shared.auth import StaticKeySource
    from marketplace.main import create_app
    from marketplace.settings import MarketplaceSettings

    settings = MarketplaceSettings()
    jwks = json.loads(os.environ["KOPMOD_BENCH_JWKS"])
    app = create_app(settings, key_source=lambda *_: StaticKeySource(lambda: jwks))

    calls = [0]

    @app.get("/bench/registry/calls", include_in_schema=False)
    async def registry_calls() -> dict[str, int]:
        return {"calls": calls[0]}

    @app.get("/bench/registry/v1/cooperatives/{cooperative_id}", include_in_schema=False)
    async def cooperative(cooperative_id: uuid.UUID) -> dict[str, Any]:
        calls[0] += 1
        return {
            "id": str(cooperative_id),
            "name": "Koperasi Bench",
            "type": "produsen",
            "status": "active",
            "region_code": "32.05",
            "latitude": -7.2,
            "longitude": 107.9,
        }

    add_reference(app, _Pool(settings.database_url, settings.db_pool_size))
    return app


def add_reference(app: FastAPI, pool: _Pool) -> None:
    """``POST /bench/reference/applications``: one raw asyncpg insert of a four-column row."""

    @app.post("/bench/reference/applications", include_in_schema=False)
    async def reference(request: Request) -> Response:
        body = await request.json()
        p = await pool.get()
        async with p.acquire() as conn:
            row = await conn.fetchrow(
                "INSERT INTO bench_reference_applications (id, product_id, amount, purpose, "
                "created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                uuid.uuid4(),
                uuid.UUID(body["product_id"]),
                Decimal(body["amount"]),
                body["purpose"],
                datetime.now(UTC),
            )
        return Response(
            json.dumps({"id": str(row["id"])}), status_code=201, media_type="application/json"
        )


def eligible_snapshot(cooperative_id: uuid.UUID) -> dict[str, Any]:
    """A registry eligibility snapshot that passes every rule (the benches' stand-in registry)."""
    return {
        "cooperative_id": str(cooperative_id),
        "name": "Koperasi Bench",
        "type": "produsen",
        "status": "active",
        "region_code": "32.73",
        "province_code": "32",
        "has_legal_entity": True,
        "nik_koperasi": "1234567890",
        "founded_on": "2010-01-01",
        "age_years": 16,
        "active": True,
        "rat_years": [2025, 2024, 2023],
        "missed_rat_years": [],
        "latest_health": "sehat",
        "latest_health_year": 2025,
        "latest_financials": {
            "year": 2025,
            "assets": "9000000000.00",
            "liabilities": "3000000000.00",
            "equity": "6000000000.00",
            "revenue": "12000000000.00",
            "net_surplus": "1200000000.00",
        },
        "as_of": datetime.now(UTC).date().isoformat(),
    }
