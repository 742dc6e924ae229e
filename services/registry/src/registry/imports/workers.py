"""Where import validation runs: a process pool beside the event loop, and the caps on how many
imports run at once (in total and per client).

The registry issues every token of the platform: a 100,000-row upload validated on the event
loop held ``/healthz`` and ``POST /v1/oauth/token`` for seconds. Here the loop only hands the
upload to worker processes and awaits them; a large upload is split between the workers by
blocks of rows. Caps are per service process: over them the answer is 429 ``imports-busy``
with ``Retry-After`` (nothing queued, nothing half done).
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import replace

from kopmod_shared.errors import RateLimited
from registry.imports import validate

# Below this an upload goes to one worker: splitting costs each worker a parse of the file.
SPLIT_BYTES = 1024 * 1024
RETRY_AFTER_SECONDS = 5


class ImportsBusy(RateLimited):
    slug, title = "imports-busy", "Too many imports running"


class ImportWorkers:
    def __init__(self, processes: int, max_running: int, max_per_client: int) -> None:
        self.processes = max(processes, 1)
        self.max_running = max_running
        self.max_per_client = max_per_client
        self.running: Counter[str] = Counter()
        # spawn: a fresh interpreter, not a fork of a process with a running loop and threads.
        # Workers start on the first import, not with the app.
        self.pool = ProcessPoolExecutor(
            max_workers=self.processes, mp_context=multiprocessing.get_context("spawn")
        )

    @contextmanager
    def slot(self, client_id: str) -> Iterator[None]:
        """Hold one of the running imports for ``client_id``, or refuse with 429."""
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        if self.running[client_id] >= self.max_per_client:
            raise ImportsBusy(
                f"this client already has {self.running[client_id]} import(s) running (at most "
                f"{self.max_per_client} at once); retry when it has finished",
                headers=headers,
                running=self.running[client_id],
                limit=self.max_per_client,
            )
        total = sum(self.running.values())
        if total >= self.max_running:
            raise ImportsBusy(
                f"{total} imports are running on this service (at most {self.max_running} at "
                "once); retry shortly",
                headers=headers,
                running=total,
                limit=self.max_running,
            )
        self.running[client_id] += 1
        try:
            yield
        finally:
            self.running[client_id] -= 1
            if self.running[client_id] <= 0:
                del self.running[client_id]

    async def check(self, job: validate.Job) -> validate.Checked:
        """Parse and validate the upload in the workers; their shares merged in row order."""
        loop = asyncio.get_running_loop()
        parts = self.processes if len(job.body) >= SPLIT_BYTES else 1
        results = await asyncio.gather(
            *(
                loop.run_in_executor(self.pool, validate.run, replace(job, part=k, parts=parts))
                for k in range(parts)
            )
        )
        for r in results:
            if r.refused is not None:
                raise r.refused
        merged = validate.Checked(total=results[0].total)
        for r in results:
            merged.errors.extend(r.errors)
            merged.rows.extend(r.rows)
        return merged

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
