"""Promises to pay: what a cooperative in arrears promised the collecting officer (an amount by
a date). Kept or broken is derived from the repayments booked, never stored."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, String, Text, func
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from financing.models import Base
from kopmod_shared.ids import new_id
from kopmod_shared.money import MONEY_SQL


class PromiseToPay(Base):
    __tablename__ = "promises_to_pay"
    __table_args__ = (CheckConstraint("amount > 0", name="positive_amount"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    loan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loans.id"), index=True)
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"), index=True)
    # The business date it was made on, and the date the money was promised for.
    made_on: Mapped[date] = mapped_column(Date)
    promised_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(MONEY_SQL)
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
