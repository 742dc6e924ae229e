"""Disbursement requests (amounts are decimal strings)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from financing.loans.schemas import Reference
from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import PositiveMoney


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DisbursementCreate(_In):
    amount: PositiveMoney = Field(description="This tranche; the total never exceeds approval.")
    value_date: BoundedDate | None = Field(
        default=None, description="Defaults to the fund's business date; never after it."
    )
    reference: Reference | None = None
    note: str | None = Field(default=None, max_length=500)
