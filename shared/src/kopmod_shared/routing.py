"""The route class and router every service's endpoints use.

:class:`TransactionalRoute` runs each request in one transaction, committed after the endpoint
returns and *before* the response is sent (a failed commit becomes an error response, never a
200 for a lost write); an error response rolls back. :class:`KopmodRouter` uses it, puts the rate
limit in front of every route and makes every POST honour ``Idempotency-Key``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.routing import APIRoute
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.deferred import write_deferred
from kopmod_shared.idempotency import IdempotencyDep, replay_or_run
from kopmod_shared.ratelimit import RateLimitDep

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
                response = await replay_or_run(request, handler)
                session: AsyncSession | None = getattr(request.state, "db_session", None)
                if session is not None:
                    if response.status_code < 400:
                        for hook in hooks:
                            await hook(request, response, session)
                        await write_deferred(session)
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


class KopmodRouter(APIRouter):
    """APIRouter whose routes run in one transaction and whose POSTs honour Idempotency-Key."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("route_class", TransactionalRoute)
        super().__init__(**kwargs)

    def add_api_route(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        methods = {m.upper() for m in (kwargs.get("methods") or [])}
        extra = kwargs.get("openapi_extra") or {}
        # The rate limit runs first: a refused request costs one statement and nothing else.
        kwargs["dependencies"] = [RateLimitDep, *(kwargs.get("dependencies") or [])]
        if "POST" in methods and not extra.get("x-no-idempotency"):
            kwargs["dependencies"] = [*kwargs["dependencies"], IdempotencyDep]
        super().add_api_route(path, endpoint, **kwargs)
