"""Read path: GET /v1/cooperatives/{id} with a valid token against its raw-asyncpg reference.

    uv run python bench/read_path.py [--seconds 10] [--rounds 3] [--connections 16] [--profile]

The registry runs as one uvicorn process (uvloop + httptools, as `kopmod up` starts it) from
``apps:registry_app``, which adds ``GET /bench/reference/cooperatives/{id}``: the same single-row
select with raw asyncpg, returned as JSON (the floor of what FastAPI plus Postgres can do here).
Load comes from a separate process, wrk (installed from Debian when missing), over the same 300
seeded cooperatives in random order, one wrk thread so the two cores are shared the same way for
both routes. Prints requests/s, p50 and p99 of each, and the ratio (goal >= 0.6). With
``--profile`` the real route is sampled with py-spy while wrk runs and the hottest frames are
printed. Per-client rate limiting is switched off: one benchmark client far above any limit.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx
from registry_common import REPO, SERVICE_DIR, bench_database
from registry_read import seed, token

from kopmod_shared.ports import free_port
from kopmod_shared.settings import SERVER_KEEPALIVE_SECONDS

BENCH_DIR = Path(__file__).resolve().parent


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    print("installing wrk from Debian (apt-get install -y wrk)")
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, capture_output=True)
    found = shutil.which("wrk")
    if not found:
        raise SystemExit("wrk is not available")
    return found


def start_service(
    factory: str, env: dict[str, str], port: int, cwd: Path, workers: int = 1
) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "uvicorn", "--factory", factory,
        "--host", "127.0.0.1", "--port", str(port),
        "--timeout-keep-alive", str(SERVER_KEEPALIVE_SECONDS),  # as `kopmod serve`
        "--no-proxy-headers",
        "--no-server-header",
        *(["--workers", str(workers)] if workers > 1 else []),
    ]  # fmt: skip
    proc = subprocess.Popen(
        command,
        env={**os.environ, "PYTHONPATH": str(BENCH_DIR), **env},
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    last = ""
    while time.monotonic() < deadline:
        try:
            resp = httpx.get(f"{base}/readyz", timeout=5)
            if resp.status_code == 200:
                return proc
            last = resp.text
        except httpx.HTTPError as exc:
            last = repr(exc)
        if proc.poll() is not None:
            raise SystemExit(f"{factory} exited with {proc.returncode}")
        time.sleep(0.2)
    proc.terminate()
    raise SystemExit(f"{factory} not ready: {last}")


LUA = """
local ids = {%s}
local token = "%s"
local prefix = "%s"
local counter = 0
request = function()
  counter = counter + 1
  local id = ids[math.random(#ids)]
  return wrk.format("GET", prefix .. id, {["Authorization"] = "Bearer " .. token})
end
response = function(status, headers, body)
  if status ~= 200 then
    wrk.thread:set("errors", (wrk.thread:get("errors") or 0) + 1)
  end
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%f %%f %%f %%d %%d\\n", summary.requests,
    summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(99) / 1e3,
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout, summary.requests))
end
"""


def run_wrk(
    wrk: str, base: str, prefix: str, ids: list[str], tok: str, seconds: float, conns: int
) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(LUA % (", ".join(f'"{i}"' for i in ids), tok, prefix))
        script = f.name
    out = subprocess.run(
        [
            wrk,
            "-t1",
            f"-c{conns}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "30s",
            "--latency",
            "-s",
            script,
            base,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(script)
    match = re.search(r"RESULT (\d+) ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", out)
    if not match:
        raise SystemExit(f"unexpected wrk output:\n{out}")
    requests, duration, p50, p99, errors = match.groups()
    return {
        "rps": int(requests) / float(duration),
        "p50_ms": float(p50),
        "p99_ms": float(p99),
        "errors": int(errors),
        "requests": int(requests),
    }


def fmt(r: dict[str, float]) -> str:
    return (
        f"{r['rps']:8,.0f} req/s  p50 {r['p50_ms']:6.2f} ms  p99 {r['p99_ms']:6.2f} ms  "
        f"({int(r['requests'])} requests, {int(r['errors'])} errors)"
    )


def profile(pid: int, seconds: float, wrk_run) -> None:
    """Sample the service with py-spy while ``wrk_run`` loads it; print the hottest frames."""
    pyspy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(pyspy).exists():
        print("  installing py-spy into the virtualenv (bench only): uv pip install py-spy")
        subprocess.run(["uv", "pip", "install", "-q", "py-spy"], check=True, cwd=REPO)
    raw = Path(tempfile.mkdtemp()) / "profile.txt"
    sampler = subprocess.Popen(
        [pyspy, "record", "--pid", str(pid), "--duration", str(int(seconds)), "--rate", "200",
         "--format", "raw", "--output", str(raw), "--nonblocking", "--subprocesses"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    wrk_run()
    sampler.wait(timeout=seconds + 30)
    if not raw.exists():
        print("  py-spy produced no profile (ptrace not permitted?)")
        return
    inclusive: Counter[str] = Counter()
    leaf: Counter[str] = Counter()
    total = 0

    def name(frame: str) -> str:
        func, _, where = frame.partition(" (")
        path = where.rsplit(":", 1)[0]
        for marker in ("site-packages/", "/src/", "/lib/python3.11/"):
            if marker in path:
                path = path.split(marker, 1)[1]
                break
        return f"{func} ({path})"

    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        n = int(count)
        total += n
        frames = [name(f) for f in stack.split(";")]
        for frame in set(frames):
            inclusive[frame] += n
        leaf[frames[-1]] += n
    boring = ("asyncio/", "uvicorn/", "runpy", "threading", "click/", "selectors", "<module>",
              "contextlib", "starlette/middleware", "anyio/")  # fmt: skip
    print(f"  profile of the route ({total} samples, raw stacks in {raw}); inclusive share:")
    shown = [(f, n) for f, n in inclusive.most_common() if not any(b in f for b in boring)]
    for frame, n in shown[:40]:
        print(f"    {100 * n / total:5.1f}%  {frame}")
    print("  top self time:")
    for frame, n in leaf.most_common(12):
        print(f"    {100 * n / total:5.1f}%  {frame}")


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of a process and every process below it (uvicorn's workers),
    read from ``/proc``: what the service itself spent, whatever else runs on the machine."""
    ticks = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        used[int(entry.name)] = (int(fields[11]) + int(fields[12])) / ticks
    total = 0.0
    for p in used:
        q = p
        while q and q != pid:
            q = parents.get(q, 0)
        if q == pid:
            total += used[p]
    return total


def database_cpu_seconds(database: str) -> float:
    """User and system CPU seconds of the Postgres backends serving ``database`` (this machine's
    server; a backend's title names its database)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if f" {database} ".encode() not in (entry / "cmdline").read_bytes() + b" ":
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def combine(runs: list[dict[str, float]]) -> dict[str, float]:
    """Several wrk runs as one: total requests over total time, the median p50 and the worst p99."""
    duration = sum(r["requests"] / r["rps"] for r in runs)
    requests = sum(r["requests"] for r in runs)
    return {
        "rps": requests / duration,
        "p50_ms": statistics.median(r["p50_ms"] for r in runs),
        "p99_ms": max(r["p99_ms"] for r in runs),
        "errors": sum(r["errors"] for r in runs),
        "requests": requests,
    }


def main(seconds: float, conns: int, do_profile: bool, rounds: int = 3) -> dict[str, float]:
    wrk = ensure_wrk()
    url = bench_database()
    ids = asyncio.run(seed(url))
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
        real_prefix, ref_prefix = "/v1/cooperatives/", "/bench/reference/cooperatives/"
        # The two answer the same row.
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {tok}"}) as c:
            assert c.get(real_prefix + ids[0]).json()["id"] == ids[0]
            assert c.get(ref_prefix + ids[0]).json()["id"] == ids[0]
        print(
            f"read path: GET one cooperative, wrk -t1 -c{conns}, {rounds} rounds of "
            f"{seconds:g}s per route, alternating, 300 ids"
        )
        run_wrk(wrk, base, real_prefix, ids, tok, 3, conns)  # warm-up, both
        run_wrk(wrk, base, ref_prefix, ids, tok, 3, conns)
        refs, reals, ratios = [], [], []
        for n in range(rounds):
            # Alternate which route goes first, so a load change on the machine hits both.
            order = [ref_prefix, real_prefix] if n % 2 == 0 else [real_prefix, ref_prefix]
            got = {p: run_wrk(wrk, base, p, ids, tok, seconds, conns) for p in order}
            refs.append(got[ref_prefix])
            reals.append(got[real_prefix])
            ratios.append(got[real_prefix]["rps"] / got[ref_prefix]["rps"])
        ref, real = combine(refs), combine(reals)
        ratio = real["rps"] / ref["rps"]
        print(f"  reference (raw asyncpg): {fmt(ref)}")
        print(f"  GET /v1/cooperatives/id: {fmt(real)}")
        print(
            f"  ratio {ratio:.2f} of the reference's requests/s (goal >= 0.6); per round "
            + ", ".join(f"{r:.2f}" for r in ratios)
        )
        if do_profile:
            profile(
                server.pid,
                seconds,
                lambda: run_wrk(wrk, base, real_prefix, ids, tok, seconds, conns),
            )
        return {
            "ratio": ratio,
            "ratio_min": min(ratios),
            "ratio_max": max(ratios),
            **{f"real_{k}": v for k, v in real.items()},
            **{f"ref_{k}": v for k, v in ref.items()},
        }
    finally:
        server.terminate()
        server.wait(timeout=15)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per route")
    parser.add_argument("--profile", action="store_true")
    a = parser.parse_args()
    main(a.seconds, a.connections, a.profile, a.rounds)
