"""Every benchmark in one command; figures printed, nothing asserted.

    uv run python bench/run.py                       # all, with a 1-minute soak
    uv run python bench/run.py --soak-minutes 10     # the documented run
    uv run python bench/run.py --only read,write     # a subset: read write matching import soak

Each figure is a ratio to a reference measured in the same run, so it holds on a noisy machine:
- read: GET one cooperative with a valid token vs the same select with raw asyncpg (goal 0.6);
- write: submitting a financing application vs one raw insert;
- matching: 10,000 demands x 100,000 offers, optimal vs greedy on the same candidates, and the
  same data from the database to persisted allocations;
- import: a 100,000-row registry bulk import, rows per second;
- soak: the three services under moderate load, RSS at start and end, errors.
The Postgres server is ``KOPMOD_BENCH_DATABASE_URL`` (default: the local server on 5432). The
machine's figures (CPUs, memory, load) are printed first. Never run in CI.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(
            int(line.split()[1]) // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except OSError:
        mem = 0
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {mem:,} MB memory, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, load average {load}"
    )


def script(name: str, *args: str) -> None:
    started = time.perf_counter()
    print(f"\n=== {name} {' '.join(args)}".rstrip(), flush=True)
    subprocess.run([sys.executable, str(BENCH / name), *args], check=True, cwd=BENCH.parent)
    print(f"(took {time.perf_counter() - started:.0f} s)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="read,write,matching,import,soak")
    parser.add_argument("--seconds", type=float, default=10.0, help="wrk duration per route")
    parser.add_argument("--soak-minutes", type=float, default=1.0)
    parser.add_argument("--soak-rate", type=float, default=40.0)
    parser.add_argument("--profile", action="store_true", help="py-spy the read path")
    args = parser.parse_args()
    only = set(args.only.split(","))
    os.environ.setdefault(
        "KOPMOD_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
    )
    print(f"machine: {machine()}")
    if "read" in only:
        script("read_path.py", "--seconds", str(args.seconds),
               *(["--profile"] if args.profile else []))  # fmt: skip
    if "write" in only:
        script("write_path.py", "--seconds", str(args.seconds))
    if "matching" in only:
        script("marketplace_matching.py")
        script("marketplace_matching_db.py")
    if "import" in only:
        script("registry_import.py", "100000")
    if "soak" in only:
        script("soak.py", "--minutes", str(args.soak_minutes), "--rate", str(args.soak_rate))
    print(f"\nmachine at the end: {machine()}")


if __name__ == "__main__":
    main()
