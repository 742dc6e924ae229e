"""One row of a bulk import (the flat fields of a registration), a row's problem, and the
import's result."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from kopmod_shared.schemas.registry import CooperativeLevel, CooperativeStatus, CooperativeType
from registry.cooperatives.schemas import Sector
from registry.enums import MembershipArea, ScaleBand
from registry.validation import (
    NIB,
    HSCode,
    Latitude,
    Longitude,
    NIKKoperasi,
    PastDate,
    PeopleCount,
    RegionCode,
    ShortText,
)


class ImportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"


def _split(value: Any) -> Any:
    """CSV cells hold lists as ``a;b;c``."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    return value


class ImportRow(BaseModel):
    """One cooperative in a bulk upload: the fields of `POST /v1/cooperatives` that fit in a flat
    row (no member groups, no member cooperatives)."""

    model_config = ConfigDict(extra="forbid")

    name: ShortText
    type: CooperativeType
    level: CooperativeLevel = CooperativeLevel.primary
    legal_decree_number: str | None = Field(default=None, min_length=1, max_length=100)
    legal_decree_date: PastDate | None = None
    nib: NIB | None = None
    nik_koperasi: NIKKoperasi | None = None
    founded_on: PastDate
    address: str | None = Field(default=None, max_length=500)
    region_code: RegionCode
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    business_sectors: Annotated[list[Sector], BeforeValidator(_split)] = Field(
        default_factory=list, max_length=20
    )
    commodities: Annotated[list[HSCode], BeforeValidator(_split)] = Field(
        default_factory=list, max_length=50
    )
    membership_area: MembershipArea | None = None
    scale_band: ScaleBand | None = None
    member_count: PeopleCount | None = None
    status: CooperativeStatus = CooperativeStatus.active
    external_id: str | None = Field(default=None, min_length=1, max_length=100)

    @field_validator("status")
    @classmethod
    def _not_merged(cls, value: CooperativeStatus) -> CooperativeStatus:
        if value is CooperativeStatus.merged:
            raise PydanticCustomError(
                "status_merged", "status merged is set only by recording a restructuring"
            )
        return value

    @field_validator("level")
    @classmethod
    def _primary(cls, value: CooperativeLevel) -> CooperativeLevel:
        if value is CooperativeLevel.secondary:
            raise PydanticCustomError(
                "secondary_not_importable",
                "register secondary cooperatives (with their members) through POST "
                "/v1/cooperatives",
            )
        return value


class RowError(BaseModel):
    row: int = Field(description="1-based number of the record (the CSV header not counted).")
    field: str
    reason: str
    code: str


class ImportResult(BaseModel):
    import_id: UUID | None = Field(
        description="Filter `GET /v1/cooperatives?import_batch=` by it; null when nothing was "
        "written."
    )
    format: ImportFormat
    partial: bool
    total_rows: int
    accepted: int
    rejected: int
    errors: list[RowError] = Field(description="At most 1000; see `errors_truncated`.")
    errors_truncated: bool
    as_of: date
