"""``kopmod_shared.testing_sql.statements`` on a real Postgres: it sees what a request sends on
the driver (``driver.run_on_driver``) as well as through SQLAlchemy, on the engine and on its
autocommit copy for reads (``db.read_engine``, the pool the list and every GET use)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from kopmod_shared import driver
from kopmod_shared.db import read_engine
from kopmod_shared.testing import REPO_ROOT, drop_databases, fresh_database
from kopmod_shared.testing_sql import statements


@pytest.fixture(scope="module")
async def engine() -> AsyncIterator[AsyncEngine]:
    url = fresh_database(
        REPO_ROOT / "services" / "marketplace", "kopmod_testing_sql_test", migrate=False
    )
    engine = create_async_engine(url)
    yield engine
    await engine.dispose()
    drop_databases([url])


async def test_driver_statements_on_the_read_engine_are_counted(engine: AsyncEngine) -> None:
    reads = read_engine(engine)
    with statements(engine, whole=True) as sent:
        async with reads.connect() as conn:
            await conn.execute(text("SELECT 'through sqlalchemy'"))
            await driver.run_on_driver(conn, "fetchval", "SELECT 'on the driver'", [])
    # BEGIN is SQLAlchemy's event for the connection's use; in autocommit nothing is sent for it.
    assert sent == ["BEGIN", "SELECT 'through sqlalchemy'", "SELECT 'on the driver'"]


async def test_another_engines_statements_are_not(engine: AsyncEngine) -> None:
    other = create_async_engine(engine.url)
    try:
        with statements(engine, whole=True) as sent:
            async with other.connect() as conn:
                await driver.run_on_driver(conn, "fetchval", "SELECT 'elsewhere'", [])
        assert sent == []
    finally:
        await other.dispose()
