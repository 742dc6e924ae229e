"""The akad's terms as agreed (the canonical form the hash covers) and signatures."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.money import Money, Rate

HASH_PATTERN = r"^[0-9a-f]{64}$"


class Party(StrEnum):
    cooperative = "cooperative"
    fund = "fund"


class TermsParty(BaseModel):
    id: UUID
    name: str
    code: str | None = None


class TermsProduct(BaseModel):
    id: UUID
    code: str
    name: str
    pattern: str = Field(description="`conventional` or `syariah`.")
    akad: str | None = Field(description="murabahah, mudharabah or musyarakah (syariah only).")
    profit_share_ratio: Rate | None = Field(description="The fund's nisbah (profit sharing).")


class TermsInstallment(BaseModel):
    number: int
    due_date: date
    principal: Money
    interest: Money = Field(description="Interest, margin or expected profit share.")
    total: Money
    balance_after: Money


class AgreementTerms(BaseModel):
    """Everything the parties agree to. Its canonical JSON (keys sorted, no spaces, UTF-8) is
    what the SHA-256 printed on the akad covers. The schedule is computed from the approval
    date; due dates follow the disbursement date once the money is paid out."""

    model_config = ConfigDict(extra="forbid")

    version: int = 1
    application_id: UUID
    fund: TermsParty
    cooperative: TermsParty
    product: TermsProduct
    amount: Money
    tariff_rate: Rate = Field(description="Tariff in force on the approval date (a year).")
    annual_rate: Rate = Field(description="Rate the schedule uses.")
    tenor_periods: int
    grace_periods: int
    frequency: str
    method: str
    approved_on: date
    purpose: str
    conditions: list[str]
    tranche_plan: list[dict[str, str | None]]
    schedule: list[TermsInstallment]
    total_principal: Money
    total_interest: Money


class SignatureOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    party: Party
    signed_by: str
    signed_by_role: str
    signed_at: datetime
    terms_hash: str
    loan_id: UUID | None


class AgreementOut(BaseModel):
    application_id: UUID
    status: str = Field(
        description="`offer` (approved, not signed: the terms as they stand) or `signed` (the "
        "terms as signed first; a later change never alters them)."
    )
    terms_hash: str = Field(description="SHA-256 (hex) of the canonical terms.")
    terms: AgreementTerms
    signatures: list[SignatureOut]


class Countersignature(BaseModel):
    model_config = ConfigDict(extra="forbid")

    terms_hash: str = Field(
        pattern=HASH_PATTERN,
        description="The hash printed on the akad being signed: it must be the signed terms'.",
        examples=["3f1c0e9a2b7d4c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a"],
    )
