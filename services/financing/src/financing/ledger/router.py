"""Funds, capital, position, trial balance, account statements and journal entries."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

from fastapi import Depends, Query, Response

from financing.audit.service import AuditContext, audited
from financing.errors import InsufficientFundCash, UnbalancedEntry
from financing.ledger import funds
from financing.ledger.repository import LedgerRepository
from financing.ledger.schemas import (
    AccountStatement,
    CapitalInjection,
    FundCreate,
    FundOut,
    FundPositionOut,
    JournalEntryOut,
    ReverseEntry,
    TrialBalance,
)
from financing.ledger.service import Account, position
from financing.trends import service as trends
from financing.trends.router import Cohort, Province, RegistryDep
from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.dates import BoundedDate
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import (
    AUTH_ERRORS,
    Conflict,
    NotFound,
    UpstreamUnavailable,
    ValidationProblem,
    responses,
)
from kopmod_shared.pagination import Page, PageDep, PageParams, make_page, page_params

router = KopmodRouter(tags=["funds"])

FUNDS_READ_SCOPE = "funds:read"
Admin = Annotated[Principal, Depends(require_roles(Role.admin))]
Treasury = Annotated[Principal, Depends(require_roles(Role.fund_committee))]
FundReader = Annotated[
    Principal,
    Depends(
        require_roles(
            Role.fund_officer, Role.fund_committee, Role.partner, scopes=[FUNDS_READ_SCOPE]
        )
    ),
]


@router.post(
    "/v1/funds",
    response_model=FundOut,
    status_code=201,
    summary="Create a revolving fund (admin)",
    description="A fund starts empty; its cash comes from capital injections.",
    responses=responses(*AUTH_ERRORS, Conflict, ValidationProblem),
)
async def create_fund(
    data: FundCreate,
    principal: Admin,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("fund.create"))],
    response: Response,
) -> FundOut:
    fund = await funds.create_fund(session, data, principal.client_id)
    audit.target_id = fund.id
    response.headers["Location"] = f"/v1/funds/{fund.id}"
    return FundOut.model_validate(fund)


@router.get(
    "/v1/funds",
    response_model=Page[FundOut],
    summary="List funds, oldest first",
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_funds(principal: FundReader, session: SessionDep, page: PageDep) -> Page[FundOut]:
    rows, cursor = await LedgerRepository(session).funds(page)
    return Page[FundOut](items=[FundOut.model_validate(f) for f in rows], next_cursor=cursor)


@router.get(
    "/v1/funds/{fund_id}",
    response_model=FundOut,
    summary="Read a fund",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_fund(fund_id: UUID, principal: FundReader, session: SessionDep) -> FundOut:
    return FundOut.model_validate(await funds.get_fund(session, fund_id))


@router.post(
    "/v1/funds/{fund_id}/capital-injections",
    response_model=JournalEntryOut,
    status_code=201,
    summary="Inject capital into a fund (fund committee)",
    description="Posts debit cash / credit capital; the cash becomes available to lend.",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def inject_capital(
    fund_id: UUID,
    data: CapitalInjection,
    principal: Treasury,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("fund.capital_injection"))],
) -> JournalEntryOut:
    entry = await funds.inject_capital(session, fund_id, data, principal.client_id)
    return JournalEntryOut.model_validate(entry)


@router.post(
    "/v1/funds/{fund_id}/journal-entries/{entry_id}/reversal",
    response_model=JournalEntryOut,
    status_code=201,
    summary="Reverse a capital injection (fund committee)",
    description=(
        "Entries are never edited or deleted: a mistake is corrected by a reversing entry. Only "
        "capital injections are reversed here, and only while the cash left still covers what "
        "is committed; other entries are corrected by the operation that made them."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, Conflict, InsufficientFundCash, UnbalancedEntry),
)
async def reverse_capital_injection(
    fund_id: UUID,
    entry_id: UUID,
    data: ReverseEntry,
    principal: Treasury,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("fund.entry_reversal"))],
) -> JournalEntryOut:
    entry = await funds.reverse_capital_injection(
        session, fund_id, entry_id, data.entry_date, data.memo, principal.client_id
    )
    return JournalEntryOut.model_validate(entry)


@router.get(
    "/v1/funds/{fund_id}/position",
    response_model=FundPositionOut,
    summary="The fund's position: cash, committed, available, outstanding, income",
    description=(
        "Filters: product, province, programme cohort (the registry is asked who is in it: "
        "503 when it cannot answer); filtered, the loan book's figures are those loans' and "
        "cash stays the fund's (`narrowed`)."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem, UpstreamUnavailable),
)
async def fund_position(
    fund_id: UUID,
    principal: FundReader,
    session: SessionDep,
    registry: RegistryDep,
    product_id: UUID | None = None,
    province_code: Province = None,
    cohort_year: Cohort = None,
) -> FundPositionOut:
    members = await trends.cohort_members(registry, cohort_year)
    await funds.get_fund(session, fund_id)
    p = await position(
        session,
        fund_id,
        product_id=product_id,
        province_code=province_code,
        cooperative_ids=members,
    )
    return FundPositionOut(**p.__dict__)


@router.get(
    "/v1/funds/{fund_id}/trial-balance",
    response_model=TrialBalance,
    summary="Trial balance of the fund's ledger (optionally as of a date)",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def trial_balance(
    fund_id: UUID, principal: FundReader, session: SessionDep, as_of: BoundedDate | None = None
) -> TrialBalance:
    return await funds.trial_balance(session, fund_id, as_of)


@router.get(
    "/v1/funds/{fund_id}/accounts/{account}/statement",
    response_model=AccountStatement,
    summary="Statement of one account: opening balance, lines with running balance, closing",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def account_statement(
    fund_id: UUID,
    account: Account,
    principal: FundReader,
    session: SessionDep,
    date_from: Annotated[BoundedDate | None, Query(alias="from")] = None,
    date_to: Annotated[BoundedDate | None, Query(alias="to")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> AccountStatement:
    return await funds.account_statement(
        session, fund_id, account, date_from=date_from, date_to=date_to, limit=limit
    )


@router.get(
    "/v1/funds/{fund_id}/journal-entries",
    response_model=Page[JournalEntryOut],
    summary="Journal entries of the fund, newest first",
    description=(
        "Newest entry date first (then newest booked). Paged like every list: `limit` and "
        "`cursor` in, `items` and `next_cursor` out."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_entries(
    fund_id: UUID,
    principal: FundReader,
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[JournalEntryOut]:
    await funds.get_fund(session, fund_id)
    rows = await LedgerRepository(session).entries(
        fund_id, limit=page.limit, after=_entry_cursor(page)
    )
    items, cursor = make_page(rows, page.limit, lambda e: (e.entry_date, e.created_at, e.id))
    return Page[JournalEntryOut](
        items=[JournalEntryOut.model_validate(e) for e in items], next_cursor=cursor
    )


def _entry_cursor(page: PageParams) -> tuple[date, datetime, UUID] | None:
    if not page.cursor:
        return None
    try:
        entry_date, created_at, entry_id = page.cursor
        return (
            date.fromisoformat(entry_date),
            datetime.fromisoformat(created_at),
            UUID(entry_id),
        )
    except (ValueError, TypeError) as exc:
        raise ValidationProblem.for_field("query.cursor", "cursor is not valid", "cursor") from exc
