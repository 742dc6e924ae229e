"""The cooperative list at national size: GET /v1/cooperatives with filters and name search.

    uv run python bench/registry_list.py [--rows 130000] [--seconds 5] [--connections 16]

Seeds the 300 demo cooperatives and the bench client (``registry_read.seed``), then COPYs
``--rows`` generated cooperatives (the bulk-import generator's rows, through the import's own
row validation) and runs ``ANALYZE``. For each query it prints the database time of the page's
plan (``EXPLAIN ANALYZE``, as the route builds it, name probe included) and, with the registry
as one uvicorn process (``apps:registry_app``), wrk's p50/p99 at ``--connections`` and at 1,
next to the reference route (one row by id on raw asyncpg) in the same run. Prints figures
only.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import time
import uuid
from datetime import UTC, date, datetime
from typing import Any

from read_path import ensure_wrk, free_port, run_wrk, start_service
from registry_common import SERVICE_DIR, bench_database, import_csv
from registry_read import seed, token

QUERIES = [
    ("no filter", "limit=100", {}, "created"),
    ("region=32", "limit=100&region=32", {"region": "32"}, "created"),
    ("type=produsen", "limit=100&type=produsen", {"type": ["produsen"]}, "created"),
    ("q=pinjam", "limit=100&q=pinjam", {"q": "pinjam"}, "created"),
    ("q=4242", "limit=100&q=4242", {"q": "4242"}, "created"),
    ("q=pinjam&sort=name", "limit=100&q=pinjam&sort=name", {"q": "pinjam"}, "name"),
    (
        "region=32&type=produsen&sort=name",
        "limit=100&region=32&type=produsen&sort=name",
        {"region": "32", "type": ["produsen"]},
        "name",
    ),
    ("level=secondary", "limit=100&level=secondary", {"level": "secondary"}, "created"),
]


async def load(url: str, rows: int) -> None:
    from sqlalchemy.ext.asyncio import create_async_engine

    from registry.imports.repository import COOPERATIVE_COLUMNS
    from registry.imports.schemas import ImportFormat
    from registry.imports.validate import Job, run

    checked = run(
        Job(
            import_csv(rows),
            ImportFormat.csv,
            rows,
            uuid.uuid4(),
            "bench",
            datetime.now(UTC),
            None,
        )
    )
    if checked.refused is not None or checked.errors:
        raise SystemExit(f"generated rows refused: {checked.refused} {checked.errors[:3]}")
    engine = create_async_engine(url)
    async with engine.begin() as conn:
        raw = await conn.get_raw_connection()
        driver: Any = raw.driver_connection
        await driver.copy_to_table(
            "cooperatives",
            source=io.BytesIO("".join(r[2] for r in checked.rows).encode()),
            columns=list(COOPERATIVE_COLUMNS),
            format="csv",
        )
    async with engine.connect() as conn:
        await conn.exec_driver_sql("ANALYZE")
        await conn.commit()
    await engine.dispose()


async def database_ms(url: str) -> dict[str, float]:
    """Execution time of each page's plan (best of three), name probe included."""
    from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

    from registry.cooperatives.repository import CooperativeRepository
    from registry.cooperatives.schemas import CooperativeFilters, SortKey

    engine = create_async_engine(url)
    out = {}
    async with engine.connect() as conn:
        repo = CooperativeRepository(AsyncSession(bind=conn))
        for label, _, filters, sort in QUERIES:
            best = float("inf")
            for _ in range(3):
                f = CooperativeFilters(**filters)
                t0 = time.perf_counter()
                names = await repo.name_match(f)
                probe = (time.perf_counter() - t0) * 1000 if names is not None else 0.0
                stmt = repo.page_statement(f, SortKey(sort), 100, None, date.today(), names)
                compiled = stmt.compile(
                    dialect=conn.dialect, compile_kwargs={"render_postcompile": True}
                )
                params = tuple(compiled.params[k] for k in compiled.positiontup or [])
                plan = (
                    await conn.exec_driver_sql("EXPLAIN ANALYZE " + compiled.string, params)
                ).all()
                ms = next(float(r[0].split()[2]) for r in plan if "Execution Time" in r[0])
                best = min(best, ms + probe)
            out[label] = best
    await engine.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=130_000)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    wrk = ensure_wrk()
    url = bench_database()
    ids = asyncio.run(seed(url))
    t0 = time.perf_counter()
    asyncio.run(load(url, args.rows))
    print(f"loaded {args.rows:,} cooperatives (+300 demo) in {time.perf_counter() - t0:.1f} s")
    db = asyncio.run(database_ms(url))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        "KOPMOD_REGISTRY_DATABASE_URL": url,
        "KOPMOD_REGISTRY_ENVIRONMENT": "test",
        "KOPMOD_REGISTRY_TOKEN_ISSUER": base,
        "KOPMOD_REGISTRY_RATE_LIMIT_ENABLED": "false",
    }
    server = start_service("apps:registry_app", env, port, SERVICE_DIR)
    try:
        tok = asyncio.run(token(base, "bench-ministry"))
        ref = run_wrk(wrk, base, "/bench/reference/cooperatives/", ids, tok, args.seconds, 16)
        print(
            f"reference (one row by id, raw asyncpg) at 16 connections: {ref['rps']:,.0f} req/s, "
            f"p50 {ref['p50_ms']:.1f} ms, p99 {ref['p99_ms']:.1f} ms"
        )
        print(
            f"{'query (limit=100)':<36}{'db ms':>8}{'1 conn p50/p99':>18}"
            f"{f'{args.connections} conn p50/p99':>20}{'req/s':>8}{'errors':>8}"
        )
        for label, query, _, _ in QUERIES:
            one = run_wrk(wrk, base, "/v1/cooperatives?", [query], tok, args.seconds, 1)
            many = run_wrk(
                wrk, base, "/v1/cooperatives?", [query], tok, args.seconds, args.connections
            )
            print(
                f"{label:<36}{db[label]:>8.2f}"
                f"{one['p50_ms']:>9.1f}/{one['p99_ms']:<8.1f}"
                f"{many['p50_ms']:>11.1f}/{many['p99_ms']:<8.1f}{many['rps']:>8.0f}"
                f"{one['errors'] + many['errors']:>8}",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
