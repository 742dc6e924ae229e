"""Funds and their double-entry ledger.

Accounts are fixed codes per fund (:class:`financing.ledger.accounts.Account`); an entry's lines
name the account by code. Entries and lines are append-only: corrections are reversing entries
(``reverses_entry_id``), never updates or deletes.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    String,
    Text,
    func,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column, relationship

from financing.models import Base
from kopmod_shared.ids import new_id
from kopmod_shared.money import MONEY_SQL


class Fund(Base):
    """A revolving fund (e.g. "Dana Bergulir 2026"): what it can lend is its cash account."""

    __tablename__ = "funds"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    currency: Mapped[str] = mapped_column(String(3), default="IDR")
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class JournalEntry(Base):
    __tablename__ = "journal_entries"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"), index=True)
    entry_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(50))
    memo: Mapped[str] = mapped_column(Text)
    loan_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), index=True)
    reference: Mapped[str | None] = mapped_column(String(200))
    reverses_entry_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("journal_entries.id"), unique=True
    )
    created_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    lines: Mapped[list[JournalLine]] = relationship(
        back_populates="entry", lazy="selectin", order_by="JournalLine.line_no"
    )


class JournalLine(Base):
    __tablename__ = "journal_lines"
    __table_args__ = (
        CheckConstraint("debit >= 0 AND credit >= 0", name="non_negative"),
        CheckConstraint("(debit = 0) <> (credit = 0)", name="one_side"),
        Index("ix_journal_lines_fund_account", "fund_id", "account"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("journal_entries.id"), index=True)
    # Denormalised from the entry so balances are one indexed scan.
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"))
    line_no: Mapped[int]
    # The loan the line belongs to: the entry's loan, except in an entry that moves money
    # between two loans (a reschedule moves principal from the closed loan to its successor).
    loan_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), index=True)
    account: Mapped[str] = mapped_column(String(40))
    debit: Mapped[Decimal] = mapped_column(MONEY_SQL, default=Decimal(0))
    credit: Mapped[Decimal] = mapped_column(MONEY_SQL, default=Decimal(0))

    entry: Mapped[JournalEntry] = relationship(back_populates="lines")


class FundCash(Base):
    """The fund's cash (debits minus credits of its ``cash`` lines) as of the last roll-up.

    A trigger on ``journal_lines`` (migration ``d2f4b6a8c0e1``) adds each statement's cash lines
    per fund as a row of ``fund_cash_deltas``, an insert that never waits on another writer; a
    cash check, under the fund's lock, moves the deltas into this row
    (``ledger.repository.roll_cash``) and reads it, and end of day rolls them after each closed
    day. What a cash check reads is therefore bounded by the fund's cash movements since the
    check or business day before, not by its whole history; the fund's cash
    is always this row plus its deltas (``tests/ledger_checks.py`` checks that against the
    lines)."""

    __tablename__ = "fund_cash"

    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"), primary_key=True)
    cash: Mapped[Decimal] = mapped_column(MONEY_SQL)


class FundCashDelta(Base):
    """One statement's cash lines of one fund, not yet rolled into :class:`FundCash`."""

    __tablename__ = "fund_cash_deltas"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    # No foreign key: the journal lines it sums already name the fund.
    fund_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), index=True)
    amount: Mapped[Decimal] = mapped_column(MONEY_SQL)


class Commitment(Base):
    """Money promised by an approval and not yet disbursed (off the balance sheet).

    ``amount - drawn`` is still committed until the commitment is released (withdrawal,
    cancellation) or fully drawn by disbursements.
    """

    __tablename__ = "fund_commitments"
    __table_args__ = (
        CheckConstraint("drawn >= 0 AND drawn <= amount", name="drawn_within_amount"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"), index=True)
    application_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), unique=True)
    loan_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), unique=True)
    amount: Mapped[Decimal] = mapped_column(MONEY_SQL)
    drawn: Mapped[Decimal] = mapped_column(MONEY_SQL, default=Decimal(0))
    released_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
