"""Servicing's tables: loan transactions (append-only, reversed by a flag), the per-loan snapshot
replays leave behind, each fund's business date and end-of-day runs, and reschedule requests
(an approved one names the successor loan it opened).

Installment paid amounts are not stored: they are derived by replaying the transactions.
``loan_accounts`` is a snapshot of the last replay (for portfolio queries and the ledger check's
``loan_outstanding_principal`` view), rewritten after every command on the loan.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from financing.models import Base
from kopmod_shared.ids import new_id
from kopmod_shared.money import MONEY_SQL


class LoanTransactionRecord(Base):
    """One money event on a loan. Never updated except to mark it reversed."""

    __tablename__ = "loan_transactions"
    __table_args__ = (
        CheckConstraint("amount > 0", name="positive_amount"),
        # The paying partner's reference identifies a payment: twice is the same payment.
        UniqueConstraint("loan_id", "external_reference", name="uq_loan_transactions_reference"),
        # One end-of-day penalty per loan and day.
        Index(
            "uq_loan_transactions_daily_penalty",
            "loan_id",
            "value_date",
            unique=True,
            postgresql_where=text("kind = 'penalty_charge' AND reversed_at IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    # Replay order within a value date: the order transactions were recorded in.
    seq: Mapped[int] = mapped_column(BigInteger, Identity(), unique=True)
    loan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loans.id"), index=True)
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    value_date: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(MONEY_SQL)
    external_reference: Mapped[str | None] = mapped_column(String(200))
    installment_number: Mapped[int | None] = mapped_column(Integer)
    # What a fee charge is for (e.g. ``administration``); empty for every other kind.
    charge_kind: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
    journal_entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("journal_entries.id"))
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    reversed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reversed_by: Mapped[str | None] = mapped_column(String(200))
    reversal_reason: Mapped[str | None] = mapped_column(Text)
    reversal_entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("journal_entries.id"))


class LoanAccount(Base):
    """The last replay's figures for a loan (derived; rewritten after every command)."""

    __tablename__ = "loan_accounts"

    loan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loans.id"), primary_key=True)
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"), index=True)
    disbursed: Mapped[Decimal] = mapped_column(MONEY_SQL, default=Decimal(0))
    principal_outstanding: Mapped[Decimal] = mapped_column(MONEY_SQL, default=Decimal(0))
    interest_outstanding: Mapped[Decimal] = mapped_column(MONEY_SQL, default=Decimal(0))
    penalty_outstanding: Mapped[Decimal] = mapped_column(MONEY_SQL, default=Decimal(0))
    overpayment: Mapped[Decimal] = mapped_column(MONEY_SQL, default=Decimal(0))
    days_past_due: Mapped[int] = mapped_column(Integer, default=0)
    collectibility: Mapped[int] = mapped_column(Integer, default=1)
    as_of: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class FundBusinessDate(Base):
    """The fund's logical date: what "today" is for its loans, moved only by end of day."""

    __tablename__ = "fund_business_dates"

    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"), primary_key=True)
    business_date: Mapped[date] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class EndOfDayRun(Base):
    """One closed business day of a fund (closing a day twice is refused by the key)."""

    __tablename__ = "end_of_day_runs"
    __table_args__ = (UniqueConstraint("fund_id", "business_date"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"), index=True)
    business_date: Mapped[date] = mapped_column(Date)
    loans_processed: Mapped[int] = mapped_column(Integer)
    penalties_charged: Mapped[Decimal] = mapped_column(MONEY_SQL)
    class_changes: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    run_by: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class RescheduleRequest(Base):
    """A proposed new tenor or grace for a loan's outstanding balance (maker), decided by a
    committee member who is not the maker (checker)."""

    __tablename__ = "loan_reschedules"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    loan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loans.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    on_date: Mapped[date] = mapped_column(Date)
    tenor_periods: Mapped[int] = mapped_column(Integer)
    grace_periods: Mapped[int] = mapped_column(Integer)
    capitalise_arrears: Mapped[bool] = mapped_column(Boolean, default=False)
    preview: Mapped[dict[str, Any]] = mapped_column(JSONB)
    reason: Mapped[str] = mapped_column(Text)
    requested_by: Mapped[str] = mapped_column(String(200))
    requested_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decision_note: Mapped[str | None] = mapped_column(Text)
    # The loan an approval opened (the request's loan is closed as rescheduled).
    successor_loan_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("loans.id"))
