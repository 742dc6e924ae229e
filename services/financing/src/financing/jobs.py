"""Jobs an operator (or the CLI) can run outside the service process."""

from __future__ import annotations

import httpx

from financing.applications.eligibility import EligibilityDeps, run_eligibility_retries
from financing.main import build_registry_client
from financing.settings import FinancingSettings
from kopmod_shared.db import create_engine, make_sessionmaker


async def retry_eligibility(
    settings: FinancingSettings | None = None, *, limit: int = 50
) -> dict[str, int]:
    """One round of eligibility retries (what the in-process loop does every interval)."""
    settings = settings or FinancingSettings()
    engine = create_engine(settings.database_url, application_name="financing-jobs")
    try:
        async with httpx.AsyncClient(timeout=settings.outgoing_timeout_seconds) as http:
            deps = EligibilityDeps(
                sessionmaker=make_sessionmaker(engine),
                registry=build_registry_client(settings, http),
                settings=settings,
            )
            return await run_eligibility_retries(deps, limit=limit)
    finally:
        await engine.dispose()
