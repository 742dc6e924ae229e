"""The token deny-list (``kopmod_shared.revocation.DenyList``) on a real Postgres: requests waiting
for a reload resume together, a request never judges by rows older than the interval, and the
background loop reloads without any request.

The reload is held back by a transaction that locks ``revoked_subjects``, so what waits and what
does not is decided by the database, not by timing; loop turns are counted by a task that
yields at every turn.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import MetaData, Table, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from kopmod_shared.revocation import DenyList, define_revocation_table, record_revocation
from kopmod_shared.testing import REPO_ROOT, drop_databases, fresh_database


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
async def db() -> AsyncIterator[tuple[AsyncEngine, Table]]:
    # The table as a service's migrations make it (the marketplace's: the fewest to apply); the
    # shared library has no migrations of its own.
    url = fresh_database(REPO_ROOT / "services" / "marketplace", "kopmod_deny_list_test")
    table = define_revocation_table(MetaData())
    engine = create_async_engine(url)
    yield engine, table
    await engine.dispose()
    drop_databases([url])


@pytest.fixture
async def engine(db: tuple[AsyncEngine, Table]) -> AsyncIterator[AsyncEngine]:
    async with db[0].begin() as conn:
        await conn.execute(text("DELETE FROM revoked_subjects"))
    yield db[0]


@pytest.fixture
def table(db: tuple[AsyncEngine, Table]) -> Table:
    return db[1]


async def _locked(engine: AsyncEngine) -> Any:
    """A connection in a transaction holding ``revoked_subjects``: reloads wait for it."""
    conn = await engine.connect()
    await conn.execute(text("LOCK TABLE revoked_subjects IN ACCESS EXCLUSIVE MODE"))
    return conn


async def _turns(n: int = 50) -> None:
    for _ in range(n):
        await asyncio.sleep(0)


async def _revoke(conn: Any, table: Table, subject: str) -> float:
    moment = datetime.now(UTC)
    await record_revocation(conn, table, subject=subject, not_before=moment, reason="test")
    return moment.timestamp()


async def test_requests_waiting_for_one_reload_resume_in_the_same_loop_turn(engine, table):
    # Before, the requests waited behind a lock: each resumed one loop turn after the one
    # before it, so under load the last of them waited for every other request's work as many
    # times (the p99 of the registry's list was four times its p50).
    deny = DenyList(engine, table, refresh_seconds=60)
    turn = 0

    async def ticker() -> None:
        nonlocal turn
        while True:
            turn += 1
            await asyncio.sleep(0)

    resumed: list[int] = []

    async def request() -> None:
        await deny.not_before("someone")
        resumed.append(turn)

    blocker = await _locked(engine)
    tick = asyncio.create_task(ticker())
    try:
        waiting = [asyncio.create_task(request()) for _ in range(20)]
        await _turns()
        assert not resumed  # all of them wait for the reload the lock holds back
        await blocker.commit()
        await asyncio.gather(*waiting)
    finally:
        tick.cancel()
        await blocker.close()
    assert len(resumed) == 20
    assert max(resumed) - min(resumed) <= 1, resumed


async def test_no_token_is_judged_by_rows_older_than_the_interval(engine, table):
    clock = Clock()
    deny = DenyList(engine, table, refresh_seconds=2.0, clock=clock)
    await deny.reload()
    blocker = await _locked(engine)
    try:
        cutoff = await _revoke(blocker, table, "leaving")
        # Within the interval the rows held answer, without the database (which is locked).
        clock.now += 1.99
        assert await deny.not_before("leaving") is None
        # Past it, the request waits for a reload, which sees the revocation once committed.
        clock.now += 0.01
        judged = asyncio.create_task(deny.not_before("leaving"))
        await _turns()
        assert not judged.done()
        await blocker.commit()
    finally:
        await blocker.close()
    assert await judged == pytest.approx(cutoff)
    assert await deny.refuses({"sub": "leaving", "iat": int(cutoff) - 1})
    assert not await deny.refuses({"sub": "staying", "iat": int(cutoff) - 1})


async def test_a_failed_reload_keeps_the_rows_and_is_tried_again_an_interval_later(engine, table):
    clock = Clock()
    async with engine.begin() as conn:
        cutoff = await _revoke(conn, table, "gone")
    deny = DenyList(engine, table, refresh_seconds=2.0, clock=clock)
    assert await deny.not_before("gone") == pytest.approx(cutoff)
    broken = DenyList(
        create_async_engine("postgresql+asyncpg://nobody@127.0.0.1:1/none"),
        table,
        refresh_seconds=2.0,
        clock=clock,
    )
    broken._not_before = dict(deny._not_before)
    assert await broken.not_before("gone") == pytest.approx(cutoff)  # kept, not dropped
    assert not broken.stale()  # counted as a reload: not retried by every request
    clock.now += 2.0
    assert broken.stale()


async def test_the_loop_reloads_without_requests_until_stopped(engine, table):
    deny = DenyList(engine, table, refresh_seconds=0.2)
    stop = asyncio.Event()
    loop = asyncio.create_task(deny.run_forever(stop))
    try:
        async with engine.begin() as conn:
            cutoff = await _revoke(conn, table, "gone")
        for _ in range(200):  # bounded: 20 s
            if "gone" in deny._not_before:
                break
            await asyncio.sleep(0.1)
        assert deny._not_before["gone"] == pytest.approx(cutoff)
    finally:
        stop.set()
        await asyncio.wait_for(loop, 30)
    assert loop.done()
