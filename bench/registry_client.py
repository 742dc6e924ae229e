"""The CPU of one registry call by the typed client (the marketplace's call on a first offer).

    uv run python bench/registry_client.py [--calls 2000] [--in-flight 1 16] [--rounds 3]

``kopmod_shared.clients.RegistryClient.get_cooperative`` over a keep-alive
``httpx.AsyncClient`` (as ``kopmod_shared.app`` builds it) against ``registry_stub.py`` in a
process of its own, so ``time.process_time`` of this process is the client's CPU alone: one
call at a time, and ``--in-flight`` calls at once (the pool then holds that many connections,
as under wrk). Prints microseconds of CPU per call for each round. Another checkout is measured
by running this file with that checkout's Python (``cd CHECKOUT && uv run python
/path/to/bench/registry_client.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
import uuid
from pathlib import Path

import httpx

from kopmod_shared.clients.registry import RegistryClient


async def run(args: argparse.Namespace) -> None:
    from write_market_cpu import _registry_stub

    proc, base = _registry_stub()
    try:
        async with httpx.AsyncClient(timeout=5, limits=httpx.Limits(keepalive_expiry=30)) as http:
            client = RegistryClient(base, http)
            for in_flight in args.in_flight:
                gate = asyncio.Semaphore(in_flight)

                async def one(cooperative_id: uuid.UUID, gate: asyncio.Semaphore = gate) -> None:
                    async with gate:
                        await client.get_cooperative(cooperative_id)

                await asyncio.gather(*(one(uuid.uuid4()) for _ in range(100)))  # warm-up
                spent = []
                for _ in range(args.rounds):
                    start = time.process_time()
                    await asyncio.gather(*(one(uuid.uuid4()) for _ in range(args.calls)))
                    spent.append(1e6 * (time.process_time() - start) / args.calls)
                print(f"{in_flight:3d} in flight: "
                      + ", ".join(f"{s:,.0f}" for s in spent)
                      + " us CPU per call")  # fmt: skip
    finally:
        proc.terminate()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--in-flight", type=int, nargs="+", default=[1, 16])
    parser.add_argument("--rounds", type=int, default=3)
    asyncio.run(run(parser.parse_args()))
