"""Bulk import throughput: one 100,000-row CSV upload through the HTTP API (in process).

    uv run python bench/registry_import.py [rows]

Prints rows per second, the load average, and the floors measured in the same run on the same
database: the same rows (read back from the table) COPYed from memory into a bare table (no
index, no constraint, nothing to validate) and into an empty copy of ``cooperatives`` with all
its indexes (what index maintenance costs even without any check); the import's time as a ratio
to each. No assertions on timing.
"""

from __future__ import annotations

import asyncio
import io
import sys
import time
from pathlib import Path

import httpx
from registry_common import admin_token, bench_database, import_csv, settings


async def main(rows: int) -> None:
    from kopmod_shared.testing import running
    from registry.main import create_app

    url = bench_database()
    print(f"load average at start {_load()}")
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
        f"{elapsed:.2f} s = {result['accepted'] / elapsed:,.0f} rows/s; load average {_load()}"
    )
    bare, indexed = await floors(url, result["import_id"])
    print(
        f"floor, the same rows COPYed into a bare table: {bare:.2f} s (import / floor "
        f"{elapsed / bare:.1f}); into an empty copy of cooperatives with its indexes: "
        f"{indexed:.2f} s (import / that {elapsed / indexed:.1f}); load average {_load()}"
    )


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


_COLUMNS = (
    "id, name, type, level, legal_decree_number, legal_decree_date, nib, nik_koperasi, "
    "founded_on, address, region_code, latitude, longitude, business_sectors, commodities, "
    "membership_area, scale_band, member_count, status, external_id, import_batch_id, created_by"
)


async def floors(url: str, batch_id: str) -> tuple[float, float]:
    """Seconds to COPY the imported rows, as CSV in memory, into a bare table and into an
    empty copy of ``cooperatives`` with every index (each in its own transaction, rolled back)."""
    import asyncpg
    from apps import _asyncpg_kwargs

    conn = await asyncpg.connect(**_asyncpg_kwargs(url))
    try:
        out = io.BytesIO()
        await conn.copy_from_query(
            f"SELECT {_COLUMNS} FROM cooperatives WHERE import_batch_id = $1",
            batch_id,
            output=out,
            format="csv",
        )
        data = out.getvalue()
        times = []
        for like in ("INCLUDING DEFAULTS INCLUDING GENERATED", "INCLUDING ALL"):
            async with conn.transaction():
                await conn.execute(f"CREATE TABLE import_floor (LIKE cooperatives {like})")
                started = time.perf_counter()
                await conn.copy_to_table(
                    "import_floor",
                    source=io.BytesIO(data),
                    columns=[c.strip() for c in _COLUMNS.split(",")],
                    format="csv",
                )
                times.append(time.perf_counter() - started)
                await conn.execute("DROP TABLE import_floor")
        return times[0], times[1]
    finally:
        await conn.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
