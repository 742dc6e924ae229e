"""Application, review, approval, signing and document requests and answers."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, model_validator

from financing.applications.findings import FindingCode
from financing.applications.states import Action, ApplicationStatus
from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import Money, PositiveMoney, Rate, Ratio
from kopmod_shared.schemas.marketplace import ContractSummary


class UseOfFundsItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    item: str = Field(min_length=1, max_length=200, examples=["coffee cherry purchase"])
    amount: PositiveMoney


class PlannedTranche(BaseModel):
    model_config = ConfigDict(extra="forbid")

    planned_date: BoundedDate | None = None
    amount: PositiveMoney


class _Terms(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="after")
    def _uses_add_up(self) -> Any:
        amount = getattr(self, "amount", None)
        uses = getattr(self, "use_of_funds", None)
        if amount is not None and uses is not None:
            total = sum((u.amount for u in uses), Decimal(0))
            if total != amount:
                raise ValueError(f"use_of_funds adds up to {total}, not the amount {amount}")
        return self


class ApplicationCreate(_Terms):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "product_id": "01a2379a-6823-76ad-b3dd-79f1982b88b7",
                    "amount": "250000000.00",
                    "tenor_periods": 12,
                    "grace_periods": 0,
                    "purpose": "Working capital to buy members' cherries for the offtake contract",
                    "use_of_funds": [
                        {"item": "coffee cherry purchase", "amount": "200000000.00"},
                        {"item": "hulling and drying", "amount": "50000000.00"},
                    ],
                }
            ]
        }
    )

    product_id: UUID
    cooperative_id: UUID | None = Field(
        default=None,
        description="Taken from the token for a cooperative; required when an admin files.",
    )
    amount: PositiveMoney
    tenor_periods: int = Field(ge=1, le=480, description="Repayment periods, grace included.")
    grace_periods: int = Field(default=0, ge=0, le=240)
    purpose: str = Field(min_length=1, max_length=2000)
    use_of_funds: list[UseOfFundsItem] = Field(min_length=1, max_length=50)
    tranche_plan: list[PlannedTranche] = Field(default_factory=list, max_length=24)
    offtake_contract_ids: list[UUID] = Field(
        default_factory=list, max_length=20, description="Marketplace offtake contracts."
    )


class ApplicationUpdate(BaseModel):
    """Change a draft; omitted fields keep their value (the result is checked as a whole)."""

    model_config = ConfigDict(extra="forbid")

    amount: PositiveMoney | None = None
    tenor_periods: int | None = Field(default=None, ge=1, le=480)
    grace_periods: int | None = Field(default=None, ge=0, le=240)
    purpose: str | None = Field(default=None, min_length=1, max_length=2000)
    use_of_funds: list[UseOfFundsItem] | None = Field(default=None, min_length=1, max_length=50)
    tranche_plan: list[PlannedTranche] | None = Field(default=None, max_length=24)
    offtake_contract_ids: list[UUID] | None = Field(default=None, max_length=20)


class Note(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str | None = Field(default=None, max_length=4000)


class Rejection(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=4000)


class Recommendation(StrEnum):
    approve = "approve"
    approve_reduced = "approve_reduced"
    reject = "reject"


class AssessmentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    recommendation: Recommendation
    note: str | None = Field(default=None, max_length=4000)


class Approval(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=4000, description="Why: the committee's minute.")
    amount: PositiveMoney | None = Field(
        default=None, description="Approved amount; at most the requested one (default: it)."
    )
    tenor_periods: int | None = Field(default=None, ge=1, le=480)
    grace_periods: int | None = Field(default=None, ge=0, le=240)


class Signing(BaseModel):
    model_config = ConfigDict(extra="forbid")

    first_due_date: BoundedDate | None = Field(
        default=None,
        description="Fixes the repayment calendar; else one period after each disbursement date.",
    )
    note: str | None = Field(default=None, max_length=4000)
    terms_hash: str | None = Field(
        default=None,
        pattern=r"^[0-9a-f]{64}$",
        examples=["3f1c0e9a2b7d4c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a"],
        description=(
            "The hash printed on the akad being signed (`GET .../agreement`): when given, "
            "signing is refused with 409 `terms-changed` unless it is the terms' on record."
        ),
    )


class ApplicationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    cooperative_id: UUID
    product_id: UUID
    fund_id: UUID
    status: ApplicationStatus
    allowed_actions: list[Action] = Field(description="What can happen next (by someone).")
    amount: Money
    tenor_periods: int
    grace_periods: int
    purpose: str
    use_of_funds: list[UseOfFundsItem]
    tranche_plan: list[PlannedTranche]
    offtake_contract_ids: list[UUID]
    province_code: str | None
    created_by: str
    created_at: datetime
    submitted_at: datetime | None
    eligibility_attempts: int
    eligibility_next_at: datetime | None
    eligibility_last_error: str | None
    approved_amount: Money | None
    approved_tenor_periods: int | None
    approved_grace_periods: int | None
    tariff_rate: Rate | None = Field(description="Tariff in force on the approval date.")
    annual_rate: Rate | None = Field(description="Rate the schedule uses.")
    approved_on: date | None
    decided_by: str | None
    decision_reason: str | None
    loan_id: UUID | None = Field(
        description=(
            "The loan signing the agreement created; it stays the same after a reschedule "
            "(that loan is then `closed_rescheduled`). Null until signed."
        )
    )
    current_loan_id: UUID | None = Field(
        description=(
            "The loan servicing the application now: `loan_id` until a reschedule is "
            "approved, then the successor loan (after several reschedules, the latest, "
            "following `rescheduled_to_id` from `loan_id`). Null until signed."
        )
    )


class ApplicationEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    action: str
    from_status: str | None
    to_status: str
    actor: str
    actor_role: str
    note: str | None
    at: datetime


class Finding(BaseModel):
    code: FindingCode = Field(description="What was found, stable: translate by this.")
    params: dict[str, str] = Field(
        default_factory=dict,
        description="The values the finding names (years, counts, decimal amounts), as text.",
    )


class RuleOutcome(BaseModel):
    rule: str
    contract_id: UUID | None = Field(
        default=None, description="The offtake contract an `offtake_contract` rule judged."
    )
    passed: bool
    reason: str = Field(description="One English sentence; translate `findings` instead.")
    findings: list[Finding] = Field(
        default_factory=list,
        description="What the rule found, as codes with their values (one per problem of an "
        "offtake contract); empty on checks recorded before findings were kept.",
    )
    observed: Any = None
    required: Any = None


class EligibilityOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    passed: bool
    rules: list[RuleOutcome]
    offtake_contracts: list[ContractSummary] = Field(
        default_factory=list,
        description="The referenced offtake contracts as the marketplace described them when "
        "they were verified (the verification record).",
    )
    checked_at: datetime

    @classmethod
    def of(cls, check: Any) -> EligibilityOut:
        return cls(
            id=check.id,
            passed=check.passed,
            rules=check.rules,
            offtake_contracts=(check.snapshot or {}).get("offtake_contracts") or [],
            checked_at=check.checked_at,
        )


class FigureName(StrEnum):
    """The credit assessment's figures (``assessment.py``, ``offtake.py``): a published list, so
    a client can say each in its own language."""

    repayment_capacity = "repayment_capacity"
    installment_to_monthly_surplus = "installment_to_monthly_surplus"
    debt_to_equity = "debt_to_equity"
    amount_to_equity = "amount_to_equity"
    offtake_coverage = "offtake_coverage"
    closed_loop_coverage = "closed_loop_coverage"


class Figure(BaseModel):
    name: FigureName
    value: Ratio | None
    formula: str
    inputs: dict[str, Any]
    threshold: str | None = None
    within_threshold: bool | None = None
    explanation: str


class AssessmentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    figures: list[Figure]
    recommendation: Recommendation
    note: str | None
    assessed_by: str
    assessed_at: datetime


class LoanOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    application_id: UUID
    fund_id: UUID
    product_id: UUID
    cooperative_id: UUID
    province_code: str
    approved_amount: Money
    annual_rate: Rate
    tenor_periods: int
    frequency: str
    method: str
    grace_periods: int
    rounding: Money
    allocation_order: list[str]
    arrears_tolerance_days: int
    max_tranches: int
    penalty_rate: Rate | None
    pattern: str
    akad: str | None
    status: str
    signed_at: datetime
    signed_by: str
    first_due_date: date | None


class DocumentKind(StrEnum):
    deed = "deed"  # ratified deed of establishment
    rat_report = "rat_report"
    bank_statement = "bank_statement"
    manager_id_card = "manager_id_card"  # personal data
    financial_statement = "financial_statement"
    business_plan = "business_plan"
    collateral = "collateral"
    guarantee = "guarantee"
    survey_report = "survey_report"
    other = "other"


class DocumentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    application_id: UUID
    kind: DocumentKind
    file_name: str
    content_type: str
    size_bytes: int
    checksum_sha256: str
    uploaded_by: str
    uploaded_at: datetime
