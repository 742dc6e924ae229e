"""The fund month by month. NPL trend: the loans' principal outstanding by OJK class at each
month's end (the business date for the month it is in), from the month ends end of day and
the commands maintain (``loans.month_ends``); NPL is classes 3-5 over outstanding principal.
``reports.replayed.npl_trend`` computes the same by replaying every loan (the oracle the tests
hold this to). Flows: disbursed against repaid (repayments and payoffs) and recovered, summed
by month from the transactions. Both narrow to a product, a province, or the cooperatives of a
programme cohort (asked of the registry)."""

from __future__ import annotations

import calendar
import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.arrears.service import business_date
from financing.ledger.funds import get_fund
from financing.trends.repository import TrendRepository
from financing.trends.schemas import CohortMember
from kopmod_shared.clients import RegistryClient
from kopmod_shared.errors import ValidationProblem

MAX_MONTHS = 36
NON_PERFORMING = (3, 4, 5)


@dataclass(frozen=True)
class NplMonth:
    month: str
    as_of: date
    loans: int
    outstanding: Decimal
    non_performing: Decimal
    npl_ratio: Decimal
    by_class: dict[int, Decimal]
    closed: bool = True


@dataclass(frozen=True)
class FlowMonth:
    month: str
    disbursed: Decimal
    repaid: Decimal
    recovered: Decimal
    net: Decimal


def months_between(first: date, last: date) -> list[tuple[str, date, date]]:
    """(``YYYY-MM``, first day, last day) for each month from ``first`` to ``last``."""
    out = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        end = date(year, month, calendar.monthrange(year, month)[1])
        out.append((f"{year:04d}-{month:02d}", date(year, month, 1), end))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


async def window(
    session: AsyncSession, fund_id: UUID, date_from: date | None, date_to: date | None
) -> tuple[date, list[tuple[str, date, date]]]:
    await get_fund(session, fund_id)
    today = await business_date(session, fund_id)
    last = min(date_to or today, today)
    first = date_from or date(last.year - 1, last.month, 1)
    months = months_between(first, last)
    if not months or len(months) > MAX_MONTHS:
        raise ValidationProblem.for_field(
            "query.date_from", f"between 1 and {MAX_MONTHS} months up to {today}", "range"
        )
    return today, months


async def npl_trend(
    session: AsyncSession,
    fund_id: UUID,
    *,
    date_from: date | None,
    date_to: date | None,
    product_id: UUID | None,
    province_code: str | None,
    cooperative_ids: Sequence[UUID] | None = None,
) -> list[NplMonth]:
    """From maintained rows: each past month end's ``loan_month_ends``, and the business
    date's ``loan_accounts`` for the month it is in. No loan is replayed."""
    today, months = await window(session, fund_id, date_from, date_to)
    trends = TrendRepository(session)
    filters = {
        "product_id": product_id,
        "province_code": province_code,
        "cooperative_ids": cooperative_ids,
    }
    ends = [end for _, _, end in months if end < today]
    groups = await trends.month_end_groups(fund_id, ends, **filters)
    if any(end >= today for _, _, end in months):
        for collectibility, loans, outstanding in await trends.current_groups(fund_id, **filters):
            groups.append((today, collectibility, loans, outstanding))
    closed = await trends.closed_days(fund_id, ends)
    return npl_months(months, today, groups, closed)


def npl_months(
    months: list[tuple[str, date, date]],
    today: date,
    groups: Iterable[tuple[date, int, int, Decimal]],
    closed: set[date] | None = None,
) -> list[NplMonth]:
    """Each month's point from (as of, class, loans, principal outstanding) groups. A past
    month whose last day end of day never closed (``closed``, when given) has no figures: its
    zeros say nothing was recorded, not that nothing was lent (``closed=False``)."""
    by_day: dict[date, dict[int, tuple[int, Decimal]]] = {}
    for day, collectibility, loans, outstanding in groups:
        by_day.setdefault(day, {})[collectibility] = (loans, outstanding)
    out = []
    for label, _, end in months:
        as_of = min(end, today)
        found = by_day.get(as_of, {})
        by_class = {c: found.get(c, (0, Decimal(0)))[1] for c in range(1, 6)}
        counted = sum(found.get(c, (0, Decimal(0)))[0] for c in range(1, 6))
        point = npl_month(label, as_of, counted, by_class)
        if closed is not None and end < today and end not in closed:
            point = dataclasses.replace(point, closed=False)
        out.append(point)
    return out


def npl_month(label: str, as_of: date, loans: int, by_class: dict[int, Decimal]) -> NplMonth:
    total = sum(by_class.values(), Decimal(0))
    bad = sum((by_class[c] for c in NON_PERFORMING), Decimal(0))
    ratio = (bad / total).quantize(Decimal("0.0001"), ROUND_HALF_EVEN) if total else Decimal(0)
    return NplMonth(label, as_of, loans, total, bad, ratio, by_class)


async def cohort_members(registry: RegistryClient, cohort_year: int | None) -> list[UUID] | None:
    """The ids of the cooperatives of a programme cohort, from the registry (None: no cohort
    asked). Called before any database read; 503 when the registry cannot answer."""
    if cohort_year is None:
        return None
    members = registry.items("/v1/cooperatives", CohortMember, {"cohort": cohort_year})
    return [m.id async for m in members]


async def monthly_flows(
    session: AsyncSession,
    fund_id: UUID,
    *,
    date_from: date | None,
    date_to: date | None,
    product_id: UUID | None,
    province_code: str | None,
    cooperative_ids: Sequence[UUID] | None = None,
) -> list[FlowMonth]:
    _, months = await window(session, fund_id, date_from, date_to)
    sums = await TrendRepository(session).monthly_sums(
        fund_id,
        date_from=months[0][1],
        date_to=months[-1][2],
        product_id=product_id,
        province_code=province_code,
        cooperative_ids=cooperative_ids,
    )
    out = []
    for label, _, _ in months:

        def get(kind: str, label: str = label) -> Decimal:
            return sums.get((label, kind), Decimal(0))

        disbursed = get("disbursement")
        repaid = get("repayment") + get("payoff")
        recovered = get("recovery")
        out.append(FlowMonth(label, disbursed, repaid, recovered, repaid + recovered - disbursed))
    return out
