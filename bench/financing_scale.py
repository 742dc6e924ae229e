"""Financing at growing portfolio size: end of day and the fund reports, per loan count.

    uv run python bench/financing_scale.py [sizes ...]      # default: 1000 10000
    uv run python bench/financing_scale.py 100000 --reuse DATABASE --close-until 2026-12-30
                                            # a month end (every loan's month-end row written)

Builds 20 template loans through the real API (twelve monthly installments; disbursement, eleven
months of repayments on time, late, partial or never; end of day every business day for 340
days, so the late ones carry a daily penalty per day in arrears: up to ~350 transactions a loan),
then clones them by SQL (loans, transactions, maintained state) to each size and measures,
through the real app in process (``httpx.ASGITransport``, real Postgres transactions):
- end of day for one business day (seconds, ms per open loan), and the reference in the same
  run: touching every open loan's maintained row once in the same chunks (the floor of a day);
- the portfolio, the fund position history (month ends over the year) and the cash forecast:
  p50/p99 of 4 concurrent clients, 25 requests each, beside the same for the business-date read
  (the floor of a request), and the portfolio's query as it was before its maintained groups
  (every open loan's account grouped, SQL only); up to 1,000 loans also the portfolio replayed
  the old way (the oracle ``financing.reports.replayed``), one call;
- the replay alone per loan, the engine as it is against the quadratic engine it replaced
  (``tests/replay/reference_engine.py``) on the same loans in the same run: the ratio.
The end-of-day figures of ``/work/shared/baselines.md`` (main at 7fffe6f, quiet machine) are
printed beside, per open loan. No assertions on timing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import make_url

from financing.arrears.service import CHUNK_SIZE
from financing.main import create_app
from financing.settings import FinancingSettings
from kopmod_shared.testing import TestIssuer, alembic_config, fresh_database, running

SERVICE_DIR = Path(__file__).resolve().parents[1] / "services" / "financing"
sys.path.insert(0, str(SERVICE_DIR))
import financing_seed  # noqa: E402
from tests.loans.conftest import Fund, signed_loan  # noqa: E402
from tests.replay import reference_engine  # noqa: E402
from tests.reports.groups import group_differences  # noqa: E402

TEMPLATES = 20
START = date(2026, 1, 5)
HISTORY_DAYS = 340
# Baselines (open loans -> end of day s, portfolio s, cash forecast s), main at 7fffe6f.
BASELINE = {950: (20.6, 11.4, 11.5), 2850: (93.2, 34.6, 30.1)}
# Requests per connection for each report's p50/p99 (4 connections).
REQUESTS = 25


async def build_templates(c: httpx.AsyncClient, app: Any, h: Any) -> Fund:
    resp = await c.post(
        "/v1/funds", json={"code": "SCALE", "name": "scale bench"}, headers=h("admin")
    )
    fund = Fund(uuid.UUID(resp.json()["id"]), "SCALE")
    resp = await c.post(
        f"/v1/funds/{fund.id}/capital-injections",
        json={"amount": "2000000000000.00", "entry_date": "2026-01-02", "memo": "bench"},
        # The fund committee injects capital; admin only creates the fund (separated duties).
        headers=h("fund_committee"),
    )
    assert resp.status_code == 201, resp.text
    await c.post(
        f"/v1/funds/{fund.id}/business-date",
        json={"business_date": START.isoformat()},
        headers=h("fund_officer"),
    )
    loans = []
    for _ in range(TEMPLATES):
        loan_id = await signed_loan(app, fund, amount="12000000.00", max_tranches=1)
        resp = await c.post(
            f"/v1/loans/{loan_id}/disbursements",
            json={"amount": "12000000.00"},
            headers=h("fund_officer"),
        )
        assert resp.status_code == 201, resp.text
        loans.append(loan_id)
    bank = h("partner", sub="bank-bench", scopes=["repayments"])
    # Loan n pays: every 3rd on time; others late by n days; every 5th only half; 19 never.
    for month in range(1, 12):
        due = date(2026, 1 + month, 5)
        plan = sorted((due + timedelta(days=0 if n % 3 == 0 else n), n) for n in range(19))
        for pay_on, n in plan:
            loan_id = loans[n]
            await eod(c, h, fund, pay_on - timedelta(days=1))
            amount = "500000.00" if n % 5 == 0 else "1120000.00"
            resp = await c.post(
                f"/v1/loans/{loan_id}/repayments",
                json={"amount": amount, "external_reference": f"B-{month}-{n}"},
                headers=bank,
            )
            assert resp.status_code == 201, resp.text
    await eod(c, h, fund, START + timedelta(days=HISTORY_DAYS))
    return fund


async def eod(c: httpx.AsyncClient, h: Any, fund: Fund, through: date) -> float:
    t0 = time.perf_counter()
    resp = await c.post(
        f"/v1/funds/{fund.id}/end-of-day",
        json={"through": through.isoformat()},
        headers=h("fund_officer"),
        timeout=3600,
    )
    assert resp.status_code == 200, resp.text
    return time.perf_counter() - t0


async def timed_get(c: httpx.AsyncClient, url: str, headers: Any, **params: Any) -> float:
    t0 = time.perf_counter()
    resp = await c.get(url, params=params, headers=headers, timeout=3600)
    assert resp.status_code == 200, resp.text
    return time.perf_counter() - t0


async def p99_at(
    c: httpx.AsyncClient, url: str, headers: Any, connections: int, each: int, **params: Any
) -> tuple[float, float]:
    """p50 and p99 seconds of ``connections`` clients each sending ``each`` requests in turn."""
    times: list[float] = []

    async def client() -> None:
        for _ in range(each):
            times.append(await timed_get(c, url, headers, **params))

    await asyncio.gather(*(client() for _ in range(connections)))
    times.sort()
    return times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.99))]


# The portfolio's query before the maintained groups (migration 5a7c9e1b3d20): every open
# loan's account joined to its loan and grouped, on each request. Timed beside the new one.
ACCOUNTS_PORTFOLIO = text(
    """
    SELECT x.days, x.code, x.province, count(*), sum(x.outstanding)
    FROM (
        SELECT CASE WHEN a.arrears_from < CAST(:today AS date)
                    AND CAST(:today AS date) - a.arrears_from > l.arrears_tolerance_days
               THEN CAST(:today AS date) - a.arrears_from ELSE 0 END AS days,
               p.code, l.province_code AS province, a.principal_outstanding AS outstanding
        FROM loan_accounts a
        JOIN loans l ON l.id = a.loan_id
        JOIN products p ON p.id = l.product_id
        WHERE a.fund_id = CAST(:fund AS uuid) AND a.principal_outstanding > 0
          AND l.status IN ('pending_disbursement', 'active', 'overpaid')
    ) x
    GROUP BY 1, 2, 3
    """
)


async def sql_p99_at(
    app: Any, query: Any, params: dict[str, Any], connections: int, each: int
) -> tuple[float, float]:
    """p50 and p99 seconds of one query, ``connections`` sessions each running it ``each``
    times in turn."""
    times: list[float] = []

    async def client() -> None:
        for _ in range(each):
            async with app.state.sessionmaker() as session:
                t0 = time.perf_counter()
                (await session.execute(query, params)).all()
                times.append(time.perf_counter() - t0)

    await asyncio.gather(*(client() for _ in range(connections)))
    times.sort()
    return times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.99))]


async def floor_day(app: Any, fund: Fund, chunk: int) -> float:
    """The reference for end of day in the same run: touch every open loan's maintained row
    once, in the same chunks and commits, and nothing else (the least a day could cost)."""
    t0 = time.perf_counter()
    after = uuid.UUID(int=0)
    while True:
        async with app.state.sessionmaker() as session:
            last = await session.scalar(
                text(
                    "WITH c AS (SELECT id FROM loans WHERE fund_id = :f AND status = 'active' "
                    "AND id > :a ORDER BY id LIMIT :n FOR UPDATE), "
                    "u AS (UPDATE loan_accounts a SET updated_at = now() FROM c "
                    "WHERE a.loan_id = c.id RETURNING a.loan_id) "
                    "SELECT max(loan_id::text) FROM u"
                ),
                {"f": fund.id, "a": after, "n": chunk},
            )
            await session.commit()
        if last is None:
            return time.perf_counter() - t0
        after = uuid.UUID(last)


async def replay_ratio(app: Any, fund: Fund, templates: list[uuid.UUID]) -> tuple[float, float]:
    """ms per loan replaying the templates: this engine, and the quadratic one it replaced."""
    from financing.loans.models import Loan
    from financing.loans.repository import LoanRepository
    from financing.loans.service import LoanBook
    from financing.replay import engine

    async with app.state.sessionmaker() as session:
        repo = LoanRepository(session)
        loans = [await session.get(Loan, loan_id) for loan_id in templates]
        records = await repo.transactions_of_loans([loan.id for loan in loans])
        books = [LoanBook(loan=loan, records=records[loan.id]) for loan in loans]
    out = []
    for module in (engine, reference_engine):
        t0 = time.perf_counter()
        for book in books:
            txs = [
                module.LoanTransaction(
                    t.id,
                    module.TxKind(t.kind.value),
                    t.value_date,
                    t.amount,
                    t.sequence,
                    t.reversed,
                    t.installment_number,
                )
                for t in book.transactions()
            ]
            module.replay(book.installments(), txs, order=module.allocation_order(None))
        out.append((time.perf_counter() - t0) / len(books) * 1000)
    return out[0], out[1]


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--sample", type=int, default=200, help="loans replayed per size")
    parser.add_argument(
        "--replay-up-to",
        type=int,
        default=1000,
        help="sizes up to which the whole fund's reports are compared with the replayed ones",
    )
    parser.add_argument(
        "--reuse",
        metavar="DATABASE",
        help="a database an earlier run seeded (printed at its start): migrated to head, no "
        "templates built, clones added only up to each size",
    )
    parser.add_argument(
        "--close-until",
        metavar="DATE",
        type=date.fromisoformat,
        help="first close every business day up to DATE, not measured (e.g. 2026-12-30: the "
        "day measured is then the month end 2026-12-31, which writes every loan's month end)",
    )
    args = parser.parse_args()
    sizes = args.sizes
    os.environ.setdefault(
        "KOPMOD_TEST_DATABASE_URL",
        os.environ.get(
            "KOPMOD_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
        ),
    )
    if args.reuse:
        url = (
            make_url(os.environ["KOPMOD_TEST_DATABASE_URL"])
            .set(drivername="postgresql+asyncpg", database=args.reuse)
            .render_as_string(hide_password=False)
        )
        # Migrations that came after the seeding (each builds its summary from the rows).
        t0 = time.perf_counter()
        await asyncio.to_thread(command.upgrade, alembic_config(SERVICE_DIR, url), "head")
        print(f"migrated to head in {time.perf_counter() - t0:.1f} s", flush=True)
    else:
        url = fresh_database(SERVICE_DIR, "kopmod_financing_scale_bench")
    print(f"database {make_url(url).database}", flush=True)
    issuer = TestIssuer()
    settings = FinancingSettings(
        database_url=url,
        environment="test",
        token_issuer=issuer.issuer,
        log_level="WARNING",
        log_json=False,
        eligibility_retry_enabled=False,
        documents_dir=Path("/tmp/kopmod-bench-documents"),
    )

    def h(role: str, **kw: Any) -> dict[str, str]:
        return issuer.headers(role, audience="kopmod-financing", **kw)

    app = create_app(settings, key_source=issuer.key_source)
    async with (
        running(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://f") as c,
    ):
        if args.reuse:
            fund, templates, total = await seeded(app)
            print(f"reusing {total:,} loans", flush=True)
        else:
            t0 = time.perf_counter()
            fund = await build_templates(c, app, h)
            print(
                f"templates: {TEMPLATES} loans, {HISTORY_DAYS} days, "
                f"{time.perf_counter() - t0:.1f} s"
            )
            templates, total = await template_ids(app, fund), TEMPLATES
        new, old = await replay_ratio(app, fund, templates)
        print(
            f"replay per loan: {new:.2f} ms, quadratic engine {old:.2f} ms, ratio {new / old:.3f}"
        )
        resp = await c.get(f"/v1/funds/{fund.id}/business-date", headers=h("fund_officer"))
        day = date.fromisoformat(resp.json()["business_date"])  # the first day not closed
        if args.close_until is not None and args.close_until >= day:
            seconds = await eod(c, h, fund, args.close_until)
            print(
                f"closed {(args.close_until - day).days + 1} days {day} to {args.close_until} "
                f"in {seconds:.1f} s (not measured)",
                flush=True,
            )
            day = args.close_until + timedelta(days=1)
        print(f"day measured: {day}{' (month end)' if (day + timedelta(days=1)).day == 1 else ''}")
        print(f"load average {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)")
        print(
            "loans | open | end of day s | ms/open loan | floor ms/loan | ratio | "
            "report p50/p99 ms at 4 connections (portfolio, history, forecast, floor, "
            "old portfolio query) | load"
        )
        for size in sizes:
            if size > total:
                copies = (size - total) // TEMPLATES
                seconds = await financing_seed.clone(app, fund.id, templates, copies)
                total += copies * TEMPLATES
                print(f"cloned to {total:,} loans in {seconds:.1f} s", flush=True)
            async with app.state.sessionmaker() as session:
                open_loans = await session.scalar(
                    text("SELECT count(*) FROM loans WHERE fund_id = :f AND status = 'active'"),
                    {"f": fund.id},
                )
            load = os.getloadavg()[0]
            cpu0 = await financing_seed.cpu_now(app)
            eod_s = await eod(c, h, fund, day)
            cpu1 = await financing_seed.cpu_now(app)
            day += timedelta(days=1)
            floor_s = await floor_day(app, fund, CHUNK_SIZE)
            officer = h("fund_officer")  # a fresh token: a long clone outlives one
            figures = []
            for url, params in (
                (f"/v1/funds/{fund.id}/portfolio", {}),
                (
                    f"/v1/funds/{fund.id}/position-history",
                    {"date_from": START.isoformat(), "date_to": day.isoformat(), "step": "month"},
                ),
                (f"/v1/funds/{fund.id}/cash-forecast", {}),
                (f"/v1/funds/{fund.id}/business-date", {}),
            ):
                await timed_get(c, url, officer, **params)  # warm
                p50, p99 = await p99_at(c, url, officer, 4, REQUESTS, **params)
                figures.append(f"{p50 * 1000:.0f}/{p99 * 1000:.0f}")
            p50, p99 = await sql_p99_at(
                app, ACCOUNTS_PORTFOLIO, {"fund": fund.id, "today": day}, 4, REQUESTS
            )
            figures.append(f"(old portfolio query {p50 * 1000:.0f}/{p99 * 1000:.0f})")
            end_load = os.getloadavg()[0]
            base = ", ".join(f"{n}: {e / n * 1000:.1f}" for n, (e, _, _) in BASELINE.items())
            print(
                f"{total} | {open_loans} | {eod_s:.2f} | {eod_s / max(open_loans, 1) * 1000:.3f}"
                f" | {floor_s / max(open_loans, 1) * 1000:.3f} | {eod_s / floor_s:.1f}"
                f" | {' '.join(figures)} | {load:.1f}-{end_load:.1f}"
                f" (baseline eod ms/loan {base})",
                flush=True,
            )
            app_cpu, pg_cpu = cpu1[0] - cpu0[0], financing_seed.backend_cpu_spent(cpu0[1], cpu1[1])
            print(
                f"  end of day CPU: this process {app_cpu:.2f} s, Postgres backends {pg_cpu:.2f} s"
                f" (sum {app_cpu + pg_cpu:.2f} s: the day's work on an idle machine, I/O apart)",
                flush=True,
            )
            # The replay oracle (not timed into the figures above).
            t0 = time.perf_counter()
            wrong = await financing_seed.verify(app, fund.id, args.sample)
            print(
                f"  oracle: {args.sample} loans drawn at random replayed: "
                f"{len(wrong)} differences ({time.perf_counter() - t0:.1f} s)"
                + "".join(f"\n    {w}" for w in wrong[:10]),
                flush=True,
            )
            # The portfolio's groups as the triggers and the seeding kept them, key by key,
            # against a recount of every open loan's account (what the portfolio read before).
            t0 = time.perf_counter()
            drift = await group_differences(app, fund.id)
            print(
                f"  oracle: portfolio groups kept against a recount of all {total:,} accounts: "
                f"{len(drift)} differences ({time.perf_counter() - t0:.1f} s)"
                + "".join(f"\n    {d}" for d in drift[:10]),
                flush=True,
            )
            if size <= args.replay_up_to:
                t0 = time.perf_counter()
                differ = await financing_seed.reports_equal_replay(app, fund.id, START, day)
                print(
                    f"  oracle: portfolio, position history and cash forecast of all {total:,} "
                    f"loans against the replayed reports: "
                    f"{'differ: ' + ', '.join(differ) if differ else 'equal'} "
                    f"({time.perf_counter() - t0:.1f} s)",
                    flush=True,
                )


async def seeded(app: Any) -> tuple[Fund, list[uuid.UUID], int]:
    """The fund, templates and loan count of a database seeded by an earlier run: the
    templates are the loans disbursed first of each application (clones copy the rest)."""
    async with app.state.sessionmaker() as session:
        fund_id = await session.scalar(text("SELECT id FROM funds WHERE code = 'SCALE'"))
        templates = list(
            await session.scalars(
                text(
                    "SELECT id FROM (SELECT DISTINCT ON (l.application_id) l.id, x.seq "
                    "FROM loans l JOIN loan_transactions x ON x.loan_id = l.id "
                    "AND x.kind = 'disbursement' WHERE l.fund_id = :f "
                    "ORDER BY l.application_id, x.seq) t ORDER BY seq"
                ),
                {"f": fund_id},
            )
        )
        total = await session.scalar(
            text("SELECT count(*) FROM loans WHERE fund_id = :f"), {"f": fund_id}
        )
    return Fund(fund_id, "SCALE"), templates, int(total or 0)


async def template_ids(app: Any, fund: Fund) -> list[uuid.UUID]:
    async with app.state.sessionmaker() as session:
        return list(
            await session.scalars(
                text("SELECT id FROM loans WHERE fund_id = :f ORDER BY created_at"),
                {"f": fund.id},
            )
        )


if __name__ == "__main__":
    asyncio.run(main())
