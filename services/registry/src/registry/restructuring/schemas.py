"""Merger, fusion and spin-off requests, the recorded restructuring, and a cooperative's lineage."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.money import Money
from kopmod_shared.schemas.registry import (
    CooperativeStatus,
    CooperativeSummary,
    MovedAsset,
    RestructuringKind,
)
from registry.cooperatives.schemas import CooperativeCreate
from registry.scorecard.schemas import UnavailableSource
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


class PreviewIn(BaseModel):
    """A restructuring not yet recorded: the same parties as the recording requests."""

    model_config = ConfigDict(extra="forbid")

    kind: RestructuringKind
    predecessor_ids: list[UUID] = Field(
        default_factory=list,
        max_length=50,
        description="Merger (one or more) and fusion (two or more): who is absorbed.",
    )
    successor_id: UUID | None = Field(default=None, description="Merger: who absorbs them.")
    parent_id: UUID | None = Field(default=None, description="Spin-off: the parent.")
    successor: CooperativeCreate | None = Field(
        default=None,
        description="Fusion and spin-off: the new cooperative as it would be registered "
        "(optional here; its name and region make the preview clearer).",
    )
    moved_assets: list[MovedAsset] = Field(default_factory=list, max_length=200)
    reason: str | None = _REASON


NEW_NODE = "new"


class GraphNode(BaseModel):
    id: str = Field(description="The cooperative's id, or `new` for one the preview would found.")
    name: str
    status: str = Field(description="Its status now, or after the previewed restructuring.")
    province_code: str | None
    proposed: bool = Field(description="True for a node the preview adds or changes.")


class GraphEdge(BaseModel):
    source: str = Field(description="Predecessor (or parent) node id.")
    target: str = Field(description="Successor node id.")
    kind: RestructuringKind
    restructuring_id: UUID | None = Field(description="Null for the previewed one.")
    effective_on: date | None
    proposed: bool


class LineageGraph(BaseModel):
    """A lineage as a directed graph (predecessor to successor), ready to draw: every recorded
    restructuring that touches the cooperatives asked about, with all its participants."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]


class Holding(BaseModel):
    """One thing a participant has, and what recording the restructuring does to it."""

    cooperative_id: UUID
    what: str = Field(
        description="members, loans, applications_in_review, contracts, people, api_clients, "
        "webhook_endpoints, products, rats, health_assessments, mentoring_records, "
        "member_groups, secondary_memberships, or a moved asset's entity."
    )
    count: int | None = Field(description="Null when its service did not answer.")
    amount: Money | None = Field(default=None, description="Outstanding principal or value.")
    outcome: str = Field(description="`moves` to `to`, or `stays` with the cooperative.")
    to: str | None = Field(description="The cooperative it moves to (`new`: the new one).")
    note: str


class ParticipantPreview(BaseModel):
    cooperative: CooperativeSummary
    role: str = Field(description="predecessor, successor or parent.")
    status_after: CooperativeStatus


class PreviewOut(BaseModel):
    """What would follow the cooperatives if the restructuring were recorded; nothing is
    written. Loans, applications and contracts come from financing and the marketplace (as
    their summaries know them); a service that does not answer leaves its lines' counts null
    and the answer partial."""

    kind: RestructuringKind
    participants: list[ParticipantPreview]
    holdings: list[Holding]
    member_count_after: int | None = Field(
        description="Merger and fusion: the members the successor would have (its own plus "
        "the predecessors'); the registry does not add them itself: update the member count."
    )
    reason_required: bool = Field(
        description="A predecessor is in another province than the successor: recording needs "
        "a `reason`."
    )
    graph: LineageGraph
    partial: bool
    unavailable: list[UnavailableSource]
