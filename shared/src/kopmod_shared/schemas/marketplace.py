"""What the marketplace answers to other services."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, Field

from kopmod_shared.money import Money, Quantity


class ContractStatus(StrEnum):
    pending = "pending"  # accepted, quantities committed, awaiting the offtaker's confirmation
    active = "active"  # signed by both parties
    completed = "completed"
    terminated = "terminated"
    cancelled = "cancelled"


class MilestoneStatus(StrEnum):
    scheduled = "scheduled"
    partially_delivered = "partially_delivered"
    delivered = "delivered"
    missed = "missed"


class ScheduledDelivery(BaseModel):
    seq: int
    due_date: date
    quantity: Quantity
    delivered_quantity: Quantity
    accepted_quantity: Quantity
    status: MilestoneStatus


class ContractSummary(BaseModel):
    """A partnership contract (kemitraan) as evidence of a secured market, e.g. for financing."""

    id: UUID
    status: ContractStatus
    offtaker_id: UUID
    offtaker_name: str
    cooperative_id: UUID
    cooperative_name: str
    commodity_code: str
    base_unit: str = Field(description="Unit of every quantity here.")
    quantity: Quantity
    unit_price: Money = Field(description="Rupiah per base unit.")
    value: Money = Field(description="Contract value: quantity times unit price.")
    delivered_quantity: Quantity
    accepted_quantity: Quantity
    delivered_value: Money = Field(description="Value of the quantity accepted so far.")
    remaining_value: Money = Field(description="Value still to be delivered and accepted.")
    fulfilment_rate: float = Field(description="Accepted quantity over contract quantity.")
    payment_days: int
    signed_at: datetime | None
    schedule: list[ScheduledDelivery]
