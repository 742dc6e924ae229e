"""Where a matching run computes: worker processes beside the event loop.

A national run of one commodity is seconds of CPU (candidates, min-cost flow, repair, the
scores of every allocation and the recorded inputs as JSON). On the event loop it held every
other request of the process for that long, and five commodities matched at once took five
times one. Here the loop reads the rows, hands the inputs to a worker process and awaits it;
runs of different commodities solve side by side, one per worker.

Small runs (one demand, a handful of offers) stay in the process: handing them over costs more
than solving them. ``processes = 0`` computes everything in the process (tests that do not need
the pool).
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from marketplace.matching import engine, solver
from marketplace.matching.candidates import candidate_pairs

# Inputs (demands + offers) below this are computed in the process.
INLINE_BELOW = 2_000


@dataclass
class Allocated:
    """A solved run, ready to record: the solution, each allocation's score and its per-factor
    breakdown (JSON text, as COPY takes it), and the inputs as JSON text."""

    solution: engine.Solution
    scores: list[float]
    breakdowns: list[str]
    inputs_json: str


def allocate(
    demands: list[engine.DemandInput], offers: engine.Offers, p: engine.Parameters
) -> Allocated:
    """Candidates, the optimal allocation, and what recording it needs (runs in a worker)."""
    solution = solver.solve(demands, offers, candidate_pairs(demands, offers, p), p)
    scored = engine.scores(demands, offers, solution.allocations)
    scores = [total for total, _ in scored]
    breakdowns = [json.dumps(factors) for _, factors in scored]
    inputs_json = json.dumps(engine.dump_columns(demands, offers), separators=(",", ":"))
    return Allocated(solution, scores, breakdowns, inputs_json)


def _ready(seconds: float) -> None:
    time.sleep(seconds)


class MatchingWorkers:
    def __init__(self, processes: int) -> None:
        self.processes = processes
        # spawn: a fresh interpreter, not a fork of a process with a running loop and threads.
        # Workers start on the first large run, not with the app.
        self.pool = (
            ProcessPoolExecutor(
                max_workers=processes, mp_context=multiprocessing.get_context("spawn")
            )
            if processes > 0
            else None
        )

    async def allocate(
        self,
        demands: list[engine.DemandInput],
        offers: engine.Offers,
        p: engine.Parameters,
    ) -> Allocated:
        if self.pool is None or len(demands) + len(offers) < INLINE_BELOW:
            return allocate(demands, offers, p)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.pool, allocate, demands, offers, p)

    async def warm(self) -> None:
        """Start every worker now (each import of the solver takes a second or two) rather
        than on the first large run."""
        if self.pool is None:
            return
        loop = asyncio.get_running_loop()
        # Each task holds its worker a moment, so every worker is started, not one reused.
        await asyncio.gather(
            *(loop.run_in_executor(self.pool, _ready, 0.3) for _ in range(self.processes))
        )

    def close(self, *, wait: bool = False) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=wait, cancel_futures=True)


# The process's workers when the app has none (a service function called outside the app).
INLINE = MatchingWorkers(0)
