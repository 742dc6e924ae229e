"""Engines and the session-per-request unit of work.

Each request gets one :class:`AsyncSession` (created lazily by :func:`get_session`). The
:class:`TransactionalRoute` commits it after the endpoint returns and *before* the response is
sent, so a failed commit becomes an error response instead of a 200 for a write that was lost.
Services and repositories never commit; they flush.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Annotated, Any

from fastapi import Depends, Request, Response
from fastapi.routing import APIRoute
from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase

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


def create_engine(
    url: str,
    *,
    pool_size: int = 10,
    max_overflow: int = 10,
    pool_timeout: float = 10.0,
    statement_timeout_ms: int = 15_000,
    application_name: str = "kopmod",
) -> AsyncEngine:
    return create_async_engine(
        url,
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_timeout=pool_timeout,
        pool_pre_ping=True,
        connect_args={
            "server_settings": {
                "application_name": application_name,
                "statement_timeout": str(statement_timeout_ms),
                "timezone": "UTC",
            },
            "timeout": 5,
        },
    )


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


def request_session(request: Request) -> AsyncSession:
    """The request's session, created on first use."""
    session: AsyncSession | None = getattr(request.state, "db_session", None)
    if session is None:
        maker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
        session = maker()
        request.state.db_session = session
    return session


async def get_session(request: Request) -> AsyncSession:
    return request_session(request)


SessionDep = Annotated[AsyncSession, Depends(get_session)]

BeforeCommitHook = Callable[[Request, Response, AsyncSession], Awaitable[None]]


class TransactionalRoute(APIRoute):
    """Route class: one transaction per request, committed before the response leaves.

    ``before_commit`` hooks (idempotency records) run inside the same transaction, after the
    endpoint has produced its response.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def run(request: Request) -> Response:
            hooks: list[BeforeCommitHook] = getattr(request.app.state, "before_commit_hooks", [])
            try:
                response = await _run_with_idempotency(request, handler)
                session: AsyncSession | None = getattr(request.state, "db_session", None)
                if session is not None:
                    if response.status_code < 400:
                        for hook in hooks:
                            await hook(request, response, session)
                        await session.commit()
                    else:
                        await session.rollback()
                _rate_limit_headers(request, response.headers)
                return response
            except BaseException as exc:
                problem_headers = getattr(exc, "headers", None)
                if isinstance(problem_headers, dict):
                    _rate_limit_headers(request, problem_headers)
                session = getattr(request.state, "db_session", None)
                if session is not None:
                    await session.rollback()
                raise
            finally:
                session = getattr(request.state, "db_session", None)
                if session is not None:
                    await session.close()
                    request.state.db_session = None

        return run


def _rate_limit_headers(request: Request, headers: Any) -> None:
    """The RateLimit-* headers of ``kopmod_shared.ratelimit`` on every answer of a limited route."""
    state = getattr(request.state, "rate_limit", None)
    if state is None:
        return
    for name, value in state.headers().items():
        if name not in headers:
            headers[name] = value


async def _run_with_idempotency(
    request: Request, handler: Callable[[Request], Awaitable[Response]]
) -> Response:
    # Imported here: idempotency depends on this module's session helpers.
    from kopmod_shared.idempotency import replay_or_run

    return await replay_or_run(request, handler)


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
