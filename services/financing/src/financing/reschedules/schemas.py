"""Reschedule proposals, decisions and previews."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.money import Money


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RescheduleTerms(_In):
    tenor_periods: int = Field(ge=1, le=600, description="Periods of the new schedule.")
    grace_periods: int = Field(default=0, ge=0, le=120, description="Principal-free periods.")
    capitalise_arrears: bool = Field(
        default=False,
        description=(
            "Add interest accrued to the business date and unpaid charges to the new "
            "principal (they are earned on the closed loan); otherwise the successor loan "
            "opens with them still owed, each on its original due date, ahead of the new "
            "schedule."
        ),
    )


class RescheduleCreate(RescheduleTerms):
    reason: str = Field(min_length=3, max_length=1000)


class RescheduleDecision(_In):
    approve: bool
    note: str = Field(min_length=3, max_length=1000)


class InstallmentPreviewOut(BaseModel):
    number: int
    due_date: date
    principal: Money
    interest: Money
    total: Money
    balance_after: Money


class ReschedulePreviewOut(BaseModel):
    loan_id: UUID
    on: date
    principal_outstanding: Money
    capitalised_interest: Money
    capitalised_charges: Money
    new_principal: Money
    remaining_scheduled_interest: Money
    new_total_interest: Money
    installments: list[InstallmentPreviewOut]


class RescheduleOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    loan_id: UUID
    status: str
    on_date: date
    tenor_periods: int
    grace_periods: int
    capitalise_arrears: bool
    reason: str
    requested_by: str
    requested_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str | None
    successor_loan_id: UUID | None = Field(
        default=None, description="The loan an approval opened to continue this one."
    )
    preview: ReschedulePreviewOut


class FundRescheduleOut(RescheduleOut):
    """A reschedule request in a fund's list, with whose loan it is."""

    cooperative_id: UUID
    fund_id: UUID
