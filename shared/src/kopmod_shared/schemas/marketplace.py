"""What the marketplace answers to other services."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, Field

from kopmod_shared.money import Money, Proportion, Quantity


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
    fulfilment_rate: Proportion = Field(description="Accepted quantity over contract quantity.")
    payment_days: int
    signed_at: datetime | None
    schedule: list[ScheduledDelivery]


class MarketSummary(BaseModel):
    """A cooperative's market record in one read, for other services (e.g. the registry's
    modernisation scorecard): ``GET /v1/cooperatives/{id}/market-summary``.

    "Signed" contracts are those ever signed by both parties (active, completed, terminated):
    the market the cooperative actually secured; pending and cancelled ones only show in
    ``contracts_by_status``.
    """

    cooperative_id: UUID
    as_of: date
    contracts_total: int = Field(description="Every contract, in any status.")
    contracts_by_status: dict[str, int] = Field(
        description="Count per contract status (only statuses with at least one)."
    )
    signed_contracts: int
    domestic_contracts: int = Field(description="Signed contracts for domestic demand.")
    export_contracts: int = Field(description="Signed contracts for export demand.")
    active_contracts: int
    distinct_offtakers: int = Field(description="Offtakers of the signed contracts.")
    active_offtakers: int = Field(description="Offtakers of the active contracts.")
    contracted_value: Money = Field(description="Value of the signed contracts.")
    active_contracted_value: Money = Field(description="Value of the active contracts.")
    delivered_value: Money = Field(description="Value accepted so far under signed contracts.")
    fulfilment_rate: Proportion | None = Field(
        description="Quantity accepted against milestones due by `as_of` over the quantity due "
        "(capped at 1); null when nothing was due yet."
    )
    commodities: list[str] = Field(description="Commodity codes sold under signed contracts.")
    offers_recent: int = Field(
        default=0,
        description="Supply offers the cooperative posted in the 365 days before `as_of` "
        "(technology adoption: it sells through the platform).",
    )
    deliveries_recent: int = Field(
        default=0,
        description="Deliveries recorded under its contracts in the 365 days before `as_of`.",
    )
    webhook_endpoints: int = Field(
        default=0,
        description="Enabled webhook endpoints the cooperative subscribed at the marketplace.",
    )


class MarketSummaryPage(BaseModel):
    """Summaries of several cooperatives (``GET /v1/market-summaries``)."""

    items: list[MarketSummary]
    next_cursor: str | None = None


class DeliveryRecorded(BaseModel):
    """Data of the ``marketplace.delivery.recorded`` event: one delivery received under a
    contract, what the offtaker accepted of it and what that is worth at the contract price."""

    contract_id: UUID
    delivery_id: UUID
    cooperative_id: UUID | None = None
    offtaker_id: UUID | None = None
    milestone_seq: int
    delivered_on: date | None = None
    quantity_delivered: Quantity
    quantity_accepted: Quantity
    base_unit: str
    unit_price: Money | None = Field(default=None, description="Rupiah per base unit.")
    accepted_value: Money | None = Field(
        default=None, description="Accepted quantity times the unit price."
    )


class ProposalReminder(BaseModel):
    """``marketplace.proposal.countered`` and ``marketplace.proposal.expired``."""

    proposal_id: UUID
    demand_id: UUID
    cooperative_id: UUID
    offtaker_id: UUID
    status: str
    turn: str | None = Field(default=None, description="Whose answer is awaited (countered).")
    expires_at: datetime


class MilestoneDue(BaseModel):
    """``marketplace.contract.milestone_due``: a delivery milestone falls due soon."""

    contract_id: UUID
    cooperative_id: UUID
    offtaker_id: UUID
    milestone_seq: int
    due_date: date
    quantity: Quantity
    base_unit: str
    days: int = Field(description="Days from the sweep's day to the due date.")
