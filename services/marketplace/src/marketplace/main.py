"""The marketplace application."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.app import EventsSetup, SubscriptionsSetup, create_service_app
from kopmod_shared.auth import KeySource
from kopmod_shared.clients import ClientCredentials, RegistryClient
from kopmod_shared.events import EventType
from kopmod_shared.revocation import revocation_handler
from kopmod_shared.webhooks.subscriber import Subscription
from marketplace.commodities.router import router as commodities_router
from marketplace.common import may_subscribe
from marketplace.contracts.router import router as contracts_router
from marketplace.demands.router import router as demands_router
from marketplace.matching.router import router as matching_router
from marketplace.matching.workers import MatchingWorkers
from marketplace.models import (
    event_subscriptions,
    inbox_events,
    outbox_events,
    revoked_subjects,
    webhook_tables,
)
from marketplace.offers.cooperatives import ActiveCooperatives, changed_cooperatives
from marketplace.offers.router import router as offers_router
from marketplace.offtakers.router import router as offtakers_router
from marketplace.proposals.router import router as proposals_router
from marketplace.reminders.service import run_forever as run_reminders
from marketplace.restructuring.router import router as restructuring_router
from marketplace.restructuring.service import handle_restructured
from marketplace.settings import MarketplaceSettings
from marketplace.summaries.router import router as summaries_router

SERVICE_DIR = Path(__file__).resolve().parents[2]

DESCRIPTION = """\
The kopmod marketplace: offtakers post demand, cooperatives post supply; the service matches and
allocates (one demand split across several cooperatives), negotiates proposals, and turns them into
partnership contracts with delivery schedules and recorded deliveries.

Authenticate with a bearer JWT from the registry's `POST /v1/oauth/token`. Errors are RFC 9457
`application/problem+json`; every POST accepts an `Idempotency-Key`; quantities are decimal strings
in the commodity's base unit; prices are rupiah per base unit.
"""

TAGS = [
    {"name": "commodities", "description": "Reference data: HS codes, units, grades."},
    {
        "name": "offtakers",
        "description": "Buyers' profiles, bound to API clients of role offtaker.",
    },
    {"name": "demands", "description": "What offtakers need."},
    {"name": "offers", "description": "What cooperatives can supply."},
    {"name": "matching", "description": "Candidates, scores, optimal allocation, recorded runs."},
    {"name": "proposals", "description": "Negotiation in alternating turns, with expiry."},
    {"name": "contracts", "description": "Partnership contracts, deliveries, disputes."},
    {
        "name": "summaries",
        "description": "A cooperative's market record in one read, singly or in bulk.",
    },
    {"name": "health", "description": "Liveness and readiness for orchestrators."},
]


def default_subscriptions(cooperatives: ActiveCooperatives | None = None) -> list[Subscription]:
    """The events the marketplace consumes: restructurings from the registry (offers,
    proposals and contracts follow the cooperative) and changes of a cooperative, on which the
    registry's kept answer about it (``cooperatives``, for offers) is forgotten."""

    def forget(envelope: dict[str, Any]) -> None:
        if cooperatives is not None:
            cooperatives.forget(changed_cooperatives(envelope))

    async def restructured(session: AsyncSession, envelope: dict[str, Any]) -> None:
        forget(envelope)
        await handle_restructured(session, envelope)

    async def updated(session: AsyncSession, envelope: dict[str, Any]) -> None:
        forget(envelope)

    return [
        Subscription(
            source="registry",
            event_types=[
                EventType.COOPERATIVE_RESTRUCTURED,
                EventType.COOPERATIVE_UPDATED,
                EventType.SUBJECT_REVOKED,
            ],
            handlers={
                EventType.COOPERATIVE_RESTRUCTURED: restructured,
                EventType.COOPERATIVE_UPDATED: updated,
                # A deactivated client's tokens are refused here too (kopmod_shared.revocation).
                EventType.SUBJECT_REVOKED: revocation_handler(revoked_subjects),
            },
        ),
    ]


def create_app(
    settings: MarketplaceSettings | None = None,
    *,
    key_source: Callable[[FastAPI, httpx.AsyncClient], KeySource] | None = None,
    registry_http: httpx.AsyncClient | None = None,
    subscriptions: list[Subscription] | None = None,
) -> FastAPI:
    """The app. ``registry_http`` replaces the HTTP client used to reach the registry (tests);
    ``subscriptions`` replaces :func:`default_subscriptions` (tests set each one's ``client`` to
    reach an in-process publisher)."""
    settings = settings or MarketplaceSettings()
    cooperatives = ActiveCooperatives(
        settings.cooperative_cache_seconds, settings.cooperative_cache_size
    )

    @asynccontextmanager
    async def startup(app: FastAPI) -> AsyncIterator[None]:
        http = registry_http or app.state.http
        credentials = (
            ClientCredentials(
                http,
                settings.token_url,
                settings.service_client_id,
                settings.service_client_secret.get_secret_value(),
                audience="kopmod-registry",
            )
            if settings.service_client_id
            else None
        )
        app.state.registry = RegistryClient(
            str(settings.registry_url),
            http,
            credentials=credentials,
            timeout=settings.outgoing_timeout_seconds,
            attempts=settings.outgoing_retries,
        )
        app.state.cooperatives = cooperatives
        app.state.matching_workers = MatchingWorkers(settings.matching_processes)
        stop = asyncio.Event()
        reminders = None
        if settings.relay_enabled and settings.reminders_poll_seconds > 0:
            reminders = asyncio.create_task(
                run_reminders(
                    app.state.sessionmaker,
                    stop,
                    poll_seconds=settings.reminders_poll_seconds,
                    reminder_days=settings.milestone_reminder_days,
                ),
                name="reminders",
            )
        try:
            yield
        finally:
            stop.set()
            if reminders is not None:
                await reminders
            app.state.matching_workers.close()

    app = create_service_app(
        settings=settings,
        title="kopmod marketplace",
        description=DESCRIPTION,
        version="0.1.0",
        routers=[
            commodities_router,
            offtakers_router,
            demands_router,
            offers_router,
            matching_router,
            proposals_router,
            contracts_router,
            summaries_router,
            restructuring_router,
        ],
        alembic_ini=SERVICE_DIR / "alembic.ini",
        events=EventsSetup(
            outbox=outbox_events,
            tables=webhook_tables,
            event_types=EventType.published_by("marketplace"),
            may_subscribe=may_subscribe,
        ),
        subscriptions=SubscriptionsSetup(
            table=event_subscriptions,
            inbox=inbox_events,
            subscriptions=(
                subscriptions if subscriptions is not None else default_subscriptions(cooperatives)
            ),
        ),
        revocations=revoked_subjects,
        openapi_tags=TAGS,
        key_source=key_source,
        startup=startup,
    )
    # Every POST's Idempotency-Key: lock and lookup in one call of the database's
    # idempotency_claim (migration e3b7d1a9c5f2), not two statements (kopmod_shared.idempotency).
    app.state.idempotency_claim = True
    return app
