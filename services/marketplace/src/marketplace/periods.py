"""Supply periods of an offer: how a quantity "per period" turns into capacity over a window.

An offer's ``quantity`` is what the cooperative can supply in one period. Periods are counted
from the offer's ``window_start``:

- ``one_off``: one period, the whole window;
- ``weekly``: 7 days each (``window_start``, ``window_start + 7``, ...);
- ``monthly``: calendar-month steps from ``window_start``'s day of the month (a start on the 31st
  steps to the last day of shorter months, always counted from the start, never chained, so
  Jan 31 -> Feb 28 -> Mar 31, as Postgres' ``date + interval 'n months'`` does).

The last period may be cut short by ``window_end``; it **counts in full**: the cooperative chose
the window's end, a period that begins inside the window is one it has said it supplies, and the
per-period cap applies in it like in any other. So the capacity over the window is exactly
``quantity x periods`` (no pro-rating, no rounding of Decimal quantities).

Pure functions on dates; the offers, contracts and the matching engine share them.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal

ONE_OFF = "one_off"
WEEKLY = "weekly"
MONTHLY = "monthly"


def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` calendar months, the day clamped to the month's last."""
    m = d.month - 1 + n
    year, month = d.year + m // 12, m % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def is_periodic(period: str) -> bool:
    return period in (WEEKLY, MONTHLY)


def period_start(period: str, window_start: date, k: int) -> date:
    """First day of period ``k`` (0-based) of a window starting on ``window_start``."""
    if period == WEEKLY:
        return window_start + timedelta(days=7 * k)
    if period == MONTHLY:
        return add_months(window_start, k)
    return window_start


def period_index(period: str, window_start: date, day: date) -> int:
    """The period (0-based from ``window_start``) ``day`` falls in; negative before the window.

    ``one_off`` has a single period: 0 from ``window_start`` on.
    """
    if period == WEEKLY:
        return (day - window_start).days // 7
    if period == MONTHLY:
        k = (day.year - window_start.year) * 12 + day.month - window_start.month
        return k - 1 if add_months(window_start, k) > day else k
    return 0 if day >= window_start else -1


def period_count(period: str, window_start: date, window_end: date) -> int:
    """How many periods the window spans (a partial last one included)."""
    if not is_periodic(period) or window_end < window_start:
        return 1
    return period_index(period, window_start, window_end) + 1


def period_bounds(period: str, window_start: date, window_end: date, k: int) -> tuple[date, date]:
    """First and last day (inclusive) of period ``k``, the last one cut at ``window_end``."""
    if not is_periodic(period):
        return window_start, window_end
    first = period_start(period, window_start, k)
    last = period_start(period, window_start, k + 1) - timedelta(days=1)
    return first, min(last, window_end)


def capacity_total(quantity: Decimal, period: str, window_start: date, window_end: date) -> Decimal:
    """What an offer can supply over its whole window: quantity x periods."""
    return quantity * period_count(period, window_start, window_end)


def overlapping_periods(
    period: str, window_start: date, window_end: date, start: date, end: date
) -> int:
    """Periods of the offer's window that share at least one day with ``start..end``."""
    lo, hi = max(window_start, start), min(window_end, end)
    if hi < lo:
        return 0
    if not is_periodic(period):
        return 1
    return period_index(period, window_start, hi) - period_index(period, window_start, lo) + 1
