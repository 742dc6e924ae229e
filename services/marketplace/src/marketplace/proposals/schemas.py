"""Proposal answers with their history, and the counter, decision and confirmation requests."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import PositiveMoney, PositiveQuantity
from kopmod_shared.schemas.market_deals import (
    Party as Party,
)
from kopmod_shared.schemas.market_deals import (
    ProposalEventOut as ProposalEventOut,
)
from kopmod_shared.schemas.market_deals import (
    ProposalOut as ProposalOut,
)
from kopmod_shared.schemas.market_deals import (
    ProposalStatus as ProposalStatus,
)


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
