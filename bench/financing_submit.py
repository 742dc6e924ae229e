"""Application submissions per second, through the financing API, in process.

    KOPMOD_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
        uv run python bench/financing_submit.py [count] [concurrency]

Creates a fresh database (``kopmod_financing_bench``) migrated with Alembic, a fund and a
product, then for each application: POST a draft, POST submit (the eligibility check against an
in-process fake registry runs after the commit, as in production). Requests go through
``httpx.ASGITransport`` to the real app with its real Postgres transactions, so the figure is the
service's own cost without network or uvicorn. Prints submissions per second (draft + submit +
eligibility) and latency percentiles. No assertions on timing.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
from apps import eligible_snapshot  # bench/ is on sys.path when a bench runs as a script
from fastapi import FastAPI

from financing.main import create_app
from financing.settings import FinancingSettings
from kopmod_shared.testing import TestIssuer, fresh_database, running

SERVICE_DIR = Path(__file__).resolve().parents[1] / "services" / "financing"


def fake_registry() -> FastAPI:
    registry = FastAPI()

    @registry.get("/v1/cooperatives/{cooperative_id}/eligibility-snapshot")
    async def snapshot(cooperative_id: uuid.UUID) -> dict[str, Any]:
        return eligible_snapshot(cooperative_id)

    return registry


async def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    concurrency = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    url = fresh_database(SERVICE_DIR, "kopmod_financing_bench")
    issuer = TestIssuer()
    settings = FinancingSettings(
        database_url=url,
        environment="test",
        token_issuer=issuer.issuer,
        log_level="WARNING",
        log_json=False,
        db_pool_size=concurrency + 2,
        eligibility_retry_enabled=False,
        documents_dir=Path("/tmp/kopmod-bench-documents"),
    )

    def h(role: str, **kw: Any) -> dict[str, str]:
        return issuer.headers(role, audience="kopmod-financing", **kw)

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=fake_registry())) as reg:
        app = create_app(settings, registry_http=reg, key_source=issuer.key_source)
        async with (
            running(app),
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url="http://f", timeout=60
            ) as c,
        ):
            fund = (
                await c.post(
                    "/v1/funds", json={"code": "BENCH", "name": "bench"}, headers=h("admin")
                )
            ).json()
            product = (
                await c.post(
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
            ).json()
            latencies: list[float] = []
            done = 0
            queue = list(range(count))

            async def worker() -> None:
                nonlocal done
                while queue:
                    queue.pop()
                    coop = uuid.uuid4()
                    me = h("cooperative", org=coop)
                    amount = Decimal("250000000.00")
                    t0 = time.perf_counter()
                    created = await c.post(
                        "/v1/applications",
                        json={
                            "product_id": product["id"],
                            "amount": str(amount),
                            "tenor_periods": 36,
                            "purpose": "bench",
                            "use_of_funds": [{"item": "stock", "amount": str(amount)}],
                        },
                        headers=me,
                    )
                    assert created.status_code == 201, created.text
                    sub = await c.post(
                        f"/v1/applications/{created.json()['id']}/submit", headers=me
                    )
                    assert sub.status_code == 200, sub.text
                    latencies.append(time.perf_counter() - t0)
                    done += 1

            start = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(concurrency)))
            elapsed = time.perf_counter() - start
            passed = (
                await c.get(
                    "/v1/applications",
                    params={"status": "desk_review", "limit": 1},
                    headers=h("fund_officer"),
                )
            ).json()
            assert passed["items"], "eligibility did not run"
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p95 = latencies[int(len(latencies) * 0.95) - 1] * 1000
    print(
        f"{done} submissions (draft + submit + eligibility) in {elapsed:.2f} s with "
        f"concurrency {concurrency}: {done / elapsed:.1f} submissions/s; "
        f"latency p50 {p50:.1f} ms, p95 {p95:.1f} ms"
    )


if __name__ == "__main__":
    asyncio.run(main())
