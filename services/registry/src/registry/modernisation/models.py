"""Modernisation stages (a cooperative's steps through the programme's phases) and mentoring
records."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ARRAY, Date, DateTime, ForeignKey, Integer, String, Text, func
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from kopmod_shared.ids import new_id
from kopmod_shared.schemas.registry import ModernisationPhase
from registry.enums import db_enum
from registry.models import Base


class ModernisationStage(Base):
    """One step of a cooperative through the programme's phases; the newest is the current one."""

    __tablename__ = "modernisation_stages"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    cooperative_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cooperatives.id", ondelete="CASCADE"), index=True
    )
    cohort_year: Mapped[int] = mapped_column(Integer)
    phase: Mapped[ModernisationPhase] = mapped_column(
        db_enum(ModernisationPhase, "modernisation_phase")
    )
    started_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class MentoringRecord(Base):
    """Pendampingan: accompaniment towards capital, markets, governance or technology."""

    __tablename__ = "mentoring_records"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    cooperative_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cooperatives.id", ondelete="CASCADE"), index=True
    )
    focus: Mapped[list[str]] = mapped_column(ARRAY(String(30)))
    mentor: Mapped[str] = mapped_column(String(200))
    mentor_organisation: Mapped[str | None] = mapped_column(String(200))
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
