"""Cooperative requests and answers: registration and partial change (and the fields a
cooperative may change itself), member groups, the full record with its derived facts, the
public profile, list filters and sort keys."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from kopmod_shared import money
from kopmod_shared.money import Percent
from kopmod_shared.schemas.registry import (
    CooperativeLevel,
    CooperativeStatus,
    CooperativeType,
    HealthCategory,
    ModernisationPhase,
)
from registry.enums import MemberGroupKind, MembershipArea, ScaleBand
from registry.validation import (
    MAX_PEOPLE,
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

Sector = Annotated[str, Field(min_length=1, max_length=100)]

# Fields a cooperative principal may change on its own record; everything else is its legal
# identity or a supervisory fact, changed by the ministry (or a partner with registry:write).
SELF_SERVICE_FIELDS = frozenset(
    {"address", "latitude", "longitude", "business_sectors", "commodities", "member_count"}
)


class MemberGroupIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: MemberGroupKind
    name: ShortText
    member_count: int = Field(ge=1, le=MAX_PEOPLE)
    voting_share: Percent = Field(
        gt=0,
        description="Percent of the plenary vote; the shares of all groups add up to 100.",
    )
    description: str | None = Field(default=None, max_length=2000)


def check_member_groups(groups: list[MemberGroupIn]) -> None:
    if len(groups) < 2:
        raise PydanticCustomError(
            "member_groups_too_few", "a multi-stakeholder cooperative has at least 2 member groups"
        )
    total = sum((g.voting_share for g in groups), Decimal(0))
    if total != 100:
        raise PydanticCustomError(
            "voting_shares_sum",
            "voting shares must add up to 100, not {total}",
            {"total": str(total)},
        )


class MemberGroupsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    groups: list[MemberGroupIn] = Field(max_length=20)

    @field_validator("groups")
    @classmethod
    def _valid_set(cls, value: list[MemberGroupIn]) -> list[MemberGroupIn]:
        check_member_groups(value)
        return value


class MemberGroupOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    kind: MemberGroupKind
    name: str
    member_count: int
    voting_share: Percent
    description: str | None


class _CooperativeFields(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CooperativeCreate(_CooperativeFields):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "name": "Koperasi Produsen Kopi Cikajang",
                    "type": "produsen",
                    "legal_decree_number": "AHU-0007001.AH.01.26.TAHUN 2015",
                    "legal_decree_date": "2015-03-10",
                    "nib": "9120000007001",
                    "nik_koperasi": "3205000000007001",
                    "founded_on": "2015-01-20",
                    "address": "Jl. Raya Cikajang, Garut",
                    "region_code": "32.05.01.2001",
                    "latitude": -7.2,
                    "longitude": 107.9,
                    "business_sectors": ["coffee"],
                    "commodities": ["090111"],
                    "membership_area": "regency",
                    "scale_band": "kecil",
                    "member_count": 420,
                }
            ]
        }
    )

    name: ShortText = Field(examples=["Koperasi Produsen Kopi Gayo Sejahtera"])
    type: CooperativeType
    level: CooperativeLevel = CooperativeLevel.primary
    member_cooperative_ids: list[UUID] = Field(
        default_factory=list,
        max_length=1000,
        description="Secondary cooperatives only: their member cooperatives (at least 3).",
    )
    legal_decree_number: str | None = Field(
        default=None, min_length=1, max_length=100, description="Legal-entity decree (badan hukum)."
    )
    legal_decree_date: PastDate | None = None
    nib: NIB | None = Field(default=None, description="Business number from OSS: 13 digits.")
    nik_koperasi: NIKKoperasi | None = Field(
        default=None, description="Cooperative registration number (digits)."
    )
    founded_on: PastDate
    address: str | None = Field(default=None, max_length=500)
    region_code: RegionCode
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    business_sectors: list[Sector] = Field(default_factory=list, max_length=20)
    commodities: list[HSCode] = Field(default_factory=list, max_length=50)
    membership_area: MembershipArea | None = None
    scale_band: ScaleBand | None = None
    member_count: PeopleCount | None = None
    status: CooperativeStatus = Field(
        default=CooperativeStatus.active,
        description="`merged` is set only by recording a restructuring.",
    )
    external_id: str | None = Field(
        default=None, min_length=1, max_length=100, description="The partner system's own id."
    )
    member_groups: list[MemberGroupIn] | None = Field(
        default=None,
        max_length=20,
        description="Multi-stakeholder cooperatives: at least 2 groups, shares adding up to 100.",
    )

    @field_validator("status")
    @classmethod
    def _not_merged(cls, value: CooperativeStatus) -> CooperativeStatus:
        if value is CooperativeStatus.merged:
            raise PydanticCustomError(
                "status_merged", "status merged is set only by recording a restructuring"
            )
        return value

    @field_validator("member_groups")
    @classmethod
    def _groups(cls, value: list[MemberGroupIn] | None) -> list[MemberGroupIn] | None:
        if value is not None:
            check_member_groups(value)
        return value


class CooperativeUpdate(_CooperativeFields):
    """Partial update: only the fields sent change; send null to clear an optional field."""

    name: ShortText | None = None
    type: CooperativeType | None = None
    level: CooperativeLevel | None = None
    member_cooperative_ids: list[UUID] | None = Field(default=None, max_length=1000)
    legal_decree_number: str | None = Field(default=None, min_length=1, max_length=100)
    legal_decree_date: PastDate | None = None
    nib: NIB | None = None
    nik_koperasi: NIKKoperasi | None = None
    founded_on: PastDate | None = None
    address: str | None = Field(default=None, max_length=500)
    region_code: RegionCode | None = None
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    business_sectors: list[Sector] | None = Field(default=None, max_length=20)
    commodities: list[HSCode] | None = Field(default=None, max_length=50)
    membership_area: MembershipArea | None = None
    scale_band: ScaleBand | None = None
    member_count: PeopleCount | None = None
    status: CooperativeStatus | None = None
    external_id: str | None = Field(default=None, min_length=1, max_length=100)

    @field_validator(
        "name",
        "type",
        "level",
        "founded_on",
        "region_code",
        "status",
        "member_cooperative_ids",
        "business_sectors",
        "commodities",
    )
    @classmethod
    def _not_null(cls, value: object) -> object:
        if value is None:
            raise PydanticCustomError("null_not_allowed", "this field cannot be null")
        return value

    @field_validator("status")
    @classmethod
    def _not_merged(cls, value: CooperativeStatus | None) -> CooperativeStatus | None:
        if value is CooperativeStatus.merged:
            raise PydanticCustomError(
                "status_merged", "status merged is set only by recording a restructuring"
            )
        return value


class HealthSummary(BaseModel):
    year: int
    category: HealthCategory
    score: Percent


class RatCompliance(BaseModel):
    years_held: list[int] = Field(description="Financial years with a RAT, newest first.")
    last_held_on: date | None
    missed_years: list[int] = Field(
        description="Years since founding whose RAT was due (by 30 June of the next year) "
        "and is not recorded, newest first."
    )
    warning: bool = Field(description="The two most recent due RATs were both missed.")


class Derived(BaseModel):
    """Computed on every read from the RAT and assessment history, as of today."""

    active: bool = Field(description="Status active and a RAT held within the last 3 years.")
    age_years: int = Field(description="Full years since founding.")
    latest_health: HealthSummary | None
    rat: RatCompliance


class CooperativePublic(BaseModel):
    """The public profile: what anyone with a token may read."""

    view: Literal["public"] = "public"
    id: UUID
    name: str
    type: CooperativeType
    level: CooperativeLevel
    status: CooperativeStatus
    region_code: str
    province_code: str
    province_name: str
    address: str | None
    latitude: money.Latitude | None
    longitude: money.Longitude | None
    founded_on: date
    business_sectors: list[str]
    commodities: list[str]
    cohort_year: int | None
    phase: ModernisationPhase | None
    active: bool
    age_years: int


class CooperativeOut(BaseModel):
    """The full record, for the ministry, partners with `registry:read` and the cooperative
    itself."""

    view: Literal["full"] = "full"
    id: UUID
    name: str
    type: CooperativeType
    level: CooperativeLevel
    status: CooperativeStatus
    legal_decree_number: str | None
    legal_decree_date: date | None
    nib: str | None
    nik_koperasi: str | None
    founded_on: date
    address: str | None
    region_code: str
    province_code: str
    province_name: str
    latitude: money.Latitude | None
    longitude: money.Longitude | None
    business_sectors: list[str]
    commodities: list[str]
    membership_area: MembershipArea | None
    scale_band: ScaleBand | None
    member_count: int | None
    external_id: str | None
    cohort_year: int | None
    phase: ModernisationPhase | None
    member_cooperative_ids: list[UUID]
    member_groups: list[MemberGroupOut]
    multi_stakeholder: bool
    import_batch_id: UUID | None
    created_at: datetime
    updated_at: datetime
    derived: Derived


CooperativeView = Annotated[CooperativeOut | CooperativePublic, Field(discriminator="view")]


class SortKey(StrEnum):
    created = "created"
    created_desc = "-created"
    name = "name"
    name_desc = "-name"
    founded_on = "founded_on"
    founded_on_desc = "-founded_on"


class CooperativeFilters(BaseModel):
    region: str | None = None
    type: list[CooperativeType] = []
    status: list[CooperativeStatus] = []
    level: CooperativeLevel | None = None
    phase: list[ModernisationPhase] = []
    cohort: int | None = None
    commodity: str | None = None
    q: str | None = None
    external_id: str | None = None
    import_batch: UUID | None = None
    active: bool | None = None
    restrict_to: UUID | None = None
