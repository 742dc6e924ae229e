"""The fund reports over HTTP: portfolio and flows, position history, cash forecast."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Literal
from uuid import UUID

from fastapi import Query

from financing.loans.dependencies import Staff
from financing.reports import service
from financing.reports.portfolio import Bucket, MonthForecast
from financing.reports.schemas import (
    BucketOut,
    FlowsOut,
    ForecastOut,
    FundHistoryOut,
    FundPointOut,
    MonthOut,
    PortfolioOut,
)
from financing.trends import service as trends
from financing.trends.router import Cohort, Province, RegistryDep
from kopmod_shared.app import KopmodRouter
from kopmod_shared.dates import BoundedDate
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import (
    AUTH_ERRORS,
    NotFound,
    UpstreamUnavailable,
    ValidationProblem,
    responses,
)

router = KopmodRouter(tags=["servicing"])


def _bucket(key: str, bucket: Bucket) -> BucketOut:
    return BucketOut(
        key=key,
        loans=bucket.loans,
        principal_outstanding=bucket.principal_outstanding,
        non_performing=bucket.non_performing,
        npl_ratio=bucket.npl_ratio,
    )


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
    date_from: BoundedDate | None = None,
    date_to: BoundedDate | None = None,
) -> PortfolioOut:
    report = await service.portfolio_report(session, fund_id, date_from=date_from, date_to=date_to)
    result, period = report.portfolio, report.flows
    return PortfolioOut(
        fund_id=fund_id,
        as_of=report.as_of,
        total=_bucket("total", result.total),
        by_collectibility=[
            _bucket(f"{c.value} {c.label}", b) for c, b in sorted(result.by_class.items())
        ],
        by_product=[_bucket(k, b) for k, b in sorted(result.by_product.items())],
        by_province=[_bucket(k, b) for k, b in sorted(result.by_province.items())],
        flows=FlowsOut(
            date_from=report.date_from,
            date_to=report.date_to,
            disbursed=period.disbursed,
            repaid=period.repaid,
            principal_repaid=period.principal_repaid,
            interest_received=period.interest_received,
            charges_received=period.charges_received,
            recovered=period.recovered,
        ),
    )


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
    date_from: BoundedDate,
    date_to: BoundedDate,
    step: Literal["day", "month"] = "month",
) -> FundHistoryOut:
    points = await service.position_history(
        session, fund_id, date_from=date_from, date_to=date_to, step=step
    )
    return FundHistoryOut(
        fund_id=fund_id, points=[FundPointOut(**dataclasses.asdict(p)) for p in points]
    )


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
        "shown apart as `overdue`. Filters: product, province, programme cohort (the registry "
        "is asked who is in it: 503 when it cannot answer); `cash_now` stays the fund's."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem, UpstreamUnavailable),
)
async def cash_forecast(
    fund_id: UUID,
    principal: Staff,
    session: SessionDep,
    registry: RegistryDep,
    months: Annotated[int, Query(ge=1, le=120)] = 12,
    product_id: UUID | None = None,
    province_code: Province = None,
    cohort_year: Cohort = None,
) -> ForecastOut:
    members = await trends.cohort_members(registry, cohort_year)
    result = await service.cash_forecast(
        session,
        fund_id,
        months=months,
        product_id=product_id,
        province_code=province_code,
        cooperative_ids=members,
    )
    return ForecastOut(
        fund_id=fund_id,
        as_of=result.as_of,
        cash_now=result.cash_now,
        overdue=_month(result.forecast.overdue),
        months=[_month(m) for m in result.forecast.months],
    )
