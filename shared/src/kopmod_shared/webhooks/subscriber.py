"""Services subscribe to each other the way partners do: a webhook endpoint on the publisher,
signed deliveries to ``POST /v1/events/{source}`` here, de-duplicated by event id in the same
transaction as the effect.

At start-up (and until it succeeds, since the publisher may start later) each subscription is
registered with the publisher's ``/v1/webhooks`` using this service's own token; the endpoint id
and signing secret are kept in ``event_subscriptions``. Handlers receive the verified envelope
and the request's session: what they write commits with the inbox record, or not at all.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request, Response
from sqlalchemy import (
    Column,
    DateTime,
    MetaData,
    String,
    Table,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from kopmod_shared.clients.base import ServiceClient
from kopmod_shared.db import request_session
from kopmod_shared.errors import (
    AUTH_ERRORS,
    NotFound,
    ProblemError,
    UpstreamUnavailable,
    responses,
)
from kopmod_shared.routing import KopmodRouter
from kopmod_shared.webhooks.relay import consume_once
from kopmod_shared.webhooks.signing import verify

log = logging.getLogger("kopmod.subscriber")

Handler = Callable[[AsyncSession, dict[str, Any]], Awaitable[None]]


def define_subscription_table(metadata: MetaData) -> Table:
    return Table(
        "event_subscriptions",
        metadata,
        Column("source", String(50), primary_key=True),
        Column("endpoint_id", PG_UUID(as_uuid=True), nullable=False),
        # The publisher's signing secret(s) for our endpoint; needed in clear to verify.
        Column("secrets", JSONB, nullable=False),
        Column("event_types", ARRAY(String(100)), nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


@dataclass
class Subscription:
    """What this service wants from one publisher, and what it does with each event type."""

    source: str
    event_types: list[str]
    handlers: dict[str, Handler]
    client: ServiceClient | None = None  # set in the lifespan (needs the app's HTTP client)


@dataclass
class Subscriber:
    engine: AsyncEngine
    table: Table
    inbox: Table
    callback_base: str
    subscriptions: list[Subscription] = field(default_factory=list)

    def by_source(self, source: str) -> Subscription | None:
        return next((s for s in self.subscriptions if s.source == source), None)

    async def ensure(self) -> bool:
        """Register every missing subscription, and widen one recorded with other event types
        than this release consumes; True when all are in place."""
        done = True
        for sub in self.subscriptions:
            if sub.client is None:
                async with self.engine.connect() as conn:
                    done = done and await self._exists(conn, sub.source)
                continue
            # Replicas start together: the first to take this lock registers the endpoint, the
            # others wait and find it, so the publisher sends each event to one endpoint only.
            # A start-up step, not a request: holding the transaction over the call is the point.
            async with self.engine.begin() as conn:
                await conn.execute(
                    select(func.pg_advisory_xact_lock(func.hashtextextended(sub.source, 17)))
                )
                existing = (
                    await conn.execute(
                        select(self.table.c.endpoint_id, self.table.c.event_types).where(
                            self.table.c.source == sub.source
                        )
                    )
                ).first()
                if existing is not None:
                    if set(existing.event_types or []) != set(sub.event_types):
                        # This release consumes other event types than the subscription on
                        # record (an upgrade added one): change it on the publisher, keeping
                        # endpoint and secret.
                        done = await self._retype(conn, sub, existing.endpoint_id) and done
                    continue
                try:
                    resp = await sub.client.request(
                        "POST",
                        "/v1/webhooks",
                        json={
                            "url": f"{self.callback_base.rstrip('/')}/v1/events/{sub.source}",
                            "event_types": sub.event_types,
                            "description": "kopmod service subscription",
                        },
                    )
                except UpstreamUnavailable as exc:
                    # Services start in turn: a peer (or the token issuer) not answering yet is
                    # expected, not a warning; ensure_forever tries again with back-off.
                    log.info(
                        "waiting for %s at %s to accept the event subscription (%s)",
                        sub.source,
                        sub.client.base_url,
                        exc.detail,
                    )
                    done = False
                    continue
                except ProblemError as exc:
                    log.warning("subscription to %s refused: %s", sub.source, exc.detail)
                    done = False
                    continue
                body = resp.json()
                await conn.execute(
                    insert(self.table).values(
                        source=sub.source,
                        endpoint_id=body["id"],
                        secrets=[body["secret"]],
                        event_types=sub.event_types,
                    )
                )
            log.info("subscribed to %s events", sub.source)
        return done

    async def _retype(self, conn: Any, sub: Subscription, endpoint_id: Any) -> bool:
        assert sub.client is not None
        try:
            await sub.client.request(
                "PATCH", f"/v1/webhooks/{endpoint_id}", json={"event_types": sub.event_types}
            )
        except ProblemError as exc:
            if exc.extra.get("upstream_status", exc.status) != 404:
                log.warning("subscription to %s not updated yet: %s", sub.source, exc.detail)
                return False
            # The publisher no longer has our endpoint: subscribe afresh on the next pass.
            await conn.execute(delete(self.table).where(self.table.c.source == sub.source))
            return False
        await conn.execute(
            update(self.table)
            .where(self.table.c.source == sub.source)
            .values(event_types=sub.event_types)
        )
        log.info("subscription to %s now covers %s", sub.source, ", ".join(sub.event_types))
        return True

    async def _exists(self, conn: Any, source: str) -> bool:
        found = await conn.execute(select(self.table.c.source).where(self.table.c.source == source))
        return found.first() is not None

    async def ensure_forever(self, stop: asyncio.Event, interval: float = 2.0) -> None:
        while not stop.is_set():
            try:
                if await self.ensure():
                    return
            except Exception:
                log.exception("subscription attempt failed; retrying")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), interval)
            interval = min(interval * 2, 60.0)


def events_router(subscriber_attr: str = "subscriber") -> APIRouter:
    """``POST /v1/events/{source}``: signed deliveries from the services this one subscribes to."""
    router = KopmodRouter(tags=["webhooks"])

    @router.post(
        "/v1/events/{source}",
        status_code=204,
        summary="Receive events from another kopmod service (internal)",
        description=(
            "Authenticated by its Standard Webhooks signature, not a bearer token. An event "
            "already consumed is acknowledged and ignored."
        ),
        responses=responses(*AUTH_ERRORS, NotFound),
        openapi_extra={"x-no-idempotency": True},
    )
    async def receive(source: str, request: Request) -> Response:
        subscriber: Subscriber | None = getattr(request.app.state, subscriber_attr, None)
        sub = subscriber.by_source(source) if subscriber else None
        if subscriber is None or sub is None:
            raise NotFound(f"no subscription to {source}")
        session = request_session(request)
        row = (
            await session.execute(
                select(subscriber.table.c.secrets).where(subscriber.table.c.source == source)
            )
        ).first()
        if row is None:
            raise NotFound(f"no subscription to {source}")
        body = await request.body()
        envelope = verify(body, request.headers, list(row.secrets))
        if not isinstance(envelope, dict) or "id" not in envelope or "type" not in envelope:
            raise NotFound("not an event envelope")
        if await consume_once(session, subscriber.inbox, envelope):
            handler = sub.handlers.get(envelope["type"])
            if handler is not None:
                await handler(session, envelope)
        return Response(status_code=204)

    return router
