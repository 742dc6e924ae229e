"""Write path: submitting a financing application against a reference route doing one insert.

    uv run python bench/write_path.py [--seconds 8] [--connections 16] [--drafts 3000]

Financing runs as one uvicorn process from ``apps:financing_app``. Setup (not timed): a fund, a
product and ``--drafts`` draft applications, each of its own cooperative. Timed, with wrk from a
separate process: ``POST /v1/applications/{id}/submit`` with an ``Idempotency-Key`` and the
cooperative's token, each draft once: the state change, both history rows, the outbox event,
the audit record and the idempotency record in one transaction. The eligibility check is not
on the request path (the application answers ``eligibility_check``): the service's own worker
loop is off during the timed runs, and afterwards the bench runs the eligibility worker's rounds
(``financing.jobs.retry_eligibility``, HTTP to the registry stand-in served by the service
process) until every submission is decided, and prints checks per second, so the deferred work
is shown, not hidden. The reference, ``POST /bench/reference/applications``, does one raw asyncpg
insert of a row of four columns. Prints requests/s, p50, p99 and the ratio. Rate limiting is
off (one client far above it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import subprocess
import tempfile
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from read_path import ensure_wrk, fmt, free_port, profile, start_service

from kopmod_shared.testing import TestIssuer

REPO = Path(__file__).resolve().parents[1]
SERVICE_DIR = REPO / "services" / "financing"
AUDIENCE = "kopmod-financing"

LUA = """
local ids = {%s}
local tokens = {%s}
local i = 0
request = function()
  i = i + 1
  if i > #ids then i = 1 end
  return wrk.format("POST", "/v1/applications/" .. ids[i] .. "/submit",
    {["Authorization"] = "Bearer " .. tokens[i], ["Idempotency-Key"] = "submit-" .. ids[i]}, "")
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%f %%f %%f %%d\\n", summary.requests,
    summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(99) / 1e3,
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
"""

REF_LUA = """
local body = '{"product_id": "%s", "amount": "250000000.00", "purpose": "bench"}'
request = function()
  return wrk.format("POST", "/bench/reference/applications",
    {["Content-Type"] = "application/json"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%f %%f %%f %%d\\n", summary.requests,
    summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(99) / 1e3,
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
"""


def wrk_script(wrk: str, base: str, script_text: str, seconds: float, conns: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(script_text)
        script = f.name
    out = subprocess.run(
        [
            wrk,
            "-t1",
            f"-c{conns}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "30s",
            "-s",
            script,
            base,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(script)
    match = re.search(r"RESULT (\d+) ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", out)
    if not match:
        raise SystemExit(f"unexpected wrk output:\n{out}")
    requests, duration, p50, p99, errors = match.groups()
    return {
        "rps": int(requests) / float(duration),
        "p50_ms": float(p50),
        "p99_ms": float(p99),
        "errors": int(errors),
        "requests": int(requests),
    }


async def setup(base: str, issuer: TestIssuer, drafts: int) -> tuple[str, list[tuple[str, str]]]:
    def h(role: str, **kw: Any) -> dict[str, str]:
        return issuer.headers(role, audience=AUDIENCE, ttl=timedelta(hours=1), **kw)

    async with httpx.AsyncClient(base_url=base, timeout=60) as c:
        fund = (
            await c.post("/v1/funds", json={"code": "BENCH", "name": "bench"}, headers=h("admin"))
        ).json()
        product = await c.post(
            "/v1/products",
            json={
                "fund_id": fund["id"],
                "code": "BENCH",
                "name": "bench",
                "purpose": "working_capital",
                "amount_min": "1000000.00",
                "amount_max": "3000000000.00",
                "tenor_max_periods": 60,
                "initial_rate": "0.03",
                "rate_effective_from": "2020-01-01",
            },
            headers=h("fund_committee"),
        )
        product.raise_for_status()
        product_id = product.json()["id"]
        out: list[tuple[str, str]] = []
        queue = list(range(drafts))

        async def worker() -> None:
            while queue:
                queue.pop()
                coop = uuid.uuid4()
                token = h("cooperative", org=coop)
                resp = await c.post(
                    "/v1/applications",
                    json={
                        "product_id": product_id,
                        "amount": "250000000.00",
                        "tenor_periods": 36,
                        "purpose": "bench",
                        "use_of_funds": [{"item": "stock", "amount": "250000000.00"}],
                    },
                    headers=token,
                )
                resp.raise_for_status()
                out.append((resp.json()["id"], token["Authorization"].split(" ", 1)[1]))

        await asyncio.gather(*(worker() for _ in range(16)))
        return product_id, out


async def reference_table(url: str) -> None:
    from sqlalchemy.engine import make_url

    u = make_url(url)
    host = u.query.get("host") or u.host or "127.0.0.1"
    conn = await asyncpg.connect(
        user=u.username or "postgres", database=u.database, host=host, port=u.port
    )
    try:
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS bench_reference_applications (id uuid PRIMARY KEY, "
            "product_id uuid NOT NULL, amount numeric(20, 2) NOT NULL, purpose text NOT NULL, "
            "created_at timestamptz NOT NULL)"
        )
    finally:
        await conn.close()


async def drain_eligibility(url: str, base: str, issuer: TestIssuer) -> tuple[int, float, int]:
    """The eligibility worker's rounds until nothing is due: (checks, seconds, still waiting)."""
    import time

    from financing.jobs import retry_eligibility
    from financing.settings import FinancingSettings

    settings = FinancingSettings(
        database_url=url,
        environment="test",
        token_issuer=issuer.issuer,
        registry_url=f"{base}/bench/registry",
        eligibility_worker_concurrency=8,
    )
    checked, start = 0, time.monotonic()
    while outcomes := await retry_eligibility(settings, limit=200):
        checked += sum(outcomes.values())
    seconds = time.monotonic() - start
    conn = await asyncpg.connect(**_connect_kwargs(url))
    try:
        left = await conn.fetchval(
            "SELECT count(*) FROM applications WHERE status = 'eligibility_check'"
        )
    finally:
        await conn.close()
    return checked, seconds, int(left)


def _connect_kwargs(url: str) -> dict[str, Any]:
    from sqlalchemy.engine import make_url

    u = make_url(url)
    host = u.query.get("host") or u.host or "127.0.0.1"
    return {"user": u.username or "postgres", "database": u.database, "host": host, "port": u.port}


def main(seconds: float, conns: int, drafts: int, do_profile: bool = False) -> dict[str, float]:
    os.environ.setdefault(
        "KOPMOD_TEST_DATABASE_URL",
        os.environ.get(
            "KOPMOD_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
        ),
    )
    from kopmod_shared.testing import fresh_database

    wrk = ensure_wrk()
    url = fresh_database(SERVICE_DIR, "kopmod_financing_bench")
    asyncio.run(reference_table(url))
    issuer = TestIssuer()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        "KOPMOD_FINANCING_DATABASE_URL": url,
        "KOPMOD_FINANCING_ENVIRONMENT": "test",
        "KOPMOD_FINANCING_TOKEN_ISSUER": issuer.issuer,
        "KOPMOD_FINANCING_REGISTRY_URL": f"{base}/bench/registry",
        "KOPMOD_FINANCING_RATE_LIMIT_ENABLED": "false",
        # The eligibility worker runs after the timed window (drain_eligibility), not inside it.
        "KOPMOD_FINANCING_ELIGIBILITY_RETRY_ENABLED": "false",
        "KOPMOD_FINANCING_DOCUMENTS_DIR": tempfile.mkdtemp(),
        "KOPMOD_BENCH_JWKS": json.dumps(issuer.jwks()),
    }
    server = start_service("apps:financing_app", env, port, SERVICE_DIR)
    try:
        product_id, apps = asyncio.run(setup(base, issuer, drafts))
        print(f"write path: submit an application, wrk -t1 -c{conns} -d{seconds:g}s")
        ids = ", ".join(f'"{a}"' for a, _ in apps)
        tokens = ", ".join(f'"{t}"' for _, t in apps)
        wrk_script(wrk, base, REF_LUA % product_id, 2, conns)  # warm-up
        ref = wrk_script(wrk, base, REF_LUA % product_id, seconds, conns)
        got: list[dict[str, Any]] = []
        run_real = lambda: got.append(wrk_script(wrk, base, LUA % (ids, tokens), seconds, conns))  # noqa: E731
        if do_profile:  # sampled during the measured run (py-spy costs a few per cent)
            profile(server.pid, seconds, run_real)
        else:
            run_real()
        real = got[0]
        if real["requests"] > len(apps):
            print(f"  note: {real['requests']} requests for {len(apps)} drafts; raise --drafts")
        ratio = real["rps"] / ref["rps"]
        print(f"  reference (one insert):  {fmt(ref)}")
        print(f"  POST .../submit:         {fmt(real)}")
        print(f"  ratio {ratio:.2f} of the reference's requests/s")
        checked, seconds, left = asyncio.run(drain_eligibility(url, base, issuer))
        print(
            f"  eligibility worker after it: {checked} checks in {seconds:.1f} s "
            f"({checked / max(seconds, 1e-9):.0f}/s), {left} left in eligibility_check"
        )
        return {"ratio": ratio, **{f"real_{k}": v for k, v in real.items()},
                **{f"ref_{k}": v for k, v in ref.items()}}  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=15)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--drafts", type=int, default=3000)
    parser.add_argument("--profile", action="store_true", help="py-spy the submit route")
    a = parser.parse_args()
    main(a.seconds, a.connections, a.drafts, a.profile)
