"""Bulk import throughput: one 100,000-row CSV upload through the HTTP API (in process).

    uv run python bench/registry_import.py [rows]

Prints rows per second. No assertions on timing.
"""

from __future__ import annotations

import asyncio
import sys
import time

import httpx
from registry_common import admin_token, bench_database, import_csv, settings


async def main(rows: int) -> None:
    from kopmod_shared.testing import running
    from registry.main import create_app

    url = bench_database()
    app = create_app(settings(url))
    body = import_csv(rows)
    async with running(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://registry.bench", timeout=600
        ) as client:
            token = await admin_token(app, client)
            # Warm-up (not timed): an upload large enough to be split, so every worker process
            # has started, as it has on a service that has been up a while. Its last row is
            # invalid, so it is rejected whole: no rows and no outbox events for the relay to
            # work through during the timed upload.
            started = time.perf_counter()
            warm = await client.post(
                "/v1/cooperatives/imports",
                content=import_csv(6000, first=rows + 1) + b"not a cooperative\n",
                headers={"Authorization": f"Bearer {token}", "Content-Type": "text/csv"},
            )
            assert warm.status_code == 422, warm.text
            print(f"warm-up: 6,000 rows with cold workers in {time.perf_counter() - started:.2f} s")
            started = time.perf_counter()
            resp = await client.post(
                "/v1/cooperatives/imports",
                content=body,
                headers={"Authorization": f"Bearer {token}", "Content-Type": "text/csv"},
            )
            elapsed = time.perf_counter() - started
    result = resp.json()
    if resp.status_code != 201:
        print(resp.status_code, str(result)[:2000])
        raise SystemExit(1)
    print(
        f"registry import: {result['accepted']} rows ({len(body) / 1e6:.1f} MB CSV) in "
        f"{elapsed:.2f} s = {result['accepted'] / elapsed:,.0f} rows/s"
    )


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
