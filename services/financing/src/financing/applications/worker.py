"""The eligibility worker: every submission's eligibility check, off the request path.

A submission commits ``eligibility_check`` with ``eligibility_next_at`` = now and answers; this
worker claims due applications each round (``run_eligibility_retries``: one claiming statement,
then the registry and marketplace calls with no transaction open, then one recording transaction
per application with its ``financing.application.eligibility_passed`` / ``_failed`` event). It
runs as a loop in the service's lifespan (``eligibility_retry_enabled``, every
``eligibility_retry_interval_seconds``, 1 s by default, at once again while rounds come back
full) and as ``kopmod jobs eligibility-worker`` on its own. Several workers (replicas) never
claim the same application. Tests drive it by hand: ``app.state.eligibility_worker.run_once()``.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from financing.applications.eligibility import EligibilityDeps, run_eligibility_retries

log = logging.getLogger(__name__)


class EligibilityWorker:
    def __init__(self, deps: EligibilityDeps) -> None:
        self.deps = deps
        self.batch = deps.settings.eligibility_worker_batch
        self.interval = deps.settings.eligibility_retry_interval_seconds

    async def run_once(self, *, now: datetime | None = None) -> dict[str, int]:
        """One round: what became of each claimed application, by status."""
        return await run_eligibility_retries(self.deps, limit=self.batch, now=now)

    async def run_forever(self) -> None:
        while True:
            full = False
            try:
                outcomes = await self.run_once()
                if outcomes:
                    log.info("eligibility checks", extra={"outcomes": outcomes})
                full = sum(outcomes.values()) >= self.batch
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("eligibility round failed")
            if not full:  # a full round: more are due, go again at once
                await asyncio.sleep(self.interval)


__all__ = ["EligibilityWorker"]
