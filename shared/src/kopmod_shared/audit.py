"""The audit trail every service keeps: one row per command (who, what, when, request, outcome),
written in the command's transaction when it succeeds (a before-commit hook of the
transactional route) and in a transaction of its own when it is refused (so a refusal leaves a
trace but changes nothing). A service owns its ``audit_records`` table (its model and
migration) and hands it to :func:`audited_with`, :func:`success_hook` and :func:`page_query`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

from asgi_correlation_id import correlation_id
from fastapi import Query, Request, Response
from pydantic import BaseModel, ConfigDict
from sqlalchemy import Select, Table, insert, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.auth import Principal, PrincipalDep
from kopmod_shared.dates import BoundedDateTime
from kopmod_shared.deferred import deferred_inserts
from kopmod_shared.errors import ProblemError, ValidationProblem
from kopmod_shared.ids import new_id

log = logging.getLogger(__name__)

# Fields never copied into an audit row (documents carry personal data; secrets are secrets):
# these names, and any name containing one of the words after them.
REDACTED_KEYS = frozenset({"content", "file"})
REDACTED_WORDS = ("password", "secret", "token", "otp", "recovery_code")
# Path parameters that name the command's target when the endpoint names none.
TARGET_SUFFIXES = ("_id", "_uuid")


@dataclass
class AuditContext:
    """Handed to the endpoint: it names the target and may replace the recorded request."""

    action: str
    principal: Principal
    request: dict[str, Any]
    target_id: UUID | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _secret(key: str) -> bool:
    lowered = key.lower()
    return lowered in REDACTED_KEYS or any(word in lowered for word in REDACTED_WORDS)


def _storable(text: str) -> str:
    # Postgres text and jsonb hold no NUL character: a hostile request's NUL is kept visible.
    return text.replace("\x00", "\ufffd")


def redact(value: Any) -> Any:
    """Secrets replaced, and every string (keys too) storable in a jsonb column."""
    if isinstance(value, dict):
        return {
            _storable(str(k)): "[redacted]" if _secret(str(k)) else redact(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [redact(v) for v in value]
    if isinstance(value, str):
        return _storable(value)
    return value


async def request_summary(request: Request) -> dict[str, Any]:
    summary: dict[str, Any] = {"query": redact(dict(request.query_params))}
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        try:
            summary["body"] = redact(json.loads(await request.body() or b"null"))
        except ValueError:
            summary["body"] = "[not json]"
    elif content_type:
        # Uploads: the endpoint records the metadata; the bytes never reach the audit trail.
        summary["body"] = f"[{content_type.split(';')[0]}]"
    key = request.headers.get("idempotency-key")
    if key:
        summary["idempotency_key"] = _storable(key)
    return summary


def _path_target(request: Request) -> UUID | None:
    named = (v for k, v in request.path_params.items() if k.endswith(TARGET_SUFFIXES))
    value = next(named, None)
    try:
        return UUID(str(value)) if value is not None else None
    except ValueError:
        return None


def audit_row(ctx: AuditContext, request: Request, **kw: Any) -> dict[str, Any]:
    """The row's values (``at`` is the server's ``now()``)."""
    target = ctx.target_id if ctx.target_id is not None else _path_target(request)
    return {
        "id": new_id(),
        "actor": ctx.principal.actor,
        "actor_client": ctx.principal.via_client,
        "actor_role": ctx.principal.role.value,
        "actor_org_id": ctx.principal.org_id,
        "action": ctx.action,
        "method": request.method,
        "path": _storable(request.url.path),
        "target_id": target,
        "request": redact({**ctx.request, **({"details": ctx.extra} if ctx.extra else {})}),
        "request_id": correlation_id.get(),
        "problem_type": None,
        "detail": None,
        **{k: _storable(v) if isinstance(v, str) else v for k, v in kw.items()},
    }


Dependency = Callable[..., AsyncIterator[AuditContext]]


def audited_with(table: Table) -> Callable[[str], Dependency]:
    """``audited = audited_with(AuditRecord.__table__)``; then ``Depends(audited("action"))``
    on a route records that command with its outcome."""

    def audited(action: str) -> Dependency:
        async def dependency(
            request: Request, principal: PrincipalDep
        ) -> AsyncIterator[AuditContext]:
            ctx = AuditContext(
                action=action, principal=principal, request=await request_summary(request)
            )
            request.state.audit = ctx
            try:
                yield ctx
            except ProblemError as exc:
                # The command's transaction is rolled back by now: the refusal gets its own.
                try:
                    row = audit_row(
                        ctx,
                        request,
                        outcome="refused",
                        status_code=exc.status,
                        problem_type=exc.type_uri(),
                        detail=exc.detail,
                    )
                    async with request.app.state.sessionmaker() as own, own.begin():
                        await own.execute(insert(table).values(row))
                except Exception:  # the refusal must still reach the caller
                    log.exception("could not write the audit row of a refused command")
                raise

        return dependency

    return audited


def _created_id(response: Response) -> UUID | None:
    """The ``id`` of what a 201 created (when no path parameter names the target): the new
    object is the command's target."""
    body = getattr(response, "body", b"")
    if not body.startswith(b"{"):
        return None
    try:
        created = json.loads(body).get("id")
        return UUID(str(created)) if created else None
    except ValueError:
        return None


Hook = Callable[[Request, Response, AsyncSession], Coroutine[Any, Any, None]]


def success_hook(table: Table) -> Hook:
    """The before-commit hook writing a succeeded command's row in its own transaction:
    ``app.state.before_commit_hooks.append(success_hook(AuditRecord.__table__))``."""

    async def record_success(request: Request, response: Response, session: AsyncSession) -> None:
        ctx: AuditContext | None = getattr(request.state, "audit", None)
        if ctx is None:
            return
        if ctx.target_id is None and response.status_code == 201 and not _path_target(request):
            ctx.target_id = _created_id(response)
        # A Core INSERT, not session.add + flush: the row is only written, never read back.
        row = audit_row(ctx, request, outcome="succeeded", status_code=response.status_code)
        queue = deferred_inserts(session)
        if queue is not None:  # one statement with the command's outbox and idempotency rows
            queue.append((table, row))
        else:
            await session.execute(insert(table).values(row))

    return record_success


class AuditRecordOut(BaseModel):
    """One audit row as the API answers it."""

    model_config = ConfigDict(from_attributes=True)

    id: UUID
    at: datetime
    actor: str
    actor_client: str | None
    actor_role: str
    actor_org_id: UUID | None
    action: str
    method: str
    path: str
    target_id: UUID | None
    request: dict[str, Any]
    outcome: str
    status_code: int
    problem_type: str | None
    detail: str | None
    request_id: str | None


@dataclass(frozen=True)
class AuditFilters:
    target_id: UUID | None = None
    actor: str | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def _utc(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)  # a time without its zone is read as UTC
    return value


async def audit_filters(
    target_id: Annotated[
        UUID | None, Query(description="The object acted on (a cooperative, client, person...).")
    ] = None,
    actor: Annotated[
        str | None,
        Query(max_length=200, description="Who acted: a person's id, or a client's id."),
    ] = None,
    action: Annotated[str | None, Query(max_length=60)] = None,
    since: Annotated[
        BoundedDateTime | None,
        Query(description="At or after this time (a date is its midnight UTC)."),
    ] = None,
    until: Annotated[
        BoundedDateTime | None, Query(description="Before this time (exclusive).")
    ] = None,
) -> AuditFilters:
    since, until = _utc(since), _utc(until)
    if since is not None and until is not None and since >= until:
        raise ValidationProblem.for_field("query.until", "must be after since", "bad_range")
    return AuditFilters(target_id, actor, action, since, until)


def page_query(
    table: Table, *, limit: int, before: tuple[datetime, UUID] | None, filters: AuditFilters
) -> Select[Any]:
    """Newest first, one more row than ``limit`` (to know whether a next page exists);
    ``since`` inclusive, ``until`` exclusive."""
    target_id, actor, action = filters.target_id, filters.actor, filters.action
    since, until = filters.since, filters.until
    c = table.c
    stmt = select(table).order_by(c.at.desc(), c.id.desc())
    if before is not None:
        stmt = stmt.where(tuple_(c.at, c.id) < tuple_(*before))
    if target_id is not None:
        stmt = stmt.where(c.target_id == target_id)
    if actor is not None:
        stmt = stmt.where(c.actor == actor)
    if action is not None:
        stmt = stmt.where(c.action == action)
    if since is not None:
        stmt = stmt.where(c.at >= since)
    if until is not None:
        stmt = stmt.where(c.at < until)
    return stmt.limit(limit + 1)
