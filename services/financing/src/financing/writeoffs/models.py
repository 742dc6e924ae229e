"""Write-off requests: a maker's proposal to write a loan off, a committee checker's decision,
and the write-off transaction an approval recorded."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text, func
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from financing.models import Base
from kopmod_shared.ids import new_id


class WriteOffRequest(Base):
    """A proposal to write a loan off (fund officer or committee member: the maker), approved
    or declined by a committee member who is another person (the checker)."""

    __tablename__ = "loan_write_off_requests"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    loan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loans.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))  # proposed, approved, declined
    reason: Mapped[str] = mapped_column(Text)
    requested_by: Mapped[str] = mapped_column(String(200))
    requested_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decision_note: Mapped[str | None] = mapped_column(Text)
    # The write-off transaction an approval recorded.
    transaction_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
