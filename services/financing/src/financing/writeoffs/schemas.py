"""Write-off proposals, decisions and their answers."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WriteOffCreate(_In):
    reason: str = Field(min_length=3, max_length=500)


class WriteOffDecision(_In):
    approve: bool
    note: str = Field(min_length=3, max_length=1000)


class WriteOffRequestOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    loan_id: UUID
    status: str = Field(description="`proposed`, `approved` or `declined`.")
    reason: str
    requested_by: str
    requested_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str | None
    transaction_id: UUID | None = Field(
        default=None, description="The write-off transaction an approval recorded."
    )


class FundWriteOffOut(WriteOffRequestOut):
    """A write-off request in a fund's list, with whose loan it is."""

    cooperative_id: UUID
    fund_id: UUID
