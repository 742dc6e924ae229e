"""Each fund's business date (what "today" is for its loans) and the business days end of
day has closed."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, UniqueConstraint, func
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from financing.models import Base
from kopmod_shared.ids import new_id
from kopmod_shared.money import MONEY_SQL


class FundBusinessDate(Base):
    """The fund's logical date: what "today" is for its loans, moved only by end of day."""

    __tablename__ = "fund_business_dates"

    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"), primary_key=True)
    business_date: Mapped[date] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class EndOfDayRun(Base):
    """One business day of a fund that end of day closed or is closing (closing a day twice is
    refused by the key).

    End of day commits in chunks of loans in id order; ``last_loan_id`` is the last loan a
    committed chunk closed, so a run that stopped half way resumes after it, and the day is
    closed when ``completed_at`` is set (with the business date moved on, in that same
    transaction)."""

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
    last_loan_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
