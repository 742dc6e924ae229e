"""The health assessments table: one row per cooperative and year, with score and category."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from kopmod_shared.ids import new_id
from kopmod_shared.schemas.registry import HealthCategory
from registry.enums import db_enum
from registry.models import Base


class HealthAssessment(Base):
    """A health assessment (penilaian kesehatan, Permenkop 9/2020) for one year."""

    __tablename__ = "health_assessments"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    cooperative_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cooperatives.id", ondelete="CASCADE")
    )
    year: Mapped[int] = mapped_column(Integer)
    score: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    category: Mapped[HealthCategory] = mapped_column(db_enum(HealthCategory, "health_category"))
    assessed_on: Mapped[date] = mapped_column(Date)
    assessor: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        UniqueConstraint("cooperative_id", "year", name="uq_health_assessments_cooperative_year"),
    )
