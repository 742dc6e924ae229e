"""Engines and the session-per-request unit of work.

Each request gets one :class:`AsyncSession` (created lazily by :func:`get_session`).
``kopmod_shared.routing.TransactionalRoute`` commits it after the endpoint returns and *before*
the response is sent, so a failed commit becomes an error response instead of a 200 for a write
that was lost. Services and repositories never commit; they flush.

Reads (``GET`` and ``HEAD``) get a session in autocommit mode instead: no ``BEGIN`` and no
``COMMIT``, two round trips fewer on the hottest path. Postgres runs at READ COMMITTED, where
every statement takes its own snapshot inside a transaction too, so a read loses no consistency
it had. That session refuses to write through the ORM (:class:`ReadOnlySession`): a ``GET`` that
tried would otherwise commit statement by statement.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import Enum, MetaData, Select, TypeDecorator, event
from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, ORMExecuteState, Session, UOWTransaction

from kopmod_shared import driver
from kopmod_shared.driver import connection_lost

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def make_metadata() -> MetaData:
    return MetaData(naming_convention=NAMING_CONVENTION)


class Base(DeclarativeBase):
    """Declarative base for a service's models: subclass it once per service."""

    __abstract__ = True


def _treat_lost_connections_as_disconnects(context: ExceptionContext) -> None:
    """``handle_error`` hook: SQLAlchemy's asyncpg dialect does not recognise every way a server
    shutdown surfaces (an admin-shutdown error, a protocol left mid-message) as a disconnect, and
    without pre-ping such a connection would go back to the pool and fail the next request too.
    Marked a disconnect, it is invalidated along with every older pooled connection."""
    if not context.is_disconnect and connection_lost(context.original_exception):
        context.is_disconnect = True


def create_engine(
    url: str,
    *,
    pool_size: int = 10,
    max_overflow: int = 10,
    pool_timeout: float = 10.0,
    statement_timeout_ms: int = 15_000,
    application_name: str = "kopmod",
    pool_pre_ping: bool = False,
    transaction_pooler: bool = False,
) -> AsyncEngine:
    """The service's engine. ``pool_pre_ping`` costs a round trip per checkout; without it a
    connection the server dropped fails its request with 503 (``errors.database_unavailable``),
    and SQLAlchemy then replaces every pooled connection older than the failure.

    ``transaction_pooler``: the URL is a PgBouncer in transaction mode, where each transaction
    (and each statement outside one) may run on a different server connection. Nothing may then
    rely on state a server connection keeps between transactions:

    - prepared statements are unnamed (asyncpg's statement cache off, SQLAlchemy's too, with an
      empty statement name): asyncpg sends Parse, Describe, Bind and Execute before one Sync, so
      an unnamed statement lives and dies inside the one server transaction that runs it, while a
      named one would stay behind on a server connection other clients share ("prepared
      statement already exists") or be missing on the next one;
    - no ``statement_timeout`` startup parameter (PgBouncer refuses parameters it does not track);
      set it on the database role instead (docs/deploy.md: ``ALTER ROLE ... SET``).
    """
    server_settings = {"application_name": application_name, "timezone": "UTC"}
    connect_args: dict[str, Any] = {"server_settings": server_settings, "timeout": 5}
    if transaction_pooler:
        connect_args |= {
            "statement_cache_size": 0,
            "prepared_statement_cache_size": 0,
            "prepared_statement_name_func": _unnamed_statement,
        }
    else:
        server_settings["statement_timeout"] = str(statement_timeout_ms)
    engine = create_async_engine(
        url,
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_timeout=pool_timeout,
        pool_pre_ping=pool_pre_ping,
        connect_args=connect_args,
    )
    event.listen(engine.sync_engine, "handle_error", _treat_lost_connections_as_disconnects)
    return engine


def _unnamed_statement() -> str:
    return ""


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


class ReadOnlyWrite(RuntimeError):
    """A read (GET) tried to write through its session: a bug in the route, never bad input."""


class ReadOnlySession(Session):
    """The session of a read: autocommit, and no ORM inserts, updates or deletes."""


@event.listens_for(ReadOnlySession, "before_flush")
def _refuse_flush(session: Session, flush_context: UOWTransaction, instances: object) -> None:
    if session.new or session.dirty or session.deleted:
        raise ReadOnlyWrite("a read request tried to write (flush) through its session")


@event.listens_for(ReadOnlySession, "do_orm_execute")
def _refuse_write(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        raise ReadOnlyWrite("a read request tried to write through its session")


def read_engine(engine: AsyncEngine) -> AsyncEngine:
    """The same pool in autocommit mode: reads run without ``BEGIN`` and ``COMMIT``."""
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def make_read_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(
        read_engine(engine),
        expire_on_commit=False,
        autoflush=False,
        sync_session_class=ReadOnlySession,
    )


READ_METHODS = frozenset({"GET", "HEAD"})


def request_session(request: Request) -> AsyncSession:
    """The request's session, created on first use: autocommit and read-only for a read."""
    session: AsyncSession | None = getattr(request.state, "db_session", None)
    if session is None:
        state = request.app.state
        read = request.method in READ_METHODS and hasattr(state, "read_sessionmaker")
        maker: async_sessionmaker[AsyncSession] = (
            state.read_sessionmaker if read else state.sessionmaker
        )
        session = maker()
        request.state.db_session = session
    return session


async def get_session(request: Request) -> AsyncSession:
    return request_session(request)


SessionDep = Annotated[AsyncSession, Depends(get_session)]


async def read_connection(request: Request) -> AsyncIterator[AsyncConnection]:
    """A pooled connection in autocommit mode, without an ORM session, for the hottest reads
    (Core statements only: no unit of work, no identity map, no session transaction). Given
    back as soon as the endpoint returns."""
    async with request.app.state.read_engine.connect() as conn:
        yield conn


ReadConnectionDep = Annotated[AsyncConnection, Depends(read_connection, scope="function")]

_DRIVER_DIALECT = PGDialect_asyncpg()


class DriverQuery:
    """A Core ``SELECT`` compiled once and run on the asyncpg connection underneath a pooled
    SQLAlchemy connection, for the hottest reads.

    SQLAlchemy's per-execution work (execution context, parameter and result processing,
    events) costs several times the query itself on a one-row read; here the statement is
    compiled once, asyncpg prepares it once per connection, and the SQLAlchemy result processor
    of enum and decorated columns is applied to the record (asyncpg already decodes the other
    types as SQLAlchemy's asyncpg dialect returns them: UUID, Decimal, dates, arrays, records).
    Rows are named tuples with the statement's column keys as fields (label computed columns).
    Only plain bind parameters (no expanding ``IN`` lists); the values SQLAlchemy binds as
    parameters itself (``literal(1)``, the ``0`` of a ``coalesce``) are sent with the ones a call
    names.
    """

    def __init__(self, statement: Select[Any]) -> None:
        compiled = statement.compile(dialect=_DRIVER_DIALECT)
        if any(b.expanding for b in compiled.binds.values()):
            raise ValueError("DriverQuery takes no expanding (IN list) parameters")
        self.sql = str(compiled)
        self.params = list(compiled.positiontup or [])
        self.literals = {
            name: bind.effective_value
            for name, bind in compiled.binds.items()
            if not bind.required and name in self.params
        }
        columns = list(statement.selected_columns)
        self.row_type = namedtuple("DriverRow", [c.key for c in columns])  # type: ignore[misc]
        self.processors = [
            (i, p)
            for i, c in enumerate(columns)
            if isinstance(c.type, (Enum, TypeDecorator))
            and (p := c.type.dialect_impl(_DRIVER_DIALECT).result_processor(_DRIVER_DIALECT, None))
        ]

    async def fetchrow(self, conn: AsyncConnection, **params: Any) -> Any:
        """The first row, or None."""
        record = await self._run(conn, "fetchrow", params)
        if record is None:
            return None
        values = list(record)
        for i, process in self.processors:
            values[i] = process(values[i])
        return self.row_type(*values)

    async def fetch_records(self, conn: AsyncConnection, **params: Any) -> list[Any]:
        """Every row as the driver's records (tuples by position), for a read of tens of
        thousands of plain values turned into columns at once (``zip(*records)``). No result
        processing: the statement must select no enum or decorated column."""
        if self.processors:
            raise ValueError("fetch_records takes no enum or decorated columns")
        records: list[Any] = await self._run(conn, "fetch", params)
        return records

    async def _run(self, conn: AsyncConnection, method: str, params: dict[str, Any]) -> Any:
        values = self.literals | params
        return await driver.run_on_driver(conn, method, self.sql, [values[n] for n in self.params])


def db_url_with_database(url: str, database: str) -> str:
    """The same server URL pointing at another database."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=database).render_as_string(hide_password=False)


def sync_url(url: str) -> str:
    """An asyncpg URL as a plain (libpq-style) URL, for tools that want one."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def engine_pool_stats(engine: AsyncEngine) -> dict[str, Any]:
    pool: Any = engine.pool
    return {
        "size": pool.size() if hasattr(pool, "size") else 0,
        "checked_out": pool.checkedout() if hasattr(pool, "checkedout") else 0,
        "overflow": pool.overflow() if hasattr(pool, "overflow") else 0,
    }
