"""Loan accounts and their money events.

``loans`` is the account a signed agreement (or an approved reschedule) opens;
``loan_transactions`` is every money event on it, append-only and reversed by a flag, whose replay
(:mod:`financing.replay.engine`) is the loan's truth; ``loan_accounts`` and
``loan_installment_balances`` are the loan's maintained state: what the last replay left behind,
rewritten in the same transaction as every command on the loan (``loans.service.refresh_account``)
and moved on by end of day in SQL (penalties, ageing, classification), so that end of day and the
fund reports read maintained rows and never replay. The transactions' allocation columns say where
each one's money went in that replay. The replay stays the truth: ``tests/reports`` prove the
maintained rows equal a full replay after a randomized history.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    Numeric,
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
from kopmod_shared.money import MONEY_SQL, RATE_SQL

ZERO_MONEY = Decimal("0.00")


class LoanStatus(StrEnum):
    """A loan's states: signing creates it ``pending_disbursement``, an approved reschedule
    opens a successor ``active``; the moves between them are ``financing.loans.states``."""

    pending_disbursement = "pending_disbursement"
    active = "active"
    overpaid = "overpaid"
    closed_obligations_met = "closed_obligations_met"
    closed_written_off = "closed_written_off"
    closed_rescheduled = "closed_rescheduled"


class Loan(Base):
    """A loan account. Signing an agreement creates the first; an approved reschedule closes a
    loan (``closed_rescheduled``) and opens its successor for the same application, linked by
    ``rescheduled_from_id`` (unique: a loan has at most one successor)."""

    __tablename__ = "loans"
    # End of day walks a fund's open loans in id order, chunk after chunk.
    __table_args__ = (Index("ix_loans_fund_id_id", "fund_id", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"), index=True)
    rescheduled_from_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("loans.id"), unique=True
    )
    # A successor's opening arrears: what its predecessor still owed on each installment when it
    # was rescheduled without capitalisation ({"due_date", "interest", "penalty", "fee"}).
    opening_arrears: Mapped[list[dict[str, str]]] = mapped_column(
        JSONB, default=list, server_default=text("'[]'::jsonb")
    )
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"), index=True)
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("products.id"), index=True)
    cooperative_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), index=True)
    province_code: Mapped[str] = mapped_column(String(2))
    approved_amount: Mapped[Decimal] = mapped_column(MONEY_SQL)
    # The rate the schedule uses (for profit sharing: the fund's expected share of the return).
    annual_rate: Mapped[Decimal] = mapped_column(RATE_SQL)
    tenor_periods: Mapped[int] = mapped_column(Integer)
    frequency: Mapped[str] = mapped_column(String(20))
    method: Mapped[str] = mapped_column(String(40))
    grace_periods: Mapped[int] = mapped_column(Integer, default=0)
    rounding: Mapped[Decimal] = mapped_column(Numeric(20, 2))
    allocation_order: Mapped[list[str]] = mapped_column(ARRAY(String(20)))
    arrears_tolerance_days: Mapped[int] = mapped_column(Integer, default=0)
    max_tranches: Mapped[int] = mapped_column(Integer, default=1)
    penalty_rate: Mapped[Decimal | None] = mapped_column(RATE_SQL)
    pattern: Mapped[str] = mapped_column(String(20), default="conventional")
    akad: Mapped[str | None] = mapped_column(String(20))
    profit_share_ratio: Mapped[Decimal | None] = mapped_column(RATE_SQL)
    tranche_plan: Mapped[list[dict[str, str]]] = mapped_column(JSONB, default=list)
    status: Mapped[str] = mapped_column(
        String(40), default=LoanStatus.pending_disbursement.value, index=True
    )
    signed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    signed_by: Mapped[str] = mapped_column(String(200))
    first_due_date: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


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
    # Where the money went in the loan's last replay (zero when reversed or not money in); a
    # backdated transaction or a reversal can move later ones' money, and the refresh rewrites
    # them. The flows report sums these.
    alloc_principal: Mapped[Decimal] = mapped_column(
        MONEY_SQL, default=ZERO_MONEY, server_default=text("0")
    )
    alloc_interest: Mapped[Decimal] = mapped_column(
        MONEY_SQL, default=ZERO_MONEY, server_default=text("0")
    )
    alloc_penalty: Mapped[Decimal] = mapped_column(
        MONEY_SQL, default=ZERO_MONEY, server_default=text("0")
    )
    alloc_fee: Mapped[Decimal] = mapped_column(
        MONEY_SQL, default=ZERO_MONEY, server_default=text("0")
    )
    alloc_overpayment: Mapped[Decimal] = mapped_column(
        MONEY_SQL, default=ZERO_MONEY, server_default=text("0")
    )
    alloc_recovered: Mapped[Decimal] = mapped_column(
        MONEY_SQL, default=ZERO_MONEY, server_default=text("0")
    )


class LoanAccount(Base):
    """A loan's maintained figures: the last replay's, rewritten by every command on the loan
    in its transaction, and moved on each business day by end of day."""

    __tablename__ = "loan_accounts"

    loan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loans.id"), primary_key=True)
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"), index=True)
    disbursed: Mapped[Decimal] = mapped_column(MONEY_SQL, default=Decimal(0))
    principal_outstanding: Mapped[Decimal] = mapped_column(MONEY_SQL, default=Decimal(0))
    interest_outstanding: Mapped[Decimal] = mapped_column(MONEY_SQL, default=Decimal(0))
    penalty_outstanding: Mapped[Decimal] = mapped_column(MONEY_SQL, default=Decimal(0))
    fee_outstanding: Mapped[Decimal] = mapped_column(
        MONEY_SQL, default=Decimal(0), server_default=text("0")
    )
    overpayment: Mapped[Decimal] = mapped_column(MONEY_SQL, default=Decimal(0))
    days_past_due: Mapped[int] = mapped_column(Integer, default=0)
    collectibility: Mapped[int] = mapped_column(Integer, default=1)
    # The due date of the oldest installment with principal or interest unpaid, whatever the
    # date: the loan is in arrears on any day after it (then past the tolerance), so ageing on
    # a given day needs no installment.
    arrears_from: Mapped[date | None] = mapped_column(Date)
    # The first installment still owing something that falls due on or after ``as_of``.
    next_due_date: Mapped[date | None] = mapped_column(Date)
    # Principal and interest already due before ``as_of`` and unpaid.
    overdue_principal: Mapped[Decimal] = mapped_column(
        MONEY_SQL, default=Decimal(0), server_default=text("0")
    )
    overdue_interest: Mapped[Decimal] = mapped_column(
        MONEY_SQL, default=Decimal(0), server_default=text("0")
    )
    # The value date of the loan's write-off (none when not written off).
    written_off_on: Mapped[date | None] = mapped_column(Date)
    as_of: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    # The fingerprint of the loan's non-reversed transactions (``loans.month_ends.fingerprint``:
    # how many, and the sum of their ids' hashes mod 2**60), kept with every change: end of
    # day's month-end row takes its digest from here instead of reading the loan's history.
    live_transactions: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    live_hash: Mapped[int] = mapped_column(BigInteger, default=0, server_default=text("0"))
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class LoanInstallmentBalance(Base):
    """What is still owed on each installment of a loan after its last replay (zero on one paid,
    written off or moved to a successor), kept with ``loan_accounts``. End of day adds its
    daily penalty to the oldest overdue one; the cash forecast sums them by due date."""

    __tablename__ = "loan_installment_balances"

    loan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loans.id"), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"))
    due_date: Mapped[date] = mapped_column(Date)
    principal: Mapped[Decimal] = mapped_column(MONEY_SQL)
    interest: Mapped[Decimal] = mapped_column(MONEY_SQL)
    penalty: Mapped[Decimal] = mapped_column(MONEY_SQL)
    fee: Mapped[Decimal] = mapped_column(MONEY_SQL)
    # The day it was paid in full (none while anything is owed on it, or once written off), and
    # whether what it owed moved to a successor loan at a reschedule: the financing summaries'
    # repayment record (paid on time, days late) is judged on these, without a replay.
    paid_on: Mapped[date | None] = mapped_column(Date)
    rescheduled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))


class LoanMonthEnd(Base):
    """A loan's principal outstanding and OJK class at the close of a month end: written by end
    of day when it closes a month's last day, and rewritten by a later command that changes
    what happened on or before it (a backdated transaction, a reversal, repriced penalties),
    which ``digest`` detects. The NPL trend sums these instead of replaying loans."""

    __tablename__ = "loan_month_ends"
    __table_args__ = (Index("ix_loan_month_ends_fund_month", "fund_id", "month_end"),)

    loan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loans.id"), primary_key=True)
    month_end: Mapped[date] = mapped_column(Date, primary_key=True)
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"))
    principal_outstanding: Mapped[Decimal] = mapped_column(MONEY_SQL)
    collectibility: Mapped[int] = mapped_column(Integer)
    # The fingerprint of the loan's non-reversed transactions valued on or before the month
    # end (``loans.month_ends.digest``: count and sum of their ids' hashes): when the
    # transactions differ, the row is stale.
    digest: Mapped[str] = mapped_column(String(32))
