"""A fund's business date and end of day over HTTP."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends

from financing.arrears import service
from financing.arrears.schemas import (
    BusinessDateOut,
    BusinessDateSet,
    ClassChangeOut,
    ClosedDayOut,
    EndOfDayCreate,
    EndOfDayOut,
)
from financing.audit.service import AuditContext, audited
from financing.ledger.funds import get_fund
from financing.loans.dependencies import Officer, RepoDep, Staff
from kopmod_shared.app import KopmodRouter
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, Conflict, NotFound, ValidationProblem, responses

router = KopmodRouter(tags=["servicing"])


@router.get(
    "/v1/funds/{fund_id}/business-date",
    response_model=BusinessDateOut,
    summary="The fund's business date (fund staff)",
    description="The logical date that drives arrears; it moves only by end of day.",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_business_date(
    fund_id: UUID, principal: Staff, session: SessionDep, repo: RepoDep
) -> BusinessDateOut:
    await get_fund(session, fund_id)
    return BusinessDateOut(
        fund_id=fund_id, business_date=await service.business_date(repo.session, fund_id)
    )


@router.post(
    "/v1/funds/{fund_id}/business-date",
    response_model=BusinessDateOut,
    summary="Set the fund's business date before its first loan transaction (fund officer)",
    description="Once loans have transactions the date moves only by end of day (409).",
    responses=responses(*AUTH_ERRORS, NotFound, Conflict),
)
async def set_business_date(
    fund_id: UUID,
    data: BusinessDateSet,
    principal: Officer,
    audit: Annotated[AuditContext, Depends(audited("fund.set_business_date"))],
    session: SessionDep,
    repo: RepoDep,
) -> BusinessDateOut:
    row = await service.set_business_date(session, repo, fund_id, data.business_date)
    return BusinessDateOut(fund_id=fund_id, business_date=row.business_date)


@router.post(
    "/v1/funds/{fund_id}/end-of-day",
    response_model=EndOfDayOut,
    summary="Close business days: penalties, arrears, collectibility (fund officer)",
    description=(
        "Closes each business day up to `through`: charges each overdue loan's daily penalty "
        "where its product has a penalty rate, ages arrears, assigns the OJK collectibility "
        "class and emits `financing.loan.overdue` when a loan changes class, then advances the "
        "business date. Closing a day already closed changes nothing."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def end_of_day(
    fund_id: UUID,
    data: EndOfDayCreate,
    principal: Officer,
    audit: Annotated[AuditContext, Depends(audited("fund.end_of_day"))],
    session: SessionDep,
    repo: RepoDep,
) -> EndOfDayOut:
    current = await service.business_date(repo.session, fund_id)
    if (data.through - current).days > 3660:
        raise ValidationProblem.for_field(
            "body.through", "close at most ten years of days at once", "too_far"
        )
    new_date, runs = await service.end_of_day(
        session, repo, fund_id, through=data.through, actor=principal.client_id
    )
    return EndOfDayOut(
        fund_id=fund_id,
        business_date=new_date,
        closed=[
            ClosedDayOut(
                business_date=run.business_date,
                loans_processed=run.loans_processed,
                penalties_charged=run.penalties_charged,
                class_changes=[ClassChangeOut.model_validate(c) for c in run.class_changes],
            )
            for run in runs
        ],
    )
