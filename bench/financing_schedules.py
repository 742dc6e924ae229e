"""Schedule engine throughput: 360-installment schedules (30 years monthly) per second.

    uv run python bench/financing_schedules.py [seconds]

Runs each interest method for a fixed time in this process (pure Decimal arithmetic, no I/O)
and prints schedules per second and installments per second. No assertions on timing.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from decimal import Decimal

from financing.schedules.engine import Frequency, InterestMethod, Tranche, build_schedule


def run(method: InterestMethod, seconds: float, tranches: list[Tranche]) -> tuple[int, float]:
    count = 0
    start = time.perf_counter()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        schedule = build_schedule(
            tranches=tranches,
            annual_rate=Decimal("0.03"),
            tenor_periods=360,
            frequency=Frequency.monthly,
            method=method,
            grace_periods=12,
            rounding=Decimal("1"),
        )
        assert len(schedule) == 360
        count += 1
    return count, time.perf_counter() - start


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    one = [Tranche(date(2026, 1, 15), Decimal("3000000000"))]
    three = [
        Tranche(date(2026, 1, 15), Decimal("1000000000")),
        Tranche(date(2026, 7, 20), Decimal("1000000000")),
        Tranche(date(2027, 2, 3), Decimal("1000000000")),
    ]
    print(f"360-installment schedules, {seconds:.0f} s per case, one process")
    for label, tranches in (("1 tranche", one), ("3 tranches", three)):
        for method in InterestMethod:
            count, elapsed = run(method, seconds, tranches)
            rate = count / elapsed
            print(
                f"  {method.value:<28} {label:<10} {rate:9.0f} schedules/s  "
                f"{rate * 360:11.0f} installments/s"
            )


if __name__ == "__main__":
    main()
