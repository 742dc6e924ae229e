"""Per-client rate limits (OWASP API4), shared by every replica of a service through Postgres.

A fixed window per client: each request adds one to the row of (client, current window) in the
UNLOGGED table ``rate_limit_buckets`` with ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING``; the
window is computed by the database clock, so every replica agrees on it. Above the limit the
answer is 429 ``rate-limited`` problem+json with ``Retry-After``; every answer of a limited route
carries ``RateLimit-Limit``, ``RateLimit-Remaining`` and ``RateLimit-Reset`` (seconds until the
window ends; IETF draft "RateLimit header fields for HTTP").

The caller is the token's client id; a request without a valid bearer token (the token endpoint,
or a token that will be refused anyway) is counted by client IP. Principals whose role is listed
in ``rate_limit_exempt_roles`` (``service`` by default: the platform calling itself) are not
counted.

The statement runs on the request's own database connection *before* the request's transaction
begins (the asyncpg driver starts ``BEGIN`` lazily), so it commits at once, holds no row lock for
the rest of the request, and costs one round trip. When the request already has a transaction
open, a separate autocommit connection is used instead.

Each service declares the table with :func:`define_rate_limit_table` in its models and creates it
in a migration (``UNLOGGED``: counts are disposable, not worth WAL).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, Request
from sqlalchemy import Column, DateTime, Integer, MetaData, PrimaryKeyConstraint, String, Table

from kopmod_shared.auth import Principal, TokenVerifier
from kopmod_shared.db import request_session
from kopmod_shared.errors import RateLimited, Unauthorized

TABLE = "rate_limit_buckets"
# How often (per request) the stale windows of *all* clients are purged; each request purges its
# own client's stale windows anyway.
GLOBAL_PURGE_PROBABILITY = 0.001

# $1 = client key, $2 = window length in seconds; the window is computed by the database clock.
# Each statement first deletes this client's stale windows (or, now and then, everybody's).
_BUMP_AND_PURGE_OWN = """
WITH purged AS (
  DELETE FROM rate_limit_buckets WHERE client_id = $1
  AND window_start < to_timestamp(floor(extract(epoch FROM clock_timestamp()) / $2::int) * $2::int)
)
INSERT INTO rate_limit_buckets AS b (client_id, window_start, count)
VALUES ($1, to_timestamp(floor(extract(epoch FROM clock_timestamp()) / $2::int) * $2::int), 1)
ON CONFLICT (client_id, window_start) DO UPDATE SET count = b.count + 1
RETURNING b.count,
  extract(epoch FROM b.window_start + make_interval(secs => $2::int) - clock_timestamp())
"""
_BUMP_AND_PURGE_ALL = """
WITH purged AS (
  DELETE FROM rate_limit_buckets
  WHERE window_start
    < to_timestamp(floor(extract(epoch FROM clock_timestamp()) / $2::int) * $2::int)
)
INSERT INTO rate_limit_buckets AS b (client_id, window_start, count)
VALUES ($1, to_timestamp(floor(extract(epoch FROM clock_timestamp()) / $2::int) * $2::int), 1)
ON CONFLICT (client_id, window_start) DO UPDATE SET count = b.count + 1
RETURNING b.count,
  extract(epoch FROM b.window_start + make_interval(secs => $2::int) - clock_timestamp())
"""


def _statement(purge_all: bool) -> str:
    return _BUMP_AND_PURGE_ALL if purge_all else _BUMP_AND_PURGE_OWN


def define_rate_limit_table(metadata: MetaData) -> Table:
    return Table(
        TABLE,
        metadata,
        Column("client_id", String(200), nullable=False),
        Column("window_start", DateTime(timezone=True), nullable=False),
        Column("count", Integer, nullable=False),
        PrimaryKeyConstraint("client_id", "window_start"),
        prefixes=["UNLOGGED"],
    )


@dataclass(frozen=True)
class RateLimitState:
    limit: int
    remaining: int
    reset_seconds: int

    def headers(self) -> dict[str, str]:
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset_seconds),
        }


async def _caller_key(request: Request, exempt: set[str]) -> str | None:
    principal: Principal | None = getattr(request.state, "principal", None)
    if principal is None:
        authorization = request.headers.get("authorization", "")
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            verifier: TokenVerifier = request.app.state.token_verifier
            try:
                principal = await verifier.verify(token.strip())
            except Unauthorized:
                principal = None  # the route refuses it; count the attempt by address
            else:
                request.state.principal = principal
    if principal is not None:
        if principal.role.value in exempt:
            return None
        return f"client:{principal.client_id}"[:200]
    host = request.client.host if request.client else "unknown"
    return f"ip:{host}"[:200]


async def _bump(request: Request, key: str, window: int) -> tuple[int, float]:
    sql = _statement(random.random() < GLOBAL_PURGE_PROBABILITY)
    session = request_session(request)
    if not session.in_transaction():
        conn = await session.connection()
        raw = await conn.get_raw_connection()
        driver = raw.driver_connection
        # Nothing has run on this connection yet: asyncpg has not begun the transaction, so
        # the statement commits on its own (no lock held for the rest of the request).
        if driver is not None and not driver.is_in_transaction():
            row = await driver.fetchrow(sql, key, window)
            return int(row[0]), float(row[1])
    engine = request.app.state.engine
    async with engine.connect() as other:
        raw = await other.get_raw_connection()
        driver = raw.driver_connection
        assert driver is not None
        if driver.is_in_transaction():  # pragma: no cover - a fresh checkout is idle
            await other.rollback()
        row = await driver.fetchrow(sql, key, window)
        return int(row[0]), float(row[1])


async def rate_limit(request: Request) -> None:
    """Route dependency: count this request against its caller's window; 429 above the limit."""
    settings: Any = getattr(request.app.state, "settings", None)  # absent in a bare app (tests)
    if settings is None or not settings.rate_limit_enabled:
        return
    if not request.url.path.startswith("/v1/"):
        return
    key = await _caller_key(request, set(settings.rate_limit_exempt_roles))
    if key is None:
        return
    window = int(settings.rate_limit_window_seconds)
    limit = int(settings.rate_limit_requests)
    count, until_reset = await _bump(request, key, window)
    reset = max(1, math.ceil(until_reset))
    state = RateLimitState(limit=limit, remaining=max(0, limit - count), reset_seconds=reset)
    request.state.rate_limit = state
    if count > limit:
        raise RateLimited(
            f"at most {limit} requests per {window} s for this client; retry after {reset} s",
            headers={"Retry-After": str(reset), **state.headers()},
        )


RateLimitDep = Depends(rate_limit)
