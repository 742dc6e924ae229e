"""Bank-statement imports over HTTP: the preview and the outcome of each line."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.money import Money


class StatementLineOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    line_no: int
    value_date: date | None
    amount: Money | None
    reference: str | None
    description: str | None
    loan_id: UUID | None
    preview: str = Field(
        description="`matched` (will be booked), `already_booked`, `not_matched`, `invalid` or "
        "`duplicate_in_file`."
    )
    detail: str | None
    result: str | None = Field(
        description="After commit: `booked`, `already_booked`, `failed` (detail says why) or "
        "`skipped`; null before."
    )
    transaction_id: UUID | None


class StatementCounts(BaseModel):
    matched: int
    already_booked: int
    not_matched: int
    invalid: int
    duplicate_in_file: int
    booked: int
    failed: int
    matched_amount: Money


class StatementImportOut(BaseModel):
    id: UUID
    fund_id: UUID
    file_name: str
    checksum_sha256: str
    status: str = Field(description="`previewed` or `committed`.")
    uploaded_by: str
    uploaded_at: datetime
    committed_by: str | None
    committed_at: datetime | None
    counts: StatementCounts
    lines: list[StatementLineOut]
