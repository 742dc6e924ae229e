"""The loan account a signed agreement creates (kept in its own file: servicing extends it)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import ARRAY, Date, DateTime, ForeignKey, Integer, Numeric, String, func, text
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from financing.models import Base
from kopmod_shared.ids import new_id
from kopmod_shared.money import MONEY_SQL, RATE_SQL


class LoanStatus(StrEnum):
    """States after signing; part 1 only creates ``pending_disbursement``."""

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
