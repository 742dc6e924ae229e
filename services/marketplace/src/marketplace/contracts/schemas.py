"""Contract, milestone, delivery and dispute requests and answers, and a cooperative's
fulfilment."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import PositiveQuantity, Proportion, Quantity
from kopmod_shared.schemas.market_deals import (
    ContractOut as ContractOut,
)
from kopmod_shared.schemas.market_deals import (
    DeliveryOut as DeliveryOut,
)
from kopmod_shared.schemas.market_deals import (
    DeliveryStatus as DeliveryStatus,
)
from kopmod_shared.schemas.market_deals import (
    DisputeOut as DisputeOut,
)
from kopmod_shared.schemas.market_deals import (
    MilestoneOut as MilestoneOut,
)


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
