"""The monthly fund reports over HTTP (JSON, or CSV with ``?format=csv``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import Depends, Query, Request

from financing.loans.dependencies import Staff
from financing.trends import service
from financing.trends.schemas import FlowMonthOut, MonthlyFlowsOut, NplMonthOut, NplTrendOut
from kopmod_shared.app import KopmodRouter
from kopmod_shared.clients import RegistryClient
from kopmod_shared.csvexport import csv_response, write_csv
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

FormatQuery = Annotated[
    Literal["json", "csv"], Query(alias="format", description="`csv` for a spreadsheet.")
]
Province = Annotated[str | None, Query(pattern=r"^[0-9]{2}$", description="Province code.")]
Cohort = Annotated[
    int | None,
    Query(ge=2000, le=2100, description="Only cooperatives of this programme cohort (year)."),
]
CSV = {200: {"content": {"text/csv": {"schema": {"type": "string"}}}}}
ERRORS = responses(*AUTH_ERRORS, NotFound, ValidationProblem, UpstreamUnavailable)


async def registry(request: Request) -> RegistryClient:
    registry: RegistryClient = request.app.state.registry
    return registry


RegistryDep = Annotated[RegistryClient, Depends(registry)]


@router.get(
    "/v1/funds/{fund_id}/reports/npl-trend",
    response_model=NplTrendOut,
    summary="NPL by month: outstanding by OJK class at each month's end (fund staff)",
    description=(
        "Principal outstanding by OJK class at each month's end as end of day closed it "
        "(rewritten when a backdated transaction or a reversal changes it), and on the business "
        "date for the current month. Default: the last 12 months up to the business date; at "
        "most 36. Filters: product, province, programme cohort (the registry is asked who is "
        "in it: 503 when it cannot answer)."
    ),
    responses={**ERRORS, **CSV},
)
async def npl_trend(
    fund_id: UUID,
    principal: Staff,
    session: SessionDep,
    registry: RegistryDep,
    date_from: BoundedDate | None = None,
    date_to: BoundedDate | None = None,
    product_id: UUID | None = None,
    province_code: Province = None,
    cohort_year: Cohort = None,
    fmt: FormatQuery = "json",
) -> Any:
    members = await service.cohort_members(registry, cohort_year)
    months = [
        NplMonthOut(
            month=m.month,
            as_of=m.as_of,
            loans=m.loans,
            outstanding=m.outstanding,
            non_performing=m.non_performing,
            npl_ratio=m.npl_ratio,
            **{f"class_{c}": m.by_class[c] for c in range(1, 6)},
            closed=m.closed,
        )
        for m in await service.npl_trend(
            session,
            fund_id,
            date_from=date_from,
            date_to=date_to,
            product_id=product_id,
            province_code=province_code,
            cooperative_ids=members,
        )
    ]
    if fmt == "csv":
        rows = [m.model_dump(mode="json") for m in months]
        return csv_response(write_csv(list(NplMonthOut.model_fields), rows), "npl-trend.csv")
    return NplTrendOut(fund_id=fund_id, months=months)


@router.get(
    "/v1/funds/{fund_id}/reports/monthly-flows",
    response_model=MonthlyFlowsOut,
    summary="Disbursed against repaid, by month (fund staff)",
    description=(
        "Non-reversed transactions by value date. Default: the last 12 months up to the "
        "business date; at most 36. Filters: product, province, programme cohort."
    ),
    responses={**ERRORS, **CSV},
)
async def monthly_flows(
    fund_id: UUID,
    principal: Staff,
    session: SessionDep,
    registry: RegistryDep,
    date_from: BoundedDate | None = None,
    date_to: BoundedDate | None = None,
    product_id: UUID | None = None,
    province_code: Province = None,
    cohort_year: Cohort = None,
    fmt: FormatQuery = "json",
) -> Any:
    members = await service.cohort_members(registry, cohort_year)
    months = [
        FlowMonthOut(
            month=m.month, disbursed=m.disbursed, repaid=m.repaid, recovered=m.recovered, net=m.net
        )
        for m in await service.monthly_flows(
            session,
            fund_id,
            date_from=date_from,
            date_to=date_to,
            product_id=product_id,
            province_code=province_code,
            cooperative_ids=members,
        )
    ]
    if fmt == "csv":
        rows = [m.model_dump(mode="json") for m in months]
        return csv_response(write_csv(list(FlowMonthOut.model_fields), rows), "monthly-flows.csv")
    return MonthlyFlowsOut(fund_id=fund_id, months=months)
