"""What the marketplace answers to the people of a cooperative or an offtaker about their market:
a demand's matching results with the reasons each cooperative was chosen, disputes with their
history, an offtaker's fulfilment per cooperative. The console reads these through
``kopmod_shared.clients.marketplace``; every number is a decimal string but distances."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from pydantic import BaseModel, Field

from kopmod_shared.money import Kilometres, Money, Percent, Proportion, Quantity, Share


class Reason(BaseModel):
    """One reason in words, with its numbers apart so a page can say it in its own language:
    ``code`` names the sentence, ``values`` fills it, ``text`` is the English sentence."""

    code: str = Field(
        description="`delivered_cost`, `price`, `distance`, `grade`, `capacity`, `window`, "
        "`reliability`, `certifications` for a chosen cooperative; `filtered`, `costlier`, "
        "`used_elsewhere` for one not chosen."
    )
    text: str = Field(description="The reason as an English sentence.")
    values: dict[str, Any] = Field(
        default_factory=dict,
        description="The numbers and names the sentence uses (decimal strings, dates, names).",
    )


class FactorScore(BaseModel):
    """One factor of the matching score: its value in [0, 1] and its weight in the total."""

    factor: str = Field(description="`distance`, `window`, `quantity`, `price`, `reliability`.")
    value: Share
    weight: Share


class ChosenCooperative(BaseModel):
    """One cooperative's part of the split, and why the matcher gave it that part."""

    cooperative_id: UUID
    cooperative_name: str
    offer_id: UUID
    proposal_id: UUID | None = Field(description="The proposal sent for this part, if any.")
    proposal_status: str | None = Field(description="Where that proposal stands now.")
    quantity: Quantity = Field(description="Allocated, in the demand's base unit.")
    share_of_demand: Percent = Field(description="Of the quantity the run had to allocate.")
    grade: str | None
    asking_price: Money = Field(description="The cooperative's asking price per base unit.")
    transport_cost: Money = Field(description="Estimated transport per base unit.")
    delivered_cost: Money = Field(description="Asking price plus transport, per base unit.")
    delivered_cost_rank: int = Field(
        description="1 for the lowest delivered cost among the cooperatives that passed the "
        "filters."
    )
    distance_km: Kilometres
    capacity: Quantity = Field(description="What the offer still had when the run was made.")
    reliability: Share | None = Field(
        description="Accepted over due on the cooperative's past contracts; null without history."
    )
    score: Share
    factors: list[FactorScore]
    reasons: list[Reason]


class NotChosen(BaseModel):
    """An offer the run considered for this demand and allocated nothing to, with the reason."""

    cooperative_id: UUID
    cooperative_name: str
    offer_id: UUID
    distance_km: Kilometres
    reason: Reason


class MatchingResults(BaseModel):
    """The latest matching run for a demand: the split across cooperatives and why."""

    demand_id: UUID
    run_id: UUID
    run_at: datetime
    scope: str = Field(description="`demand` (this demand alone) or `commodity` (a batch run).")
    status: str = Field(description="`optimal`, or `repaired` (minimum lots / order multiples).")
    method: str = Field(
        description="How the split is decided, in English: the matcher minimises the delivered "
        "cost (asking price plus transport) of the whole split under the offers' capacities, "
        "minimum lots and order multiples; the score explains the fit, it does not rank."
    )
    base_unit: str
    quantity_to_allocate: Quantity = Field(description="What the demand still needed then.")
    allocated_quantity: Quantity
    unmet_quantity: Quantity
    reference_price: Money = Field(description="The demand's reference price per base unit.")
    max_distance_km: Kilometres = Field(description="The demand's radius.")
    considered: int = Field(description="Offers the run looked at within the radius.")
    eligible: int = Field(description="Of those, offers that passed every hard filter.")
    chosen: list[ChosenCooperative] = Field(description="Largest part first.")
    not_chosen: list[NotChosen] = Field(
        description="Up to 20 offers within the radius that got nothing, nearest first."
    )


class DisputeStatus(StrEnum):
    open = "open"
    resolved = "resolved"


class DisputeView(BaseModel):
    """A dispute over a delivery, with the contract's parties and commodity."""

    id: UUID
    delivery_id: UUID
    contract_id: UUID
    commodity_code: str
    base_unit: str
    cooperative_id: UUID
    cooperative_name: str
    offtaker_id: UUID
    offtaker_name: str
    raised_by: str = Field(description="`cooperative` or `offtaker`.")
    reason: str
    claimed_quantity: Quantity
    status: DisputeStatus
    resolution: str | None
    awarded_quantity: Quantity | None
    resolved_by: str | None
    created_at: datetime
    resolved_at: datetime | None


class DisputeStep(BaseModel):
    """One step of a dispute's history, oldest first."""

    at: datetime
    actor: str = Field(description="`cooperative`, `offtaker` or `mediator`.")
    action: str = Field(description="`delivered` (the delivery as received), `raised`, `resolved`.")
    quantity: Quantity | None = Field(
        description="Delivered, claimed or awarded, in the base unit."
    )
    note: str | None = Field(description="Rejection reason, claim or resolution.")


class DisputeDelivery(BaseModel):
    delivered_on: date
    quantity_delivered: Quantity
    quantity_accepted: Quantity
    grade_at_receipt: str | None
    rejection_reason: str | None


class DisputeDetail(DisputeView):
    delivery: DisputeDelivery
    history: list[DisputeStep]


class DisputeViewPage(BaseModel):
    items: list[DisputeView]
    next_cursor: str | None = None


class CooperativeFulfilmentLine(BaseModel):
    """What one cooperative delivered to an offtaker of one commodity, over signed contracts."""

    cooperative_id: UUID
    cooperative_name: str
    commodity_code: str
    base_unit: str
    contracts: int = Field(description="Signed contracts (active, completed or terminated).")
    active_contracts: int
    contracted_quantity: Quantity
    due_quantity: Quantity = Field(description="Scheduled on milestones due by `as_of`.")
    accepted_on_due: Quantity = Field(description="Accepted against those milestones.")
    accepted_quantity: Quantity
    contracted_value: Money
    accepted_value: Money = Field(description="Accepted quantity at the contract prices.")
    fulfilment_rate: Proportion | None = Field(
        description="Accepted over due, capped at 1; null while nothing is due yet."
    )


class OfftakerFulfilment(BaseModel):
    """An offtaker's suppliers and how each has delivered."""

    offtaker_id: UUID
    as_of: date
    cooperatives: list[CooperativeFulfilmentLine] = Field(
        description="Per cooperative and commodity; lowest fulfilment first (nothing due last)."
    )
