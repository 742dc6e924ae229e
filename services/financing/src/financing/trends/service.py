"""The fund month by month. NPL trend: each loan replayed to each month's end (the business
date for the month it is in), its principal outstanding and OJK class summed; NPL is classes
3-5 over outstanding principal. Flows: disbursed against repaid (repayments and payoffs) and
recovered, summed by month from the transactions."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.arrears.service import business_date
from financing.ledger.funds import get_fund
from financing.loans.repository import LoanRepository
from financing.loans.service import LoanBook
from financing.trends.repository import TrendRepository
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


async def _window(
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
) -> list[NplMonth]:
    today, months = await _window(session, fund_id, date_from, date_to)
    loans = await TrendRepository(session).loans(
        fund_id, product_id=product_id, province_code=province_code
    )
    records = await LoanRepository(session).transactions_of_loans([loan.id for loan in loans])
    books = [LoanBook(loan=loan, records=records[loan.id]) for loan in loans]
    out = []
    for label, _, end in months:
        as_of = min(end, today)
        by_class = {c: Decimal(0) for c in range(1, 6)}
        counted = 0
        for book in books:
            if not book.records or min(r.value_date for r in book.records) > as_of:
                continue
            position = book.replay(until=as_of)
            outstanding = position.principal_outstanding
            if outstanding <= 0:
                continue
            counted += 1
            by_class[int(book.arrears(position, as_of).collectibility)] += outstanding
        total = sum(by_class.values(), Decimal(0))
        bad = sum((by_class[c] for c in NON_PERFORMING), Decimal(0))
        ratio = (bad / total).quantize(Decimal("0.0001"), ROUND_HALF_EVEN) if total else Decimal(0)
        out.append(NplMonth(label, as_of, counted, total, bad, ratio, by_class))
    return out


async def monthly_flows(
    session: AsyncSession,
    fund_id: UUID,
    *,
    date_from: date | None,
    date_to: date | None,
    product_id: UUID | None,
    province_code: str | None,
) -> list[FlowMonth]:
    _, months = await _window(session, fund_id, date_from, date_to)
    sums = await TrendRepository(session).monthly_sums(
        fund_id,
        date_from=months[0][1],
        date_to=months[-1][2],
        product_id=product_id,
        province_code=province_code,
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
