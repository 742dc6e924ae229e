"""The work queues over HTTP (each also as CSV with ``?format=csv``)."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import Money, PositiveMoney


class QueuedApplicationOut(BaseModel):
    application_id: UUID
    cooperative_id: UUID
    fund_id: UUID
    product_id: UUID
    province_code: str | None
    status: str
    amount: Money
    in_state_since: datetime
    age_days: int = Field(description="Whole days in the current state.")
    holder: str | None = Field(
        description="Who holds it: the last reviewer during review (null: nobody yet), "
        "`committee`, `cooperative` (approved: to sign) or `system` (eligibility)."
    )


class CollectionRowOut(BaseModel):
    loan_id: UUID
    cooperative_id: UUID
    product_id: UUID
    province_code: str
    days_past_due: int
    collectibility: int = Field(description="OJK class 2-5 (1-90, 91-120, 121-180, >180 days).")
    principal_outstanding: Money
    interest_outstanding: Money
    penalty_outstanding: Money
    promised_on: date | None = Field(description="The latest promise to pay: its date.")
    promised_amount: Money | None


class CollectionOut(BaseModel):
    fund_id: UUID
    as_of: date
    rows: list[CollectionRowOut]


class DueRowOut(BaseModel):
    loan_id: UUID
    cooperative_id: UUID
    installment: int
    due_date: date
    unpaid: Money


class DueOut(BaseModel):
    fund_id: UUID
    date_from: date
    date_to: date
    rows: list[DueRowOut]
    total: Money


class PromiseCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    promised_on: BoundedDate = Field(description="On or after the fund's business date.")
    amount: PositiveMoney
    note: str | None = Field(default=None, max_length=2000)


class PromiseOut(BaseModel):
    id: UUID
    loan_id: UUID
    fund_id: UUID
    made_on: date
    promised_on: date
    amount: Money
    note: str | None
    recorded_by: str
    paid: Money = Field(description="Received on the loan from the day made to the day promised.")
    status: str = Field(description="`open`, `kept` (paid covers it) or `broken` (date passed).")
