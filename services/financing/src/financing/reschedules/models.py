"""Reschedule requests: a maker's proposed new tenor or grace, a checker's decision, and the
successor loan an approval opened."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from financing.models import Base
from kopmod_shared.ids import new_id


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
