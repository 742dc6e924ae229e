"""The relay: drains the outbox into webhook deliveries and delivers them, at least once.

Safe with several replicas: outbox rows and due deliveries are claimed with
``FOR UPDATE SKIP LOCKED``. A claimed delivery is leased (``next_attempt_at`` pushed ahead) and the
HTTP call happens after that transaction, never inside one. Retries follow a back-off schedule
(Standard Webhooks' suggestion by default); 410 Gone disables the endpoint at once, and so does a
spent schedule; the disabling writes ``<source>.webhook.endpoint_disabled`` to the outbox in the
same transaction (once, however many deliveries fail together), so the platform's admins are
told (the console). Every attempt is logged, and any failure of one delivery (a network error, a
refused address, a header that cannot be encoded, anything raised while building the request)
is a failed attempt of that delivery alone, recorded as a category (:func:`failure_category`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import ssl
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
from sqlalchemy import Table, and_, insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from kopmod_shared.auth import ORG_BOUND_ROLES, Role
from kopmod_shared.events import INTERNAL_EVENT_TYPES, EventType
from kopmod_shared.ids import new_id
from kopmod_shared.observability import REQUEST_ID_HEADER, is_valid_request_id
from kopmod_shared.outbox import outbox_row
from kopmod_shared.schemas.webhooks import WebhookEndpointDisabled
from kopmod_shared.webhooks.signing import sign_headers
from kopmod_shared.webhooks.ssrf import Resolver, UnsafeUrl, check_url, pinned
from kopmod_shared.webhooks.tables import WebhookTables

log = logging.getLogger("kopmod.relay")

# 0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: Standard Webhooks' recommended schedule.
DEFAULT_SCHEDULE: tuple[float, ...] = (0, 5, 300, 1800, 7200, 18000, 36000, 36000)
LEASE_SECONDS = 120


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def failure_category(exc: BaseException) -> str:
    """What a subscriber may read about a failed delivery: a category, never an address, a
    port or the text of a connection or TLS error (that would make the delivery log a blind
    port scanner of whatever the URL reached)."""
    if isinstance(exc, httpx.TimeoutException):
        return "timeout"
    if _caused_by(exc, ssl.SSLError):
        return "tls"
    if isinstance(exc, httpx.ConnectError):
        return "connection refused"
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        return "connection broken"
    if isinstance(exc, UnicodeError | httpx.InvalidURL | httpx.LocalProtocolError | ValueError):
        return "invalid request"
    return "delivery error"


def may_receive(endpoint: Any, envelope: dict[str, Any]) -> bool:
    """An organisation-bound subscriber only gets events naming its organisation; internal
    events go to the platform's own services only."""
    types = endpoint.event_types or []
    if types and envelope.get("type") not in types:
        return False
    try:
        role = Role(endpoint.owner_role)
    except ValueError:
        return False
    if envelope.get("type") in INTERNAL_EVENT_TYPES:
        return role is Role.service
    if role in ORG_BOUND_ROLES:
        return str(endpoint.owner_org_id) in {str(p) for p in envelope.get("parties") or []}
    return True


@dataclass
class Relay:
    engine: AsyncEngine
    outbox: Table
    tables: WebhookTables
    http: httpx.AsyncClient
    schedule: Sequence[float] = DEFAULT_SCHEDULE
    allow_private: bool = False
    allow_http: bool = False
    timeout: float = 10.0
    batch: int = 100
    poll_seconds: float = 1.0
    resolver: Resolver | None = None  # None: the system's; tests pass a stub
    # How long a claimed delivery is out of other replicas' reach: longer than one attempt
    # (``timeout``), so a slow delivery is not sent twice; a replica that dies holding a lease
    # delays those deliveries by this much.
    lease_seconds: float = LEASE_SECONDS
    # The publishing service (``settings.service_name``): with it, disabling an endpoint emits
    # ``EventType.webhook_disabled(source)``; None emits nothing.
    source: str | None = None

    async def fan_out(self) -> int:
        """Turn unpublished outbox events into pending deliveries; mark them published."""
        t = self.tables
        async with self.engine.begin() as conn:
            rows = (
                await conn.execute(
                    select(
                        self.outbox.c.seq,
                        self.outbox.c.id,
                        self.outbox.c.type,
                        self.outbox.c.payload,
                    )
                    .where(self.outbox.c.published_at.is_(None))
                    .order_by(self.outbox.c.seq)
                    .limit(self.batch)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            if not rows:
                return 0
            endpoints = (
                await conn.execute(select(t.endpoints).where(t.endpoints.c.enabled.is_(True)))
            ).all()
            now = datetime.now(UTC)
            values = [
                {
                    "id": new_id(),
                    "endpoint_id": ep.id,
                    "event_id": row.id,
                    "event_type": row.type,
                    "payload": row.payload,
                    "status": "pending",
                    "next_attempt_at": now,
                }
                for row in rows
                for ep in endpoints
                if may_receive(ep, row.payload)
            ]
            if values:
                from sqlalchemy.dialects.postgresql import insert as pg_insert

                await conn.execute(pg_insert(t.deliveries).values(values).on_conflict_do_nothing())
            await conn.execute(
                update(self.outbox)
                .where(self.outbox.c.seq.in_([r.seq for r in rows]))
                .values(published_at=now)
            )
            return len(rows)

    async def _claim(self) -> list[Any]:
        t = self.tables
        async with self.engine.begin() as conn:
            now = datetime.now(UTC)
            rows = (
                await conn.execute(
                    select(
                        t.deliveries.c.id,
                        t.deliveries.c.event_id,
                        t.deliveries.c.payload,
                        t.deliveries.c.attempts,
                        t.endpoints.c.id.label("endpoint_id"),
                        t.endpoints.c.url,
                        t.endpoints.c.secrets,
                        t.endpoints.c.owner_role,
                    )
                    .join(t.endpoints, t.endpoints.c.id == t.deliveries.c.endpoint_id)
                    .where(
                        and_(
                            t.deliveries.c.status == "pending",
                            t.deliveries.c.next_attempt_at <= now,
                            t.endpoints.c.enabled.is_(True),
                        )
                    )
                    .order_by(t.deliveries.c.next_attempt_at)
                    .limit(self.batch)
                    .with_for_update(of=t.deliveries, skip_locked=True)
                )
            ).all()
            if rows:
                await conn.execute(
                    update(t.deliveries)
                    .where(t.deliveries.c.id.in_([r.id for r in rows]))
                    .values(next_attempt_at=now + timedelta(seconds=self.lease_seconds))
                )
            return list(rows)

    async def deliver_due(self) -> int:
        claimed = await self._claim()
        if claimed:
            # Each delivery records its own outcome; one that fails even to record (database
            # gone) must not cancel the others: its lease runs out and it is tried again.
            results = await asyncio.gather(
                *(self._deliver(row) for row in claimed), return_exceptions=True
            )
            for row, result in zip(claimed, results, strict=True):
                if isinstance(result, BaseException):
                    log.error(
                        "delivery %s could not be recorded",
                        row.id,
                        exc_info=(type(result), result, result.__traceback__),
                    )
        return len(claimed)

    async def _deliver(self, row: Any) -> None:
        status: int | None = None
        error: str | None = None
        started = time.monotonic()
        try:
            status = await self._attempt(row)
            if not 200 <= status < 300:
                error = f"http {status}"
        except UnsafeUrl as exc:
            error = f"refused: {exc.extra.get('reason') or 'unsafe-url'}"
        except Exception as exc:
            # Anything at all (a header that cannot be encoded, a broken row, a network error)
            # is a failed attempt: recorded, backed off, eventually disabling the endpoint;
            # never a delivery left pending with no attempt. The subscriber reads a category;
            # the details (addresses, TLS text) stay in our own logs.
            error = failure_category(exc)
            log.warning("delivery %s failed: %s", row.id, error, exc_info=True)
        duration = int((time.monotonic() - started) * 1000)
        await self._record(row, status, error, duration)

    async def _attempt(self, row: Any) -> int:
        body = json.dumps(row.payload, separators=(",", ":"), sort_keys=True)
        now = datetime.now(UTC)
        live = [
            s["secret"]
            for s in row.secrets
            if not s.get("expires_at") or datetime.fromisoformat(s["expires_at"]) > now
        ]
        headers = sign_headers(str(row.event_id), now, body, live)
        # The request that caused the event names the delivery too, so a consumer's logs carry
        # the same id as the publisher's (X-Request-ID is what every service reads and logs).
        # Checked again here: rows stored before request ids were validated may hold anything.
        correlation = row.payload.get("correlation_id")
        if is_valid_request_id(correlation):
            headers[REQUEST_ID_HEADER] = correlation
        trusted = row.owner_role == Role.service.value
        checked = await check_url(
            row.url,
            allow_private=self.allow_private or trusted,
            allow_http=self.allow_http or trusted,
            resolver=self.resolver,
        )
        # Connect to the address just checked, not to whatever the name resolves to next.
        url, host_header, extensions = pinned(checked)
        resp = await self.http.post(
            url,
            content=body.encode(),
            headers={**headers, **host_header},
            timeout=self.timeout,
            extensions=extensions,
        )
        return resp.status_code

    async def _record(self, row: Any, status: int | None, error: str | None, ms: int) -> None:
        t = self.tables
        attempts = row.attempts + 1
        now = datetime.now(UTC)
        values: dict[str, Any] = {
            "attempts": attempts,
            "last_status_code": status,
            "last_error": error,
        }
        disable_reason: str | None = None
        if status is not None and 200 <= status < 300:
            values.update(status="succeeded", delivered_at=now, next_attempt_at=None)
        elif status == 410:
            values.update(status="failed", next_attempt_at=None)
            disable_reason = "endpoint answered 410 Gone"
        elif attempts >= len(self.schedule):
            values.update(status="failed", next_attempt_at=None)
            disable_reason = "retry schedule spent"
        else:
            values["next_attempt_at"] = now + timedelta(seconds=self.schedule[attempts])
        async with self.engine.begin() as conn:
            await conn.execute(
                update(t.deliveries).where(t.deliveries.c.id == row.id).values(values)
            )
            await conn.execute(
                insert(t.attempts).values(
                    delivery_id=row.id, status_code=status, error=error, duration_ms=ms
                )
            )
            if disable_reason:
                await self._disable(conn, row.endpoint_id, disable_reason, error, now)

    async def _disable(
        self, conn: Any, endpoint_id: UUID, reason: str, error: str | None, now: datetime
    ) -> None:
        """Disable the endpoint and, when this call is the one that disabled it (not a delivery
        failing alongside), tell the platform through the outbox, in ``conn``'s transaction."""
        t = self.tables.endpoints
        disabled = (
            await conn.execute(
                update(t)
                .where(and_(t.c.id == endpoint_id, t.c.enabled.is_(True)))
                .values(enabled=False, disabled_reason=reason, updated_at=now)
                .returning(t.c.owner_client_id, t.c.owner_role, t.c.owner_org_id, t.c.description)
            )
        ).first()
        if disabled is None:
            await conn.execute(
                update(t)
                .where(t.c.id == endpoint_id)
                .values(disabled_reason=reason, updated_at=now)
            )
            return
        if self.source is None:
            return
        data = WebhookEndpointDisabled(
            endpoint_id=endpoint_id,
            owner_client_id=disabled.owner_client_id,
            owner_role=disabled.owner_role,
            owner_org_id=disabled.owner_org_id,
            description=disabled.description,
            reason=reason,
            last_error=error,
        )
        _, event = outbox_row(
            source=self.source,
            type=EventType.webhook_disabled(self.source),
            subject=endpoint_id,
            data=data,
        )
        await conn.execute(insert(self.outbox).values(event))

    async def run_once(self) -> tuple[int, int]:
        return await self.fan_out(), await self.deliver_due()

    async def run_forever(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                fanned, delivered = await self.run_once()
            except Exception:
                log.exception("relay pass failed; retrying")
                fanned = delivered = 0
            if not (fanned or delivered):
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.poll_seconds)


async def consume_once(conn_or_session: Any, inbox: Table, envelope: dict[str, Any]) -> bool:
    """Record an incoming event in the inbox; False when it was already consumed.

    Call inside the transaction that applies the event's effect, so the effect and its record
    commit together.
    """
    from sqlalchemy.dialects.postgresql import insert as pg_insert

    result = await conn_or_session.execute(
        pg_insert(inbox)
        .values(
            event_id=UUID(str(envelope["id"])), source=envelope["source"], type=envelope["type"]
        )
        .on_conflict_do_nothing()
        .returning(inbox.c.event_id)
    )
    return result.first() is not None
