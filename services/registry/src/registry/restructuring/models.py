"""Restructurings and their participants: which cooperatives were predecessors and which
successors of each merger, fusion or spin-off."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, ForeignKey, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from kopmod_shared.ids import new_id
from kopmod_shared.schemas.registry import RestructuringKind
from registry.enums import ParticipantRole, db_enum
from registry.models import Base


class Restructuring(Base):
    """One merger, fusion or spin-off: the event that links predecessors to successors."""

    __tablename__ = "restructurings"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    kind: Mapped[RestructuringKind] = mapped_column(
        db_enum(RestructuringKind, "restructuring_kind")
    )
    effective_on: Mapped[date] = mapped_column(Date)
    decree_number: Mapped[str | None] = mapped_column(String(100))
    reason: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(200))
    # Spin-off only: what other services move to the new cooperative (MovedAsset as JSON).
    moved_assets: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONB, default=list, server_default="[]"
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class RestructuringParticipant(Base):
    """A cooperative's part in a restructuring: predecessor (absorbed, fused, or the spin-off's
    parent) or successor (the absorbing or new cooperative, or the spun-off child)."""

    __tablename__ = "restructuring_participants"

    restructuring_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("restructurings.id", ondelete="CASCADE"), primary_key=True
    )
    cooperative_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cooperatives.id"), primary_key=True, index=True
    )
    role: Mapped[ParticipantRole] = mapped_column(db_enum(ParticipantRole, "participant_role"))
