"""What the registry answers to other services."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.money import Latitude, Longitude, Money, Percent


class CooperativeType(StrEnum):
    simpan_pinjam = "simpan_pinjam"
    konsumen = "konsumen"
    produsen = "produsen"
    pemasaran = "pemasaran"
    jasa = "jasa"


class CooperativeStatus(StrEnum):
    active = "active"
    inactive = "inactive"
    dissolved = "dissolved"
    merged = "merged"


class HealthCategory(StrEnum):
    """Permenkop 9/2020 categories, best first."""

    sehat = "sehat"
    cukup_sehat = "cukup_sehat"
    dalam_pengawasan = "dalam_pengawasan"
    dalam_pengawasan_khusus = "dalam_pengawasan_khusus"


class CooperativeLevel(StrEnum):
    primary = "primary"  # members are people
    secondary = "secondary"  # members are cooperatives


class ModernisationPhase(StrEnum):
    """Programme phases, in order (domain.md 1)."""

    permodelan = "permodelan"  # modelling
    replikasi = "replikasi"  # replication
    masifikasi = "masifikasi"  # massification
    pemantapan = "pemantapan"  # consolidation


PHASE_ORDER = [
    ModernisationPhase.permodelan,
    ModernisationPhase.replikasi,
    ModernisationPhase.masifikasi,
    ModernisationPhase.pemantapan,
]


class RestructuringKind(StrEnum):
    merger = "merger"  # penggabungan: absorbed into an existing cooperative
    fusion = "fusion"  # peleburan: two or more dissolve into a new one
    spin_off = "spin_off"  # pemekaran usaha: a parent founds a new cooperative


HEALTH_ORDER = [
    HealthCategory.sehat,
    HealthCategory.cukup_sehat,
    HealthCategory.dalam_pengawasan,
    HealthCategory.dalam_pengawasan_khusus,
]


class CooperativeSummary(BaseModel):
    id: UUID
    name: str
    type: CooperativeType
    status: CooperativeStatus
    region_code: str
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    level: CooperativeLevel | None = None


class FinancialStatement(BaseModel):
    year: int
    assets: Money
    liabilities: Money
    equity: Money
    revenue: Money
    net_surplus: Money = Field(description="SHU (sisa hasil usaha) of the year.")


class EligibilitySnapshot(BaseModel):
    """Everything financing needs to judge eligibility, in one call."""

    cooperative_id: UUID
    name: str
    type: CooperativeType
    status: CooperativeStatus
    region_code: str
    province_code: str
    has_legal_entity: bool
    nik_koperasi: str | None
    founded_on: date
    age_years: int
    active: bool = Field(description="A RAT within the last 3 years.")
    rat_years: list[int] = Field(description="Years for which a RAT was held, newest first.")
    missed_rat_years: list[int]
    latest_health: HealthCategory | None
    latest_health_year: int | None
    latest_financials: FinancialStatement | None
    as_of: date
    # Added after the first version; optional so older readers and writers keep working.
    level: CooperativeLevel | None = None
    nib: str | None = None
    legal_decree_number: str | None = None
    legal_decree_date: date | None = None
    last_rat_held_on: date | None = None
    rat_warning: bool = Field(
        default=False, description="The two most recent RATs that were due were both missed."
    )
    latest_health_score: Percent | None = None
    member_count: int | None = None
    cohort_year: int | None = None
    phase: ModernisationPhase | None = None
    merged_into: list[UUID] = Field(
        default_factory=list,
        description="When status is merged: the cooperative(s) that took this one over.",
    )


class MovedAsset(BaseModel):
    """Something another service holds for a spin-off's parent that moves to the new cooperative."""

    model_config = ConfigDict(extra="forbid")

    service: Literal["financing", "marketplace"]
    entity: Literal["loan", "application", "offer", "proposal", "contract"]
    id: UUID


class CooperativeRestructured(BaseModel):
    """Data of the ``registry.cooperative.restructured`` event.

    Predecessors of a merger or fusion now have status ``merged``; consumers move what they hold
    for a predecessor (loans, open applications, open offers, proposals, contracts) to
    ``successor_ids`` (one successor for those kinds). A spin-off's parent is its predecessor and
    stays active: only the assets named in ``moved_assets`` move (nothing when it is empty).
    """

    restructuring_id: UUID
    kind: RestructuringKind
    effective_on: date
    predecessor_ids: list[UUID]
    successor_ids: list[UUID]
    merged_ids: list[UUID] = Field(description="Predecessors whose status became merged.")
    moved_assets: list[MovedAsset] = Field(
        default_factory=list,
        description="Spin-off only: the parent's loans, applications, offers, proposals or "
        "contracts that move to the new cooperative.",
    )
    successor_names: dict[UUID, str] = Field(
        default_factory=dict,
        description="Registered name of each successor (consumers that keep a cooperative's "
        "name next to what it holds rename what moves).",
    )


class RatRecorded(BaseModel):
    """Data of the ``registry.cooperative.rat_recorded`` event: a RAT was recorded.

    No figures: webhook subscribers that are not bound to an organisation receive every event,
    including callers who may read only public profiles. Full readers fetch the RAT itself
    (``GET /v1/cooperatives/{id}/rats``).
    """

    cooperative_id: UUID
    rat_id: UUID
    year: int = Field(description="The financial year the RAT closes.")
    held_on: date
    statements_attached: bool = Field(
        description="The RAT's approved financial statements were recorded with it."
    )


class HealthAssessed(BaseModel):
    """Data of the ``registry.cooperative.health_assessed`` event: a health assessment was
    recorded.

    The score and category are not in the event: they are readable only by full readers
    (``GET /v1/cooperatives/{id}/health-assessments`` or the eligibility snapshot), and webhook
    subscribers that are not bound to an organisation receive every event.
    """

    cooperative_id: UUID
    assessment_id: UUID
    year: int = Field(description="The year assessed.")
    assessed_on: date


class PhaseChanged(BaseModel):
    """Data of the ``registry.cooperative.phase_changed`` event: the cooperative entered a
    modernisation phase (its public ``cohort_year`` and ``phase`` follow)."""

    cooperative_id: UUID
    stage_id: UUID
    cohort_year: int
    from_phase: ModernisationPhase | None = Field(description="None on the first stage.")
    phase: ModernisationPhase
    started_on: date


class LineageLink(BaseModel):
    """One step of a cooperative's lineage: ``cooperative`` came before (or after) ``via``."""

    restructuring_id: UUID
    kind: RestructuringKind
    effective_on: date
    cooperative: CooperativeSummary
    via: UUID = Field(description="The cooperative one step closer to the one asked about.")
    depth: int = Field(description="1 for a direct predecessor or successor.")


class Lineage(BaseModel):
    """Where a cooperative came from and where it went, through every recorded restructuring."""

    cooperative: CooperativeSummary
    predecessors: list[LineageLink]
    successors: list[LineageLink]
