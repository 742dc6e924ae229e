"""The cooperative list at national size: GET /v1/cooperatives with filters and name search.

    uv run python bench/registry_list.py [--rows 130000] [--seconds 5] [--connections 16]
    uv run python bench/registry_list.py --reuse DATABASE   # a database an earlier run seeded
    uv run python bench/registry_list.py --reuse DATABASE --only "no filter" --profile
    uv run python bench/registry_list.py --reuse DATABASE --workers 2

Seeds the 300 demo cooperatives and the bench client (``registry_read.seed``), then COPYs
``--rows`` generated cooperatives (the bulk-import generator's rows, through the import's own
row validation) and runs ``ANALYZE``. For each query it prints the database time of the page's
plan (``EXPLAIN ANALYZE``, as the route builds it, name probe included) and, with the registry
as one uvicorn process (``apps:registry_app``), wrk's p50/p99 at ``--connections`` and at 1,
next to its reference in the same run: the same page as one hand-written statement on raw
asyncpg, its rows dumped as JSON (``apps.LIST_REFERENCE``), and the ratio of requests/s. Each
query's runs at ``--connections`` follow an unmeasured second of each (warm pools, prepared
statements), so the p99 is the steady state's. "CPU
ms" is the service's own CPU time (user and system, every worker process) per answered request
at ``--connections``, read from ``/proc`` around the wrk run, and "pg CPU" that of the Postgres
backends serving the bench's database: the machine's load does not inflate them the way it
inflates latency. ``--workers`` runs uvicorn with that many worker
processes (one is what ``kopmod serve`` and the deploy manifests run); ``--profile`` samples the
route with py-spy during one more run of each selected query at ``--connections``. Prints
figures only.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from read_path import (
    cpu_seconds,
    database_cpu_seconds,
    ensure_wrk,
    free_port,
    profile,
    run_wrk,
    start_service,
)
from registry_common import DEFAULT_SERVER, SERVICE_DIR, bench_database
from registry_read import seed, token
from sqlalchemy.engine import make_url

# (label, query string, filters, sort, reference): every documented filter the list is used
# with, name search included; the reference is the same page as one hand-written statement on
# raw asyncpg, its rows as JSON (``apps.LIST_REFERENCE``: no facts, no views, no auth rule).
QUERIES = [
    ("no filter, default limit (20)", "", {}, "created", "none20"),
    ("no filter", "limit=100", {}, "created", "none"),
    ("region=32", "limit=100&region=32", {"region": "32"}, "created", "region"),
    ("type=produsen", "limit=100&type=produsen", {"type": ["produsen"]}, "created", "type"),
    ("q=pinjam", "limit=100&q=pinjam", {"q": "pinjam"}, "created", "pinjam"),
    ("q=4242", "limit=100&q=4242", {"q": "4242"}, "created", "4242"),
    ("q=pinjam&sort=name", "limit=100&q=pinjam&sort=name", {"q": "pinjam"}, "name", "pinjam_name"),
    (
        "region=32&type=produsen&sort=name",
        "limit=100&region=32&type=produsen&sort=name",
        {"region": "32", "type": ["produsen"]},
        "name",
        "region_type_name",
    ),
    ("level=secondary", "limit=100&level=secondary", {"level": "secondary"}, "created", "level"),
    ("commodity=090111", "limit=100&commodity=090111", {"commodity": "090111"}, "created",
     "commodity"),
    ("status=inactive", "limit=100&status=inactive", {"status": ["inactive"]}, "created",
     "status"),
]  # fmt: skip


# 130,000 cooperatives in one statement each for the records, their RATs and their health
# assessments: names and codes as the import generator writes them ("Koperasi Simpan Pinjam
# Bench 4242", provinces 11/32/33/35/51/73), ids time-ordered like ``new_id`` (UUIDv7 layout),
# three RATs (2022-2024) and one assessment (2024) each, so every record has facts to read.
_SEED = [
    """
INSERT INTO cooperatives (id, name, type, level, legal_decree_number, legal_decree_date, nib,
    nik_koperasi, founded_on, address, region_code, latitude, longitude, commodities,
    member_count, status, external_id, created_by)
SELECT (lpad(to_hex($2::bigint + i), 12, '0') || '7' || substr(h, 1, 3) || '8'
        || substr(h, 4, 15))::uuid,
       'Koperasi ' || initcap(replace(t, '_', ' ')) || ' Bench ' || i,
       t, 'primary', 'AHU-' || lpad(i::text, 7, '0') || '.AH.01.26.TAHUN '
       || y, make_date(y, 12, 20), lpad((7000000000000 + i)::text, 13, '0'),
       (9000000000 + i)::text, make_date(y, 1 + i % 9, 10 + i % 10), 'Jl. Koperasi No. ' || i,
       p || '.' || (ARRAY['04','73','74','78','71','71'])[1 + i % 6] || '.0' || (1 + i % 9)
       || '.2' || lpad((1 + i % 999)::text, 3, '0'),
       -8.5 + (i % 1300) / 100.0, 96 + (i % 2900) / 100.0,
       ARRAY[(ARRAY['090111','180100','151110','100630','040110','091011'])[1 + i % 6],
             (ARRAY['090111','180100','151110','100630','040110','091011'])[1 + (i + 1) % 6]],
       20 + i % 2980, CASE WHEN i % 97 = 0 THEN 'inactive' ELSE 'active' END, 'BENCH-' || i,
       'bench'
FROM (SELECT i, md5(i::text) AS h, 1975 + i % 48 AS y,
             (ARRAY['simpan_pinjam','konsumen','produsen','pemasaran','jasa'])[1 + i % 5] AS t,
             (ARRAY['11','32','33','35','51','73'])[1 + i % 6] AS p
      FROM generate_series(0, $1::int - 1) AS i) g
""",
    """
INSERT INTO annual_meetings (id, cooperative_id, year, held_on, attendance, net_surplus)
SELECT gen_random_uuid(), c.id, y, make_date(y + 1, 3 + (c.member_count + y) % 3, 15),
       c.member_count / 2, 1000000.00 * (c.member_count % 90)
FROM cooperatives c CROSS JOIN generate_series(2022, 2024) AS y WHERE c.created_by = 'bench'
""",
    """
INSERT INTO health_assessments (id, cooperative_id, year, score, category, assessed_on)
SELECT gen_random_uuid(), c.id, 2024, 50 + c.member_count % 50,
       (ARRAY['sehat','cukup_sehat','dalam_pengawasan'])[1 + c.member_count % 3],
       make_date(2025, 4, 1)
FROM cooperatives c WHERE c.created_by = 'bench'
""",
]


async def load(url: str, rows: int) -> None:
    """Seed ``rows`` generated cooperatives with their history, in SQL, and ``ANALYZE``."""
    import asyncpg
    from apps import _asyncpg_kwargs

    conn = await asyncpg.connect(**_asyncpg_kwargs(url))
    try:
        first_ms = int(time.time() * 1000) - 10 * 86_400_000  # ids before the demo ones
        await conn.execute(_SEED[0], rows, first_ms)
        for statement in _SEED[1:]:
            await conn.execute(statement)
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


async def database_ms(url: str, queries: list[tuple[Any, ...]]) -> dict[str, float]:
    """Execution time of each page's plan (best of three), name probe included."""
    from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

    from registry.cooperatives.repository import CooperativeRepository
    from registry.cooperatives.schemas import CooperativeFilters, SortKey

    engine = create_async_engine(url)
    out = {}
    async with engine.connect() as conn:
        repo = CooperativeRepository(AsyncSession(bind=conn))
        for label, query, filters, sort, _ in queries:
            best = float("inf")
            for _ in range(3):
                f = CooperativeFilters(**filters)
                t0 = time.perf_counter()
                names = await repo.name_match(f)
                probe = (time.perf_counter() - t0) * 1000 if names is not None else 0.0
                limit = 100 if "limit=100" in query else 20
                stmt = repo.page_statement(f, SortKey(sort), limit, None, date.today(), names)
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
    parser.add_argument(
        "--reuse",
        metavar="DATABASE",
        help="a database an earlier run seeded (printed at its start): nothing seeded again",
    )
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument(
        "--only", action="append", metavar="LABEL", help="run only this query (repeatable)"
    )
    parser.add_argument(
        "--profile", action="store_true", help="py-spy the route on each selected query"
    )
    args = parser.parse_args()
    queries = [q for q in QUERIES if not args.only or q[0] in args.only]
    if not queries:
        raise SystemExit("no such query: " + ", ".join(q[0] for q in QUERIES))
    wrk = ensure_wrk()
    print(f"load average at start {_load()}", flush=True)
    if args.reuse:
        url = (
            make_url(bench_database_url())
            .set(drivername="postgresql+asyncpg", database=args.reuse)
            .render_as_string(hide_password=False)
        )
        ids = asyncio.run(demo_ids(url))
    else:
        url = bench_database()
        ids = asyncio.run(seed(url))
        t0 = time.perf_counter()
        asyncio.run(load(url, args.rows))
        print(f"loaded {args.rows:,} cooperatives (+300 demo) in {time.perf_counter() - t0:.1f} s")
    print(f"database {make_url(url).database}", flush=True)
    db = asyncio.run(database_ms(url, queries))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        "KOPMOD_REGISTRY_DATABASE_URL": url,
        "KOPMOD_REGISTRY_ENVIRONMENT": "test",
        "KOPMOD_REGISTRY_TOKEN_ISSUER": base,
        "KOPMOD_REGISTRY_RATE_LIMIT_ENABLED": "false",
        # One signing key for every worker (each would make its own otherwise, and refuse the
        # tokens of the others), as ``kopmod up`` and the deploy manifests give one.
        "KOPMOD_REGISTRY_SIGNING_KEY_FILE": str(_signing_key()),
    }
    server = start_service("apps:registry_app", env, port, SERVICE_DIR, args.workers)
    print(f"service: uvicorn, {args.workers} worker process(es)")
    try:
        tok = asyncio.run(token(base, "bench-ministry"))
        ref = run_wrk(wrk, base, "/bench/reference/cooperatives/", ids, tok, args.seconds, 16)
        print(
            f"one row by id (raw asyncpg) at 16 connections: {ref['rps']:,.0f} req/s, "
            f"p50 {ref['p50_ms']:.1f} ms, p99 {ref['p99_ms']:.1f} ms"
        )
        c = args.connections
        dbname = make_url(url).database or ""
        print(
            f"{'query':<36}{'db ms':>7}{'1 conn p50/p99':>16}{f'{c} conn p50/p99':>17}"
            f"{'req/s':>7}{'CPU ms':>7}{'pg CPU':>7}{'ref p50/p99':>15}{'ref req/s':>10}"
            f"{'ref CPU':>8}{'ref pg':>7}{'ratio':>7}{'errors':>7}"
        )
        for label, query, _, _, key in queries:
            one = run_wrk(wrk, base, "/v1/cooperatives?", [query], tok, args.seconds, 1)
            # Not measured: a second at ``--connections`` for the route and the raw page each,
            # so both run on open pooled connections with their statements prepared (the raw
            # page's pool opens all its connections at once; the service's grows on demand, and
            # its first 16 requests at once each paid a new connection, near the p99).
            run_wrk(wrk, base, "/v1/cooperatives?", [query], tok, 1, args.connections)
            run_wrk(
                wrk, base, "/bench/reference/cooperative-list?", [f"key={key}"], tok, 1,
                args.connections,
            )  # fmt: skip
            many, cpu, pg = _with_cpu(
                server.pid,
                dbname,
                lambda q=query: run_wrk(wrk, base, "/v1/cooperatives?", [q], tok, args.seconds, c),
            )
            raw, raw_cpu, raw_pg = _with_cpu(
                server.pid,
                dbname,
                lambda k=key: run_wrk(
                    wrk, base, "/bench/reference/cooperative-list?", [f"key={k}"], tok,
                    args.seconds, c,
                ),
            )  # fmt: skip
            print(
                f"{label:<36}{db[label]:>7.2f}"
                f"{one['p50_ms']:>8.1f}/{one['p99_ms']:<7.1f}"
                f"{many['p50_ms']:>8.1f}/{many['p99_ms']:<8.1f}{many['rps']:>7.0f}{cpu:>7.2f}"
                f"{pg:>7.2f}{raw['p50_ms']:>7.1f}/{raw['p99_ms']:<7.1f}{raw['rps']:>10.0f}"
                f"{raw_cpu:>8.2f}{raw_pg:>7.2f}{many['rps'] / raw['rps']:>7.2f}"
                f"{one['errors'] + many['errors'] + raw['errors']:>7}",
                flush=True,
            )
        if args.profile:
            for label, query, *_ in queries:
                print(f"profile: {label}, {c} connections")
                profile(
                    server.pid,
                    args.seconds,
                    lambda q=query: run_wrk(
                        wrk, base, "/v1/cooperatives?", [q], tok, args.seconds, c
                    ),
                )
        print(f"load average at the end {_load()}")
    finally:
        server.terminate()
        server.wait(timeout=30)


def _with_cpu(pid: int, database: str, run: Any) -> tuple[dict[str, float], float, float]:
    """A wrk run, and the CPU milliseconds per request during it of the service and of the
    Postgres backends serving its database."""
    before, db_before = cpu_seconds(pid), database_cpu_seconds(database)
    result = run()
    n = max(result["requests"], 1)
    return (
        result,
        1000 * (cpu_seconds(pid) - before) / n,
        1000 * (database_cpu_seconds(database) - db_before) / n,
    )


def _signing_key() -> Path:
    from registry.identity.keys import generate_pem

    path = Path(tempfile.mkdtemp()) / "signing-key.pem"
    path.write_bytes(generate_pem())
    return path


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def bench_database_url() -> str:
    return os.environ.get("KOPMOD_BENCH_DATABASE_URL", DEFAULT_SERVER)


async def demo_ids(url: str) -> list[str]:
    """The ids the reference reads, on a database seeded before (the demo cooperatives)."""
    import asyncpg
    from apps import _asyncpg_kwargs

    conn = await asyncpg.connect(**_asyncpg_kwargs(url))
    try:
        rows = await conn.fetch("SELECT id FROM cooperatives WHERE created_by <> 'bench'")
        return [str(r["id"]) for r in rows]
    finally:
        await conn.close()


if __name__ == "__main__":
    main()
