"""The marketplace application."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from kopmod_shared.app import create_service_app
from marketplace.settings import MarketplaceSettings

SERVICE_DIR = Path(__file__).resolve().parents[2]

DESCRIPTION = """\
The kopmod marketplace: offtakers post demand, cooperatives post supply; the service matches and
allocates (one demand split across several cooperatives), negotiates proposals, and turns them into
partnership contracts with delivery schedules and recorded deliveries.

Authenticate with a bearer JWT from the registry's `POST /v1/oauth/token`. Errors are RFC 9457
`application/problem+json`; every POST accepts an `Idempotency-Key`; quantities are decimal strings.
"""

TAGS = [{"name": "health", "description": "Liveness and readiness for orchestrators."}]


def create_app(settings: MarketplaceSettings | None = None, **overrides: object) -> FastAPI:
    settings = settings or MarketplaceSettings()
    return create_service_app(
        settings=settings,
        title="kopmod marketplace",
        description=DESCRIPTION,
        version="0.1.0",
        routers=[],
        alembic_ini=SERVICE_DIR / "alembic.ini",
        openapi_tags=TAGS,
        **overrides,  # type: ignore[arg-type]
    )
