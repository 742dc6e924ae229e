"""Matching from the database to persisted allocations, at national scale.

Loads the synthetic data set of ``marketplace_matching.py`` (10,000 demands x 100,000 offers
clustered on Java, Sumatra and Sulawesi) into a fresh, migrated marketplace database with COPY,
then runs the service's batch matching for every commodity exactly as
``POST /v1/matching/runs`` does: open demands and offers read through their indexes, candidates,
optimal allocation, and the run recorded (inputs, parameters, objective, allocations).

    uv run python bench/marketplace_matching_db.py            # 10,000 x 100,000
    uv run python bench/marketplace_matching_db.py --propose  # also one proposal per allocation
    uv run python bench/marketplace_matching_db.py --growth 1000 3000 10000 20000

Timed per commodity: the service call and its commit. Then (not timed) each recorded run's
inputs are solved again in memory, so the recorded objective is printed beside the in-memory
optimum of the same data and the greedy baseline on the same candidates.

The Postgres server is ``KOPMOD_BENCH_DATABASE_URL`` (default: the local server on 5432); the
bench creates its own database ``kopmod_marketplace_bench`` there. Prints figures only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import subprocess
import sys
import time
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import asyncpg
from marketplace_matching import COMMODITIES, generate

REPO = Path(__file__).resolve().parents[1]
SERVICE_DIR = REPO / "services" / "marketplace"
DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"
# Grade codes by rank (worst first), as the reference-data migration seeds them.
GRADES = {
    "coffee_green": ["mutu_6", "mutu_5", "mutu_4", "mutu_3", "mutu_2", "mutu_1"],
    "cocoa_beans": ["mutu_3", "mutu_2", "mutu_1"],
    "rice_milled": ["medium_2", "medium_1", "premium"],
    "crude_palm_oil": [],
    "rubber_natural": ["sir_20", "sir_10", "sir_5", "sir_3l"],
}


def bench_database() -> str:
    os.environ.setdefault(
        "KOPMOD_TEST_DATABASE_URL", os.environ.get("KOPMOD_BENCH_DATABASE_URL", DEFAULT_SERVER)
    )
    from kopmod_shared.testing import fresh_database

    return fresh_database(SERVICE_DIR, "kopmod_marketplace_bench")


def _grade(code: str, rank: int | None) -> tuple[str | None, int | None]:
    grades = GRADES[code]
    if rank is None or not grades:
        return None, None
    rank = min(rank, len(grades))
    return grades[rank - 1], rank


async def load(url: str, n_demands: int, n_offers: int, seed: int) -> None:
    from kopmod_shared.db import sync_url

    data = generate(n_demands, n_offers, seed)
    now = datetime.now(UTC)
    offtaker = uuid.uuid4()
    conn = await asyncpg.connect(sync_url(url))
    try:
        await conn.execute(
            "INSERT INTO offtakers (id, name, kind, region_code, latitude, longitude, "
            "verification_status, contact_name, contact_email) VALUES "
            "($1, 'PT Bench', 'processor', '31', -6.2, 106.8, 'verified', 'bench', 'b@b.id')",
            offtaker,
        )
        demand_rows, offer_rows, cert_rows = [], [], []
        for code, (demands, offers) in data.items():
            for d in demands:
                grade, rank = _grade(code, d.min_grade_rank)
                qty = Decimal(d.quantity)
                demand_rows.append(
                    (
                        uuid.uuid4(),
                        offtaker,
                        code,
                        grade,
                        rank,
                        qty,
                        qty,
                        qty,
                        "KGM",
                        "KGM",
                        Decimal(d.min_lot) if d.min_lot else None,
                        date.fromordinal(d.window_start),
                        date.fromordinal(d.window_end),
                        d.latitude,
                        d.longitude,
                        "31",
                        d.radius_km,
                        "fixed",
                        Decimal(d.reference_price) / 100,
                        "[]",
                        False,
                        14,
                        list(d.required_certifications),
                        "domestic",
                        json.dumps({"kind": "one_off"}),
                        "open",
                        now,
                        now,
                        now,
                    )
                )
            for o in offers:
                grade, rank = _grade(code, o.grade_rank)
                oid = uuid.uuid4()
                qty = Decimal(o.quantity)
                offer_rows.append(
                    (
                        oid,
                        uuid.uuid5(uuid.NAMESPACE_URL, o.cooperative_id),
                        f"Koperasi {o.cooperative_id}",
                        code,
                        grade,
                        rank,
                        qty,
                        qty,
                        qty,
                        "KGM",
                        "KGM",
                        "one_off",
                        Decimal(o.min_order) if o.min_order else None,
                        Decimal(o.order_multiple) if o.order_multiple > 1 else None,
                        date.fromordinal(o.window_start),
                        date.fromordinal(o.window_end),
                        o.latitude,
                        o.longitude,
                        "32",
                        "given",
                        Decimal(o.asking_price) / 100,
                        "open",
                        now,
                        now,
                    )
                )
                for c in o.certifications:
                    cert_rows.append(
                        (
                            uuid.uuid4(),
                            oid,
                            c.scheme,
                            f"HALAL-{o.id}",
                            "BPJPH",
                            date.fromordinal(c.valid_from),
                            date.fromordinal(c.valid_to),
                        )
                    )
        await conn.copy_records_to_table(
            "demands",
            records=demand_rows,
            columns=[
                "id",
                "offtaker_id",
                "commodity_code",
                "min_grade",
                "min_grade_rank",
                "quantity",
                "remaining_quantity",
                "entered_quantity",
                "entered_unit",
                "base_unit",
                "min_lot",
                "window_start",
                "window_end",
                "latitude",
                "longitude",
                "region_code",
                "max_distance_km",
                "price_type",
                "price_fixed",
                "price_adjustments",
                "price_private",
                "payment_days",
                "required_certifications",
                "market",
                "recurrence",
                "status",
                "posted_at",
                "created_at",
                "updated_at",
            ],
        )
        await conn.copy_records_to_table(
            "supply_offers",
            records=offer_rows,
            columns=[
                "id",
                "cooperative_id",
                "cooperative_name",
                "commodity_code",
                "grade",
                "grade_rank",
                "quantity",
                "remaining_quantity",
                "entered_quantity",
                "entered_unit",
                "base_unit",
                "period",
                "min_order",
                "order_multiple",
                "window_start",
                "window_end",
                "latitude",
                "longitude",
                "region_code",
                "location_source",
                "asking_price",
                "status",
                "created_at",
                "updated_at",
            ],
        )
        await conn.copy_records_to_table(
            "offer_certifications",
            records=cert_rows,
            columns=["id", "offer_id", "scheme", "number", "issuer", "valid_from", "valid_to"],
        )
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


async def run(
    url: str, candidates: int, repair_seconds: float, propose: bool, processes: int
) -> float:
    """Every commodity through the service at once (each its own session and transaction,
    computing in ``processes`` worker processes as the service does), timed from the first read
    to the last commit; then each recorded run's inputs solved again in memory (not timed) for
    the optimum and the greedy baseline on the same data. ``processes`` 0: one commodity after
    the other, computing in this process."""
    from sqlalchemy import func, select, text

    from kopmod_shared.auth import Principal, Role
    from kopmod_shared.db import create_engine, make_sessionmaker
    from marketplace.matching import candidates as candidate_gen
    from marketplace.matching import engine as matching
    from marketplace.matching import service, solver
    from marketplace.matching.models import MatchingAllocation, MatchingRun
    from marketplace.matching.workers import MatchingWorkers
    from marketplace.settings import MarketplaceSettings

    settings = MarketplaceSettings(
        database_url=url,
        environment="test",
        log_json=False,
        max_candidates_per_demand=candidates,
        repair_time_limit_seconds=repair_seconds,
        db_statement_timeout_ms=600_000,
    )
    engine = create_engine(url, statement_timeout_ms=600_000)
    sessions = make_sessionmaker(engine)
    principal = Principal(client_id="bench", role=Role.admin)
    workers = MatchingWorkers(processes)
    # Workers start as a running service's have: before the timed runs (not timed).
    await workers.warm()
    seconds: dict[str, float] = {}
    postgres_cpu: list[float] = []

    async def one(code: str) -> Any:
        t0 = time.perf_counter()
        async with sessions() as session:
            backend = await session.scalar(text("SELECT pg_backend_pid()"))
            before = _backend_cpu(backend)
            result = await service.run_for_commodity(
                session, principal, code, settings, propose=propose, workers=workers
            )
            await session.commit()
            postgres_cpu.append(_backend_cpu(backend) - before)
        seconds[code] = time.perf_counter() - t0
        return result

    # The workers' own CPU over the timed runs (read from /proc), without their start-up
    # (imports, about 2 s each), which RUSAGE_CHILDREN below counts too.
    pids = list(workers.pool._processes) if workers.pool is not None else []
    window0 = sum(_backend_cpu(pid) for pid in pids)
    t0 = time.perf_counter()
    cpu0 = _cpu()
    try:
        if processes > 0:
            results = await asyncio.gather(*(one(code) for code, _ in COMMODITIES))
        else:
            results = [await one(code) for code, _ in COMMODITIES]
        total = time.perf_counter() - t0
        window = sum(_backend_cpu(pid) for pid in pids) - window0
    finally:
        workers.close(wait=True)  # waited for, so their CPU time is counted below
    cpu1 = _cpu()
    print(
        f"{'commodity':<15}{'seconds':>9}{'solve s':>9}{'status':>10}{'allocations':>13}"
        f"{'allocated t':>13}{'unmet t':>9}{'objective Rp bn':>17}{'in-memory':>11}"
        f"{'greedy':>9}{'/greedy':>9}"
    )
    sums = {"db": Decimal(0), "memory": 0, "greedy": 0}
    try:
        for (code, _), result in zip(COMMODITIES, results, strict=True):
            async with sessions() as session:
                allocations = await session.scalar(
                    select(func.count()).where(MatchingAllocation.run_id == result.id)
                )
                inputs = await session.scalar(
                    select(MatchingRun.inputs).where(MatchingRun.id == result.id)
                )
            demands, offers = matching.load_inputs(inputs)
            p = service.parameters(settings)
            arcs = candidate_gen.candidate_pairs(demands, offers, p)
            memory = solver.solve(demands, offers, arcs, p).objective
            greedy = solver.greedy(demands, offers, arcs, p).objective
            sums["db"] += result.objective
            sums["memory"] += memory
            sums["greedy"] += greedy
            solve = result.stats["flow_seconds"] + result.stats["repair"].get("seconds", 0)
            print(
                f"{code:<15}{seconds[code]:>9.2f}{solve:>9.2f}{result.status:>10}"
                f"{allocations:>13,}"
                f"{result.allocated_quantity / 1000:>13,.0f}{result.unmet_quantity / 1000:>9,.0f}"
                f"{result.objective / Decimal(10**9):>17,.1f}{memory / 1e11:>11,.1f}"
                f"{greedy / 1e11:>9,.1f}{float(result.objective) * 100 / greedy:>9.3f}",
                flush=True,
            )
    finally:
        await engine.dispose()
    memory_rp = Decimal(sums["memory"]) / 100
    how = f"at once in {processes} worker processes" if processes else "one after the other"
    print(
        f"\nall commodities ({how}), database to recorded runs"
        f"{' and proposals' if propose else ''}: {total:.2f} s "
        f"(sum of the commodities' own times {sum(seconds.values()):.2f} s)"
    )
    own, kids, pg = cpu1[0] - cpu0[0], cpu1[1] - cpu0[1], sum(postgres_cpu)
    print(
        f"CPU seconds: this process {own:.2f}, worker processes {kids:.2f}, Postgres backends "
        f"{pg:.2f} (-1 each if unreadable): total {own + kids + pg:.2f}, so at least "
        f"{(own + kids + pg) / (os.cpu_count() or 1):.2f} s on {os.cpu_count()} idle CPUs"
    )
    if pids:
        timed = own + window + pg
        print(
            f"CPU seconds in the timed runs (workers without their start-up): this process "
            f"{own:.2f}, worker processes {window:.2f}, Postgres backends {pg:.2f}: total "
            f"{timed:.2f}, so at least {timed / (os.cpu_count() or 1):.2f} s on "
            f"{os.cpu_count()} idle CPUs"
        )
    print(
        f"objective Rp {sums['db']:,.0f} recorded; in-memory optimum of the same inputs "
        f"Rp {memory_rp:,.0f} (recorded {'<=' if sums['db'] <= memory_rp else '>'} in-memory); "
        f"greedy Rp {Decimal(sums['greedy']) / 100:,.0f}; recorded / greedy = "
        f"{float(sums['db']) * 100 / sums['greedy']:.3f}"
    )
    return total


def _backend_cpu(pid: int | None) -> float:
    """CPU seconds (user + system) of a Postgres backend on this machine, from /proc; -1 when
    it cannot be read (a remote server)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return -1.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its exited children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def one_size(args: argparse.Namespace) -> None:
    t0 = time.perf_counter()
    url = bench_database()
    print(f"fresh database migrated in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    asyncio.run(load(url, args.demands, args.offers, args.seed))
    print(
        f"loaded {args.demands:,} demands and {args.offers:,} offers with COPY in "
        f"{time.perf_counter() - t0:.1f} s"
    )
    # Peak memory counts from here: what generating and loading the data set took is the
    # bench's, not the matching's.
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    total = asyncio.run(
        run(url, args.candidates, args.repair_seconds, args.propose, args.processes)
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # The largest worker process (they have exited by now).
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        f"SIZE {args.demands} {args.offers} seconds {total:.2f} "
        f"peak_rss_mb {peak / 1024:.0f} before_runs_mb {base / 1024:.0f} "
        f"worker_peak_mb {workers / 1024:.0f}"
    )


def growth(args: argparse.Namespace) -> None:
    """Each size in its own process, so its peak memory is its own."""
    rows = []
    for n in args.growth:
        cmd = [
            sys.executable,
            __file__,
            "--demands",
            str(n),
            "--offers",
            str(10 * n),
            "--seed",
            str(args.seed),
            "--candidates",
            str(args.candidates),
            "--repair-seconds",
            str(args.repair_seconds),
            "--processes",
            str(args.processes),
        ]
        print(f"$ {' '.join(cmd[1:])}", flush=True)
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        print(out, flush=True)
        size = next(line.split() for line in out.splitlines() if line.startswith("SIZE "))
        rows.append((int(size[1]), int(size[2]), float(size[4]), int(size[6]), int(size[10])))
    print(
        f"{'demands':>9}{'offers':>9}{'seconds':>9}{'peak MB':>9}{'worker MB':>10}"
        f"{'s per 1k demands':>18}"
    )
    for d, o, s, mb, wmb in rows:
        print(f"{d:>9,}{o:>9,}{s:>9.2f}{mb:>9,}{wmb:>10,}{s * 1000 / d:>18.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demands", type=int, default=10_000)
    parser.add_argument("--offers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--candidates", type=int, default=50)
    parser.add_argument("--repair-seconds", type=float, default=1.0)
    parser.add_argument("--propose", action="store_true")
    parser.add_argument(
        "--processes",
        type=int,
        default=2,
        help="worker processes, as the service's matching_processes (0: commodities one after "
        "the other, computed in the bench's own process, as before the workers)",
    )
    parser.add_argument(
        "--growth",
        type=int,
        nargs="*",
        help="demand counts to run one after the other, offers 10x each (e.g. 1000 3000 10000 "
        "20000); prints seconds and peak memory per size",
    )
    args = parser.parse_args()
    if args.growth:
        growth(args)
    else:
        one_size(args)


if __name__ == "__main__":
    main()
