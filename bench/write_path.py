"""Write path: the hot commands, each against a reference route doing one insert, same run.

    uv run python bench/write_path.py [--seconds 8] [--connections 16] [--count 2000]
        [--only submit disbursement ...] [--profile COMMAND]

Financing and the marketplace each run as one uvicorn process (``apps:financing_app``,
``apps:marketplace_app``), each with the reference ``POST /bench/reference/applications``: one
raw asyncpg insert of a four-column row, behind the same middleware. wrk (a separate process,
one thread) loads one route at a time; every command carries its ``Idempotency-Key`` and the
caller's token, and keeps everything it does in production (authorization, the audit record, the
idempotency record and the outbox event in its one transaction). The reference is measured
before and after each service's commands; each command's ratio is its requests/s over the mean
of the two. Commands, in the order run (setup, not timed, in ``write_financing`` and
``write_market``):

- ``submit``: ``POST /v1/applications/{id}/submit``, each of ``--count`` drafts once (own
  cooperative each). The eligibility check is off the request path: the service's worker loop
  is off while timed, and afterwards the bench runs the worker's rounds until every submission
  is decided and prints checks per second, so the deferred work is shown, not hidden.
- ``disbursement``: ``POST /v1/loans/{id}/disbursements``, the one tranche of each of
  ``--count`` signed loans of one fund (every disbursement locks the fund, as in production).
- ``repayment``: ``POST /v1/loans/{id}/repayments`` (a bank with the ``repayments`` scope, a new
  external reference each), in turn over the loans the disbursement run disbursed.
- ``offer``: ``POST /v1/offers`` by ``--count`` cooperatives in turn (at most 500, or
  ``--cooperatives``; the registry stand-in in the same process answers every cooperative
  active). The marketplace keeps an active answer for 60 s per cooperative
  (``marketplace.offers.cooperatives``): a cooperative's first offer calls the registry (one
  HTTP call, as in production), its next ones within the minute do not; the run prints how many
  registry calls it made.
- ``accept`` and ``counter``: ``POST /v1/proposals/{id}/accept`` and ``.../counter`` (the
  proposal reply) by the cooperative whose turn it is, each proposal once, on the offers the
  offer run stored (accept commits the quantity and creates the contract).

Prints each route's requests/s, p50, p99, errors and ratio, and the load average at the start
and end; and the service process's CPU milliseconds per request (user + system from
``/proc/PID/stat`` over the run, Postgres's CPU not included) with the CPU ratio (the
reference's CPU per request over the command's): on a shared machine the load moves
requests/s far more than CPU per request. Rate limiting is off (one client far above it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import write_financing as fin
import write_market as mkt
from read_path import ensure_wrk, fmt, free_port, profile, start_service
from write_load import command_lua, reference_lua, run_wrk

from kopmod_shared.testing import TestIssuer

REPO = Path(__file__).resolve().parents[1]
FINANCING = ("financing", "submit", "disbursement", "repayment")
MARKETPLACE = ("marketplace", "offer", "accept", "counter")
COMMANDS = FINANCING[1:] + MARKETPLACE[1:]
REF_BODY = '{"product_id": "%s", "amount": "250000000.00", "purpose": "bench"}'


def _connect_kwargs(url: str) -> dict[str, Any]:
    from sqlalchemy.engine import make_url

    u = make_url(url)
    host = u.query.get("host") or u.host or "127.0.0.1"
    return {"user": u.username or "postgres", "database": u.database, "host": host, "port": u.port}


async def _sql(url: str, sql: str) -> Any:
    conn = await asyncpg.connect(**_connect_kwargs(url))
    try:
        return await conn.fetch(sql)
    finally:
        await conn.close()


ACTIVE = "SELECT id::text AS id FROM loans WHERE status = 'active' ORDER BY id"
REF_TABLE = (
    "CREATE TABLE IF NOT EXISTS bench_reference_applications (id uuid PRIMARY KEY, "
    "product_id uuid NOT NULL, amount numeric(20, 2) NOT NULL, purpose text NOT NULL, "
    "created_at timestamptz NOT NULL)"
)


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) the service process has used: per request, a figure the
    machine's load inflates far less than requests/s (Postgres's own CPU is not in it)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Run:
    """One service process under wrk: the reference around its commands, one row each."""

    def __init__(self, wrk: str, base: str, pid: int, args: argparse.Namespace) -> None:
        self.wrk, self.base, self.pid, self.args = wrk, base, pid, args
        self.rows: list[tuple[str, dict[str, Any]]] = []

    def load(self, lua: str) -> dict[str, Any]:
        before = process_cpu(self.pid)
        got = run_wrk(self.wrk, self.base, lua, self.args.seconds, self.args.connections)
        got["cpu_ms"] = 1000 * (process_cpu(self.pid) - before) / max(got["requests"], 1)
        return got

    def reference(self, label: str) -> None:
        self.rows.append((label, self.load(reference_lua(
            "/bench/reference/applications", REF_BODY % "00000000-0000-0000-0000-000000000000"
        ))))  # fmt: skip

    def command(self, name: str, targets: int, lua: str) -> dict[str, Any]:
        got: list[dict[str, Any]] = []
        if self.args.profile == name:  # sampled during the measured run
            profile(self.pid, self.args.seconds, lambda: got.append(self.load(lua)))
        else:
            got.append(self.load(lua))
        if got[0]["requests"] > targets:
            print(f"  note: {got[0]['requests']} {name} requests for {targets} targets")
        self.rows.append((name, got[0]))
        return got[0]


def financing(wrk: str, args: argparse.Namespace, issuer: TestIssuer) -> list[Any]:
    from kopmod_shared.testing import fresh_database

    url = fresh_database(REPO / "services" / "financing", "kopmod_financing_bench")
    asyncio.run(_sql(url, REF_TABLE))
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
    server = start_service("apps:financing_app", env, port, REPO / "services" / "financing")
    try:
        fund, product = asyncio.run(fin.fund_and_product(base, issuer))
        want = [c for c in FINANCING[1:] if c in args.only]
        apps = (
            asyncio.run(fin.drafts(base, issuer, product, args.count)) if "submit" in want else []
        )
        lending = {"disbursement", "repayment"} & set(want)
        loans = asyncio.run(fin.signed_loans(url, fund, args.count)) if lending else []
        run = Run(wrk, base, server.pid, args)
        run.load(reference_lua("/bench/reference/applications", REF_BODY % product))  # warm-up
        run.reference("reference (before)")
        if apps:
            paths = [f"/v1/applications/{a}/submit" for a, _ in apps]
            run.command("submit", len(apps), command_lua(paths, [t for _, t in apps], [""]))
        officer = fin.headers(issuer, "fund_officer")["Authorization"].split()[1]
        tranche = command_lua(
            [f"/v1/loans/{i}/disbursements" for i in loans],
            [officer],
            [f'{{"amount": "{fin.LOAN_AMOUNT}"}}'],
        )
        if "disbursement" in want:
            run.command("disbursement", len(loans), tranche)
        if "repayment" in want:
            if "disbursement" not in want:  # the loans disbursed first (not timed)
                run.load(tranche)
            active = asyncio.run(_sql(url, ACTIVE))
            bank = fin.headers(issuer, "partner", sub="bank-bri", scopes=["repayments"])
            repay = command_lua(
                [f"/v1/loans/{r['id']}/repayments" for r in active],
                [bank["Authorization"].split()[1]],
                ['{"amount": "150000.00", "external_reference": "bench-@N@"}'],
            )
            run.command("repayment", 10**9, repay)
        run.reference("reference (after)")
        if apps:
            checked, took, left = asyncio.run(drain_eligibility(url, base, issuer))
            rate = checked / max(took, 1e-9)
            print(
                f"  eligibility worker after it: {checked} checks in {took:.1f} s "
                f"({rate:.0f}/s), {left} left in eligibility_check"
            )
        return run.rows
    finally:
        server.terminate()
        server.wait(timeout=15)


def marketplace(wrk: str, args: argparse.Namespace, issuer: TestIssuer) -> list[Any]:
    from kopmod_shared.testing import fresh_database

    url = fresh_database(REPO / "services" / "marketplace", "kopmod_marketplace_bench")
    asyncio.run(_sql(url, REF_TABLE))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        "KOPMOD_MARKETPLACE_DATABASE_URL": url,
        "KOPMOD_MARKETPLACE_ENVIRONMENT": "test",
        "KOPMOD_MARKETPLACE_TOKEN_ISSUER": issuer.issuer,
        "KOPMOD_MARKETPLACE_REGISTRY_URL": f"{base}/bench/registry",
        "KOPMOD_MARKETPLACE_RATE_LIMIT_ENABLED": "false",
        "KOPMOD_BENCH_JWKS": json.dumps(issuer.jwks()),
    }
    server = start_service("apps:marketplace_app", env, port, REPO / "services" / "marketplace")
    try:
        demand_ids = asyncio.run(mkt.demands(base, issuer, 50))
        coops = mkt.cooperatives(issuer, args.cooperatives or min(args.count, 500))
        run = Run(wrk, base, server.pid, args)
        ref = REF_BODY % "00000000-0000-0000-0000-000000000000"
        run.load(reference_lua("/bench/reference/applications", ref))  # warm-up
        run.reference("reference (before)")
        offer_lua = command_lua(["/v1/offers"], list(coops.values()), [mkt.OFFER])
        if "offer" in args.only:
            done = run.command("offer", 10**9, offer_lua)
            asked = httpx.get(f"{base}/bench/registry/calls", timeout=10).json()["calls"]
            print(f"  offer: {asked} registry calls for {done['requests']} offers "
                  f"by {len(coops)} cooperatives")  # fmt: skip
        else:  # the offers the proposals need (not timed)
            run.load(offer_lua)
        offers = asyncio.run(_sql(url, "SELECT count(*) AS n FROM supply_offers"))[0]["n"]
        per_offer = min(len(demand_ids), max(2, -(-2 * args.count // max(offers, 1))))
        made = asyncio.run(mkt.proposals(url, demand_ids, per_offer))
        passes = [made[k * offers : (k + 1) * offers] for k in range(per_offer)]
        accept = [p for k, chunk in enumerate(passes) if k % 2 == 0 for p in chunk]
        counter = [p for k, chunk in enumerate(passes) if k % 2 == 1 for p in chunk]
        for name, chosen, body in (("accept", accept, ""), ("counter", counter, mkt.COUNTER)):
            if name in args.only:
                run.command(name, len(chosen), command_lua(
                    [f"/v1/proposals/{p}/{name}" for p, _ in chosen],
                    [coops[c] for _, c in chosen], [body]))  # fmt: skip
        run.reference("reference (after)")
        return run.rows
    finally:
        server.terminate()
        server.wait(timeout=15)


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
    left = await _sql(url, "SELECT count(*) AS n FROM applications WHERE status = "
                      "'eligibility_check'")  # fmt: skip
    return checked, seconds, int(left[0]["n"])


def report(service: str, rows: list[tuple[str, dict[str, Any]]]) -> dict[str, float]:
    refs = [r["rps"] for name, r in rows if name.startswith("reference")]
    ref = sum(refs) / len(refs)
    ref_cpu = sum(r["cpu_ms"] for name, r in rows if name.startswith("reference")) / len(refs)
    print(f"{service}: reference {ref:,.0f} req/s (mean of {', '.join(f'{x:,.0f}' for x in refs)})")
    ratios = {}
    for name, r in rows:
        tail = (
            ""
            if name.startswith("reference")
            else (
                f"  ratio {r['rps'] / ref:.2f}  (CPU ratio {ref_cpu / max(r['cpu_ms'], 1e-9):.2f})"
            )
        )
        print(f"  {name:20s} {fmt(r)}  {r['cpu_ms']:5.1f} CPU ms/req{tail}")
        if not name.startswith("reference"):
            ratios[name] = r["rps"] / ref
    return ratios


def main(args: argparse.Namespace) -> dict[str, float]:
    os.environ.setdefault(
        "KOPMOD_TEST_DATABASE_URL",
        os.environ.get(
            "KOPMOD_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
        ),
    )
    wrk = ensure_wrk()
    issuer = TestIssuer()
    print(f"write path, wrk -t1 -c{args.connections} -d{args.seconds:g}s, "
          f"load average {os.getloadavg()[0]:.2f} at start")  # fmt: skip
    ratios: dict[str, float] = {}
    if set(FINANCING[1:]) & set(args.only):
        ratios |= report("financing", financing(wrk, args, issuer))
    if set(MARKETPLACE[1:]) & set(args.only):
        ratios |= report("marketplace", marketplace(wrk, args, issuer))
    print(f"load average {os.getloadavg()[0]:.2f} at end; ratios: "
          + ", ".join(f"{k} {v:.2f}" for k, v in ratios.items()))  # fmt: skip
    return ratios


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(  # --drafts: its name before the other commands came
        "--count", "--drafts", type=int, default=2000, help="drafts, loans, cooperatives"
    )
    parser.add_argument(
        "--cooperatives",
        type=int,
        help="cooperatives offering in turn (default: --count, at most 500); the registry's "
        "answer is kept per cooperative for 60 s, so fewer cooperatives than offers in the "
        "window measures repeat offers (kept), more measures first offers (a registry call each)",
    )
    parser.add_argument("--only", nargs="+", choices=COMMANDS, default=list(COMMANDS))
    parser.add_argument("--profile", choices=COMMANDS, help="py-spy this command's run")
    return parser.parse_args(argv)


if __name__ == "__main__":
    main(parse())
