"""Posting to the ledger and reading balances: the rules, no SQL.

Every money movement is one balanced entry written in the caller's transaction, next to the change
it records. Entries are append-only; :func:`reverse_entry` is the only correction.

Cash checks (approvals committing money, disbursements spending it) must serialise per fund:
call :func:`lock_fund` first in the transaction; it takes the fund row ``FOR UPDATE``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.errors import InsufficientFundCash, UnbalancedEntry
from financing.ledger.models import Commitment, Fund, JournalEntry, JournalLine
from financing.ledger.repository import LedgerRepository
from kopmod_shared.errors import Conflict, NotFound
from kopmod_shared.ids import new_id
from kopmod_shared.money import MONEY

ZERO = Decimal(0)
CENT = Decimal("0.01")


class Account(StrEnum):
    """The fixed chart of accounts every fund has."""

    cash = "cash"  # fund cash: what can be lent
    loans_receivable = "loans_receivable"  # principal outstanding
    interest_income = "interest_income"  # interest, or margin / profit share under syariah
    penalty_income = "penalty_income"
    fee_income = "fee_income"
    recovery_income = "recovery_income"  # collected after a write-off
    writeoff_losses = "writeoff_losses"
    overpayments = "overpayments"  # owed back to the borrower
    capital = "capital"  # injected by the fund's owner

    @property
    def debit_normal(self) -> bool:
        return self in _DEBIT_NORMAL

    @property
    def category(self) -> str:
        return _CATEGORY[self]


_DEBIT_NORMAL = frozenset({Account.cash, Account.loans_receivable, Account.writeoff_losses})
_CATEGORY = {
    Account.cash: "asset",
    Account.loans_receivable: "asset",
    Account.interest_income: "income",
    Account.penalty_income: "income",
    Account.fee_income: "income",
    Account.recovery_income: "income",
    Account.writeoff_losses: "expense",
    Account.overpayments: "liability",
    Account.capital: "equity",
}
INCOME_ACCOUNTS = (
    Account.interest_income,
    Account.penalty_income,
    Account.fee_income,
    Account.recovery_income,
)


@dataclass(frozen=True)
class Line:
    account: Account
    debit: Decimal = ZERO
    credit: Decimal = ZERO
    # The loan this line belongs to when it is not the entry's (see ``JournalLine.loan_id``).
    loan_id: UUID | None = None


def natural(account: Account, debits: Decimal, credits: Decimal) -> Decimal:
    """Balance on the account's normal side (positive when normal)."""
    value = debits - credits if account.debit_normal else credits - debits
    return value.quantize(CENT)


def _check_lines(lines: list[Line]) -> None:
    if len(lines) < 2:
        raise UnbalancedEntry("a journal entry needs at least two lines")
    for n, line in enumerate(lines):
        Account(line.account)
        debit, credit = Decimal(line.debit), Decimal(line.credit)
        if debit < 0 or credit < 0:
            raise UnbalancedEntry(f"line {n}: amounts cannot be negative")
        if (debit == 0) == (credit == 0):
            raise UnbalancedEntry(f"line {n}: exactly one of debit or credit must be positive")
        if debit != debit.quantize(CENT) or credit != credit.quantize(CENT):
            raise UnbalancedEntry(f"line {n}: amounts have at most 2 decimals")
    debits = sum((Decimal(x.debit) for x in lines), ZERO)
    credits = sum((Decimal(x.credit) for x in lines), ZERO)
    if debits != credits:
        raise UnbalancedEntry(f"debits {debits} do not equal credits {credits}")


@dataclass(frozen=True)
class Posting:
    """One balanced entry to write: what it says and its lines. :meth:`rows` checks it
    (refuses unbalanced, empty or one-sided ones); :func:`post_entry` writes it through the
    session, a hot command with its other rows in one statement (:meth:`rows`).

    Each line belongs to the line's ``loan_id``, else to the entry's ``loan_id``."""

    fund_id: UUID
    entry_date: date
    kind: str
    memo: str
    lines: Sequence[Line]
    loan_id: UUID | None = None
    reference: str | None = None
    reverses_entry_id: UUID | None = None
    created_by: str | None = None

    def rows(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The entry and its lines as ``journal_entries`` and ``journal_lines`` rows, checked
        and not yet written (ids made here)."""
        lines = list(self.lines)
        _check_lines(lines)
        entry_id = new_id()
        entry = {
            "id": entry_id,
            "fund_id": self.fund_id,
            "entry_date": self.entry_date,
            "kind": self.kind,
            "memo": self.memo,
            "loan_id": self.loan_id,
            "reference": self.reference,
            "reverses_entry_id": self.reverses_entry_id,
            "created_by": self.created_by,
        }
        rows = [
            {
                "id": new_id(),
                "entry_id": entry_id,
                "fund_id": self.fund_id,
                "line_no": n,
                "loan_id": line.loan_id or self.loan_id,
                "account": Account(line.account).value,
                "debit": Decimal(line.debit).quantize(CENT),
                "credit": Decimal(line.credit).quantize(CENT),
            }
            for n, line in enumerate(lines)
        ]
        return entry, rows

    def journal_entry(self) -> JournalEntry:
        """The entry with its lines as ORM objects, checked and not yet written."""
        return entry_of(self.rows())


def entry_of(rows: tuple[dict[str, Any], list[dict[str, Any]]]) -> JournalEntry:
    """:meth:`Posting.rows` as ORM objects, to write through the session."""
    entry = JournalEntry(**rows[0])
    entry.lines = [JournalLine(**row) for row in rows[1]]
    return entry


async def post_entry(session: AsyncSession, posting: Posting) -> JournalEntry:
    """Write one balanced entry (refuses unbalanced, empty or one-sided ones)."""
    entry = posting.journal_entry()
    session.add(entry)
    await session.flush()
    return entry


async def reverse_entry(
    session: AsyncSession,
    *,
    entry_id: UUID,
    entry_date: date,
    memo: str,
    created_by: str | None = None,
) -> JournalEntry:
    """Post the mirror image of an entry (once; a reversal is never itself reversed)."""
    repo = LedgerRepository(session)
    original = await repo.entry(entry_id)
    if original is None:
        raise NotFound(f"no journal entry {entry_id}")
    if original.reverses_entry_id is not None:
        raise Conflict("a reversing entry cannot be reversed; post a new entry instead")
    if await repo.reversal_of(entry_id) is not None:
        raise Conflict(f"journal entry {entry_id} is already reversed")
    if entry_date < original.entry_date:
        raise Conflict("a reversal cannot be dated before the entry it reverses")
    return await post_entry(
        session,
        Posting(
            fund_id=original.fund_id,
            entry_date=entry_date,
            kind=f"{original.kind}_reversal",
            memo=memo,
            lines=[
                Line(Account(x.account), debit=x.credit, credit=x.debit, loan_id=x.loan_id)
                for x in original.lines
            ],
            loan_id=original.loan_id,
            reference=original.reference,
            reverses_entry_id=original.id,
            created_by=created_by,
        ),
    )


async def lock_fund(session: AsyncSession, fund_id: UUID) -> Fund:
    """``SELECT ... FOR NO KEY UPDATE`` on the fund: serialises every cash check on it."""
    fund = await LedgerRepository(session).fund(fund_id, for_update=True)
    if fund is None:
        raise NotFound(f"no fund {fund_id}")
    return fund


async def locked_cash(session: AsyncSession, fund_id: UUID) -> Decimal:
    """The fund's cash for a cash check, from its maintained row (call after :func:`lock_fund`;
    what it reads does not grow with the fund's history)."""
    return natural(Account.cash, await LedgerRepository(session).locked_cash(fund_id), ZERO)


async def balance(session: AsyncSession, fund_id: UUID, account: Account) -> Decimal:
    """The account's balance on its normal side (cash: positive when the fund has money)."""
    debits, credits = await LedgerRepository(session).account_sum(fund_id, Account(account).value)
    return natural(Account(account), debits, credits)


@dataclass(frozen=True)
class FundPosition:
    fund_id: UUID
    cash: Decimal
    committed: Decimal
    available_to_commit: Decimal
    principal_outstanding: Decimal
    income_to_date: Decimal
    writeoff_losses: Decimal
    overpayments: Decimal
    capital: Decimal
    narrowed: bool = False


async def position(
    session: AsyncSession,
    fund_id: UUID,
    *,
    product_id: UUID | None = None,
    province_code: str | None = None,
    cooperative_ids: Sequence[UUID] | None = None,
) -> FundPosition:
    """The fund's position. Narrowed to a product, a province or some cooperatives (a cohort),
    the loan book's figures (committed, principal outstanding, income, write-off losses,
    overpayments) are those loans' and applications'; cash, capital and what is available to
    commit stay the fund's (cash is not lent by cohort)."""
    repo = LedgerRepository(session)
    sums = await repo.account_sums(fund_id)
    filters = {
        "product_id": product_id,
        "province_code": province_code,
        "cooperative_ids": cooperative_ids,
    }
    narrowed = any(v is not None for v in filters.values())
    book = await repo.loan_book_sums(fund_id, **filters) if narrowed else sums

    def bal(account: Account, source: dict[str, tuple[Decimal, Decimal]] = sums) -> Decimal:
        d, c = source.get(account.value, (ZERO, ZERO))
        return natural(account, d, c)

    cash = bal(Account.cash)
    committed = (await repo.committed(fund_id)).quantize(CENT)
    shown = (await repo.committed_of(fund_id, **filters)).quantize(CENT) if narrowed else committed
    return FundPosition(
        fund_id=fund_id,
        cash=cash,
        committed=shown,
        available_to_commit=cash - committed,
        principal_outstanding=bal(Account.loans_receivable, book),
        income_to_date=sum((bal(a, book) for a in INCOME_ACCOUNTS), ZERO).quantize(CENT),
        writeoff_losses=bal(Account.writeoff_losses, book),
        overpayments=bal(Account.overpayments, book),
        capital=bal(Account.capital),
        narrowed=narrowed,
    )


async def commit_funds(
    session: AsyncSession, *, fund_id: UUID, application_id: UUID, amount: Decimal
) -> Commitment:
    """Commit ``amount`` for an approval; committed never exceeds cash, even under races."""
    await lock_fund(session, fund_id)
    repo = LedgerRepository(session)
    cash = await locked_cash(session, fund_id)
    committed = await repo.committed(fund_id)
    if committed + amount > cash:
        raise InsufficientFundCash(
            f"approving {amount} would commit {committed + amount} against cash {cash}",
            cash=MONEY.format(cash),
            committed=MONEY.format(committed),
            available=MONEY.format(cash - committed),
            requested=MONEY.format(amount),
        )
    commitment = Commitment(
        fund_id=fund_id, application_id=application_id, amount=amount, drawn=ZERO
    )
    await repo.add(commitment)
    return commitment


async def attach_loan(session: AsyncSession, *, application_id: UUID, loan_id: UUID) -> None:
    commitment = await LedgerRepository(session).commitment_for_application(application_id)
    if commitment is None:
        raise NotFound(f"no commitment for application {application_id}")
    commitment.loan_id = loan_id
    await session.flush()


async def draw_commitment(session: AsyncSession, *, loan_id: UUID, amount: Decimal) -> Commitment:
    """A disbursement uses part of the commitment (call after :func:`lock_fund`)."""
    commitment = check_draw(
        await LedgerRepository(session).commitment_for_loan(loan_id), loan_id=loan_id, amount=amount
    )
    commitment.drawn += amount
    await session.flush()
    return commitment


def check_draw(commitment: Commitment | None, *, loan_id: UUID, amount: Decimal) -> Commitment:
    """The loan's commitment if ``amount`` may be drawn from it; refused when there is none,
    it was released or it does not cover the amount."""
    if commitment is None:
        raise NotFound(f"no commitment for loan {loan_id}")
    if commitment.released_at is not None or commitment.drawn + amount > commitment.amount:
        raise Conflict(
            f"disbursing {amount} exceeds what remains committed "
            f"({commitment.amount - commitment.drawn})"
        )
    return commitment


async def undraw_commitment(session: AsyncSession, *, loan_id: UUID, amount: Decimal) -> Commitment:
    """An undone disbursement gives its amount back to the commitment."""
    commitment = await LedgerRepository(session).commitment_for_loan(loan_id)
    if commitment is None:
        raise NotFound(f"no commitment for loan {loan_id}")
    if amount > commitment.drawn:
        raise Conflict("cannot give back more than was drawn")
    commitment.drawn -= amount
    await session.flush()
    return commitment


async def release_commitment(
    session: AsyncSession, *, application_id: UUID | None = None, loan_id: UUID | None = None
) -> Commitment | None:
    """Stop committing what is left (withdrawn approval, cancelled or closed loan)."""
    repo = LedgerRepository(session)
    if application_id is not None:
        commitment = await repo.commitment_for_application(application_id)
    elif loan_id is not None:
        commitment = await repo.commitment_for_loan(loan_id)
    else:
        raise ValueError("application_id or loan_id is required")
    if commitment is not None and commitment.released_at is None:
        commitment.released_at = datetime.now(UTC)
        await session.flush()
    return commitment
