"""What the marketplace answers about the deals between an offtaker and a cooperative:
proposals negotiated in turns, the contracts they become with their milestones, deliveries and
disputes. The marketplace declares its responses with these models and the console reads them
through ``kopmod_shared.clients.marketplace``. Every amount and quantity is a decimal string."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.money import MatchScore, Money, Proportion, Quantity
from kopmod_shared.schemas.market_records import PriceTerms
from kopmod_shared.schemas.market_views import DisputeStatus
from kopmod_shared.schemas.marketplace import ContractStatus, ScheduledDelivery


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
