"""Programme view end to end: GET /v1/programme/modernisation over 500 programme cooperatives.

    uv run python bench/registry_programme.py [--cooperatives 500] [--requests 20]

The registry, financing and marketplace run as three uvicorn processes (as ``bench/soak.py``
starts them, each on its own fresh database, trusting the registry's tokens); the registry calls
the other two with its own service client, as ``kopmod up`` configures it. The registry holds
``--cooperatives`` generated cooperatives in the programme (``registry_list``'s SQL seed: three
RATs and a health assessment each, then a phase and a cohort). Financing and the marketplace
hold their data (``programme_seed``): ``--loans`` loans per cooperative with eleven months of
repayments and end of day every day, and two contracts each (a milestone, a delivery); with
``--empty`` they hold nothing (the figure of the earlier sessions). Timed: ``--requests``
sequential requests with a ministry token after two warm-up ones; prints p50, p99 (the slowest
of 20), the mean and how many answers were partial (a service past the view's deadline), and
what the last answer counted. In the same run, the floor: the bulk summary calls the view
makes, 100 cooperatives a call, made directly to financing and to the marketplace with the
registry's service token, one after another (``--floor-rounds`` times). No assertions on
timing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
import uuid
from pathlib import Path

import httpx
from read_path import free_port, start_service
from registry_common import REPO, SERVICE_DIR
from registry_list import load
from soak import token

SECRET = "bench-secret"


async def seed(url: str, cooperatives: int) -> None:
    import asyncpg
    from apps import _asyncpg_kwargs

    from kopmod_shared.auth import Role
    from kopmod_shared.db import create_engine, make_sessionmaker
    from registry.identity.repository import ApiClientRepository
    from registry.identity.service import ensure_client

    await load(url, cooperatives)
    conn = await asyncpg.connect(**_asyncpg_kwargs(url))
    try:
        await conn.execute(
            "UPDATE cooperatives SET phase = (ARRAY['permodelan','replikasi','masifikasi',"
            "'pemantapan'])[1 + member_count % 4], cohort_year = 2024 + member_count % 3"
        )
        await conn.execute("ANALYZE cooperatives")
    finally:
        await conn.close()
    engine = create_engine(url, pool_size=1, max_overflow=0)
    async with make_sessionmaker(engine)() as session:
        repo = ApiClientRepository(session)
        await ensure_client(
            repo, client_id="bench-ministry", secret=SECRET, role=Role.ministry, name="bench"
        )
        await ensure_client(
            repo, client_id="svc-registry", secret=SECRET, role=Role.service, name="registry"
        )
        await session.commit()
    await engine.dispose()


async def programme_ids(url: str) -> list[uuid.UUID]:
    import asyncpg
    from apps import _asyncpg_kwargs

    conn = await asyncpg.connect(**_asyncpg_kwargs(url))
    try:
        rows = await conn.fetch("SELECT id FROM cooperatives WHERE phase IS NOT NULL ORDER BY id")
        return [r["id"] for r in rows]
    finally:
        await conn.close()


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def floor_ms(
    bases: dict[str, str], tokens: dict[str, str], ids: list[uuid.UUID]
) -> dict[str, float]:
    """The summaries the view needs, asked directly of each service: 100 ids a call, one page
    after another (no registry pages, no scoring, no deadline); milliseconds per service."""
    out = {}
    for name, path in (("financing", "/v1/financing-summaries"),
                       ("marketplace", "/v1/market-summaries")):  # fmt: skip
        started = time.perf_counter()
        with httpx.Client(
            base_url=bases[name], headers={"Authorization": f"Bearer {tokens[name]}"}, timeout=300
        ) as c:
            for k in range(0, len(ids), 100):
                resp = c.get(path, params={"cooperative_id": [str(i) for i in ids[k : k + 100]]})
                assert resp.status_code == 200, resp.text
                assert len(resp.json()["items"]) == len(ids[k : k + 100])
        out[name] = (time.perf_counter() - started) * 1000
    return out


def main(cooperatives: int, requests: int, loans: int, empty: bool, floor_rounds: int) -> None:
    from kopmod_shared.testing import fresh_database

    print(f"load average at start {_load()}", flush=True)
    urls = {
        name: fresh_database(REPO / "services" / name, f"kopmod_{name}_programme")
        for name in ("registry", "financing", "marketplace")
    }
    t0 = time.perf_counter()
    asyncio.run(seed(urls["registry"], cooperatives))
    print(f"seeded {cooperatives} programme cooperatives in {time.perf_counter() - t0:.1f} s")
    ids = asyncio.run(programme_ids(urls["registry"]))
    if not empty:
        from programme_seed import seed_financing, seed_market

        t0 = time.perf_counter()
        n = asyncio.run(seed_financing(urls["financing"], ids, loans))
        print(f"financing: {n} loans ({loans} per cooperative, eleven months of history) in "
              f"{time.perf_counter() - t0:.1f} s", flush=True)  # fmt: skip
        t0 = time.perf_counter()
        n = seed_market(urls["marketplace"], ids)
        print(f"marketplace: {n} contracts in {time.perf_counter() - t0:.1f} s", flush=True)
    ports = {name: free_port() for name in urls}
    bases = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    reg = bases["registry"]
    common = {"ENVIRONMENT": "test", "RATE_LIMIT_ENABLED": "false", "TOKEN_ISSUER": reg}
    trust = {"JWKS_URL": f"{reg}/.well-known/jwks.json", "REGISTRY_URL": reg}
    envs = {
        "registry": {
            "FINANCING_URL": bases["financing"],
            "MARKETPLACE_URL": bases["marketplace"],
            "TOKEN_URL": f"{reg}/v1/oauth/token",
            "SERVICE_CLIENT_ID": "svc-registry",
            "SERVICE_CLIENT_SECRET": SECRET,
        },
        "financing": trust,
        "marketplace": trust,
    }
    factories = {
        "registry": "apps:registry_app",
        "financing": "financing.main:create_app",
        "marketplace": "marketplace.main:create_app",
    }
    procs = {}
    try:
        for name in ("registry", "financing", "marketplace"):
            values = {**common, "DATABASE_URL": urls[name], **envs[name]}
            env = {f"KOPMOD_{name.upper()}_{k}": v for k, v in values.items()}
            procs[name] = start_service(factories[name], env, ports[name], SERVICE_DIR)
        tok = asyncio.run(token(reg, "bench-ministry", "kopmod-registry"))
        service = {
            name: asyncio.run(token(reg, "svc-registry", f"kopmod-{name}"))
            for name in ("financing", "marketplace")
        }
        headers = {"Authorization": f"Bearer {tok}"}
        times = []
        partial = 0
        with httpx.Client(base_url=reg, headers=headers, timeout=120) as c:
            for n in range(requests + 2):
                started = time.perf_counter()
                resp = c.get("/v1/programme/modernisation")
                elapsed = time.perf_counter() - started
                body = resp.json()
                assert resp.status_code == 200, resp.text
                assert body["cooperatives"] == cooperatives, body
                if n >= 2:
                    times.append(elapsed * 1000)
                    partial += bool(body["partial"])
        print(f"last answer: aspects met {body['aspects_met']}, unavailable {body['unavailable']}")
        times.sort()
        print(
            f"programme view, {cooperatives} cooperatives, {requests} sequential requests: "
            f"p50 {statistics.median(times):.0f} ms, p99 {times[-1]:.0f} ms (the slowest), "
            f"mean {statistics.fmean(times):.0f} ms (goal: under 1,000 ms); {partial} of "
            f"{requests} answers partial (a service past the view's deadline); "
            f"load average {_load()}",
            flush=True,
        )
        floors = [floor_ms(bases, service, ids) for _ in range(floor_rounds)]
        for name in ("financing", "marketplace"):
            each = sorted(f[name] for f in floors)
            print(
                f"floor: {name}'s bulk summaries for the {len(ids)} cooperatives, asked "
                f"directly 100 at a time: {', '.join(f'{ms:.0f}' for ms in each)} ms "
                f"(view p50 / fastest {statistics.median(times) / each[0]:.2f})"
            )
        print(f"load average {_load()}")
    finally:
        for p in procs.values():
            p.terminate()
        for p in procs.values():
            p.wait(timeout=20)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cooperatives", type=int, default=500)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--loans", type=int, default=1, help="loans per cooperative")
    parser.add_argument("--empty", action="store_true", help="no loans or contracts")
    parser.add_argument("--floor-rounds", type=int, default=3)
    a = parser.parse_args()
    os.environ.setdefault(
        "KOPMOD_TEST_DATABASE_URL",
        os.environ.get(
            "KOPMOD_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
        ),
    )
    main(a.cooperatives, a.requests, a.loans, a.empty, a.floor_rounds)
