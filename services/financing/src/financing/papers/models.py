"""Agreement signatures: who signed the akad for which party, and the hash of the terms they
signed (the canonical terms themselves are kept with it, so a paper copy can be checked)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, String, UniqueConstraint, func
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from financing.models import Base
from kopmod_shared.ids import new_id


class AgreementSignature(Base):
    """One party's signature on an application's akad (``cooperative`` or ``fund``), at most
    one per party. ``terms_hash`` is the SHA-256 of ``terms`` (canonical JSON) as signed."""

    __tablename__ = "agreement_signatures"
    __table_args__ = (UniqueConstraint("application_id", "party"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"), index=True)
    loan_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    party: Mapped[str] = mapped_column(String(20))
    terms_hash: Mapped[str] = mapped_column(String(64), index=True)
    terms: Mapped[dict[str, Any]] = mapped_column(JSONB)
    signed_by: Mapped[str] = mapped_column(String(200))
    signed_by_role: Mapped[str] = mapped_column(String(30))
    signed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
