"""Statements run on the asyncpg connection underneath a SQLAlchemy connection, for the hottest
paths (``db.DriverQuery``, the deferred write before a command's commit): none of SQLAlchemy's
per-execution work, failures raised as SQLAlchemy's own execute raises them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import asyncpg
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.ext.asyncio import AsyncConnection

# Driver errors after which a connection is of no further use: the server went away (or is going),
# or the protocol was left mid-message by such a failure ("another operation is in progress").
_CONNECTION_LOST: tuple[type[BaseException], ...] = (
    asyncpg.exceptions.PostgresConnectionError,
    asyncpg.exceptions.AdminShutdownError,
    asyncpg.exceptions.CrashShutdownError,
    asyncpg.exceptions.CannotConnectNowError,
    asyncpg.exceptions.InterfaceError,  # the connection was closed under the query
    asyncpg.exceptions.InternalClientError,
    ConnectionError,
)


def connection_lost(exc: BaseException | None) -> bool:
    """Whether ``exc`` or what caused it means its connection cannot be used again."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, _CONNECTION_LOST):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


async def run_on_driver(conn: AsyncConnection, method: str, sql: str, args: Sequence[Any]) -> Any:
    """asyncpg's ``method`` (``fetch``, ``fetchrow``, ``execute``) of ``sql`` with positional
    ``args`` on the driver connection underneath ``conn``: none of SQLAlchemy's per-execution
    work (execution context, cursor, result metadata). It runs in whatever transaction the
    driver connection is in; SQLAlchemy's adapter sends ``BEGIN`` only before the first
    statement that passes through it, so send the request's first statement through SQLAlchemy.

    Failures are raised as SQLAlchemy's own execute raises them, so the error handlers answer
    the same: a lost connection drops the pool (:class:`DisconnectionError`, 503), a database
    error is a :class:`DBAPIError` carrying the driver's error (text Postgres cannot store is
    a 422). ``kopmod_shared.testing_sql.statements`` counts what passes here (call it as
    ``driver.run_on_driver``, so it can)."""
    raw = await conn.get_raw_connection()
    driver: Any = raw.driver_connection
    try:
        return await getattr(driver, method)(sql, *args)
    except Exception as exc:
        if connection_lost(exc):
            # What SQLAlchemy does when its own execute meets a disconnect: drop this connection
            # and every pooled one (the server went away), so the next request connects afresh.
            # DisconnectionError is answered 503 with Retry-After (errors.database_unavailable).
            await conn.invalidate(exc)
            await conn.engine.dispose()
            raise DisconnectionError("the database connection was lost") from exc
        if isinstance(exc, asyncpg.PostgresError):
            raise DBAPIError(sql, list(args), exc, hide_parameters=True) from exc
        raise
