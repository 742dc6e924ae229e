"""The work queues: applications by state, age and holder; the collection list (loans in
arrears by OJK class, from the loans' maintained figures, with their latest promise to pay);
installments due in the coming days (from the maintained installment balances); promises to
pay (record, and kept or broken derived from the money received)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.applications.states import REVIEW_STATES, TERMINAL, ApplicationStatus
from financing.arrears.service import business_date
from financing.ledger.funds import get_fund
from financing.loans.repository import LoanRepository
from financing.loans.service import load_book
from financing.queues.models import PromiseToPay
from financing.queues.repository import QueueRepository
from financing.queues.schemas import PromiseCreate
from kopmod_shared.errors import InvalidTransition, ValidationProblem
from kopmod_shared.pagination import PageParams, Slice, decode_cursor, first_page

S = ApplicationStatus
OPEN_STATES = [s.value for s in S if s not in TERMINAL and s is not S.draft]
MAX_ROWS = 1000
EXPORT_PAGE = 500
T = TypeVar("T")
HOLDERS = {S.committee: "committee", S.approved: "cooperative"}


def holder(status: str, reviewer: str | None) -> str | None:
    current = S(status)
    if current in REVIEW_STATES:
        return reviewer
    return HOLDERS.get(current, "system")


async def application_queue(
    session: AsyncSession,
    page: PageParams,
    *,
    status: ApplicationStatus | None,
    product_id: UUID | None,
    province_code: str | None,
    fund_id: UUID | None,
) -> Slice[dict[str, Any]]:
    rows, cursor = await QueueRepository(session).applications(
        page,
        statuses=[status.value] if status else OPEN_STATES,
        product_id=product_id,
        province_code=province_code,
        fund_id=fund_id,
    )
    now = datetime.now(UTC)
    return [
        {
            "application_id": a.id,
            "cooperative_id": a.cooperative_id,
            "fund_id": a.fund_id,
            "product_id": a.product_id,
            "province_code": a.province_code,
            "status": a.status,
            "amount": a.requested_amount,
            "in_state_since": since,
            "age_days": max((now - since).days, 0),
            "holder": holder(a.status, reviewer),
        }
        for a, since, reviewer in rows
    ], cursor


async def collection(
    session: AsyncSession,
    fund_id: UUID,
    *,
    collectibility: int | None,
    product_id: UUID | None,
    province_code: str | None,
) -> tuple[date, list[dict[str, Any]]]:
    await get_fund(session, fund_id)
    repo = QueueRepository(session)
    rows = await repo.in_arrears(
        fund_id,
        collectibility=collectibility,
        product_id=product_id,
        province_code=province_code,
        limit=MAX_ROWS,
    )
    promises = await repo.latest_promises([loan.id for loan, _ in rows])
    out = []
    for loan, account in rows:
        promise = promises.get(loan.id)
        out.append(
            {
                "loan_id": loan.id,
                "cooperative_id": loan.cooperative_id,
                "product_id": loan.product_id,
                "province_code": loan.province_code,
                "days_past_due": account.days_past_due,
                "collectibility": account.collectibility,
                "principal_outstanding": account.principal_outstanding,
                "interest_outstanding": account.interest_outstanding,
                "penalty_outstanding": account.penalty_outstanding,
                "promised_on": promise.promised_on if promise else None,
                "promised_amount": promise.amount if promise else None,
            }
        )
    return await business_date(session, fund_id), out


async def due_soon(
    session: AsyncSession, fund_id: UUID, days: int
) -> tuple[date, date, list[dict[str, Any]]]:
    """What is still owed on installments falling due from the business date to ``days`` on,
    from the loans' maintained installment balances (no replay)."""
    await get_fund(session, fund_id)
    today = await business_date(session, fund_id)
    until = today + timedelta(days=days)
    rows = await QueueRepository(session).due_between(fund_id, today, until, limit=MAX_ROWS)
    return (
        today,
        until,
        [
            {
                "loan_id": loan_id,
                "cooperative_id": cooperative_id,
                "installment": number,
                "due_date": due_date,
                "unpaid": unpaid,
            }
            for loan_id, cooperative_id, number, due_date, unpaid in rows
        ],
    )


@dataclass(frozen=True)
class Promise:
    record: PromiseToPay
    paid: Decimal
    status: str


def _status(promise: PromiseToPay, paid: Decimal, today: date) -> str:
    if paid >= promise.amount:
        return "kept"
    return "broken" if promise.promised_on < today else "open"


async def record_promise(
    session: AsyncSession, loan_id: UUID, data: PromiseCreate, *, actor: str
) -> Promise:
    book = await load_book(LoanRepository(session), loan_id)
    if book.loan.status not in ("active", "overpaid"):
        raise InvalidTransition(book.loan.status, "promise_to_pay", [])
    today = await business_date(session, book.loan.fund_id)
    if data.promised_on < today:
        raise ValidationProblem.for_field(
            "body.promised_on", f"a promise is for the business date {today} or later", "past_date"
        )
    promise = await QueueRepository(session).add(
        PromiseToPay(
            loan_id=loan_id,
            fund_id=book.loan.fund_id,
            made_on=today,
            promised_on=data.promised_on,
            amount=data.amount,
            note=data.note,
            recorded_by=actor,
        )
    )
    return Promise(promise, Decimal(0), "open")


async def promises(
    session: AsyncSession,
    fund_id: UUID,
    page: PageParams,
    *,
    loan_id: UUID | None,
    status: str | None,
) -> Slice[Promise]:
    await get_fund(session, fund_id)
    today = await business_date(session, fund_id)
    rows, cursor = await QueueRepository(session).promises(
        fund_id, page, loan_id=loan_id, status=status, today=today
    )
    return [Promise(p, paid, _status(p, paid, today)) for p, paid in rows], cursor


async def every_row(fetch: Callable[[PageParams], Awaitable[Slice[T]]]) -> list[T]:
    """All rows of a paged query, page after page (a CSV export holds the whole list)."""
    out: list[T] = []
    page = first_page(EXPORT_PAGE)
    while True:
        rows, cursor = await fetch(page)
        out += rows
        if cursor is None:
            return out
        page = PageParams(limit=EXPORT_PAGE, cursor=decode_cursor(cursor))
