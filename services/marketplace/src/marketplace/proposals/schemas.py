"""Proposal answers with their history, and the counter, decision and confirmation requests."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import MatchScore, Money, PositiveMoney, PositiveQuantity, Quantity


class ProposalStatus(StrEnum):
    proposed = "proposed"
    countered = "countered"
    accepted = "accepted"
    rejected = "rejected"
    expired = "expired"


class Party(StrEnum):
    cooperative = "cooperative"
    offtaker = "offtaker"


class ProposalEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    round: int
    actor: str
    action: str
    quantity: Quantity
    unit_price: Money
    window_start: date
    window_end: date
    note: str | None
    at: datetime


class ProposalOut(BaseModel):
    id: UUID
    run_id: UUID | None
    demand_id: UUID
    offer_id: UUID
    offtaker_id: UUID
    offtaker_name: str
    cooperative_id: UUID
    cooperative_name: str
    commodity_code: str
    base_unit: str
    quantity: Quantity
    unit_price: Money = Field(description="Rupiah per base unit.")
    value: Money
    window_start: date
    window_end: date
    status: ProposalStatus
    turn: Party | None = Field(description="Whose move it is; null once decided.")
    round: int
    expires_at: datetime = Field(
        description="When the terms on the table lapse unless the party whose turn it is answers."
    )
    score: MatchScore | None
    breakdown: dict[str, MatchScore] | None
    contract_id: UUID | None
    history: list[ProposalEventOut]


class Counter(BaseModel):
    """New terms; what is omitted stays as it is on the table."""

    model_config = ConfigDict(extra="forbid")

    quantity: PositiveQuantity | None = Field(default=None, description="In the base unit.")
    unit_price: PositiveMoney | None = None
    window_start: BoundedDate | None = None
    window_end: BoundedDate | None = None
    note: str | None = Field(default=None, max_length=2000)

    @model_validator(mode="after")
    def _something(self) -> Counter:
        if (
            self.quantity is None
            and self.unit_price is None
            and self.window_start is None
            and self.window_end is None
        ):
            raise ValueError("a counter-offer changes the quantity, the price or the window")
        return self


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str | None = Field(default=None, max_length=2000)


class MilestoneIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    due_date: BoundedDate
    quantity: PositiveQuantity


class Confirmation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    milestones: list[MilestoneIn] | None = Field(
        default=None,
        max_length=120,
        description="Delivery schedule replacing the default one; quantities must add up to the "
        "contract quantity.",
    )
