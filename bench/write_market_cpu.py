"""The marketplace's hot commands one at a time in one process: CPU per request and a profile.

    uv run python bench/write_market_cpu.py [--count 200] [--rounds 3]
        [--profile first offer accept counter] [--cprofile] [--registry http]

The marketplace app (``apps:marketplace_app``: the bench's token keys and the reference insert
``POST /bench/reference/applications``) runs in this process and each request is one ASGI call,
one after another: no server, no socket, no load generator. So ``time.process_time`` measures
the CPU a request costs the service (Postgres's CPU is not in it), and ``--profile`` samples
those requests with py-spy (``--cprofile``: cProfile on a CPU clock instead) in a round more,
not counted. The requests are ``bench/write_path.py``'s: ``--count`` cooperatives' first offers
(each round by cooperatives and tokens not seen before), then the first round's cooperatives'
repeat offers, then an accept and a counter of a proposal on each offer. The offers' registry is
a stand-in object in this process (no HTTP) or, with ``--registry http``, a stand-in in a
process of its own (``registry_stub.py``) asked through the marketplace's real registry client:
a first offer's CPU then includes its HTTP request, as in production, and not the registry's
serving. Every round of a command follows a round of the reference of the same size, and the
ratio of the two (reference CPU over the command's) is what is printed, the median over
``--rounds``: the machine's load moves both alike, so on a shared machine this moves far less
than requests/s under wrk. Another checkout is measured with ``KOPMOD_REPO=/path/to/it`` and
that checkout's Python.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import cProfile
import json
import os
import pstats
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import write_market as mkt
from write_path import REF_BODY, REF_TABLE, _sql

from kopmod_shared.testing import TestIssuer

REPO = Path(os.environ.get("KOPMOD_REPO") or Path(__file__).resolve().parents[1])


class Asgi:
    """Direct ASGI calls: the app as uvicorn would call it, minus the socket."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.n = 0

    async def post(self, path: str, token: str | None, body: str | None) -> tuple[int, bytes]:
        self.n += 1
        headers = [(b"host", b"127.0.0.1"), (b"idempotency-key", f"cpu-{uuid.uuid4()}".encode())]
        if token:
            headers.append((b"authorization", f"Bearer {token}".encode()))
        raw = (body or "").encode()
        if raw:
            headers += [(b"content-type", b"application/json"),
                        (b"content-length", str(len(raw)).encode())]  # fmt: skip
        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
            "method": "POST", "scheme": "http", "path": path, "raw_path": path.encode(),
            "query_string": b"", "root_path": "", "headers": headers,
            "client": ("127.0.0.1", 40000), "server": ("127.0.0.1", 8003), "state": {},
        }  # fmt: skip
        sent = False
        out: dict[str, Any] = {"body": b""}

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": raw, "more_body": False}
            await asyncio.sleep(3600)
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                out["status"] = message["status"]
            elif message["type"] == "http.response.body":
                out["body"] += message.get("body", b"")

        await self.app(scope, receive, send)
        return out["status"], out["body"]


class Registry:
    """The registry client's one call an offer makes, answered in process (always active)."""

    def __init__(self) -> None:
        self.calls = 0

    async def get_cooperative(self, cooperative_id: uuid.UUID) -> Any:
        from kopmod_shared.schemas.registry import CooperativeSummary

        self.calls += 1
        return CooperativeSummary.model_validate({
            "id": str(cooperative_id), "name": "Koperasi Bench", "type": "produsen",
            "status": "active", "region_code": "32.05", "latitude": -7.2, "longitude": 107.9,
        })  # fmt: skip


SOLVE = {"cpu": 0.0}


def _time_solve() -> None:
    """Count the CPU spent in FastAPI's top-level ``solve_dependencies`` (``SOLVE``)."""
    import fastapi.routing as routing

    solve = routing.solve_dependencies

    async def timed_solve(**kw: Any) -> Any:
        start = time.process_time()
        try:
            return await solve(**kw)
        finally:
            SOLVE["cpu"] += time.process_time() - start

    routing.solve_dependencies = timed_solve  # type: ignore[assignment]


async def timed(
    asgi: Asgi, name: str, calls: list[tuple[str, str | None, str | None]], prof: bool
) -> float:
    """CPU ms per request over ``calls`` (every answer must be 2xx); with ``prof``, py-spy
    samples this process meanwhile and the shares of the requests' samples are printed."""
    deterministic = prof and CPROFILE
    sampler, raw = _sampler() if prof and not deterministic else (None, None)
    profiler = cProfile.Profile(time.process_time) if deterministic else None
    SOLVE["cpu"] = 0.0
    start = time.process_time()
    if profiler is not None:
        profiler.enable()
    for path, token, body in calls:
        status, answer = await asgi.post(path, token, body)
        if status >= 300:
            raise SystemExit(f"{name}: {status} {answer[:300]!r}")
    spent = 1000 * (time.process_time() - start) / len(calls)
    SOLVED.setdefault(name, []).append(1000 * SOLVE["cpu"] / len(calls))
    if profiler is not None:
        profiler.disable()
        _tottime(name, profiler, len(calls))
    if sampler is not None and raw is not None:
        sampler.send_signal(signal.SIGINT)
        sampler.wait(timeout=60)
        _summary(name, raw)
    return spent


CPROFILE = False
SOLVED: dict[str, list[float]] = {}
CUMULATIVE = 0  # how many cumulative rows ``--cprofile`` prints (0: none)


def _tottime(name: str, profiler: cProfile.Profile, n: int) -> None:
    """cProfile's own time per function (a coroutine's resumptions count as calls), per
    request, and summed by package."""
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = sorted(((v[2], k) for k, v in stats.items()), reverse=True)
    total = sum(t for t, _ in rows)
    print(f"{name}: cProfile, {1000 * total / n:.2f} ms per request (profiler included)")
    groups: Counter[str] = Counter()
    for t, (path, _line, _func) in rows:
        groups[_package(path)] += t
    for group, t in groups.most_common(25):
        print(f"  {100 * t / total:5.1f}%  {group}")
    if CUMULATIVE:
        cum = sorted(((v[3], k) for k, v in stats.items()), reverse=True)
        print(f"{name}: cumulative share of the requests' CPU (a coroutine's resumptions each)")
        for t, (path, line, func) in cum[:CUMULATIVE]:
            print(
                f"  {100 * t / total:5.1f}%  {func} "
                f"({_frame(f'x ({path}:{line})').split(' (', 1)[1]}"
            )
    for t, (path, line, func) in rows[:60]:
        print(
            f"  {100 * t / total:5.1f}%  {func} ({_frame(f'x ({path}:{line})').split(' (', 1)[1]}"
        )


# Packages whose modules the profile's summary names one by one.
SPLIT_PACKAGES = ("sqlalchemy", "kopmod_shared", "marketplace", "financing", "fastapi", "starlette")


def _package(path: str) -> str:
    for marker in ("site-packages/", "/src/", "/lib/python3.11/"):
        if marker in path:
            rest = path.split(marker, 1)[1]
            parts = rest.split("/")
            return "/".join(parts[:2]) if parts[0] in SPLIT_PACKAGES else parts[0]
    return path


def _sampler() -> tuple[subprocess.Popen[bytes], Path]:
    pyspy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    raw = Path(tempfile.mkdtemp()) / "profile.txt"
    sampler = subprocess.Popen(
        [pyspy, "record", "--pid", str(os.getpid()), "--rate", "250", "--format", "raw",
         "--output", str(raw), "--nonblocking"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(1.0)  # attached before the first request
    return sampler, raw


def _summary(name: str, raw: Path, top: int = 60) -> None:
    """Inclusive and self shares of the samples taken inside the requests (``Asgi.post``)."""
    inclusive: Counter[str] = Counter()
    leaf: Counter[str] = Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = [_frame(f) for f in stack.split(";")]
        if not any(f.startswith("Asgi.post (") for f in frames):
            continue
        n = int(count)
        total += n
        for frame in set(frames):
            inclusive[frame] += n
        leaf[frames[-1]] += n
    print(f"{name}: {total} samples inside the requests; inclusive share:")
    for frame, n in inclusive.most_common(top):
        print(f"  {100 * n / total:5.1f}%  {frame}")
    print("self:")
    for frame, n in leaf.most_common(25):
        print(f"  {100 * n / total:5.1f}%  {frame}")


def _frame(frame: str) -> str:
    func, _, where = frame.partition(" (")
    path, _, line = where.rstrip(")").rpartition(":")
    for marker in ("site-packages/", "/src/", "/lib/python3.11/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{func} ({path}:{line})"


async def run(args: argparse.Namespace) -> None:
    from kopmod_shared.testing import fresh_database

    url = fresh_database(REPO / "services" / "marketplace", "kopmod_marketplace_cpu")
    await _sql(url, REF_TABLE)
    issuer = TestIssuer()
    os.environ.update(bench_env("marketplace", url, issuer))
    stub = _registry_stub() if args.registry == "http" else None
    if stub is not None:
        os.environ["KOPMOD_MARKETPLACE_REGISTRY_URL"] = stub[1]
    import httpx
    from apps import marketplace_app

    app = marketplace_app()
    asgi = Asgi(app)
    async with app.router.lifespan_context(app):
        registry = Registry()
        if stub is None:
            app.state.registry = registry
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://m") as client:
            demand_ids = await _demands(client, issuer)
        n = args.count
        coops = mkt.cooperatives(issuer, n)
        tokens = list(coops.values())
        ref = [("/bench/reference/applications", None,
                REF_BODY % "00000000-0000-0000-0000-000000000000")] * n  # fmt: skip
        offers = [("/v1/offers", t, mkt.OFFER) for t in tokens]
        await timed(asgi, "warm-up", ref[:50] + offers[:20], False)
        app.state.cooperatives.forget(coops)
        # Each command's round right after a round of the reference: the ratio of the two is
        # what is kept (the machine's load moves both alike).
        rows: dict[str, list[tuple[float, float]]] = {}
        known: dict[str, str] = {}

        async def pair(label: str, name: str, calls: list[Any], prof: bool = False) -> None:
            before = await timed(asgi, "reference", ref[: len(calls)], False)
            rows.setdefault(label, []).append((before, await timed(asgi, label, calls, prof)))

        # First offers: each round by cooperatives (and tokens) not seen before.
        for k in range(args.rounds):
            fresh = coops if k == 0 else mkt.cooperatives(issuer, n)
            known |= fresh
            firsts = [("/v1/offers", t, mkt.OFFER) for t in fresh.values()]
            await pair("offer (first)", "offer", firsts, k == 0 and "first" in args.profile)
        for _ in range(args.rounds):
            await pair("offer (repeat)", "offer", offers)
        if "offer" in args.profile:  # a round more, sampled (not counted)
            await timed(asgi, "offer", offers, True)
        made = await mkt.proposals(url, demand_ids, 2)  # pass 0 accepted, pass 1 countered
        offered = len(made) // 2
        for k in range(args.rounds + 1):  # the last round only sampled (not counted)
            for name, start in (("accept", 0), ("counter", offered)):
                chunk = made[start + k * n : start + (k + 1) * n]
                body = mkt.COUNTER if name == "counter" else None
                calls = [(f"/v1/proposals/{p}/{name}", known.get(c), body) for p, c in chunk]
                if k < args.rounds:
                    await pair(name, name, calls)
                elif name in args.profile:
                    await timed(asgi, name, calls, True)
    if stub is not None:
        async with httpx.AsyncClient() as http:
            registry.calls = (await http.get(f"{stub[1]}/calls")).json()["calls"]
        stub[0].terminate()
    print(f"marketplace in one process, {n} requests a round, load average "
          f"{os.getloadavg()[0]:.2f}; registry calls {registry.calls} "
          f"({args.registry})")  # fmt: skip
    print_ratios(rows)


def print_ratios(rows: dict[str, list[tuple[float, float]]]) -> None:
    """Per command: the median CPU ms per request of its rounds and of the reference's beside
    them, and the median of the rounds' ratios (reference over command), each round's after."""
    for name, pairs in rows.items():
        ratios = [r / c for r, c in pairs]
        cpu = statistics.median(c for _, c in pairs)
        ref_cpu = statistics.median(r for r, _ in pairs)
        spread = ", ".join(f"{x:.2f}" for x in ratios)
        print(f"  {name:16s} {cpu:6.2f} CPU ms/req, reference {ref_cpu:5.2f}: CPU ratio "
              f"{statistics.median(ratios):.2f} (rounds {spread})")  # fmt: skip
    solved = {k: statistics.median(v) for k, v in SOLVED.items() if k in rows}
    print("  dependencies (solve_dependencies, CPU ms/req, median of the rounds): "
          + ", ".join(f"{k} {v:.2f}" for k, v in solved.items()))  # fmt: skip


def bench_env(service: str, url: str, issuer: TestIssuer, **extra: str) -> dict[str, str]:
    """What a service reads in these benches: its database, test mode, the bench's token keys,
    no rate limit, no relay, a registry URL nothing answers (the stand-ins are in process), and
    ``extra`` (its own settings, named without the service's prefix)."""
    p = f"KOPMOD_{service.upper()}_"
    return {
        f"{p}DATABASE_URL": url, f"{p}ENVIRONMENT": "test", f"{p}TOKEN_ISSUER": issuer.issuer,
        f"{p}REGISTRY_URL": "http://127.0.0.1:9/bench/registry",
        f"{p}RATE_LIMIT_ENABLED": "false", f"{p}RELAY_ENABLED": "false",
        "KOPMOD_BENCH_JWKS": json.dumps(issuer.jwks()),
        **{f"{p}{k}": v for k, v in extra.items()},
    }  # fmt: skip


async def _demands(client: Any, issuer: TestIssuer) -> list[str]:
    """The bench's offtaker and 50 demands (``write_market.demands``), over ``client``."""
    real = mkt.httpx.AsyncClient
    mkt.httpx.AsyncClient = lambda **kw: _Same(client)  # type: ignore[assignment,misc]
    try:
        return await mkt.demands("http://m", issuer, 50)
    finally:
        mkt.httpx.AsyncClient = real  # type: ignore[misc]


def _registry_stub() -> tuple[subprocess.Popen[str], str]:
    """``registry_stub.py`` started on a free port: the process and its base URL."""
    from read_path import free_port

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).parent / "registry_stub.py"), str(port)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    atexit.register(proc.terminate)  # also when the bench fails
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc, f"http://127.0.0.1:{port}/bench/registry"


class _Same:
    def __init__(self, client: Any) -> None:
        self.client = client

    async def __aenter__(self) -> Any:
        return self.client

    async def __aexit__(self, *exc: Any) -> None:
        return None


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--count", type=int, default=300, help="requests a round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--profile", nargs="*", default=[], choices=("first", "offer", "accept", "counter")
    )
    parser.add_argument("--cprofile", action="store_true", help="cProfile instead of py-spy")
    parser.add_argument(
        "--registry",
        choices=("process", "http"),
        default="process",
        help="the offers' registry: a stand-in object in this process (no HTTP), or a stand-in "
        "process reached over HTTP by the marketplace's own client",
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    os.environ.setdefault(
        "KOPMOD_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
    )
    arguments = parse()
    CPROFILE = arguments.cprofile
    _time_solve()
    asyncio.run(run(arguments))
