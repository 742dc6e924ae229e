"""Contract, milestone, delivery and dispute requests and answers, and a cooperative's
fulfilment."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import Money, PositiveQuantity, Proportion, Quantity
from kopmod_shared.schemas.market_views import DisputeStatus
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


class DeliveryNoticeCreate(BaseModel):
    """The cooperative's notice that it delivered."""

    model_config = ConfigDict(extra="forbid")

    milestone_id: UUID | None = Field(
        default=None,
        description="The milestone delivered against; the earliest open one if omitted.",
    )
    delivered_on: BoundedDate
    quantity_delivered: PositiveQuantity = Field(description="In the base unit.")
    note: str | None = Field(
        default=None, max_length=2000, description="E.g. the delivery note or truck number."
    )


class DeliveryReceipt(BaseModel):
    """The offtaker's answer to a notice. Omit ``quantity_accepted`` to accept all of it; 0
    rejects it all (say why in ``rejection_reason``)."""

    model_config = ConfigDict(extra="forbid")

    quantity_accepted: Quantity | None = Field(
        default=None, description="What passed inspection, in the base unit; all if omitted."
    )
    grade_at_receipt: str | None = Field(default=None, max_length=30)
    rejection_reason: str | None = Field(
        default=None, max_length=2000, description="Required when less is accepted than delivered."
    )


class DeliveryRejection(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rejection_reason: str = Field(min_length=1, max_length=2000)
    grade_at_receipt: str | None = Field(default=None, max_length=30)


class DeliveryStatus(StrEnum):
    notified = "notified"
    received = "received"
    rejected = "rejected"


class DeliveryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    contract_id: UUID
    milestone_id: UUID
    status: DeliveryStatus = Field(
        description="`notified`: the cooperative says it delivered, the offtaker has yet to "
        "answer (nothing counts yet). `received`: some or all accepted. `rejected`: none."
    )
    delivered_on: date
    quantity_delivered: Quantity
    quantity_accepted: Quantity = Field(description="0 while `notified`.")
    grade_at_receipt: str | None
    rejection_reason: str | None
    note: str | None = Field(description="The cooperative's note with its notice.")
    recorded_by: str
    received_by: str | None
    decided_at: datetime | None
    created_at: datetime


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
