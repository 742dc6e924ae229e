"""Where import validation runs: a process pool beside the event loop, and the caps on how many
imports run at once (in total and per client).

The registry issues every token of the platform: a 100,000-row upload validated on the event
loop held ``/healthz`` and ``POST /v1/oauth/token`` for seconds. Here the loop only hands the
upload to worker processes and awaits them; a large upload is split between the workers by
blocks of rows, and each CSV block's result is sent ahead on a channel as soon as it is ready
(``blocks`` yields them in row order), so the database can write the first blocks while the
workers check the later ones. Caps are per service process: over them the answer is 429
``imports-busy`` with ``Retry-After`` (nothing queued, nothing half done).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from collections import Counter
from collections.abc import AsyncGenerator, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import aclosing, contextmanager
from dataclasses import replace
from typing import Any
from uuid import UUID

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
        context = multiprocessing.get_context("spawn")
        # Where the workers send each block's result ahead; a thread hands them to the loop.
        self.ahead: Any = context.Queue()
        self.listeners: dict[UUID, tuple[asyncio.AbstractEventLoop, asyncio.Queue[Any]]] = {}
        self.pump: threading.Thread | None = None
        self.pool = ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=context,
            initializer=validate.init_worker,
            initargs=(self.ahead,),
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
        """Parse and validate the upload in the workers; their blocks merged in row order."""
        merged = validate.Checked()
        async with aclosing(self.blocks(job)) as blocks:
            async for block in blocks:
                merged.total = max(merged.total, block.total)
                merged.errors.extend(block.errors)
                merged.rows.extend(block.rows)
        return merged

    async def blocks(self, job: validate.Job) -> AsyncGenerator[validate.Checked, None]:
        """The upload checked in the workers, as blocks of rows in row order, each yielded as
        soon as it and every block before it are ready; then one last ``Checked`` with what
        was not sent ahead (JSON lines) and the row count. A refused upload raises."""
        loop = asyncio.get_running_loop()
        parts = self.processes if len(job.body) >= SPLIT_BYTES else 1
        arrived: asyncio.Queue[Any] = asyncio.Queue()
        self._start_pump()
        self.listeners[job.batch_id] = (loop, arrived)
        futures = [
            loop.run_in_executor(
                self.pool, validate.run, replace(job, part=k, parts=parts, stream=True)
            )
            for k in range(parts)
        ]
        finished = asyncio.gather(*futures)
        getter: asyncio.Future[Any] | None = None
        try:
            waiting: dict[int, validate.Checked] = {}
            following = received = 0
            while True:
                getter = asyncio.ensure_future(arrived.get())
                await asyncio.wait({getter, finished}, return_when=asyncio.FIRST_COMPLETED)
                if not getter.done():
                    getter.cancel()
                    break
                index, block = getter.result()
                received += 1
                waiting[index] = block
                while following in waiting:
                    yield waiting.pop(following)
                    following += 1
            results = finished.result()
            for r in results:
                if r.refused is not None:
                    raise r.refused
            # Blocks still on their way through the channel when the workers returned.
            while received < sum(r.sent for r in results):
                index, block = await arrived.get()
                received += 1
                waiting[index] = block
            for index in sorted(waiting):
                yield waiting[index]
            rest = validate.Checked(total=max(r.total for r in results))
            for r in results:
                rest.errors.extend(r.errors)
                rest.rows.extend(r.rows)
            rest.rows.sort(key=lambda row: row[0])
            yield rest
        finally:
            self.listeners.pop(job.batch_id, None)
            if getter is not None:
                getter.cancel()
            finished.cancel()  # the blocks not started yet; nobody waits for the others

    def _start_pump(self) -> None:
        if self.pump is None:
            self.pump = threading.Thread(target=self._hand_over, name="import-blocks", daemon=True)
            self.pump.start()

    def _hand_over(self) -> None:
        """In a thread: each block the workers send ahead, to the loop awaiting its upload."""
        while True:
            item = self.ahead.get()
            if item is None:
                return
            listener = self.listeners.get(item[0])
            if listener is None:  # its import has ended (refused, failed)
                continue
            loop, arrived = listener
            try:
                loop.call_soon_threadsafe(arrived.put_nowait, item[1:])
            except RuntimeError:  # that loop is closed
                continue

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        if self.pump is not None:
            self.ahead.put(None)
            self.pump.join(timeout=5)
            self.pump = None
