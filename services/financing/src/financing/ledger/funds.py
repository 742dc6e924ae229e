"""Fund-level commands and reports built on the ledger primitives: the rules, no SQL."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.ledger.models import Fund, JournalEntry
from financing.ledger.repository import LedgerRepository
from financing.ledger.schemas import (
    AccountStatement,
    CapitalInjection,
    FundCreate,
    StatementLine,
    TrialBalance,
    TrialBalanceRow,
)
from financing.ledger.service import Account, Line, Posting, lock_fund, natural, post_entry
from kopmod_shared.errors import Conflict, NotFound

ZERO = Decimal("0.00")


async def create_fund(session: AsyncSession, data: FundCreate, actor: str) -> Fund:
    repo = LedgerRepository(session)
    if await repo.fund_by_code(data.code) is not None:
        raise Conflict(f"fund code {data.code} is taken", field="code")
    fund = Fund(code=data.code, name=data.name, currency="IDR", created_by=actor)
    await repo.add(fund)
    return fund


async def get_fund(session: AsyncSession, fund_id: UUID) -> Fund:
    fund = await LedgerRepository(session).fund(fund_id)
    if fund is None:
        raise NotFound(f"no fund {fund_id}")
    return fund


async def inject_capital(
    session: AsyncSession, fund_id: UUID, data: CapitalInjection, actor: str
) -> JournalEntry:
    await lock_fund(session, fund_id)
    return await post_entry(
        session,
        Posting(
            fund_id=fund_id,
            entry_date=data.entry_date,
            kind="capital_injection",
            memo=data.memo,
            reference=data.reference,
            lines=[
                Line(Account.cash, debit=data.amount),
                Line(Account.capital, credit=data.amount),
            ],
            created_by=actor,
        ),
    )


async def trial_balance(session: AsyncSession, fund_id: UUID, as_of: date | None) -> TrialBalance:
    await get_fund(session, fund_id)
    sums = await LedgerRepository(session).account_sums(fund_id, as_of=as_of)
    rows = []
    for account in Account:
        debits, credits = sums.get(account.value, (ZERO, ZERO))
        debits, credits = debits.quantize(ZERO), credits.quantize(ZERO)
        rows.append(
            TrialBalanceRow(
                account=account,
                category=account.category,
                debits=debits,
                credits=credits,
                balance=natural(account, debits, credits),
                side="debit" if account.debit_normal else "credit",
            )
        )
    total_debits = sum((r.debits for r in rows), ZERO)
    total_credits = sum((r.credits for r in rows), ZERO)
    return TrialBalance(
        fund_id=fund_id,
        as_of=as_of,
        rows=rows,
        total_debits=total_debits,
        total_credits=total_credits,
        balanced=total_debits == total_credits,
    )


async def account_statement(
    session: AsyncSession,
    fund_id: UUID,
    account: Account,
    *,
    date_from: date | None,
    date_to: date | None,
    limit: int,
) -> AccountStatement:
    await get_fund(session, fund_id)
    repo = LedgerRepository(session)
    opening = ZERO
    if date_from is not None:
        d, c = await repo.sum_before(fund_id, account.value, date_from)
        opening = natural(account, d, c)
    rows = await repo.statement_lines(
        fund_id, account.value, date_from=date_from, date_to=date_to, limit=limit + 1
    )
    running = opening
    lines = []
    for line, entry in rows[:limit]:
        running += natural(account, line.debit, line.credit)
        lines.append(
            StatementLine(
                entry_id=entry.id,
                entry_date=entry.entry_date,
                kind=entry.kind,
                memo=entry.memo,
                reference=entry.reference,
                loan_id=line.loan_id or entry.loan_id,
                debit=line.debit,
                credit=line.credit,
                balance=running,
            )
        )
    return AccountStatement(
        fund_id=fund_id,
        account=account,
        date_from=date_from,
        date_to=date_to,
        opening_balance=opening,
        closing_balance=running,
        lines=lines,
        truncated=len(rows) > limit,
    )


async def reverse_capital_injection(
    session: AsyncSession, fund_id: UUID, entry_id: UUID, entry_date: date, memo: str, actor: str
) -> JournalEntry:
    """Correct a mistaken capital injection; other entries are reversed by their own module."""
    from financing.errors import InsufficientFundCash
    from financing.ledger.service import locked_cash, reverse_entry

    await lock_fund(session, fund_id)
    repo = LedgerRepository(session)
    entry = await repo.entry(entry_id)
    if entry is None or entry.fund_id != fund_id:
        raise NotFound(f"no journal entry {entry_id} in fund {fund_id}")
    if entry.kind != "capital_injection":
        raise Conflict(
            f"only capital injections are reversed here; a {entry.kind} is corrected by the "
            "operation that made it"
        )
    if await repo.reversal_of(entry_id) is not None:
        raise Conflict(f"journal entry {entry_id} is already reversed")
    amount = sum((x.debit for x in entry.lines if x.account == Account.cash.value), ZERO)
    cash = await locked_cash(session, fund_id)
    committed = await repo.committed(fund_id)
    if cash - amount < committed:
        raise InsufficientFundCash(
            f"reversing would leave cash {cash - amount} below committed {committed}"
        )
    return await reverse_entry(
        session, entry_id=entry_id, entry_date=entry_date, memo=memo, created_by=actor
    )
