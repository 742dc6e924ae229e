"""The notifier's start and stop in the console's lifespan: the console's own service
credentials (``service_client_id``) for the registry (who to tell) and for subscribing to
the registry's, financing's and marketplace's events at ``events_url`` (kopmod_shared's
``Subscriber``, as the services subscribe to each other), and the notifier's loop."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from console.notifications.kinds import SUBSCRIBED
from console.notifications.models import ReceivedEvent, event_subscriptions
from console.notifications.notifier import Notifier
from console.notifications.recipients import Recipients
from console.settings import ConsoleSettings
from kopmod_shared.clients.base import ClientCredentials, ServiceClient
from kopmod_shared.webhooks.subscriber import Subscriber, Subscription


def service_client(
    settings: ConsoleSettings, http: httpx.AsyncClient, service: str, attempts: int
) -> ServiceClient | None:
    """A client of ``service`` with the console's own credentials (None without them)."""
    if not settings.service_client_id:
        return None
    credentials = ClientCredentials(
        http,
        settings.token_url,
        settings.service_client_id,
        settings.service_client_secret.get_secret_value(),
        audience=f"kopmod-{service}",
    )
    return ServiceClient(
        str(getattr(settings, f"{service}_url")),
        http,
        credentials=credentials,
        timeout=settings.outgoing_timeout_seconds,
        attempts=attempts,
    )


@asynccontextmanager
async def notifications(
    app: FastAPI, settings: ConsoleSettings, engine: AsyncEngine, http: httpx.AsyncClient
) -> AsyncIterator[None]:
    registry = service_client(settings, http, "registry", settings.outgoing_retries)
    notifier = Notifier(
        settings, app.state.sessionmaker, Recipients(registry) if registry else None
    )
    subscriber = Subscriber(
        engine=engine,
        table=event_subscriptions,
        inbox=ReceivedEvent.__table__,
        callback_base=settings.events_url,
        subscriptions=[
            Subscription(
                source=source,
                event_types=list(types),
                handlers={},
                client=service_client(settings, http, source, 1),
            )
            for source, types in SUBSCRIBED.items()
        ],
    )
    app.state.notifier = notifier
    app.state.subscriber = subscriber
    stop = asyncio.Event()
    tasks = []
    if settings.events_url and settings.service_client_id:
        tasks.append(asyncio.create_task(subscriber.ensure_forever(stop), name="subscriptions"))
    if settings.notifier_enabled:
        tasks.append(asyncio.create_task(notifier.run_forever(stop), name="notifier"))
    try:
        yield
    finally:
        stop.set()
        for task in tasks:
            await task
