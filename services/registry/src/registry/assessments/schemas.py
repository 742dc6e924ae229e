"""Health assessment requests and answers; the category defaults to the score's band."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.money import Percent
from kopmod_shared.schemas.registry import HealthCategory
from registry.validation import PastDate


class AssessmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    year: int = Field(ge=1900, le=2100, description="The year assessed.")
    score: Percent
    category: HealthCategory | None = Field(
        default=None,
        description="When omitted, taken from the score bands: 80-100 sehat, 66-80 cukup sehat, "
        "51-66 dalam pengawasan, under 51 dalam pengawasan khusus.",
    )
    assessed_on: PastDate
    assessor: str | None = Field(default=None, max_length=200)
    note: str | None = Field(default=None, max_length=2000)


class AssessmentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    cooperative_id: UUID
    year: int
    score: Percent
    category: HealthCategory
    assessed_on: date
    assessor: str | None
    note: str | None
    recorded_by: str | None
    created_at: datetime
