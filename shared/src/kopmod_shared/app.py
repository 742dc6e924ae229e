"""The application factory every service uses, so that all three behave the same at the edges.

Forwarded headers: uvicorn believes ``X-Forwarded-For`` from 127.0.0.1 unless told otherwise, so
any local client could pick its own address (and its own rate-limit bucket). Every starter runs
uvicorn with ``--no-proxy-headers`` and the app trusts forwarded headers only from
``settings.forwarded_allow_ips`` (empty by default).

``create_service_app`` wires: lifespan (engine, sessionmaker, outgoing HTTP client, token
verifier, migration heads, the service's own start-up), the problem+json handlers, request ids
and JSON logs, metrics, the body-size limit, health routes and the OpenAPI extras partners read.
"""

from __future__ import annotations

import asyncio
import gc
import re
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager, nullcontext
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from sqlalchemy import Table
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from kopmod_shared.auth import JWKSKeySource, KeySource, Principal, TokenVerifier
from kopmod_shared.clients.base import ClientCredentials, ServiceClient
from kopmod_shared.db import (
    create_engine,
    make_read_sessionmaker,
    make_sessionmaker,
    read_engine,
)
from kopmod_shared.errors import PROBLEM_JSON, PayloadTooLarge, install_error_handlers
from kopmod_shared.health import alembic_heads, health_router
from kopmod_shared.idempotency import record_response
from kopmod_shared.observability import configure_logging, install_observability
from kopmod_shared.openapi import customise_openapi
from kopmod_shared.revocation import DenyList
from kopmod_shared.routing import KopmodRouter as KopmodRouter
from kopmod_shared.security import SecurityHeaders
from kopmod_shared.settings import CLIENT_KEEPALIVE_SECONDS, ServiceSettings
from kopmod_shared.webhooks.relay import Relay
from kopmod_shared.webhooks.router import webhooks_router
from kopmod_shared.webhooks.subscriber import Subscriber, Subscription, events_router
from kopmod_shared.webhooks.tables import WebhookTables
from kopmod_shared.whoami import whoami_router


def freeze_startup_objects() -> None:
    """Move what startup built (routes, schemas, mappers, compiled statements: a few hundred
    thousand objects that live as long as the process) out of the cyclic collector's reach, so
    its full collections stop walking them on the request path (``gc.freeze``)."""
    gc.collect()
    gc.freeze()


def _path_pattern(template: str) -> re.Pattern[str]:
    """``/v1/things/{id}/files`` as a regex matching one concrete path of that template."""
    parts = re.split(r"\{[^}/]+\}", template)
    return re.compile("^" + "[^/]+".join(re.escape(p) for p in parts) + "$")


class BodySizeLimit:
    """Refuse request bodies above the limit with 413 problem+json (OWASP API4).

    The limit is ``max_bytes``, or a route's own from ``body_limits`` (path template -> bytes,
    for the few upload routes that need more), or ``scope["state"]["body_limit"]`` set by an
    outer middleware. A declared ``Content-Length`` above it is refused before the app runs; a
    chunked body is counted as it arrives and refused the moment it passes the limit (as an
    HTTPException, so the body parsers of FastAPI and Starlette let it through as a 413 instead
    of turning it into a 400 "error parsing the body")."""

    def __init__(
        self, app: ASGIApp, max_bytes: int, body_limits: Mapping[str, int] | None = None
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.routes = [(_path_pattern(t), n) for t, n in (body_limits or {}).items()]

    def _limit(self, scope: Scope) -> int:
        explicit = scope.get("state", {}).get("body_limit")
        if explicit:
            return int(explicit)
        path = scope.get("path", "")
        for pattern, limit in self.routes:
            if pattern.match(path):
                return limit
        return self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope)
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > limit:
                    await _send_too_large(scope, send, limit)
                    return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            # Read outside FastAPI's handlers (a raw ASGI route): answer here if we still can.
            if not started:
                await _send_too_large(scope, send, limit)


class BodyTooLarge(StarletteHTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body above {limit} bytes")


async def _send_too_large(scope: Scope, send: Send, limit: int) -> None:
    import json

    body = json.dumps(
        PayloadTooLarge(f"request body above {limit} bytes").to_problem(scope.get("path"))
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", PROBLEM_JSON.encode()),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def generate_operation_id(route: APIRoute) -> str:
    """``tag-name`` operation ids, so generated clients read well."""
    tag = route.tags[0] if route.tags else "default"
    if isinstance(tag, Enum):
        tag = tag.value
    # ``list_`` (a name that dodges a builtin) reads as ``webhooks-list``.
    return f"{tag}-{route.name.strip('_')}".replace("_", "-")


WEBHOOKS_TAG = {
    "name": "webhooks",
    "description": "Subscribe an https endpoint to this service's events (Standard Webhooks).",
}


@dataclass(frozen=True)
class SubscriptionsSetup:
    """Events this service consumes from the others: where it keeps its subscriptions and inbox,
    and per publisher (``registry``, ``financing``, ``marketplace``) the types and handlers."""

    table: Table
    inbox: Table
    subscriptions: list[Subscription]


def _subscriber(
    app: FastAPI,
    settings: ServiceSettings,
    engine: AsyncEngine,
    http: httpx.AsyncClient,
    setup: SubscriptionsSetup,
) -> Subscriber:
    for sub in setup.subscriptions:
        if sub.client is None:
            base = str(getattr(settings, f"{sub.source}_url"))
            credentials = None
            if settings.service_client_id:
                credentials = ClientCredentials(
                    http,
                    settings.token_url,
                    settings.service_client_id,
                    settings.service_client_secret.get_secret_value(),
                    audience=f"kopmod-{sub.source}",
                )
            sub.client = ServiceClient(
                base,
                http,
                credentials=credentials,
                timeout=settings.outgoing_timeout_seconds,
                # One attempt per round: Subscriber.ensure_forever retries with its own back-off
                # (and says what it waits for), so a peer still starting logs no retry warnings.
                attempts=1,
            )
    return Subscriber(
        engine=engine,
        table=setup.table,
        inbox=setup.inbox,
        callback_base=settings.public_url,
        subscriptions=setup.subscriptions,
    )


STANDARD_TAGS = [
    {"name": "identity", "description": "Who the caller is; tokens and keys (registry)."},
    {"name": "health", "description": "Liveness and readiness for orchestrators."},
]

ServiceStartup = Callable[[FastAPI], AbstractAsyncContextManager[None]]


@dataclass(frozen=True)
class EventsSetup:
    """What a service publishes: outbox, webhook tables, the event types partners may pick."""

    outbox: Table
    tables: WebhookTables
    event_types: list[str]
    # Who may subscribe (None: every authenticated caller). Organisation-bound callers receive
    # only their own organisation's events; anyone else the service lets subscribe receives
    # every event of the types they pick, so a service whose events carry what only some
    # callers may read narrows this to them.
    may_subscribe: Callable[[Principal], bool] | None = None
    # The service's ``audited`` (kopmod_shared.audit.audited_with): webhook commands are audited.
    audit: Callable[[str], Any] | None = None


def create_service_app(
    *,
    settings: ServiceSettings,
    title: str,
    description: str,
    version: str,
    routers: Sequence[APIRouter],
    alembic_ini: Path,
    openapi_tags: list[dict[str, str]] | None = None,
    key_source: Callable[[FastAPI, httpx.AsyncClient], KeySource] | None = None,
    startup: ServiceStartup | None = None,
    max_body_bytes: int = 1_048_576,
    body_limits: Mapping[str, int] | None = None,
    events: EventsSetup | None = None,
    subscriptions: SubscriptionsSetup | None = None,
    revocations: Table | None = None,
) -> FastAPI:
    """``revocations``: the service's ``revoked_subjects`` table (kopmod_shared.revocation);
    tokens of subjects listed there are refused when issued before the listed moment."""
    configure_logging(settings.service_name, settings.log_level, settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(
            settings.database_url,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            pool_timeout=settings.db_pool_timeout_seconds,
            statement_timeout_ms=settings.db_statement_timeout_ms,
            application_name=settings.service_name,
            pool_pre_ping=settings.db_pool_pre_ping,
            transaction_pooler=settings.db_transaction_pooler,
        )
        http = httpx.AsyncClient(
            timeout=settings.outgoing_timeout_seconds,
            limits=httpx.Limits(keepalive_expiry=CLIENT_KEEPALIVE_SECONDS),
        )
        app.state.engine = engine
        app.state.sessionmaker = make_sessionmaker(engine)
        app.state.read_sessionmaker = make_read_sessionmaker(engine)
        app.state.read_engine = read_engine(engine)
        app.state.http = http
        source = (
            key_source(app, http)
            if key_source
            else JWKSKeySource(settings.jwks_url, http, settings.jwks_cache_seconds)
        )
        app.state.deny_list = (
            DenyList(engine, revocations, refresh_seconds=settings.revocation_refresh_seconds)
            if revocations is not None
            else None
        )
        app.state.token_verifier = TokenVerifier(
            issuer=settings.token_issuer,
            audience=settings.token_audience,
            keys=source,
            leeway=settings.clock_skew_seconds,
            deny_list=app.state.deny_list,
        )
        stop = asyncio.Event()
        deny_task: asyncio.Task[None] | None = None
        relay_task: asyncio.Task[None] | None = None
        if events is not None:
            relay = Relay(
                engine=engine,
                outbox=events.outbox,
                tables=events.tables,
                http=http,
                allow_private=settings.webhooks_allow_private,
                allow_http=settings.webhooks_allow_private,
                poll_seconds=settings.relay_poll_seconds,
                lease_seconds=settings.relay_lease_seconds,
                source=settings.service_name,
            )
            app.state.relay = relay
            if settings.relay_enabled:
                relay_task = asyncio.create_task(relay.run_forever(stop), name="outbox-relay")
        subscribe_task: asyncio.Task[None] | None = None
        if subscriptions is not None:
            subscriber = _subscriber(app, settings, engine, http, subscriptions)
            app.state.subscriber = subscriber
            if settings.public_url:
                subscribe_task = asyncio.create_task(
                    subscriber.ensure_forever(stop), name="event-subscriptions"
                )
        try:
            async with startup(app) if startup is not None else nullcontext():
                if settings.gc_freeze:
                    freeze_startup_objects()
                if app.state.deny_list is not None:
                    # Reloaded in the background, so no request waits for its query.
                    deny_task = asyncio.create_task(
                        app.state.deny_list.run_forever(stop), name="deny-list"
                    )
                yield
        finally:
            stop.set()
            for task in (relay_task, subscribe_task, deny_task):
                if task is not None:
                    await task
            await http.aclose()
            await engine.dispose()

    tags = list(openapi_tags or [])
    for std in [*STANDARD_TAGS, *([WEBHOOKS_TAG] if events else [])]:
        if all(t["name"] != std["name"] for t in tags):
            tags.append(std)

    app = FastAPI(
        title=title,
        description=description,
        version=version,
        lifespan=lifespan,
        openapi_tags=tags,
        generate_unique_id_function=generate_operation_id,
        # Metrics are Prometheus (observability.py); FastAPI's native OpenTelemetry would only
        # look its providers up on every request and every dependency.
        telemetry={"tracing": False, "metrics": False, "logs": False, "operation_spans": False},
        # Production publishes its API description only when the operator says so.
        docs_url="/docs" if settings.serve_docs else None,
        redoc_url="/redoc" if settings.serve_docs else None,
        openapi_url="/openapi.json" if settings.serve_docs else None,
    )
    app.state.settings = settings
    app.state.migration_heads = alembic_heads(alembic_ini)
    app.state.before_commit_hooks = [record_response]
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes, body_limits=body_limits)
    install_observability(
        app,
        settings.service_name,
        metrics_token=settings.metrics_token.get_secret_value() if settings.metrics_token else None,
    )
    app.include_router(health_router())
    app.include_router(whoami_router(settings.service_name))
    for router in routers:
        app.include_router(router)
    if events is not None:
        app.include_router(
            webhooks_router(
                events.tables,
                events.event_types,
                events.outbox,
                may_subscribe=events.may_subscribe,
                audit=events.audit,
            )
        )
    if subscriptions is not None:
        app.include_router(events_router())
    customise_openapi(app)
    # Outermost, so every answer (413s and error documents included) carries the headers.
    app.add_middleware(
        SecurityHeaders, hsts_max_age=settings.hsts_max_age_seconds if settings.production else None
    )
    if settings.forwarded_allow_ips:
        # Outermost (added last), so rate limits, logs and audit see the address the trusted
        # proxy saw.
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.forwarded_allow_ips)
    return app
