"""Facts derived from history on every read (domain.md 2: never stored as flags that drift)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple
from uuid import UUID

from kopmod_shared.schemas.registry import CooperativeStatus, HealthCategory
from registry.enums import MemberGroupKind

ACTIVE_WINDOW_YEARS = 3
RAT_DUE_MONTH, RAT_DUE_DAY = 6, 30  # a year's RAT is due within 6 months of year end


# Named tuples, not dataclasses: a page of the list makes several hundred of them, and a tuple
# is made in a third of the time.
class RatRecord(NamedTuple):
    year: int
    held_on: date


class HealthRecord(NamedTuple):
    year: int
    category: HealthCategory
    score: Decimal
    assessed_on: date


@dataclass(frozen=True)
class MemberGroupRecord:
    id: UUID
    kind: MemberGroupKind
    name: str
    member_count: int
    voting_share: Decimal
    description: str | None


@dataclass(frozen=True)
class Facts:
    """What a cooperative's derived facts and full record are computed from."""

    rats: list[RatRecord]
    health: list[HealthRecord]
    member_groups: list[MemberGroupRecord]
    member_cooperatives: list[UUID]


def years_ago(as_of: date, years: int) -> date:
    try:
        return as_of.replace(year=as_of.year - years)
    except ValueError:  # 29 February
        return as_of.replace(year=as_of.year - years, day=28)


def age_years(founded_on: date, as_of: date) -> int:
    years = as_of.year - founded_on.year
    if (as_of.month, as_of.day) < (founded_on.month, founded_on.day):
        years -= 1
    return max(years, 0)


def last_due_year(as_of: date) -> int:
    """The latest financial year whose RAT deadline (30 June of the next year) has passed."""
    return (
        as_of.year - 1 if as_of > date(as_of.year, RAT_DUE_MONTH, RAT_DUE_DAY) else as_of.year - 2
    )


def missed_years(founded_on: date, rats: Sequence[RatRecord], as_of: date) -> list[int]:
    return years_missed(founded_on.year, {r.year for r in rats}, last_due_year(as_of))


def years_missed(founded_year: int, held: Collection[int], last_due: int) -> list[int]:
    """``missed_years`` of the years held, latest first (the list computes it once for all its
    cooperatives with the same founding year and years held)."""
    return [y for y in range(last_due, founded_year - 1, -1) if y not in held]


def rat_warning(founded_on: date, rats: Sequence[RatRecord], as_of: date) -> bool:
    """Two missed years lead to a warning: the two most recent due RATs are both missing."""
    return warned(founded_on.year, {r.year for r in rats}, last_due_year(as_of))


def warned(founded_year: int, held: Collection[int], last_due: int) -> bool:
    """``rat_warning`` of the years held."""
    if last_due - 1 < founded_year:
        return False
    return last_due not in held and last_due - 1 not in held


def is_active(status: CooperativeStatus, rats: Sequence[RatRecord], as_of: date) -> bool:
    since = years_ago(as_of, ACTIVE_WINDOW_YEARS)
    return active_since(status, [r.held_on for r in rats], since, as_of)


def active_since(
    status: CooperativeStatus, held_on: Iterable[date], since: date, as_of: date
) -> bool:
    """``is_active`` from the RATs' dates, the window's start computed once (for a page of the
    list)."""
    if status is not CooperativeStatus.active:
        return False
    return any(since <= d <= as_of for d in held_on)


def latest_health(records: Sequence[HealthRecord]) -> HealthRecord | None:
    return max(records, key=lambda r: r.year, default=None)


def known_at(
    rats: Sequence[RatRecord], health: Sequence[HealthRecord], as_of: date
) -> tuple[list[RatRecord], list[HealthRecord]]:
    """The history as it stood on ``as_of`` (for a snapshot at a past business date)."""
    return [r for r in rats if r.held_on <= as_of], [h for h in health if h.assessed_on <= as_of]
