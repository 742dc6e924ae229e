"""The fund reports from maintained rows: the portfolio from the open loans' groups per product,
province and arrears date, the flows, the position history and the cash forecast from the
per-day summaries, all of which the database keeps with every change
(:mod:`financing.reports.models`). No loan is replayed and no transaction
read: a report costs about the same for a hundred loans or a hundred thousand, and for a month
of history or ten years. :mod:`financing.reports.replayed` computes the same reports by replaying
everything (the oracle the tests hold these to)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.arrears.ageing import Collectibility
from financing.arrears.service import business_date
from financing.ledger.funds import get_fund
from financing.ledger.service import INCOME_ACCOUNTS, Account, natural
from financing.replay.engine import ZERO
from financing.reports.portfolio import (
    UNKNOWN_PROVINCE,
    Bucket,
    Flows,
    Forecast,
    MonthForecast,
    Portfolio,
    month_keys,
)
from financing.reports.repository import ReportRepository
from kopmod_shared.errors import ValidationProblem

MAX_HISTORY_POINTS = 400


@dataclass(frozen=True)
class PortfolioReport:
    as_of: date
    portfolio: Portfolio
    date_from: date
    date_to: date
    flows: Flows


@dataclass(frozen=True)
class FundPoint:
    """The fund's ledger balances at the end of ``date``."""

    date: date
    cash: Decimal
    loans_receivable: Decimal
    income: Decimal
    writeoff_losses: Decimal
    overpayments: Decimal
    capital: Decimal


@dataclass(frozen=True)
class CashForecast:
    as_of: date
    cash_now: Decimal
    forecast: Forecast


def period(today: date, date_from: date | None, date_to: date | None) -> tuple[date, date]:
    """The flows' period: ``date_from``..``date_to``, by default the business date's month."""
    start = date_from or today.replace(day=1)
    end = date_to or today
    if end < start:
        raise ValidationProblem.for_field("query.date_to", "date_to is before date_from", "range")
    return start, end


async def portfolio_report(
    session: AsyncSession, fund_id: UUID, *, date_from: date | None, date_to: date | None
) -> PortfolioReport:
    """Open loans by collectibility, product and province on the business date (each group of
    loans aged from its maintained arrears date), and the money that moved between ``date_from`` and
    ``date_to`` (default: the business date's month)."""
    await get_fund(session, fund_id)
    today = await business_date(session, fund_id)
    start, end = period(today, date_from, date_to)
    reports = ReportRepository(session)
    out = Portfolio(by_class={c: Bucket() for c in Collectibility})
    for group in await reports.portfolio_groups(fund_id, today):
        collectibility = Collectibility(group.collectibility)
        for bucket in (
            out.total,
            out.by_class[collectibility],
            out.by_product.setdefault(group.product_code, Bucket()),
            out.by_province.setdefault(group.province or UNKNOWN_PROVINCE, Bucket()),
        ):
            bucket.add_group(group.loans, group.outstanding, collectibility)
    return PortfolioReport(
        as_of=today,
        portfolio=out,
        date_from=start,
        date_to=end,
        flows=await reports.flows(fund_id, start, end),
    )


def history_points(start: date, end: date, step: str) -> list[date]:
    """Every day, or every month end, from ``start`` to ``end`` (and ``end`` itself); stops
    one past :data:`MAX_HISTORY_POINTS` so the caller can refuse the range."""
    points: list[date] = []
    day = start
    while day <= end and len(points) <= MAX_HISTORY_POINTS:
        points.append(day)
        if step == "day":
            day += timedelta(days=1)
        else:
            # Month ends: the position at the close of each month.
            following = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
            month_end = following - timedelta(days=1)
            if month_end > day:
                day = month_end
            else:
                day = (following + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    if points and points[-1] != end and len(points) <= MAX_HISTORY_POINTS:
        points.append(end)
    return points


def checked_points(date_from: date, date_to: date, step: str) -> list[date]:
    if date_to < date_from:
        raise ValidationProblem.for_field("query.date_to", "date_to is before date_from", "range")
    points = history_points(date_from, date_to, step)
    if len(points) > MAX_HISTORY_POINTS:
        raise ValidationProblem.for_field(
            "query.date_to", f"at most {MAX_HISTORY_POINTS} points; narrow the range", "range"
        )
    return points


def fund_point(point: date, sums: dict[str, tuple[Decimal, Decimal]]) -> FundPoint:
    def bal(account: Account) -> Decimal:
        debits, credits = sums.get(account.value, (ZERO, ZERO))
        return natural(account, debits, credits)

    return FundPoint(
        date=point,
        cash=bal(Account.cash),
        loans_receivable=bal(Account.loans_receivable),
        income=sum((bal(a) for a in INCOME_ACCOUNTS), ZERO),
        writeoff_losses=bal(Account.writeoff_losses),
        overpayments=bal(Account.overpayments),
        capital=bal(Account.capital),
    )


async def position_history(
    session: AsyncSession, fund_id: UUID, *, date_from: date, date_to: date, step: str
) -> list[FundPoint]:
    """The fund's ledger balances at each point (entry dates up to and including it), from
    the ledger's sums per day: one read, then running totals."""
    await get_fund(session, fund_id)
    points = checked_points(date_from, date_to, step)
    days = await ReportRepository(session).ledger_days(fund_id, until=points[-1])
    sums: dict[str, tuple[Decimal, Decimal]] = {}
    out = []
    n = 0
    for point in points:
        while n < len(days) and days[n][0] <= point:
            _, account, debit, credit = days[n]
            d, c = sums.get(account, (ZERO, ZERO))
            sums[account] = (d + debit, c + credit)
            n += 1
        out.append(fund_point(point, sums))
    return out


async def cash_forecast(
    session: AsyncSession,
    fund_id: UUID,
    *,
    months: int,
    product_id: UUID | None = None,
    province_code: str | None = None,
    cooperative_ids: Sequence[UUID] | None = None,
) -> CashForecast:
    """What is still owed by due month from the business date's month (overdue apart), from
    the sums per due date of the loans' maintained installment balances; narrowed to a
    product, a province or some cooperatives (a cohort), from those loans' balances. The cash
    now is the fund's either way: cash is not lent by cohort."""
    await get_fund(session, fund_id)
    today = await business_date(session, fund_id)
    keys = month_keys(today, months)
    year, month = (int(p) for p in keys[-1].split("-"))
    horizon = date(year + month // 12, month % 12 + 1, 1)
    buckets = {k: MonthForecast(k) for k in keys}
    overdue = MonthForecast("overdue")
    reports = ReportRepository(session)
    filters = {
        "product_id": product_id,
        "province_code": province_code,
        "cooperative_ids": cooperative_ids,
    }
    if any(v is not None for v in filters.values()):
        owed = await reports.owed_by_month_of(fund_id, today, horizon, **filters)
    else:
        owed = await reports.owed_by_month(fund_id, today, horizon)
    for key, principal, interest, charges in owed:
        target = overdue if key == "overdue" else buckets[key]
        target.principal += principal
        target.interest += interest
        target.charges += charges
    # The cash balance from the ledger's per-day sums: summing the cash account's journal lines
    # read every repayment and disbursement line the fund ever booked (seconds at 100,000 loans).
    debits, credits = await reports.account_total(fund_id, Account.cash.value)
    return CashForecast(
        as_of=today,
        cash_now=natural(Account.cash, debits, credits),
        forecast=Forecast(as_of=today, overdue=overdue, months=[buckets[k] for k in keys]),
    )
