"""Matching answers: candidates with their scores, exclusions with their reasons, allocations,
runs and replays."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.money import Kilometres, MatchScore, MatchWeight, Money, Quantity

FACTORS_DOC = (
    "Each factor in [0, 1]: `distance` (1 at the door, 0 at the radius), `window` (share of the "
    "demand's window the offer covers), `quantity` (share of the demand the offer could fill), "
    "`price` (0.5 at the offtaker's reference price, 1 at half of it, 0 at 1.5 times it), "
    "`reliability` (the cooperative's fulfilment rate on past contracts; 0.5 without history)."
)


class Candidate(BaseModel):
    offer_id: UUID
    cooperative_id: UUID
    cooperative_name: str
    grade: str | None
    remaining_quantity: Quantity
    asking_price: Money
    distance_km: Kilometres
    unit_cost: Money = Field(description="Asking price plus transport, per base unit.")
    score: MatchScore
    breakdown: dict[str, MatchScore] = Field(description=FACTORS_DOC)


class Excluded(BaseModel):
    offer_id: UUID
    cooperative_id: UUID
    reason: str


class AllocationOut(BaseModel):
    demand_id: UUID
    offer_id: UUID
    cooperative_id: UUID
    quantity: Quantity
    unit_cost: Money
    distance_km: Kilometres
    score: MatchScore
    breakdown: dict[str, MatchScore]
    proposal_id: UUID | None = None


class MatchPreview(BaseModel):
    demand_id: UUID
    weights: dict[str, MatchWeight]
    candidates: list[Candidate] = Field(description="Best score first.")
    excluded: list[Excluded] = Field(description="Nearby offers a hard filter removed, and why.")
    allocation: list[AllocationOut]
    allocated_quantity: Quantity
    unmet_quantity: Quantity
    supply_cost: Money
    status: str = Field(description="`optimal`, or `repaired` (minimum lots / order multiples).")


class MatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    propose: bool = Field(
        default=True, description="Create a proposal for every cooperative allocated."
    )


class RunCreate(MatchRequest):
    commodity_code: str = Field(max_length=40)


class RunOut(BaseModel):
    id: UUID
    scope: str
    commodity_code: str
    demand_id: UUID | None
    requested_by: str
    status: str
    objective: Money = Field(description="Supply cost plus penalties for unmet demand (rupiah).")
    supply_cost: Money
    allocated_quantity: Quantity
    unmet_quantity: Quantity
    parameters: dict[str, Any]
    stats: dict[str, Any]
    demands: int
    offers: int
    allocations: list[AllocationOut]
    created_at: datetime


class ReplayOut(BaseModel):
    run_id: UUID
    identical: bool = Field(description="Same allocations and objective as recorded.")
    recorded_objective: Money
    objective: Money
    allocations: list[AllocationOut]
