"""The fund reports computed the slow way, as they were before the maintained state: every loan
of the fund replayed from its transactions and aggregated, the ledger summed from its journal
lines at each point, the NPL trend by replaying each loan to each month end, the installments
due soon from each loan's replay. Kept as the oracle: ``tests/reports`` prove the maintained reports
(:mod:`financing.reports.service`) equal these after a randomized history. Not on any route."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.arrears.service import business_date
from financing.ledger.funds import get_fund
from financing.ledger.repository import LedgerRepository
from financing.ledger.service import INCOME_ACCOUNTS, Account, balance, natural
from financing.loans.repository import LoanRepository
from financing.loans.service import LoanBook
from financing.loans.states import LoanState
from financing.replay.engine import ZERO
from financing.reports.portfolio import (
    LoanSnapshot,
    cash_back_forecast,
    flows,
    portfolio,
)
from financing.reports.repository import ReportRepository
from financing.reports.service import (
    MAX_HISTORY_POINTS,
    CashForecast,
    FundPoint,
    PortfolioReport,
    history_points,
)
from financing.trends.repository import TrendRepository
from financing.trends.service import NplMonth, npl_month, window
from kopmod_shared.errors import ValidationProblem


async def fund_books(
    session: AsyncSession,
    repo: LoanRepository,
    fund_id: UUID,
    statuses: list[str] | None = None,
) -> list[LoanBook]:
    """The fund's loans (in ``statuses``, or all) with their transactions (404 for an unknown
    fund). The transactions come in one query with the ids as one array parameter."""
    await get_fund(session, fund_id)
    loans = await repo.loans_of_fund(fund_id, statuses)
    records = await repo.transactions_of_loans([loan.id for loan in loans])
    return [LoanBook(loan=loan, records=records[loan.id]) for loan in loans]


async def portfolio_report(
    session: AsyncSession,
    repo: LoanRepository,
    fund_id: UUID,
    *,
    date_from: date | None,
    date_to: date | None,
) -> PortfolioReport:
    """Open loans by collectibility, product and province on the business date, and the money
    that moved between ``date_from`` and ``date_to`` (default: the business date's month)."""
    books = await fund_books(session, repo, fund_id)
    today = await business_date(session, fund_id)
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
    return PortfolioReport(
        as_of=today,
        portfolio=portfolio(snapshots),
        date_from=start,
        date_to=end,
        flows=flows(replayed, start, end),
    )


async def position_history(
    session: AsyncSession, fund_id: UUID, *, date_from: date, date_to: date, step: str
) -> list[FundPoint]:
    """The fund's ledger balances at each point (entry dates up to and including it)."""
    await get_fund(session, fund_id)
    if date_to < date_from:
        raise ValidationProblem.for_field("query.date_to", "date_to is before date_from", "range")
    points = history_points(date_from, date_to, step)
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
            FundPoint(
                date=point,
                cash=bal(Account.cash),
                loans_receivable=bal(Account.loans_receivable),
                income=sum((bal(a) for a in INCOME_ACCOUNTS), ZERO),
                writeoff_losses=bal(Account.writeoff_losses),
                overpayments=bal(Account.overpayments),
                capital=bal(Account.capital),
            )
        )
    return out


async def cash_forecast(
    session: AsyncSession, repo: LoanRepository, fund_id: UUID, *, months: int
) -> CashForecast:
    """The unpaid part of every open loan's schedule by due month from the business date."""
    # Only open loans owe anything: closed ones' transactions are not even read.
    books = await fund_books(
        session, repo, fund_id, [LoanState.active.value, LoanState.overpaid.value]
    )
    today = await business_date(session, fund_id)
    positions = [b.replay() for b in books]
    return CashForecast(
        as_of=today,
        cash_now=await balance(session, fund_id, Account.cash),
        forecast=cash_back_forecast(positions, today, months),
    )


async def npl_trend(
    session: AsyncSession,
    fund_id: UUID,
    *,
    date_from: date | None,
    date_to: date | None,
    product_id: UUID | None,
    province_code: str | None,
) -> list[NplMonth]:
    """Each loan replayed to each month's end (the business date for the month it is in)."""
    today, months = await window(session, fund_id, date_from, date_to)
    loans = await TrendRepository(session).loans(
        fund_id, product_id=product_id, province_code=province_code
    )
    records = await LoanRepository(session).transactions_of_loans([loan.id for loan in loans])
    books = [LoanBook(loan=loan, records=records[loan.id]) for loan in loans]
    out = []
    for label, _, end in months:
        as_of = min(end, today)
        by_class = dict.fromkeys(range(1, 6), ZERO)
        counted = 0
        for book in books:
            if not book.records or min(r.value_date for r in book.records) > as_of:
                continue
            position = book.replay(until=as_of)
            if position.principal_outstanding <= 0:
                continue
            counted += 1
            collectibility = int(book.arrears(position, as_of).collectibility)
            by_class[collectibility] += position.principal_outstanding
        out.append(npl_month(label, as_of, counted, by_class))
    return out


async def due_soon(
    session: AsyncSession, fund_id: UUID, days: int
) -> tuple[date, date, list[dict[str, Any]]]:
    """Installments falling due from the business date on, from a replay of every open loan."""
    await get_fund(session, fund_id)
    today = await business_date(session, fund_id)
    until = today + timedelta(days=days)
    repo = LoanRepository(session)
    books = await fund_books(
        session, repo, fund_id, [LoanState.active.value, LoanState.overpaid.value]
    )
    out: list[dict[str, Any]] = []
    for book in books:
        for i in book.replay().installments:
            if today <= i.due_date <= until and i.unpaid_total > 0:
                out.append(
                    {
                        "loan_id": book.loan.id,
                        "cooperative_id": book.loan.cooperative_id,
                        "installment": i.number,
                        "due_date": i.due_date,
                        "unpaid": i.unpaid_total,
                    }
                )
    out.sort(key=lambda r: (r["due_date"], str(r["loan_id"]), r["installment"]))
    return today, until, out
