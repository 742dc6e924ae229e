"""The registry's audit trail: one row per command (cooperatives, RATs, restructurings, API
clients, people, memberships, webhooks ...), refusals included."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Index, Integer, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from kopmod_shared.ids import new_id
from registry.models import Base


class AuditRecord(Base):
    __tablename__ = "audit_records"
    __table_args__ = (
        # The searches: newest first overall, by who acted, by what was acted on.
        Index("ix_audit_records_at_id", "at", "id"),
        Index("ix_audit_records_actor_at", "actor", "at"),
        Index("ix_audit_records_target_at", "target_id", "at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    # The person when a person signed in, the client otherwise (Principal.actor).
    actor: Mapped[str] = mapped_column(String(200))
    actor_client: Mapped[str | None] = mapped_column(String(200))
    actor_role: Mapped[str] = mapped_column(String(30))
    actor_org_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    action: Mapped[str] = mapped_column(String(60))
    method: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(String(500))
    target_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    request: Mapped[dict[str, Any]] = mapped_column(JSONB)
    outcome: Mapped[str] = mapped_column(String(20))
    status_code: Mapped[int] = mapped_column(Integer)
    problem_type: Mapped[str | None] = mapped_column(String(200))
    detail: Mapped[str | None] = mapped_column(Text)
    request_id: Mapped[str | None] = mapped_column(String(100))
