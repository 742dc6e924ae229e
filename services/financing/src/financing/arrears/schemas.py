"""Business date and end-of-day requests and answers."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import Money


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BusinessDateSet(_In):
    business_date: BoundedDate


class EndOfDayCreate(_In):
    through: BoundedDate = Field(
        description=(
            "Close every business day up to and including this one. Days already closed are "
            "left alone, so running it again for the same date changes nothing (the date is "
            "required so that a retry never closes one more day)."
        ),
    )


class BusinessDateOut(BaseModel):
    fund_id: UUID
    business_date: date


class ClassChangeOut(BaseModel):
    loan_id: UUID
    from_class: int
    to_class: int
    days_past_due: int


class ClosedDayOut(BaseModel):
    business_date: date
    loans_processed: int
    penalties_charged: Money
    class_changes: list[ClassChangeOut]


class EndOfDayOut(BaseModel):
    fund_id: UUID
    business_date: date = Field(description="The fund's business date after the run.")
    closed: list[ClosedDayOut] = Field(description="Days closed by this call (empty on a retry).")
