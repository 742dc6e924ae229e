"""Committee decisions over HTTP."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kopmod_shared.money import PositiveMoney

Condition = Annotated[str, Field(min_length=1, max_length=500)]


class Outcome(StrEnum):
    approve = "approve"
    decline = "decline"
    send_back = "send_back"


class DecisionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: Outcome = Field(
        description=(
            "`approve` (the terms below, with conditions), `decline` (the application is "
            "rejected), or `send_back` to the officer's risk review with the reason (not a "
            "rejection: the officer answers and refers it again)."
        )
    )
    reason: str = Field(min_length=1, max_length=4000, description="The committee's minute.")
    conditions: list[Condition] = Field(
        default_factory=list,
        max_length=20,
        description="Conditions of an approval, printed on the akad (approve only).",
        examples=[["Jaminan fidusia atas mesin pengolah kopi sebelum pencairan tahap 2"]],
    )
    amount: PositiveMoney | None = Field(
        default=None, description="Approve only; default: requested."
    )
    tenor_periods: int | None = Field(default=None, ge=1, le=480)
    grace_periods: int | None = Field(default=None, ge=0, le=240)

    @model_validator(mode="after")
    def _terms_only_on_approval(self) -> DecisionCreate:
        if self.outcome is not Outcome.approve and (
            self.conditions
            or self.amount is not None
            or self.tenor_periods is not None
            or self.grace_periods is not None
        ):
            raise ValueError("conditions and terms belong to an approval only")
        return self


class DecisionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    application_id: UUID
    outcome: str = Field(description="`approved`, `declined` or `sent_back`.")
    reason: str
    conditions: list[str]
    decided_by: str
    decided_at: datetime
