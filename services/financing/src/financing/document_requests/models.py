"""Document requests: which document a fund officer asked an applicant for, by when, and the
document that answered it."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, Text, func, text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from financing.models import Base
from kopmod_shared.ids import new_id


class RequestStatus(StrEnum):
    open = "open"
    # A document of the asked kind was attached after the request was made.
    fulfilled = "fulfilled"


class DocumentRequest(Base):
    """One document asked of an applicant. The cooperative is the application's (never copied
    here), so a request follows the application when a restructuring moves it."""

    __tablename__ = "document_requests"
    __table_args__ = (
        # The applicant's "what is still open" and the fulfilment on upload read these.
        Index(
            "ix_document_requests_open",
            "application_id",
            "kind",
            postgresql_where=text("status = 'open'"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=RequestStatus.open.value)
    requested_by: Mapped[str] = mapped_column(String(200))
    requested_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    fulfilled_by_document_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("application_documents.id")
    )
    fulfilled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
