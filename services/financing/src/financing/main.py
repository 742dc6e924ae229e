"""The financing application."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from financing.settings import FinancingSettings
from kopmod_shared.app import create_service_app

SERVICE_DIR = Path(__file__).resolve().parents[2]

DESCRIPTION = """\
LPDB-style revolving-fund financing for cooperatives on the kopmod platform: funds with a
double-entry ledger, products with dated tariffs, applications from eligibility to a signed
agreement, disbursement, repayment, arrears and loan quality, and fund reports.

Authenticate with a bearer JWT from the registry's `POST /v1/oauth/token`. Errors are RFC 9457
`application/problem+json`; every POST accepts an `Idempotency-Key`; amounts are decimal strings.
"""

TAGS = [{"name": "health", "description": "Liveness and readiness for orchestrators."}]


def create_app(settings: FinancingSettings | None = None, **overrides: object) -> FastAPI:
    settings = settings or FinancingSettings()
    return create_service_app(
        settings=settings,
        title="kopmod financing",
        description=DESCRIPTION,
        version="0.1.0",
        routers=[],
        alembic_ini=SERVICE_DIR / "alembic.ini",
        openapi_tags=TAGS,
        **overrides,  # type: ignore[arg-type]
    )
