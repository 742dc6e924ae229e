"""Contract, milestone, delivery and dispute requests and answers, and a cooperative's
fulfilment."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import Money, PositiveQuantity, Proportion, Quantity
from kopmod_shared.schemas.marketplace import ContractStatus, ScheduledDelivery
from marketplace.demands.schemas import PriceTerms


class MilestoneOut(ScheduledDelivery):
    id: UUID


class ContractOut(BaseModel):
    id: UUID
    proposal_id: UUID
    demand_id: UUID
    offer_id: UUID
    offtaker_id: UUID
    offtaker_name: str
    cooperative_id: UUID
    cooperative_name: str
    commodity_code: str
    grade: str | None
    base_unit: str
    quantity: Quantity
    unit_price: Money
    value: Money
    price_terms: PriceTerms
    payment_days: int
    payment_terms: str | None
    incoterm: str | None
    incoterm_place: str | None
    delivered_quantity: Quantity
    accepted_quantity: Quantity
    fulfilment_rate: Proportion
    status: ContractStatus
    signed_at: datetime | None
    completed_at: datetime | None
    ended_at: datetime | None
    end_reason: str | None
    milestones: list[MilestoneOut]
    created_at: datetime


class Ending(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=2000)


class DeliveryCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    milestone_id: UUID | None = Field(
        default=None,
        description="The milestone delivered against; the earliest open one if omitted.",
    )
    delivered_on: BoundedDate
    quantity_delivered: PositiveQuantity = Field(description="In the base unit.")
    quantity_accepted: Quantity = Field(description="What passed inspection, in the base unit.")
    grade_at_receipt: str | None = Field(default=None, max_length=30)
    rejection_reason: str | None = Field(
        default=None, max_length=2000, description="Required when less is accepted than delivered."
    )


class DeliveryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    contract_id: UUID
    milestone_id: UUID
    delivered_on: date
    quantity_delivered: Quantity
    quantity_accepted: Quantity
    grade_at_receipt: str | None
    rejection_reason: str | None
    recorded_by: str
    created_at: datetime


class DisputeStatus(StrEnum):
    open = "open"
    resolved = "resolved"


class DisputeCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=2000)
    claimed_quantity: PositiveQuantity = Field(
        description="Rejected quantity the cooperative says should have been accepted."
    )


class DisputeResolution(BaseModel):
    model_config = ConfigDict(extra="forbid")

    resolution: str = Field(min_length=1, max_length=2000)
    awarded_quantity: Quantity = Field(
        description="Part of the claim now accepted (0 upholds the rejection)."
    )


class DisputeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    delivery_id: UUID
    contract_id: UUID
    raised_by: str
    reason: str
    claimed_quantity: Quantity
    status: DisputeStatus
    resolution: str | None
    awarded_quantity: Quantity | None
    resolved_by: str | None
    created_at: datetime
    resolved_at: datetime | None


class CooperativeFulfilment(BaseModel):
    cooperative_id: UUID
    contracts: int = Field(description="Signed contracts (active, completed or terminated).")
    contracted_quantity: Quantity
    due_quantity: Quantity = Field(description="Scheduled on milestones due by today.")
    accepted_on_due: Quantity
    accepted_quantity: Quantity
    fulfilment_rate: Proportion | None = Field(
        description="Accepted over due, capped at 1; null while nothing is due yet."
    )
    as_of: date
