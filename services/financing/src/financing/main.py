"""The financing application."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from financing.applications import service as applications_access
from financing.applications.eligibility import EligibilityDeps
from financing.applications.router import DOCUMENT_UPLOAD_PATH
from financing.applications.router import router as applications_router
from financing.applications.worker import EligibilityWorker
from financing.arrears.router import router as arrears_router
from financing.audit.router import router as audit_router
from financing.audit.service import record_success
from financing.calculator.router import router as calculator_router
from financing.committee.router import router as committee_router
from financing.disbursements.router import router as disbursements_router
from financing.document_requests.router import router as document_requests_router
from financing.documents.storage import LocalDiskStorage
from financing.documents.vault import DocumentVault
from financing.ledger.router import router as ledger_router
from financing.loans.router import router as loans_router
from financing.models import (
    event_subscriptions,
    inbox_events,
    outbox_events,
    revoked_subjects,
    webhook_tables,
)
from financing.papers.router import router as papers_router
from financing.products.router import router as products_router
from financing.queues.router import router as queues_router
from financing.reconciliation.router import router as reconciliation_router
from financing.repayments.closed_loop import handle_delivery_recorded
from financing.repayments.router import router as repayments_router
from financing.reports.router import router as reports_router
from financing.reschedules.router import router as reschedules_router
from financing.restructuring.router import router as restructuring_router
from financing.restructuring.service import handle_restructured
from financing.settings import FinancingSettings
from financing.summaries.router import router as summaries_router
from financing.trends.router import router as trends_router
from financing.writeoffs.router import router as writeoffs_router
from kopmod_shared.app import EventsSetup, SubscriptionsSetup, create_service_app
from kopmod_shared.clients import ClientCredentials, MarketplaceClient, RegistryClient
from kopmod_shared.events import EventType
from kopmod_shared.revocation import revocation_handler
from kopmod_shared.webhooks.subscriber import Subscription

SERVICE_DIR = Path(__file__).resolve().parents[2]

log = logging.getLogger(__name__)

DESCRIPTION = """\
LPDB-style revolving-fund financing for cooperatives on the kopmod platform: funds with a
double-entry ledger, products with dated tariffs, applications from eligibility to a signed
agreement, disbursement, repayment, arrears and loan quality, and fund reports.

Authenticate with a bearer JWT from the registry's `POST /v1/oauth/token`. Errors are RFC 9457
`application/problem+json`; every POST accepts an `Idempotency-Key`; amounts are decimal strings.
"""

TAGS = [
    {"name": "funds", "description": "Revolving funds, capital, position and the ledger."},
    {"name": "products", "description": "Financing products, dated tariffs, schedule previews."},
    {
        "name": "schedules",
        "description": "A repayment schedule for any terms, no product needed (any caller).",
    },
    {
        "name": "applications",
        "description": "Applications from draft to a signed agreement (akad), with documents.",
    },
    {
        "name": "servicing",
        "description": (
            "Loans after signing: disbursement, repayments, reversals, payoff, write-off, "
            "rescheduling, end of day, arrears and OJK collectibility, and fund reports."
        ),
    },
    {
        "name": "papers",
        "description": "The akad and the loan statement as PDFs, signatures, paper checks.",
    },
    {
        "name": "queues",
        "description": "Work queues: applications waiting, collection, due soon, promises to pay.",
    },
    {"name": "audit", "description": "Who did what, when, with which outcome (fund staff)."},
    {
        "name": "summaries",
        "description": "A cooperative's financing record in one read, singly or in bulk.",
    },
    {"name": "health", "description": "Liveness and readiness for orchestrators."},
]


def build_registry_client(settings: FinancingSettings, http: httpx.AsyncClient) -> RegistryClient:
    credentials = None
    if settings.service_client_id:
        credentials = ClientCredentials(
            http,
            settings.token_url,
            settings.service_client_id,
            settings.service_client_secret.get_secret_value(),
            audience="kopmod-registry",
        )
    return RegistryClient(
        str(settings.registry_url),
        http,
        credentials=credentials,
        timeout=settings.outgoing_timeout_seconds,
        attempts=settings.outgoing_retries,
    )


def build_marketplace_client(
    settings: FinancingSettings, http: httpx.AsyncClient
) -> MarketplaceClient:
    """Offtake contracts are verified with the marketplace (service token, its audience)."""
    credentials = None
    if settings.service_client_id:
        credentials = ClientCredentials(
            http,
            settings.token_url,
            settings.service_client_id,
            settings.service_client_secret.get_secret_value(),
            audience="kopmod-marketplace",
        )
    return MarketplaceClient(
        str(settings.marketplace_url),
        http,
        credentials=credentials,
        timeout=settings.outgoing_timeout_seconds,
        attempts=settings.outgoing_retries,
    )


def default_subscriptions() -> list[Subscription]:
    """The events financing consumes: restructurings from the registry (loans and applications
    follow the cooperative) and accepted deliveries from the marketplace (the closed loop)."""
    return [
        Subscription(
            source="registry",
            event_types=[EventType.COOPERATIVE_RESTRUCTURED, EventType.SUBJECT_REVOKED],
            handlers={
                EventType.COOPERATIVE_RESTRUCTURED: handle_restructured,
                # A deactivated client's tokens are refused here too (kopmod_shared.revocation).
                EventType.SUBJECT_REVOKED: revocation_handler(revoked_subjects),
            },
        ),
        Subscription(
            source="marketplace",
            event_types=[EventType.DELIVERY_RECORDED],
            handlers={EventType.DELIVERY_RECORDED: handle_delivery_recorded},
        ),
    ]


def create_app(
    settings: FinancingSettings | None = None,
    *,
    registry_http: httpx.AsyncClient | None = None,
    marketplace_http: httpx.AsyncClient | None = None,
    subscriptions: list[Subscription] | None = None,
    **overrides: Any,
) -> FastAPI:
    """The app; ``registry_http`` and ``marketplace_http`` replace the HTTP clients used to reach
    the registry and the marketplace (tests);
    ``subscriptions`` replaces :func:`default_subscriptions` (tests set each one's ``client`` to
    reach an in-process publisher)."""
    settings = settings or FinancingSettings()

    @asynccontextmanager
    async def startup(app: FastAPI) -> AsyncIterator[None]:
        app.state.registry = build_registry_client(settings, registry_http or app.state.http)
        app.state.marketplace = build_marketplace_client(
            settings, marketplace_http or app.state.http
        )
        app.state.document_vault = DocumentVault(
            LocalDiskStorage(settings.documents_path), settings.document_cipher()
        )
        app.state.background_tasks = set()
        worker = EligibilityWorker(EligibilityDeps.from_app(app))
        app.state.eligibility_worker = worker
        task: asyncio.Task[None] | None = None
        if settings.eligibility_retry_enabled:
            task = asyncio.create_task(worker.run_forever(), name="eligibility-worker")
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            pending = list(app.state.background_tasks)
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)

    app = create_service_app(
        settings=settings,
        title="kopmod financing",
        description=DESCRIPTION,
        version="0.1.0",
        routers=[
            ledger_router,
            products_router,
            calculator_router,
            applications_router,
            document_requests_router,
            committee_router,
            papers_router,
            disbursements_router,
            repayments_router,
            reconciliation_router,
            writeoffs_router,
            reschedules_router,
            loans_router,
            arrears_router,
            reports_router,
            trends_router,
            queues_router,
            audit_router,
            summaries_router,
            restructuring_router,
        ],
        alembic_ini=SERVICE_DIR / "alembic.ini",
        openapi_tags=TAGS,
        startup=startup,
        # Only uploads take large bodies; every other route keeps the shared 1 MiB.
        body_limits={DOCUMENT_UPLOAD_PATH: settings.max_document_bytes + 64 * 1024},
        events=EventsSetup(
            outbox=outbox_events,
            tables=webhook_tables,
            event_types=EventType.published_by("financing"),
            may_subscribe=applications_access.may_subscribe,
        ),
        subscriptions=SubscriptionsSetup(
            table=event_subscriptions,
            inbox=inbox_events,
            subscriptions=subscriptions if subscriptions is not None else default_subscriptions(),
        ),
        revocations=revoked_subjects,
        **overrides,
    )
    app.state.before_commit_hooks.append(record_success)
    # An Idempotency-Key's lock and lookup are one call of idempotency_claim (migration
    # a7c9e1f3b5d6), not two statements (kopmod_shared.idempotency).
    app.state.idempotency_claim = True
    return app
