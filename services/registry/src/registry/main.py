"""The registry application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TypeVar

import httpx
from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

from kopmod_shared.app import EventsSetup, create_service_app
from kopmod_shared.auth import StaticKeySource
from kopmod_shared.clients import (
    ClientCredentials,
    FinancingClient,
    MarketplaceClient,
    ServiceClient,
)
from kopmod_shared.clients.base import TokenSource
from kopmod_shared.events import EventType
from registry import __doc__ as _doc  # noqa: F401
from registry import access
from registry.assessments.router import router as assessments_router
from registry.audit.router import router as audit_router
from registry.audit.service import audited, record_success
from registry.cooperatives.router import router as cooperatives_router
from registry.identity.keys import SigningKeys
from registry.identity.router import router as identity_router
from registry.identity.service import SelfIssuedToken
from registry.imports.router import IMPORT_PATH
from registry.imports.router import router as imports_router
from registry.imports.workers import ImportWorkers
from registry.models import outbox_events, revoked_subjects, webhook_tables
from registry.modernisation.router import router as modernisation_router
from registry.oidc.pages import router as oidc_pages
from registry.oidc.router import router as oidc_router
from registry.people.mail import Mailer
from registry.people.pages import router as people_pages
from registry.people.router import router as people_router
from registry.products.router import router as products_router
from registry.rat.router import router as rat_router
from registry.restructuring.router import router as restructuring_router
from registry.scorecard.router import router as scorecard_router
from registry.settings import RegistrySettings

SERVICE_DIR = Path(__file__).resolve().parents[2]
C = TypeVar("C", bound=ServiceClient)

DESCRIPTION = """\
The cooperative registry of the kopmod platform: who a cooperative is (legal identity, NIB,
NIK koperasi, decree), whether it is active and healthy (RAT and health assessments), where it
stands in the modernisation programme, and how cooperatives merge and split.

It is also the platform's **token issuer**: API clients get short-lived JWTs from
`POST /v1/oauth/token` (OAuth2 client credentials), which every kopmod service verifies from
`/.well-known/jwks.json`.

Authorisation: `ministry` and `admin` write; a partner reads full records with scope
`registry:read`, writes with `registry:write` and records restructurings with
`registry:restructure`; a `cooperative` reads its own record and changes its non-legal fields
and products (another cooperative's id is a 404); everyone else reads public profiles.

Errors are RFC 9457 `application/problem+json`. Every POST accepts an `Idempotency-Key`.
Lists are cursor-paginated (`limit` at most 100, `next_cursor`).
"""

TAGS = [
    {"name": "cooperatives", "description": "The registry proper: register, read, search, update."},
    {"name": "rat", "description": "Annual members' meetings (RAT) and approved statements."},
    {"name": "health-assessments", "description": "Health assessments (Permenkop 9/2020)."},
    {"name": "modernisation", "description": "Cohort and phase history; mentoring."},
    {"name": "products", "description": "The product mix."},
    {"name": "restructuring", "description": "Mergers, fusions, spin-offs and lineage."},
    {"name": "imports", "description": "Bulk upload of cooperatives (CSV or JSON lines)."},
    {
        "name": "scorecard",
        "description": "Modernisation scorecard from live registry, financing and marketplace "
        "data, and the programme view.",
    },
    {"name": "identity", "description": "API clients, tokens and signing keys."},
    {
        "name": "oidc",
        "description": "The OpenID Connect provider: applications people sign in to, UserInfo, "
        "revocation (see docs/identity.md for the sign-in flow).",
    },
    {
        "name": "people",
        "description": "Person accounts: invitations, memberships, the person's own data.",
    },
    {"name": "audit", "description": "The registry's audit trail: who did what, when."},
    {"name": "health", "description": "Liveness and readiness for orchestrators."},
]


class PathBodyLimit:
    """Lets one path take bodies up to ``max_bytes``: the shared ``BodySizeLimit`` reads the
    limit from ``scope["state"]["body_limit"]`` when set; every other path keeps the default."""

    def __init__(self, app: ASGIApp, path: str, max_bytes: int) -> None:
        self.app = app
        self.path = path
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("path") == self.path:
            scope.setdefault("state", {})["body_limit"] = self.max_bytes
        await self.app(scope, receive, send)


def _token_source(
    settings: RegistrySettings, keys: SigningKeys, http: httpx.AsyncClient, audience: str
) -> TokenSource:
    """Client credentials when an external identity provider is configured; otherwise the
    registry, being the issuer, mints its own service token (``svc-registry``)."""
    if settings.service_client_id:
        return ClientCredentials(
            http,
            settings.token_url,
            settings.service_client_id,
            settings.service_client_secret.get_secret_value(),
            audience=audience,
        )
    return SelfIssuedToken(
        keys,
        issuer=settings.token_issuer,
        audiences=[audience],
        ttl_seconds=settings.token_ttl_seconds,
    )


def _client(
    cls: type[C],
    settings: RegistrySettings,
    keys: SigningKeys,
    http: httpx.AsyncClient,
    url: str,
    audience: str,
) -> C:
    return cls(
        url,
        http,
        credentials=_token_source(settings, keys, http, audience),
        timeout=settings.outgoing_timeout_seconds,
        attempts=settings.outgoing_retries,
    )


def create_app(
    settings: RegistrySettings | None = None,
    *,
    financing_http: httpx.AsyncClient | None = None,
    marketplace_http: httpx.AsyncClient | None = None,
) -> FastAPI:
    """The app; ``financing_http`` / ``marketplace_http`` replace the HTTP clients used to reach
    those services (tests point them at fakes)."""
    settings = settings or RegistrySettings()
    keys = SigningKeys.from_settings(settings)

    def key_source(app: FastAPI, http: httpx.AsyncClient) -> StaticKeySource:
        return StaticKeySource(keys.jwks)

    @asynccontextmanager
    async def startup(app: FastAPI) -> AsyncIterator[None]:
        app.state.financing = _client(
            FinancingClient,
            settings,
            keys,
            financing_http or app.state.http,
            str(settings.financing_url),
            "kopmod-financing",
        )
        app.state.marketplace = _client(
            MarketplaceClient,
            settings,
            keys,
            marketplace_http or app.state.http,
            str(settings.marketplace_url),
            "kopmod-marketplace",
        )
        app.state.import_workers = ImportWorkers(
            settings.import_processes,
            settings.max_concurrent_imports,
            settings.max_concurrent_imports_per_client,
        )
        try:
            yield
        finally:
            app.state.import_workers.close()

    app = create_service_app(
        settings=settings,
        title="kopmod registry",
        description=DESCRIPTION,
        version="0.1.0",
        routers=[
            identity_router,
            oidc_router,
            oidc_pages,
            people_router,
            people_pages,
            cooperatives_router,
            rat_router,
            assessments_router,
            modernisation_router,
            products_router,
            restructuring_router,
            imports_router,
            scorecard_router,
            audit_router,
        ],
        alembic_ini=SERVICE_DIR / "alembic.ini",
        openapi_tags=TAGS,
        key_source=key_source,
        startup=startup,
        events=EventsSetup(
            outbox=outbox_events,
            tables=webhook_tables,
            event_types=EventType.published_by("registry"),
            may_subscribe=access.may_subscribe,
            audit=audited,
        ),
        revocations=revoked_subjects,
    )
    app.state.signing_keys = keys
    app.state.before_commit_hooks.append(record_success)
    # An Idempotency-Key's lock and lookup are one call of idempotency_claim (migration
    # c5e7a9b1d3f4), not two statements (kopmod_shared.idempotency).
    app.state.idempotency_claim = True
    app.state.mailer = Mailer(settings)
    # Added last, so it runs before the shared BodySizeLimit and raises its limit for uploads.
    app.add_middleware(PathBodyLimit, path=IMPORT_PATH, max_bytes=settings.max_import_bytes)
    return app
