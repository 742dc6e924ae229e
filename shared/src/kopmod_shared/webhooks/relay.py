"""The relay: drains the outbox into webhook deliveries and delivers them, at least once.

Safe with several replicas: outbox rows and due deliveries are claimed with
``FOR UPDATE SKIP LOCKED``. A claimed delivery is leased (``next_attempt_at`` pushed ahead) and the
HTTP call happens after that transaction, never inside one. Retries follow a back-off schedule
(Standard Webhooks' suggestion by default); 410 Gone disables the endpoint at once, and so does a
spent schedule. Every attempt is logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
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
from kopmod_shared.ids import new_id
from kopmod_shared.observability import REQUEST_ID_HEADER
from kopmod_shared.webhooks.signing import sign_headers
from kopmod_shared.webhooks.ssrf import UnsafeUrl, check_url
from kopmod_shared.webhooks.tables import WebhookTables

log = logging.getLogger("kopmod.relay")

# 0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: Standard Webhooks' recommended schedule.
DEFAULT_SCHEDULE: tuple[float, ...] = (0, 5, 300, 1800, 7200, 18000, 36000, 36000)
LEASE_SECONDS = 120


def may_receive(endpoint: Any, envelope: dict[str, Any]) -> bool:
    """An organisation-bound subscriber only gets events naming its organisation."""
    types = endpoint.event_types or []
    if types and envelope["type"] not in types:
        return False
    try:
        role = Role(endpoint.owner_role)
    except ValueError:
        return False
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
    # How long a claimed delivery is out of other replicas' reach: longer than one attempt
    # (``timeout``), so a slow delivery is not sent twice; a replica that dies holding a lease
    # delays those deliveries by this much.
    lease_seconds: float = LEASE_SECONDS

    async def fan_out(self) -> int:
        """Turn unpublished outbox events into pending deliveries; mark them published."""
        t = self.tables
        async with self.engine.begin() as conn:
            rows = (
                await conn.execute(
                    select(self.outbox.c.seq, self.outbox.c.id, self.outbox.c.payload)
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
                    "event_type": row.payload["type"],
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
            await asyncio.gather(*(self._deliver(row) for row in claimed))
        return len(claimed)

    async def _deliver(self, row: Any) -> None:
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
        correlation = row.payload.get("correlation_id")
        if correlation:
            headers[REQUEST_ID_HEADER] = str(correlation)
        status: int | None = None
        error: str | None = None
        started = time.monotonic()
        try:
            trusted = row.owner_role == Role.service.value
            await check_url(
                row.url,
                allow_private=self.allow_private or trusted,
                allow_http=self.allow_http or trusted,
            )
            resp = await self.http.post(
                row.url, content=body.encode(), headers=headers, timeout=self.timeout
            )
            status = resp.status_code
        except UnsafeUrl as exc:
            error = f"refused: {exc.detail}"
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"[:500]
        duration = int((time.monotonic() - started) * 1000)
        await self._record(row, status, error, duration)

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
                await conn.execute(
                    update(t.endpoints)
                    .where(t.endpoints.c.id == row.endpoint_id)
                    .values(enabled=False, disabled_reason=disable_reason, updated_at=now)
                )

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
