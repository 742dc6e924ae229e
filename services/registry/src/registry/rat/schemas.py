"""RAT requests and answers, with the financial statements the meeting approved."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.money import Money, NonNegativeMoney
from registry.validation import PastDate, PeopleCount


class StatementsIn(BaseModel):
    """The financial statements the RAT approved (assets = liabilities + equity)."""

    model_config = ConfigDict(extra="forbid")

    assets: NonNegativeMoney
    liabilities: NonNegativeMoney
    equity: Money
    revenue: NonNegativeMoney


class RatIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    year: int = Field(ge=1900, le=2100, description="The financial year the RAT closes.")
    held_on: PastDate = Field(description="After the year ends (normally within 6 months).")
    attendance: PeopleCount = Field(description="Members present.")
    members_total: PeopleCount | None = None
    net_surplus: Money = Field(description="SHU (sisa hasil usaha); negative for a loss.")
    financials: StatementsIn | None = None
    note: str | None = Field(default=None, max_length=2000)


class StatementsOut(BaseModel):
    assets: Money
    liabilities: Money
    equity: Money
    revenue: Money


class RatOut(BaseModel):
    id: UUID
    cooperative_id: UUID
    year: int
    held_on: date
    attendance: int
    members_total: int | None
    net_surplus: Money
    financials: StatementsOut | None
    note: str | None
    recorded_by: str | None
    created_at: datetime
