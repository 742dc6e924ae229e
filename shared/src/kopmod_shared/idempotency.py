"""``Idempotency-Key`` on POST, as the IETF draft and Stripe describe it.

- The key is scoped to the calling client; the stored record holds a fingerprint of the request
  (method, path, query, body) and the first successful response.
- A retry with the same request replays the stored status and body (header
  ``Idempotent-Replayed: true``); the same key with a different request is a 422; a retry while the
  first is still running gets a 409 (a transaction-scoped advisory lock tells).
- The record is written in the same transaction as the effect, so an effect never exists without
  its record and a failed request leaves nothing behind (its retry runs again).
- Records expire after ``idempotency_window_hours`` (24 h by default).

Each service declares the table with :func:`define_idempotency_table` in its own models and
migrations; the queries here use its name only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import Depends, Header, Request, Response
from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    func,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert

from kopmod_shared.auth import resolve_principal
from kopmod_shared.db import request_session
from kopmod_shared.deferred import Upsert, deferred_inserts
from kopmod_shared.errors import IdempotencyInProgress, IdempotencyKeyReused, ValidationProblem

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"


def define_idempotency_table(metadata: MetaData) -> Table:
    return Table(
        "idempotency_keys",
        metadata,
        Column("client_id", String(200), nullable=False),
        Column("key", String(255), nullable=False),
        Column("fingerprint", String(64), nullable=False),
        Column("status_code", Integer, nullable=False),
        Column("body", LargeBinary, nullable=False),
        Column("content_type", String(100), nullable=False),
        Column("location", String(1000), nullable=True),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
        PrimaryKeyConstraint("client_id", "key"),
    )


# The lookup must take its snapshot after the lock is held, or a first request committing in
# between would run again: two statements, or one call of a service's ``idempotency_claim``
# function (its migration creates it; its app sets ``state.idempotency_claim``), whose lookup is
# a statement of its own inside.
_CLAIM = (
    "SELECT locked, fingerprint, status_code, body, content_type, location "
    "FROM idempotency_claim($1, $2)"
)
_LOCK = "SELECT pg_try_advisory_xact_lock(hashtextextended($1 || chr(31) || $2, 42))"
_LOOKUP = (
    "SELECT fingerprint, status_code, body, content_type, location "
    "FROM idempotency_keys WHERE client_id = $1 AND key = $2 AND expires_at > now()"
)


class _Replay(Exception):
    def __init__(self, response: Response) -> None:
        self.response = response


class _Pending:
    __slots__ = ("client_id", "fingerprint", "key")

    def __init__(self, client_id: str, key: str, fingerprint: str) -> None:
        self.client_id, self.key, self.fingerprint = client_id, key, fingerprint


async def _fingerprint(request: Request) -> str:
    digest = hashlib.sha256()
    for part in (request.method, request.url.path, request.url.query):
        digest.update(part.encode())
        digest.update(b"\0")
    try:
        digest.update(await request.body())
    except RuntimeError:
        # A form (multipart upload) was parsed before this dependency ran, so the raw stream is
        # gone: fingerprint the parsed fields and files instead.
        form = await request.form()
        for name, value in form.multi_items():
            digest.update(name.encode() + b"\0")
            if isinstance(value, str):
                digest.update(value.encode())
            else:
                digest.update((value.filename or "").encode() + b"\0")
                digest.update(await value.read())
                await value.seek(0)
            digest.update(b"\0")
    return digest.hexdigest()


async def idempotency(
    request: Request,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias=HEADER,
            description=(
                "Makes this POST safe to retry: the same key with the same request replays the "
                "first response (for 24 hours); with a different request it is refused with 422."
            ),
            max_length=255,
        ),
    ] = None,
) -> None:
    """Route dependency added to every POST by :class:`kopmod_shared.app.KopmodRouter`.

    The caller is resolved here (:func:`kopmod_shared.auth.resolve_principal`, kept on the
    request) rather than through a sub-dependency: one dependant fewer for FastAPI to resolve
    on every POST."""
    principal = await resolve_principal(request)  # 401 for a bad token, key or not
    if idempotency_key is None or principal is None:
        return
    key = idempotency_key.strip()
    if not key:
        raise ValidationProblem.for_field(f"header.{HEADER}", "must not be empty", "empty")
    session = request_session(request)
    fingerprint = await _fingerprint(request)
    # Plain SQL on the session's connection (in its transaction): no statement to build,
    # compile or look up in a cache on every POST.
    conn = await session.connection()
    args = (principal.client_id, key)
    if getattr(request.app.state, "idempotency_claim", False):
        row = (await conn.exec_driver_sql(_CLAIM, args)).one()
        locked = row.locked
        row = row if row.fingerprint is not None else None
    else:
        locked = (await conn.exec_driver_sql(_LOCK, args)).scalar()
        row = (await conn.exec_driver_sql(_LOOKUP, args)).first() if locked else None
    if not locked:
        raise IdempotencyInProgress("the first request with this key has not finished; retry")
    if row is not None:
        if row.fingerprint != fingerprint:
            raise IdempotencyKeyReused(
                "this Idempotency-Key was used for a different request",
                errors=None,
            )
        headers = {REPLAYED_HEADER: "true"}
        if row.location:
            headers["Location"] = row.location
        raise _Replay(
            Response(
                content=bytes(row.body),
                status_code=row.status_code,
                media_type=row.content_type,
                headers=headers,
            )
        )
    request.state.idempotency_pending = _Pending(principal.client_id, key, fingerprint)


IdempotencyDep = Depends(idempotency)

# The table's shape for building the record's upsert (each service declares its own, same name).
_KEYS = define_idempotency_table(MetaData())


async def record_response(request: Request, response: Response, session: object) -> None:
    pending: _Pending | None = getattr(request.state, "idempotency_pending", None)
    if pending is None:
        return
    body = getattr(response, "body", None)
    if body is None:  # streaming responses are not replayable; nothing to record
        return
    window = request.app.state.settings.idempotency_window_hours
    s = request_session(request)
    values = {
        "client_id": pending.client_id,
        "key": pending.key,
        "fingerprint": pending.fingerprint,
        "status_code": response.status_code,
        "body": bytes(body),
        "content_type": response.headers.get("content-type", "application/json"),
        "location": response.headers.get("location"),
        "expires_at": datetime.now(UTC) + timedelta(hours=window),
    }
    queue = deferred_inserts(s)
    if queue is not None:  # one statement with the command's outbox and audit rows
        queue.append(Upsert(_KEYS, values, ("client_id", "key"), now=("created_at",)))
        return
    stmt = pg_insert(_KEYS).values(values)
    stmt = stmt.on_conflict_do_update(
        index_elements=[_KEYS.c.client_id, _KEYS.c.key],
        set_={
            **{c: stmt.excluded[c] for c in values if c not in ("client_id", "key")},
            "created_at": func.now(),
        },
    )
    await s.execute(stmt)


async def replay_or_run(
    request: Request, handler: Callable[[Request], Awaitable[Response]]
) -> Response:
    try:
        return await handler(request)
    except _Replay as replay:
        return replay.response
