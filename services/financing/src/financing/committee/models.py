"""Committee decisions: each decision the committee took on an application in committee, with
the conditions an approval attaches (printed on the akad) or the reason a send-back gives."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text, func, text
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from financing.models import Base
from kopmod_shared.ids import new_id


class CommitteeDecision(Base):
    """One decision: ``approved`` (with conditions), ``declined`` or ``sent_back`` to the
    officer's risk review. Written by a committee member who did not review the application."""

    __tablename__ = "committee_decisions"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    conditions: Mapped[list[str]] = mapped_column(
        JSONB, default=list, server_default=text("'[]'::jsonb")
    )
    decided_by: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
