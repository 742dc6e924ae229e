"""The fund reports over HTTP: portfolio and flows, position history, cash forecast."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Annotated, Literal
from uuid import UUID

from fastapi import Query

from financing.arrears.service import business_date
from financing.ledger.funds import get_fund
from financing.ledger.repository import LedgerRepository
from financing.ledger.service import INCOME_ACCOUNTS, Account, balance, natural
from financing.loans import service as loan_service
from financing.loans.dependencies import RepoDep, Staff
from financing.loans.repository import LoanRepository
from financing.loans.states import LoanState
from financing.replay.engine import ZERO
from financing.reports.portfolio import (
    Bucket,
    LoanSnapshot,
    MonthForecast,
    cash_back_forecast,
    flows,
    portfolio,
)
from financing.reports.repository import ReportRepository
from financing.reports.schemas import (
    BucketOut,
    FlowsOut,
    ForecastOut,
    FundHistoryOut,
    FundPointOut,
    MonthOut,
    PortfolioOut,
)
from kopmod_shared.app import KopmodRouter
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, NotFound, ValidationProblem, responses

router = KopmodRouter(tags=["servicing"])

MAX_HISTORY_POINTS = 400


def _bucket(key: str, bucket: Bucket) -> BucketOut:
    return BucketOut(
        key=key,
        loans=bucket.loans,
        principal_outstanding=bucket.principal_outstanding,
        non_performing=bucket.non_performing,
        npl_ratio=format(bucket.npl_ratio, "f"),
    )


async def _fund_books(
    session: SessionDep, repo: LoanRepository, fund_id: UUID
) -> list[loan_service.LoanBook]:
    await get_fund(session, fund_id)
    loans = await repo.loans_of_fund(fund_id)
    records = await repo.transactions_of_loans([loan.id for loan in loans])
    return [loan_service.LoanBook(loan=loan, records=records[loan.id]) for loan in loans]


@router.get(
    "/v1/funds/{fund_id}/portfolio",
    response_model=PortfolioOut,
    summary="Portfolio: outstanding by collectibility, NPL, by product and province (staff)",
    description=(
        "Outstanding principal of open loans on the business date by OJK class, the NPL ratio "
        "(classes 3-5 over outstanding), by product and by province (captured at approval), "
        "and money disbursed and repaid between `date_from` and `date_to` (value dates, "
        "default: the business date's month)."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def fund_portfolio(
    fund_id: UUID,
    principal: Staff,
    session: SessionDep,
    repo: RepoDep,
    date_from: date | None = None,
    date_to: date | None = None,
) -> PortfolioOut:
    books = await _fund_books(session, repo, fund_id)
    today = await business_date(repo.session, fund_id)
    start = date_from or today.replace(day=1)
    end = date_to or today
    if end < start:
        raise ValidationProblem.for_field("query.date_to", "date_to is before date_from", "range")
    codes = await ReportRepository(session).product_codes([b.loan.product_id for b in books])
    snapshots = []
    replayed = []
    for book in books:
        position = book.replay()
        replayed.append((position, book.transactions()))
        if book.state.closed or position.principal_outstanding <= 0:
            continue
        snapshots.append(
            LoanSnapshot(
                loan_id=book.loan.id,
                product_code=codes.get(book.loan.product_id, "unknown"),
                province=book.loan.province_code,
                principal_outstanding=position.principal_outstanding,
                collectibility=book.arrears(position, today).collectibility,
            )
        )
    result = portfolio(snapshots)
    period = flows(replayed, start, end)
    return PortfolioOut(
        fund_id=fund_id,
        as_of=today,
        total=_bucket("total", result.total),
        by_collectibility=[
            _bucket(f"{c.value} {c.label}", b) for c, b in sorted(result.by_class.items())
        ],
        by_product=[_bucket(k, b) for k, b in sorted(result.by_product.items())],
        by_province=[_bucket(k, b) for k, b in sorted(result.by_province.items())],
        flows=FlowsOut(
            date_from=start,
            date_to=end,
            disbursed=period.disbursed,
            repaid=period.repaid,
            principal_repaid=period.principal_repaid,
            interest_received=period.interest_received,
            charges_received=period.charges_received,
            recovered=period.recovered,
        ),
    )


def _points(start: date, end: date, step: str) -> list[date]:
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


@router.get(
    "/v1/funds/{fund_id}/position-history",
    response_model=FundHistoryOut,
    summary="The fund's position over time, from its ledger (fund staff)",
    description=(
        "Cash, loans receivable, income, write-off losses, overpayments and capital at each "
        "point (entry dates up to and including it): every month end between `date_from` and "
        "`date_to` (and `date_to` itself), or every day with `step=day`. At most 400 points."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def fund_position_history(
    fund_id: UUID,
    principal: Staff,
    session: SessionDep,
    date_from: date,
    date_to: date,
    step: Literal["day", "month"] = "month",
) -> FundHistoryOut:
    await get_fund(session, fund_id)
    if date_to < date_from:
        raise ValidationProblem.for_field("query.date_to", "date_to is before date_from", "range")
    points = _points(date_from, date_to, step)
    if len(points) > MAX_HISTORY_POINTS:
        raise ValidationProblem.for_field(
            "query.date_to", f"at most {MAX_HISTORY_POINTS} points; narrow the range", "range"
        )
    ledger = LedgerRepository(session)
    out = []
    for point in points:
        sums = await ledger.account_sums(fund_id, as_of=point)

        def bal(account: Account, sums: dict[str, tuple[Decimal, Decimal]] = sums) -> Decimal:
            debits, credits = sums.get(account.value, (ZERO, ZERO))
            return natural(account, debits, credits)

        out.append(
            FundPointOut(
                date=point,
                cash=bal(Account.cash),
                loans_receivable=bal(Account.loans_receivable),
                income=sum((bal(a) for a in INCOME_ACCOUNTS), ZERO),
                writeoff_losses=bal(Account.writeoff_losses),
                overpayments=bal(Account.overpayments),
                capital=bal(Account.capital),
            )
        )
    return FundHistoryOut(fund_id=fund_id, points=out)


def _month(m: MonthForecast) -> MonthOut:
    return MonthOut(
        month=m.month, principal=m.principal, interest=m.interest, charges=m.charges, total=m.total
    )


@router.get(
    "/v1/funds/{fund_id}/cash-forecast",
    response_model=ForecastOut,
    summary="Cash coming back to the fund by month, from the schedules (fund staff)",
    description=(
        "The unpaid part of every open loan's schedule by due month from the business date's "
        "month, so the fund sees what it can lend next month; amounts already overdue are "
        "shown apart as `overdue`."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def cash_forecast(
    fund_id: UUID,
    principal: Staff,
    session: SessionDep,
    repo: RepoDep,
    months: Annotated[int, Query(ge=1, le=120)] = 12,
) -> ForecastOut:
    books = await _fund_books(session, repo, fund_id)
    today = await business_date(repo.session, fund_id)
    positions = [b.replay() for b in books if b.state in (LoanState.active, LoanState.overpaid)]
    forecast = cash_back_forecast(positions, today, months)
    return ForecastOut(
        fund_id=fund_id,
        as_of=today,
        cash_now=await balance(session, fund_id, Account.cash),
        overdue=_month(forecast.overdue),
        months=[_month(m) for m in forecast.months],
    )
