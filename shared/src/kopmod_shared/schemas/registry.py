"""What the registry answers to other services."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, Field

from kopmod_shared.money import Money


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
    latitude: float | None = None
    longitude: float | None = None


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
