"""The annual meetings table: one RAT per cooperative and financial year, with the statements it
approved."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from kopmod_shared.ids import new_id
from kopmod_shared.money import MONEY_SQL
from registry.models import Base


class AnnualMeeting(Base):
    """A RAT (rapat anggota tahunan) for one financial year, with the statements it approved."""

    __tablename__ = "annual_meetings"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    cooperative_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cooperatives.id", ondelete="CASCADE")
    )
    year: Mapped[int] = mapped_column(Integer)
    held_on: Mapped[date] = mapped_column(Date)
    attendance: Mapped[int] = mapped_column(Integer)
    members_total: Mapped[int | None] = mapped_column(Integer)
    net_surplus: Mapped[Decimal] = mapped_column(MONEY_SQL)
    assets: Mapped[Decimal | None] = mapped_column(MONEY_SQL)
    liabilities: Mapped[Decimal | None] = mapped_column(MONEY_SQL)
    equity: Mapped[Decimal | None] = mapped_column(MONEY_SQL)
    revenue: Mapped[Decimal | None] = mapped_column(MONEY_SQL)
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        UniqueConstraint("cooperative_id", "year", name="uq_annual_meetings_cooperative_year"),
        CheckConstraint(
            "(assets IS NULL) = (liabilities IS NULL) AND (assets IS NULL) = (equity IS NULL) "
            "AND (assets IS NULL) = (revenue IS NULL)",
            name="statements_complete",
        ),
    )
