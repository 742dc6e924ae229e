"""Fund, capital, position and journal requests and answers (amounts are decimal strings)."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from financing.ledger.service import Account
from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import Money, PositiveMoney


class FundCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=2, max_length=40, pattern=r"^[A-Za-z0-9_.-]+$")
    name: str = Field(min_length=1, max_length=200)


class FundOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    code: str
    name: str
    currency: str
    created_at: datetime


class CapitalInjection(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount: PositiveMoney
    entry_date: BoundedDate
    memo: str = Field(min_length=1, max_length=500)
    reference: str | None = Field(default=None, max_length=200)


class JournalLineOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    account: Account
    debit: Money
    credit: Money
    loan_id: UUID | None = Field(
        default=None,
        description=(
            "The loan the line belongs to; differs from the entry's only when an entry moves "
            "money between loans (a reschedule moves principal to the successor loan)."
        ),
    )


class JournalEntryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    fund_id: UUID
    entry_date: date
    kind: str
    memo: str
    loan_id: UUID | None
    reference: str | None
    reverses_entry_id: UUID | None
    created_by: str | None
    created_at: datetime
    lines: list[JournalLineOut]


class ReverseEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entry_date: BoundedDate
    memo: str = Field(min_length=1, max_length=500)


class FundPositionOut(BaseModel):
    fund_id: UUID
    cash: Money = Field(description="Fund cash: the balance of the cash account.")
    committed: Money = Field(description="Approved and not yet disbursed.")
    available_to_commit: Money = Field(description="Cash minus committed: what can be approved.")
    principal_outstanding: Money = Field(description="Loans receivable.")
    income_to_date: Money = Field(description="Interest/margin, penalties, fees and recoveries.")
    writeoff_losses: Money
    overpayments: Money
    capital: Money
    narrowed: bool = Field(
        default=False,
        description="True when a filter (product, province, programme cohort) was given: "
        "committed, principal_outstanding, income_to_date, writeoff_losses and overpayments "
        "are then those of the loans and applications filtered; cash, available_to_commit and "
        "capital stay the fund's.",
    )


class TrialBalanceRow(BaseModel):
    account: Account
    category: str
    debits: Money
    credits: Money
    balance: Money = Field(description="On the account's normal side.")
    side: str = Field(description="`debit` or `credit`: the account's normal side.")


class TrialBalance(BaseModel):
    fund_id: UUID
    as_of: date | None
    rows: list[TrialBalanceRow]
    total_debits: Money
    total_credits: Money
    balanced: bool


class StatementLine(BaseModel):
    entry_id: UUID
    entry_date: date
    kind: str
    memo: str
    reference: str | None
    loan_id: UUID | None
    debit: Money
    credit: Money
    balance: Money = Field(description="Running balance on the account's normal side.")


class AccountStatement(BaseModel):
    fund_id: UUID
    account: Account
    date_from: date | None
    date_to: date | None
    opening_balance: Money
    closing_balance: Money
    lines: list[StatementLine]
    truncated: bool = Field(description="True when more lines exist than `limit`.")
