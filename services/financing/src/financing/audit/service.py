"""Audit rows for commands: written in the command's transaction when it succeeds (a
before-commit hook of the transactional route), and in a transaction of their own when it is
refused (so a refusal leaves a trace but changes nothing)."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from asgi_correlation_id import correlation_id
from fastapi import Request, Response
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from financing.audit.models import AuditRecord
from kopmod_shared.auth import Principal, PrincipalDep
from kopmod_shared.deferred import deferred_inserts
from kopmod_shared.errors import ProblemError
from kopmod_shared.ids import new_id

log = logging.getLogger(__name__)

# The columns a success row sets besides ``id`` (``at`` is the server's ``now()``).
_AUDIT_COLUMNS = [c for c in AuditRecord.__table__.columns if c.key not in {"id", "at"}]

# Fields never copied into an audit row (documents carry personal data; secrets are secrets).
REDACTED_KEYS = frozenset({"content", "file", "client_secret", "password"})


@dataclass
class AuditContext:
    """Handed to the endpoint: it names the target and may replace the recorded request."""

    action: str
    principal: Principal
    request: dict[str, Any]
    target_id: UUID | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _redact(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: "[redacted]" if k in REDACTED_KEYS else _redact(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact(v) for v in value]
    return value


async def _request_summary(request: Request) -> dict[str, Any]:
    summary: dict[str, Any] = {"query": dict(request.query_params)}
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        try:
            summary["body"] = _redact(json.loads(await request.body() or b"null"))
        except ValueError:
            summary["body"] = "[not json]"
    elif content_type:
        # Uploads: the endpoint records the metadata; the bytes never reach the audit trail.
        summary["body"] = f"[{content_type.split(';')[0]}]"
    key = request.headers.get("idempotency-key")
    if key:
        summary["idempotency_key"] = key
    return summary


def _record(ctx: AuditContext, request: Request, **kw: Any) -> AuditRecord:
    path_target = next((v for k, v in request.path_params.items() if k.endswith("_id")), None)
    target = ctx.target_id
    if target is None and path_target is not None:
        try:
            target = UUID(str(path_target))
        except ValueError:
            target = None
    return AuditRecord(
        actor=ctx.principal.actor,
        actor_client=ctx.principal.via_client,
        actor_role=ctx.principal.role.value,
        actor_org_id=ctx.principal.org_id,
        action=ctx.action,
        method=request.method,
        path=request.url.path,
        target_id=target,
        request={**ctx.request, **({"details": ctx.extra} if ctx.extra else {})},
        request_id=correlation_id.get(),
        **kw,
    )


def audited(action: str) -> Callable[..., AsyncIterator[AuditContext]]:
    """Route dependency recording the command ``action`` with its outcome."""

    async def dependency(request: Request, principal: PrincipalDep) -> AsyncIterator[AuditContext]:
        ctx = AuditContext(
            action=action, principal=principal, request=await _request_summary(request)
        )
        request.state.audit = ctx
        try:
            yield ctx
        except ProblemError as exc:
            # The command's transaction is rolled back by now: the refusal gets its own.
            try:
                async with request.app.state.sessionmaker() as own, own.begin():
                    own.add(
                        _record(
                            ctx,
                            request,
                            outcome="refused",
                            status_code=exc.status,
                            problem_type=exc.type_uri(),
                            detail=exc.detail,
                        )
                    )
            except Exception:  # the refusal must still reach the caller
                log.exception("could not write the audit row of a refused command")
            raise

    return dependency


async def record_success(request: Request, response: Response, session: AsyncSession) -> None:
    """Before-commit hook: the succeeded command's row, in the command's own transaction."""
    ctx: AuditContext | None = getattr(request.state, "audit", None)
    if ctx is None:
        return
    # A Core INSERT, not session.add + flush: the row is only written, never read back, and the
    # unit of work's bookkeeping costs more than the statement on a short command. Whatever the
    # endpoint left pending is flushed by the commit right after, in the same transaction.
    record = _record(ctx, request, outcome="succeeded", status_code=response.status_code)
    table = AuditRecord.__table__
    row = {c.key: getattr(record, c.key) for c in _AUDIT_COLUMNS}
    row["id"] = new_id()
    queue = deferred_inserts(session)
    if queue is not None:  # one statement with the command's outbox and idempotency rows
        queue.append((table, row))
    else:
        await session.execute(insert(table).values(row))
