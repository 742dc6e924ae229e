"""Read throughput: GET /v1/cooperatives/{id} against a real uvicorn process.

    uv run python bench/registry_read.py [seconds] [concurrency]

Seeds the demo data set (300 cooperatives with their history) into a fresh database, starts the
registry with uvicorn (one worker) in a subprocess, and reads random cooperatives from this
process with httpx for a fixed time: once with a ministry token (the full record with its
derived facts) and once with an offtaker token (the public profile). Prints requests per second
and latency percentiles. No assertions on timing.
"""

from __future__ import annotations

import asyncio
import os
import random
import socket
import subprocess
import sys
import time
import uuid

import httpx
from registry_common import SERVICE_DIR, bench_database, settings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def seed(url: str) -> list[str]:
    from kopmod_shared.auth import Role
    from kopmod_shared.db import create_engine, make_sessionmaker
    from registry.demo import load_demo_data
    from registry.identity.repository import ApiClientRepository
    from registry.identity.service import ensure_client

    engine = create_engine(settings(url).database_url, statement_timeout_ms=300_000)
    maker = make_sessionmaker(engine)
    async with maker() as session:
        await load_demo_data(session, n=300)
        repo = ApiClientRepository(session)
        await ensure_client(
            repo,
            client_id="bench-ministry",
            secret="bench-secret",
            role=Role.ministry,
            name="bench",
        )
        await ensure_client(
            repo,
            client_id="bench-offtaker",
            secret="bench-secret",
            role=Role.offtaker,
            name="bench",
            org_id=uuid.uuid4(),
        )
        await session.commit()
    from sqlalchemy import text

    async with engine.connect() as conn:
        ids = [str(r[0]) for r in await conn.execute(text("SELECT id FROM cooperatives"))]
    await engine.dispose()
    return ids


async def hammer(base: str, token: str, ids: list[str], seconds: float, concurrency: int) -> None:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(
        base_url=base, limits=limits, timeout=30, headers={"Authorization": f"Bearer {token}"}
    ) as client:

        async def worker(seed: int) -> None:
            nonlocal errors
            rng = random.Random(seed)
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                resp = await client.get(f"/v1/cooperatives/{rng.choice(ids)}")
                latencies.append(time.perf_counter() - started)
                if resp.status_code != 200:
                    errors += 1

        began = time.perf_counter()
        await asyncio.gather(*(worker(i) for i in range(concurrency)))
        elapsed = time.perf_counter() - began
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    print(
        f"  {len(latencies) / elapsed:,.0f} requests/s over {elapsed:.1f} s "
        f"(concurrency {concurrency}, {len(latencies)} requests, {errors} errors); "
        f"latency p50 {pct(0.5):.1f} ms, p95 {pct(0.95):.1f} ms, p99 {pct(0.99):.1f} ms"
    )


async def token(base: str, client_id: str) -> str:
    async with httpx.AsyncClient(base_url=base) as client:
        resp = await client.post(
            "/v1/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=(client_id, "bench-secret"),
        )
        resp.raise_for_status()
        return str(resp.json()["access_token"])


def main(seconds: float, concurrency: int) -> None:
    url = bench_database()
    ids = asyncio.run(seed(url))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "KOPMOD_REGISTRY_DATABASE_URL": url,
        "KOPMOD_REGISTRY_ENVIRONMENT": "test",
        "KOPMOD_REGISTRY_LOG_LEVEL": "WARNING",
        "KOPMOD_REGISTRY_TOKEN_ISSUER": base,
    }
    command = [
        sys.executable, "-m", "uvicorn", "--factory", "registry.main:create_app",
        "--host", "127.0.0.1", "--port", str(port), "--no-access-log", "--log-level", "warning",
        "--no-proxy-headers",
        "--no-server-header",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env, cwd=SERVICE_DIR)
    try:
        for _ in range(100):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        print(f"registry read: GET /v1/cooperatives/{{id}} over {len(ids)} cooperatives")
        for label, client_id in [
            ("full record (ministry token)", "bench-ministry"),
            ("public profile (offtaker token)", "bench-offtaker"),
        ]:
            print(f" {label}:")
            asyncio.run(
                hammer(base, asyncio.run(token(base, client_id)), ids, seconds, concurrency)
            )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    args = sys.argv[1:]
    main(float(args[0]) if args else 10.0, int(args[1]) if len(args) > 1 else 16)
