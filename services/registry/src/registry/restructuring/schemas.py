"""Merger, fusion and spin-off requests, the recorded restructuring, and a cooperative's lineage."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.schemas.registry import CooperativeSummary, MovedAsset, RestructuringKind
from registry.cooperatives.schemas import CooperativeCreate
from registry.validation import PastDate

_REASON = Field(
    default=None,
    min_length=1,
    max_length=2000,
    description="Why; required when the successor is in another province than a predecessor.",
)


class _Common(BaseModel):
    model_config = ConfigDict(extra="forbid")

    effective_on: PastDate = Field(description="Date the amended articles took effect.")
    decree_number: str | None = Field(default=None, min_length=1, max_length=100)
    reason: str | None = _REASON
    note: str | None = Field(default=None, max_length=2000)


class MergerIn(_Common):
    """Penggabungan: ``predecessor_ids`` are absorbed into the existing ``successor_id``."""

    predecessor_ids: list[UUID] = Field(min_length=1, max_length=50)
    successor_id: UUID


class FusionIn(_Common):
    """Peleburan: two or more cooperatives dissolve into a new one, registered here."""

    predecessor_ids: list[UUID] = Field(min_length=2, max_length=50)
    successor: CooperativeCreate


class SpinOffIn(_Common):
    """Pemekaran usaha: ``parent_id`` founds a new cooperative in another sector."""

    parent_id: UUID
    successor: CooperativeCreate
    moved_assets: list[MovedAsset] = Field(
        default_factory=list,
        max_length=200,
        description="The parent's loans, applications, offers, proposals or contracts that move "
        "to the new cooperative (financing and marketplace move them when they hear of the "
        "spin-off); empty: nothing moves.",
    )


class RestructuringOut(BaseModel):
    id: UUID
    kind: RestructuringKind
    effective_on: date
    decree_number: str | None
    reason: str | None
    note: str | None
    predecessors: list[CooperativeSummary]
    successors: list[CooperativeSummary]
    recorded_by: str | None
    moved_assets: list[MovedAsset] = Field(
        default_factory=list,
        description="Spin-off only: the parent's loans, applications, offers, proposals or "
        "contracts named to move to the new cooperative.",
    )
    created_at: datetime
