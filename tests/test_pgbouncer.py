"""The services behind PgBouncer in transaction mode (issue 17): what CloudNativePG's Pooler runs.

PgBouncer here has two server connections per database for many more clients, so clients keep
landing on server connections others used before them: a named prepared statement or a setting
left on a server connection would show. The first test shows the engine as it is configured for a
direct connection fails there (so the others can fail); the rest run the registry's real requests
(token, idempotent commands, the rate limiter's driver-level statement, the DriverQuery read path)
concurrently through it with ``db_transaction_pooler`` on. The end-to-end story runs through a
PgBouncer too (test_story_e2e).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import Integer, bindparam, column, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import create_async_engine

from kopmod_cli.pooler import PgBouncer, start_pgbouncer
from kopmod_shared.auth import Role
from kopmod_shared.db import DriverQuery, create_engine, read_engine
from kopmod_shared.testing import REPO_ROOT, free_port, fresh_database, running, server_url
from registry.identity.repository import ApiClientRepository
from registry.identity.service import ensure_client
from registry.main import create_app
from registry.settings import RegistrySettings

ISSUER = "http://registry.test"


@pytest.fixture(scope="module")
def database_url() -> str:
    return fresh_database(REPO_ROOT / "services" / "registry", f"kopmod_pgb_{uuid.uuid4().hex[:8]}")


@pytest.fixture(scope="module")
def bouncer(database_url: str) -> Iterator[PgBouncer]:
    bouncer = start_pgbouncer(server_url(), free_port(), pool_size=2)
    yield bouncer
    bouncer.stop()


async def test_a_direct_connection_engine_breaks_behind_pgbouncer(database_url: str) -> None:
    # A PgBouncer of its own, so which server connection serves whom is known: none is open yet.
    bouncer = start_pgbouncer(server_url(), free_port(), pool_size=2)
    url = bouncer.url(database_url)
    # As configured for a direct connection: PgBouncer refuses the statement_timeout parameter.
    engine = create_engine(url, pool_size=1)
    try:
        with pytest.raises(Exception, match="unsupported startup parameter"):
            async with engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
    finally:
        await engine.dispose()
    # Without it, asyncpg still names and caches its prepared statements. Client A prepares one
    # on the first server connection; client B then holds that connection in a transaction, so
    # A's next transaction runs on a second one, where A's statement does not exist.
    a, b = (
        create_async_engine(url, connect_args={"server_settings": {"timezone": "UTC"}})
        for _ in range(2)
    )
    statement = select(text("1")).where(text(":a = 1"))
    try:
        async with a.connect() as conn:
            await conn.execute(statement, {"a": 1})
            await conn.commit()
            async with b.begin() as other:
                await other.execute(text("SELECT 2"))
                with pytest.raises(DBAPIError, match=r"prepared statement .* does not exist"):
                    await conn.execute(statement, {"a": 1})
    finally:
        await a.dispose()
        await b.dispose()
        bouncer.stop()


async def test_pooler_mode_engines_share_server_connections(
    bouncer: PgBouncer, database_url: str
) -> None:
    engines = [
        create_engine(bouncer.url(database_url), pool_size=3, transaction_pooler=True)
        for _ in range(4)
    ]
    query = DriverQuery(
        select(column("n", Integer))
        .select_from(text("(SELECT 1 AS n) AS one"))
        .where(column("n", Integer) == bindparam("n", type_=Integer))
    )

    async def work(i: int) -> tuple[int, int, Any]:
        engine = engines[i % len(engines)]
        async with engine.begin() as conn:  # ORM-style transaction
            result = await conn.execute(text("SELECT CAST(:i AS int) + 1"), {"i": i})
            written = result.scalar_one()
        async with read_engine(engine).connect() as conn:  # autocommit read, driver level
            row = await query.fetchrow(conn, n=1)
        return i, written, row

    try:
        results = await asyncio.gather(*(work(i) for i in range(60)))
    finally:
        for engine in engines:
            await engine.dispose()
    assert [(i, w) for i, w, _ in results] == [(i, i + 1) for i in range(60)]
    assert all(row is not None and row.n == 1 for _, _, row in results)


@pytest.fixture(scope="module")
async def app(bouncer: PgBouncer, database_url: str) -> AsyncIterator[Any]:
    settings = RegistrySettings(
        database_url=bouncer.url(database_url),
        db_transaction_pooler=True,
        environment="test",
        gc_freeze=False,
        token_issuer=ISSUER,
        log_json=False,
        # More client connections than the requests at once (a GET holds two: the rate
        # limiter's and the read path's), far more than PgBouncer's two server connections.
        db_pool_size=30,
        relay_enabled=False,
    )
    application = create_app(settings)
    async with running(application):
        yield application


def cooperative_body(n: int) -> dict[str, Any]:
    return {
        "name": f"Koperasi Pooler {n}",
        "type": "produsen",
        "legal_decree_number": f"AHU-{n:07d}.AH.01.26.TAHUN 2015",
        "legal_decree_date": "2015-03-10",
        "nib": f"{9130000000000 + n:013d}",
        "nik_koperasi": f"{3206000000000000 + n}",
        "founded_on": "2015-01-20",
        "address": "Jl. Raya Cikajang, Garut",
        "region_code": "32.05.01.2001",
        "latitude": -7.2,
        "longitude": 107.9,
        "business_sectors": ["coffee"],
        "commodities": ["090111"],
        "membership_area": "regency",
        "scale_band": "kecil",
        "member_count": 100 + n,
    }


async def test_registry_requests_through_pgbouncer(app: Any) -> None:
    async with app.state.sessionmaker() as session:
        await ensure_client(
            ApiClientRepository(session),
            client_id="pooler-admin",
            secret="pooler-secret",
            role=Role.admin,
            name="pooler admin",
        )
        await session.commit()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=ISSUER) as client:
        token = await client.post(
            "/v1/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=("pooler-admin", "pooler-secret"),
        )
        assert token.status_code == 200, token.text
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}

        async def register(n: int) -> httpx.Response:
            return await client.post(
                "/v1/cooperatives",
                json=cooperative_body(n),
                headers=headers | {"Idempotency-Key": f"pooler-{n}"},
            )

        created = await asyncio.gather(*(register(n) for n in range(24)))
        assert [r.status_code for r in created] == [201] * 24, [r.text for r in created]
        ids = [r.json()["id"] for r in created]
        # The same commands again: answered from the idempotency records, nothing new.
        again = await asyncio.gather(*(register(n) for n in range(24)))
        assert [r.json()["id"] for r in again] == ids
        # The read path (DriverQuery on the driver, autocommit), many at once.
        reads = await asyncio.gather(
            *(client.get(f"/v1/cooperatives/{i}", headers=headers) for i in ids)
        )
        assert [r.status_code for r in reads] == [200] * 24, [r.text for r in reads]
        assert [r.json()["member_count"] for r in reads] == [100 + n for n in range(24)]
        assert [r.json()["nib"] for r in reads] == [f"{9130000000000 + n:013d}" for n in range(24)]
        listing = await client.get("/v1/cooperatives", params={"limit": 100}, headers=headers)
        assert listing.status_code == 200, listing.text
        assert sorted(c["id"] for c in listing.json()["items"]) == sorted(ids)
