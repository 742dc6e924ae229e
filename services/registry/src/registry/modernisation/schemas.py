"""Modernisation stage and mentoring requests and answers."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.dates import BoundedDate
from kopmod_shared.schemas.registry import ModernisationPhase
from registry.enums import MentoringFocus
from registry.validation import PastDate, ShortText


class StageIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    phase: ModernisationPhase
    cohort_year: int | None = Field(
        default=None,
        ge=2020,
        le=2100,
        description="Required on a cooperative's first stage; fixed afterwards.",
    )
    started_on: PastDate
    note: str | None = Field(default=None, max_length=2000)


class StageOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    cooperative_id: UUID
    cohort_year: int
    phase: ModernisationPhase
    started_on: date
    note: str | None
    recorded_by: str | None
    created_at: datetime


class MentoringIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    focus: list[MentoringFocus] = Field(min_length=1, max_length=4)
    mentor: ShortText
    mentor_organisation: str | None = Field(default=None, max_length=200)
    started_on: PastDate
    ended_on: BoundedDate | None = None
    outcome: str | None = Field(default=None, max_length=4000)


class MentoringUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ended_on: BoundedDate | None = None
    outcome: str | None = Field(default=None, max_length=4000)


class MentoringOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    cooperative_id: UUID
    focus: list[MentoringFocus]
    mentor: str
    mentor_organisation: str | None
    started_on: date
    ended_on: date | None
    outcome: str | None
    recorded_by: str | None
    created_at: datetime
