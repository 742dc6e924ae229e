"""What a request sends to Postgres, counted in tests (never timed): the first word of every
statement, and each ``BEGIN`` and ``COMMIT``, in order; statements sent on the driver
(``kopmod_shared.driver.run_on_driver``, which no SQLAlchemy event sees) included.

The tests of the hot commands assert these lists, so a round trip added to a write path fails a
test rather than going unnoticed until the next benchmark. Work on a connection that touched a
table in ``ignore`` (the token deny-list refresh, which runs whenever it is due, on its own
connection) is left out, so the lists do not depend on timing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from kopmod_shared import driver


@contextmanager
def statements(
    engine: AsyncEngine, *, ignore: Iterable[str] = ("revoked_subjects",), whole: bool = False
) -> Iterator[list[str]]:
    """The list fills in when the block ends; ``whole``: each statement's whole text, not its
    first word."""
    seen: list[str] = []
    log: list[tuple[int, str]] = []
    skip: set[int] = set()
    tables = tuple(ignore)

    def on_execute(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        log.append((id(conn), statement if whole else statement.split(None, 1)[0].upper()))
        if any(t in statement for t in tables):
            skip.add(id(conn))

    def on_begin(conn: Any) -> None:
        log.append((id(conn), "BEGIN"))

    def on_commit(conn: Any) -> None:
        log.append((id(conn), "COMMIT"))

    on_driver = driver.run_on_driver

    async def counted(conn: AsyncConnection, method: str, sql: str, args: Any) -> Any:
        # Sent on the driver: no SQLAlchemy event tells it, so it is logged here. The engine's
        # copies with other options (the autocommit read engine) share its pool and its events.
        if conn.sync_engine.pool is sync.pool:
            on_execute(conn.sync_connection, None, sql)
        return await on_driver(conn, method, sql, args)

    sync = engine.sync_engine
    hooks: list[tuple[str, Callable[..., None]]] = [
        ("before_cursor_execute", on_execute),
        ("begin", on_begin),
        ("commit", on_commit),
    ]
    for name, fn in hooks:
        event.listen(sync, name, fn)
    driver.run_on_driver = counted
    try:
        yield seen
    finally:
        driver.run_on_driver = on_driver
        for name, fn in hooks:
            event.remove(sync, name, fn)
        seen[:] = [word for conn, word in log if conn not in skip]


__all__ = ["statements"]
