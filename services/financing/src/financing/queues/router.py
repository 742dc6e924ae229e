"""The work queues over HTTP, each as JSON or CSV (``?format=csv``)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import Depends, Query, Response
from pydantic import BaseModel

from financing.applications.states import ApplicationStatus
from financing.audit.service import AuditContext, audited
from financing.loans.dependencies import COMMAND_ERRORS, Staff
from financing.queues import service
from financing.queues.schemas import (
    CollectionOut,
    CollectionRowOut,
    DueOut,
    DueRowOut,
    PromiseCreate,
    PromiseOut,
    QueuedApplicationOut,
)
from kopmod_shared.app import KopmodRouter
from kopmod_shared.csvexport import csv_response, write_csv
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, NotFound, ValidationProblem, responses
from kopmod_shared.pagination import Page, PageDep, PageParams, Slice

router = KopmodRouter(tags=["queues"])

FormatQuery = Annotated[
    Literal["json", "csv"], Query(alias="format", description="`csv` for a spreadsheet.")
]
Province = Annotated[str | None, Query(pattern=r"^[0-9]{2}$", description="Province code.")]
CSV = {200: {"content": {"text/csv": {"schema": {"type": "string"}}}}}


def _csv(model: type[BaseModel], rows: list[BaseModel], name: str) -> Response:
    header = list(model.model_fields)
    return csv_response(write_csv(header, [r.model_dump(mode="json") for r in rows]), name)


@router.get(
    "/v1/queues/applications",
    response_model=Page[QueuedApplicationOut],
    summary="Applications waiting on someone: by state, oldest in its state first (staff)",
    description=(
        "Open applications (submitted to approved; a `status` narrows it to one), each with "
        "how long it has been in its state and who holds it. Filters: fund, product, "
        "province. Paged; `format=csv` gives every row of the list in one file."
    ),
    responses={**responses(*AUTH_ERRORS, ValidationProblem), **CSV},
)
async def application_queue(
    principal: Staff,
    session: SessionDep,
    page: PageDep,
    status: ApplicationStatus | None = None,
    fund_id: UUID | None = None,
    product_id: UUID | None = None,
    province_code: Province = None,
    fmt: FormatQuery = "json",
) -> Any:
    async def fetch(p: PageParams) -> Slice[dict[str, Any]]:
        return await service.application_queue(
            session,
            p,
            status=status,
            product_id=product_id,
            province_code=province_code,
            fund_id=fund_id,
        )

    if fmt == "csv":
        rows = [QueuedApplicationOut(**r) for r in await service.every_row(fetch)]
        return _csv(QueuedApplicationOut, list(rows), "applications-queue.csv")
    found, cursor = await fetch(page)
    return Page[QueuedApplicationOut](
        items=[QueuedApplicationOut(**r) for r in found], next_cursor=cursor
    )


@router.get(
    "/v1/funds/{fund_id}/collection",
    response_model=CollectionOut,
    summary="The collection list: the fund's loans in arrears by OJK class (staff)",
    description=(
        "Active loans with days past due, most overdue first, from each loan's figures as the "
        "last command or end of day left them, with the latest promise to pay. Filters: OJK "
        "class, product, province."
    ),
    responses={**responses(*AUTH_ERRORS, NotFound, ValidationProblem), **CSV},
)
async def collection_list(
    fund_id: UUID,
    principal: Staff,
    session: SessionDep,
    collectibility: Annotated[int | None, Query(ge=1, le=5)] = None,
    product_id: UUID | None = None,
    province_code: Province = None,
    fmt: FormatQuery = "json",
) -> Any:
    as_of, found = await service.collection(
        session,
        fund_id,
        collectibility=collectibility,
        product_id=product_id,
        province_code=province_code,
    )
    rows = [CollectionRowOut(**r) for r in found]
    if fmt == "csv":
        return _csv(CollectionRowOut, list(rows), f"collection-{as_of}.csv")
    return CollectionOut(fund_id=fund_id, as_of=as_of, rows=rows)


@router.get(
    "/v1/funds/{fund_id}/due",
    response_model=DueOut,
    summary="Installments falling due from the business date on (default: this week; staff)",
    responses={**responses(*AUTH_ERRORS, NotFound, ValidationProblem), **CSV},
)
async def due_soon(
    fund_id: UUID,
    principal: Staff,
    session: SessionDep,
    days: Annotated[int, Query(ge=0, le=62)] = 7,
    fmt: FormatQuery = "json",
) -> Any:
    start, until, found = await service.due_soon(session, fund_id, days)
    rows = [DueRowOut(**r) for r in found]
    if fmt == "csv":
        return _csv(DueRowOut, list(rows), f"due-{start}.csv")
    return DueOut(
        fund_id=fund_id,
        date_from=start,
        date_to=until,
        rows=rows,
        total=sum((r.unpaid for r in rows), Decimal(0)),
    )


def _promise_out(p: service.Promise) -> PromiseOut:
    r = p.record
    return PromiseOut(
        id=r.id,
        loan_id=r.loan_id,
        fund_id=r.fund_id,
        made_on=r.made_on,
        promised_on=r.promised_on,
        amount=r.amount,
        note=r.note,
        recorded_by=r.recorded_by,
        paid=p.paid,
        status=p.status,
    )


@router.post(
    "/v1/loans/{loan_id}/promises-to-pay",
    response_model=PromiseOut,
    status_code=201,
    summary="Record a promise to pay on a loan in collection (fund staff)",
    description="For an active loan; the date is the business date or later.",
    responses=responses(*AUTH_ERRORS, *COMMAND_ERRORS),
)
async def record_promise(
    loan_id: UUID,
    data: PromiseCreate,
    principal: Staff,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("loan.promise_to_pay"))],
) -> PromiseOut:
    audit.target_id = loan_id
    return _promise_out(await service.record_promise(session, loan_id, data, actor=principal.actor))


@router.get(
    "/v1/funds/{fund_id}/promises-to-pay",
    response_model=Page[PromiseOut],
    summary="Promises to pay, by date promised: open, kept or broken (staff)",
    description="Paged; `format=csv` gives every row of the list in one file.",
    responses={**responses(*AUTH_ERRORS, NotFound, ValidationProblem), **CSV},
)
async def list_promises(
    fund_id: UUID,
    principal: Staff,
    session: SessionDep,
    page: PageDep,
    loan_id: UUID | None = None,
    status: Literal["open", "kept", "broken"] | None = None,
    fmt: FormatQuery = "json",
) -> Any:
    async def fetch(p: PageParams) -> Slice[service.Promise]:
        return await service.promises(session, fund_id, p, loan_id=loan_id, status=status)

    if fmt == "csv":
        rows = [_promise_out(p) for p in await service.every_row(fetch)]
        return _csv(PromiseOut, list(rows), "promises-to-pay.csv")
    found, cursor = await fetch(page)
    return Page[PromiseOut](items=[_promise_out(p) for p in found], next_cursor=cursor)
