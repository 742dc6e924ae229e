"""What the scorecard and the programme view answer."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from pydantic import BaseModel, Field

from kopmod_shared.money import Ratio
from kopmod_shared.schemas.registry import ModernisationPhase
from registry.scorecard.rules import AspectName, Source


class AspectOut(BaseModel):
    name: AspectName
    source: Source = Field(description="The service whose live data the aspect was scored on.")
    sources: list[Source] = Field(
        description="Every service the aspect's evidence comes from (`source` first); the "
        "aspect is unavailable when any of them is."
    )
    available: bool = Field(description="False when that service did not answer in time.")
    score: int | None = Field(description="0-100; null when unavailable.", ge=0, le=100)
    met: bool | None = Field(description="Score at or above `met_at`; null when unavailable.")
    met_at: int
    evidence: dict[str, Any] = Field(description="The figures the score was computed from.")
    reasons: list[str] = Field(description="How the points were earned, rule by rule.")
    unavailable_reason: str | None = None


class UnavailableSource(BaseModel):
    source: Source
    reason: str


class ScorecardOut(BaseModel):
    """A cooperative's modernisation scorecard, from live registry, financing and marketplace
    data (domain.md 1: the four aspects of a modern cooperative, plus governance and technology
    adoption)."""

    cooperative_id: UUID
    name: str
    province_code: str
    cohort_year: int | None
    phase: ModernisationPhase | None = Field(description="Programme phase (registry).")
    as_of: date
    aspects: list[AspectOut]
    readiness: int | None = Field(
        description="Mean of the available aspects' scores (0-100); null when none is."
    )
    readiness_band: str | None = Field(description="ready, advancing, developing or early.")
    meets_all_four: bool | None = Field(
        description="Capital, diversification, market orientation and offtakers all met; "
        "null when one of them is unavailable."
    )
    partial: bool = Field(description="True when a source was unavailable.")
    unavailable: list[UnavailableSource]


class ProgrammeProvinceOut(BaseModel):
    province_code: str
    name: str
    cooperatives: int
    by_readiness_band: dict[str, int]
    meeting_all_four: int | None = Field(description="Null when partial.")
    mentored: int = Field(description="With at least one mentoring (pendampingan) record.")


class ProgrammeCohortOut(BaseModel):
    cohort_year: int | None = Field(description="The cohort (the year it joined the programme).")
    cooperatives: int
    by_phase: dict[str, int]
    by_readiness_band: dict[str, int]
    meeting_all_four: int | None = Field(description="Null when partial.")
    mentored: int


class ProgrammeMentoringOut(BaseModel):
    """Mentoring (pendampingan) of the programme's cooperatives."""

    cooperatives_mentored: int = Field(description="With at least one mentoring record.")
    records: int
    open_records: int = Field(description="Records without an end date: mentoring under way.")
    by_focus: dict[str, int] = Field(description="Records per focus (capital, market ...).")
    mentored_by_readiness_band: dict[str, int]


class ProgrammeOut(BaseModel):
    """The programme view for the ministry: cooperatives in the modernisation programme
    (with a cohort and phase, not merged or dissolved), counted from their scorecards."""

    as_of: date
    province: str | None = Field(description="The province filter asked for, if any.")
    cohort_year: int | None = Field(description="The cohort filter asked for, if any.")
    cooperatives: int
    by_phase: dict[str, int]
    by_readiness_band: dict[str, int] = Field(
        description="Counts per readiness band; `unscored` when no aspect could be scored."
    )
    by_phase_and_band: dict[str, dict[str, int]] = Field(
        description="Phase, then readiness band: how far each phase's cooperatives are."
    )
    by_province: dict[str, int] = Field(description="Counts per 2-digit province code.")
    provinces: list[ProgrammeProvinceOut] = Field(
        description="Each province with its bands and target."
    )
    cohorts: list[ProgrammeCohortOut]
    mentoring: ProgrammeMentoringOut
    aspects_met: dict[str, int | None] = Field(
        description="Cooperatives meeting each aspect; null for an aspect whose source was "
        "unavailable."
    )
    meeting_all_four: int | None = Field(
        description="Cooperatives meeting all four aspects; null when partial."
    )
    target: int = Field(description="The programme's target of modern cooperatives.")
    target_reached_share: Ratio | None = Field(
        description="meeting_all_four / target, 4 decimals (above 1 once the target is passed); "
        "null when partial."
    )
    remaining_to_target: int | None = Field(
        description="Modern cooperatives still needed to reach the target; null when partial."
    )
    partial: bool
    unavailable: list[UnavailableSource]
