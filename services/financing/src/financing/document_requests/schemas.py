"""Document requests on the wire: what an officer sends, what the applicant and staff read."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from financing.applications.schemas import DocumentKind
from financing.document_requests.models import RequestStatus
from kopmod_shared.dates import BoundedDate


class DocumentRequestCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: DocumentKind = Field(description="The kind of document asked for.")
    note: str = Field(
        min_length=1,
        max_length=2000,
        description="What the fund needs and why, said to the applicant (e.g. which months of "
        "bank statements).",
        examples=["Rekening koran Juni-November 2026, semua halaman."],
    )
    due_on: BoundedDate = Field(description="The day the fund needs it by; today or later.")


class DocumentRequestOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    application_id: UUID
    cooperative_id: UUID = Field(description="The applicant (the application's cooperative).")
    kind: DocumentKind
    note: str
    due_on: date
    status: RequestStatus
    requested_by: str
    requested_at: datetime
    fulfilled_by_document_id: UUID | None = Field(
        default=None, description="The document whose upload fulfilled the request."
    )
    fulfilled_at: datetime | None = None
