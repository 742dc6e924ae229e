"""Throttling client-secret guessing on ``POST /v1/oauth/token``.

Failed attempts (a wrong secret or an unknown client id) are written to the audit trail
(``token_request_audit``) on their own connection, since the refused request rolls back its own
transaction. Before any secret is compared, the recent failures of the client id and of the
caller's address are counted over a sliding window; at the limit the answer is 429
``too-many-failed-attempts`` with ``Retry-After`` (the seconds until the oldest counted failure
leaves the window), and the right secret is refused as well until then, so guessing gains
nothing from the lockout's end being near. The lockout itself is recorded too (``locked_out``).
Per client id stops guessing one client's secret from many addresses; per address (a higher
limit) stops one address trying many client ids. Both live in Postgres, so every replica agrees.
"""

from __future__ import annotations

import logging
import math
from datetime import timedelta
from typing import Any

from asgi_correlation_id import correlation_id
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from kopmod_shared.errors import ProblemError
from registry.identity.repository import LOCKED_OUT, WRONG_SECRET, TokenAuditRepository

log = logging.getLogger("kopmod.registry.token")


class TooManyFailedAttempts(ProblemError):
    status, slug, title = 429, "too-many-failed-attempts", "Too many failed attempts"


async def refuse_if_locked(
    session: AsyncSession, engine: AsyncEngine, settings: Any, *, client_id: str, address: str
) -> None:
    wait = await TokenAuditRepository(await session.connection()).locked_for(
        client_id=client_id,
        address=address,
        window=timedelta(seconds=settings.secret_failure_window_seconds),
        per_client=settings.secret_failures_per_client,
        per_address=settings.secret_failures_per_address,
    )
    if wait <= 0:
        return
    await _record(engine, client_id=client_id, address=address, outcome=LOCKED_OUT)
    retry = max(1, math.ceil(wait))
    log.warning("token request locked out", extra={"client": client_id[:100], "retry": retry})
    raise TooManyFailedAttempts(
        f"too many failed attempts for this client or from this address; retry after {retry} s",
        headers={"Retry-After": str(retry), "Cache-Control": "no-store"},
        error="invalid_client",
    )


async def record_failure(engine: AsyncEngine, *, client_id: str, address: str) -> None:
    await _record(engine, client_id=client_id, address=address, outcome=WRONG_SECRET)
    log.warning("wrong client credentials", extra={"client": client_id[:100]})


async def _record(engine: AsyncEngine, *, client_id: str, address: str, outcome: str) -> None:
    async with engine.begin() as conn:
        await TokenAuditRepository(conn).record(
            client_id=client_id, address=address, outcome=outcome, request_id=correlation_id.get()
        )
