"""Financing's hot money commands one at a time in one process: CPU per request and a profile.

    uv run python bench/write_financing_cpu.py [--count 150] [--rounds 3]
        [--profile disbursement repayment] [--cprofile]

The twin of ``write_market_cpu.py``: the financing app (``apps:financing_app``, with the bench's
token keys and the reference insert ``POST /bench/reference/applications``) runs in this process
and each request is one ASGI call, one after another: no server, no socket, no load generator,
so ``time.process_time`` measures the CPU a request costs the service (Postgres's is not in it).
The requests are ``bench/write_path.py``'s: the one tranche of each of ``--count`` signed loans
of one fund (``POST /v1/loans/{id}/disbursements``, a fund officer), then a repayment of each of
those loans (``POST /v1/loans/{id}/repayments``, a bank with the ``repayments`` scope, a new
external reference each). In each round the reference and the command take turns of ten
requests (the same number of each over the round) and the ratio of their CPU (the reference's
over the command's) is printed, the median over ``--rounds``. ``--profile`` samples a round more
(not counted) with py-spy, ``--cprofile`` with cProfile on a CPU clock, ``--split`` times the
handler's parts. Another checkout is measured with ``KOPMOD_REPO=/path/to/it`` and that
checkout's Python.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import write_financing as fin
import write_market_cpu as cpu
from write_path import REF_BODY, REF_TABLE, _sql

from kopmod_shared.testing import TestIssuer

REPO = Path(os.environ.get("KOPMOD_REPO") or Path(__file__).resolve().parents[1])


# The handler's parts timed by ``--split`` (module, attribute): CPU ms per request of each,
# nested ones included in the ones that call them.
SPLIT = (
    ("financing.loans.repository", "LoanRepository.loan"),
    ("financing.loans.repository", "LoanRepository.lock_fund_and_loan"),
    ("financing.loans.repository", "LoanRepository.locked_read"),
    ("financing.loans.service", "LoanBook.replay"),
    ("financing.loans.service", "LoanBook.installments"),
    ("financing.loans.service", "ledger_lines"),
    ("financing.loans.service", "settle"),
    ("financing.loans.state", "refresh_account"),
    ("financing.loans.state", "flush"),
    ("financing.loans.month_ends", "refresh_month_ends"),
    ("financing.loans.fingerprint", "fingerprint"),
    ("financing.loans.responses", "command_out"),
    ("financing.repayments.service", "receive"),
    ("financing.disbursements.service", "disburse"),
    ("financing.repayments.router", "repay"),
    ("financing.disbursements.router", "disburse"),
    ("kopmod_shared.deferred", "write_deferred"),
)
SPENT: dict[str, float] = {}
# Requests per turn of the reference and a command within a round.
CHUNK = 10


def _split() -> None:
    """Wrap each of :data:`SPLIT` (where the checkout has it) to add its CPU time to
    :data:`SPENT`; a coroutine's time is counted from its first step to its answer, so it
    includes what ran on the loop meanwhile (nothing else does: one request at a time)."""
    import functools
    import importlib
    import inspect

    for module_name, attr in SPLIT:
        module = importlib.import_module(module_name)
        owner: Any = module
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part, None)
        original = getattr(owner, name, None) if owner is not None else None
        if original is None:
            continue
        label = f"{module_name.split('.')[-2]}.{attr}"

        def wrap(fn: Any, label: str = label) -> Any:
            if inspect.iscoroutinefunction(fn):

                @functools.wraps(fn)
                async def timed_async(*a: Any, **kw: Any) -> Any:
                    start = time.process_time()
                    try:
                        return await fn(*a, **kw)
                    finally:
                        SPENT[label] = SPENT.get(label, 0.0) + time.process_time() - start

                return timed_async

            @functools.wraps(fn)
            def timed_sync(*a: Any, **kw: Any) -> Any:
                start = time.process_time()
                try:
                    return fn(*a, **kw)
                finally:
                    SPENT[label] = SPENT.get(label, 0.0) + time.process_time() - start

            return timed_sync

        wrapped = wrap(original)
        setattr(owner, name, wrapped)
        # Modules that imported the function by name hold their own reference.
        for other in list(sys.modules.values()):
            if getattr(other, "__name__", "").startswith("financing") and (
                getattr(other, name, None) is original
            ):
                setattr(other, name, wrapped)


async def run(args: argparse.Namespace) -> None:
    from kopmod_shared.testing import fresh_database

    url = fresh_database(REPO / "services" / "financing", "kopmod_financing_cpu")
    await _sql(url, REF_TABLE)
    issuer = TestIssuer()
    os.environ.update(cpu.bench_env(
        "financing", url, issuer, ELIGIBILITY_RETRY_ENABLED="false",
        DOCUMENTS_DIR=tempfile.mkdtemp(),
    ))  # fmt: skip
    import httpx
    from apps import financing_app

    app = financing_app()
    if args.split:
        _split()
    asgi = cpu.Asgi(app)
    n = args.count
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://f") as client:
            real = fin.httpx.AsyncClient
            fin.httpx.AsyncClient = lambda **kw: cpu._Same(client)  # type: ignore[assignment,misc]
            try:
                fund, _product = await fin.fund_and_product("http://f", issuer)
            finally:
                fin.httpx.AsyncClient = real  # type: ignore[misc]
        rounds = args.rounds + (1 if args.profile or args.split else 0) + 1  # + warm-up
        loans = await fin.signed_loans(url, fund, n * rounds)
        officer = fin.headers(issuer, "fund_officer")["Authorization"].split()[1]
        bank = fin.headers(issuer, "partner", sub="bank-bri", scopes=["repayments"])
        bank_token = bank["Authorization"].split()[1]
        tranche = f'{{"amount": "{fin.LOAN_AMOUNT}"}}'
        ref = [("/bench/reference/applications", None,
                REF_BODY % "00000000-0000-0000-0000-000000000000")] * n  # fmt: skip
        paid = iter(range(10**9))

        def disbursements(chunk: list[str]) -> list[Any]:
            return [(f"/v1/loans/{i}/disbursements", officer, tranche) for i in chunk]

        def repayments(chunk: list[str]) -> list[Any]:
            return [
                (f"/v1/loans/{i}/repayments", bank_token,
                 f'{{"amount": "150000.00", "external_reference": "cpu-{next(paid)}"}}')
                for i in chunk
            ]  # fmt: skip

        warm = loans[:n]
        await cpu.timed(asgi, "warm-up", ref[:50] + disbursements(warm), False)
        await cpu.timed(asgi, "warm-up", repayments(warm), False)
        rows: dict[str, list[tuple[float, float]]] = {}
        for k in range(1, rounds):
            chunk = loans[k * n : (k + 1) * n]
            sampled = k == rounds - 1 and bool(args.profile)
            for name, calls in (("disbursement", disbursements(chunk)),
                                ("repayment", repayments(chunk))):  # fmt: skip
                if args.split and k == rounds - 1:
                    SPENT.clear()
                    await cpu.timed(asgi, name, calls, False)
                    print(f"{name}: CPU ms per request by part (--split, nested included)")
                    for label, spent in sorted(SPENT.items(), key=lambda x: -x[1]):
                        print(f"  {1000 * spent / len(calls):6.2f}  {label}")
                    continue
                if sampled:
                    if name in args.profile:
                        await cpu.timed(asgi, name, calls, True)
                    else:
                        await cpu.timed(asgi, name, calls, False)
                    continue
                # Reference and command in turns of CHUNK requests, their CPU summed over the
                # round: the machine's load moves both alike within a turn.
                spent = [0.0, 0.0]
                for at in range(0, len(calls), CHUNK):
                    part = calls[at : at + CHUNK]
                    spent[0] += len(part) * await cpu.timed(
                        asgi, "reference", ref[: len(part)], False
                    )
                    spent[1] += len(part) * await cpu.timed(asgi, name, part, False)
                rows.setdefault(name, []).append((spent[0] / len(calls), spent[1] / len(calls)))
    print(f"financing in one process, {n} requests a round, load average "
          f"{os.getloadavg()[0]:.2f}")  # fmt: skip
    cpu.print_ratios(rows)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--count", type=int, default=150, help="requests a round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", nargs="*", default=[], choices=("disbursement", "repayment"))
    parser.add_argument("--cprofile", action="store_true", help="cProfile instead of py-spy")
    parser.add_argument(
        "--split", action="store_true", help="a round more, the handler's parts timed"
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    arguments = parse()
    cpu.CPROFILE, cpu.CUMULATIVE = arguments.cprofile, 600 if arguments.cprofile else 0
    cpu._time_solve()  # FastAPI's dependency resolution, printed with the ratios
    os.environ.setdefault(
        "KOPMOD_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
    )
    asyncio.run(run(arguments))
