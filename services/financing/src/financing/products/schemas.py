"""Product, tariff and schedule-preview requests and answers."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, model_validator

from financing.schedules.engine import Akad, Frequency, InterestMethod
from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import Money, Multiple, PositiveMoney, Rate, Share
from kopmod_shared.schemas.registry import HealthCategory


class Purpose(StrEnum):
    working_capital = "working_capital"  # modal kerja
    investment = "investment"  # investasi


class Pattern(StrEnum):
    conventional = "conventional"
    syariah = "syariah"


class AllocationPart(StrEnum):
    penalties = "penalties"
    fees = "fees"
    interest = "interest"
    principal = "principal"


DEFAULT_ALLOCATION = [
    AllocationPart.penalties,
    AllocationPart.fees,
    AllocationPart.interest,
    AllocationPart.principal,
]

# The fund's share of a projected return: a rate-scaled fraction strictly between 0 and 1.
Ratio = Annotated[Rate, Field(gt=0, lt=1)]


class EligibilityRules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min_age_years: int = Field(default=0, ge=0, le=100, description="Years since founding.")
    rat_years_required: int = Field(
        default=0, ge=0, le=10, description="A RAT held for each of the last N book years."
    )
    min_health: HealthCategory | None = Field(
        default=None, description="Latest health category at least this good."
    )
    max_equity_multiple: Multiple | None = Field(
        default=None,
        gt=0,
        le=1000,
        description="Amount at most this multiple of the latest equity (e.g. 10 for KSPs).",
    )
    require_positive_result: bool = Field(
        default=True, description="Positive net surplus (SHU) in the latest financials."
    )


class ProductCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    fund_id: UUID
    code: str = Field(min_length=2, max_length=40, pattern=r"^[A-Za-z0-9_.-]+$")
    name: str = Field(min_length=1, max_length=200)
    purpose: Purpose
    pattern: Pattern = Pattern.conventional
    akad: Akad | None = Field(default=None, description="Syariah contract; null if conventional.")
    profit_share_ratio: Ratio | None = Field(
        default=None,
        description="Mudharabah/musyarakah: the fund's share (nisbah) of the projected return.",
    )
    amount_min: PositiveMoney
    amount_max: PositiveMoney
    tenor_max_periods: int = Field(ge=1, le=480)
    grace_max_periods: int = Field(default=0, ge=0, le=240)
    frequency: Frequency = Frequency.monthly
    method: InterestMethod = InterestMethod.declining_equal_installment
    rounding: PositiveMoney = Field(
        default=Decimal("1.00"),
        lt=10**10,
        description="Unit the installment (or principal part) is rounded to; 1 = whole rupiah.",
    )
    allocation_order: list[AllocationPart] = Field(default_factory=lambda: list(DEFAULT_ALLOCATION))
    arrears_tolerance_days: int = Field(default=0, ge=0, le=365)
    max_tranches: int = Field(default=1, ge=1, le=24)
    penalty_rate: Rate | None = Field(default=None, description="A year, on overdue amounts.")
    eligibility: EligibilityRules = Field(default_factory=EligibilityRules)
    closed_loop_share: Share | None = Field(
        default=None,
        gt=0,
        description="Closed loop: when a delivery under an offtake contract the loan's "
        "application references is accepted, this share of its value is applied as a "
        "repayment on the loan (the delivery id is the payment's reference). Null: off.",
    )
    initial_rate: Rate = Field(description="Rate of the first tariff, a fraction a year.")
    rate_effective_from: BoundedDate = Field(description="When the first tariff starts.")

    @model_validator(mode="after")
    def _consistent(self) -> ProductCreate:
        if self.amount_min > self.amount_max:
            raise ValueError("amount_min must not exceed amount_max")
        if self.grace_max_periods >= self.tenor_max_periods:
            raise ValueError("grace_max_periods must be below tenor_max_periods")
        if sorted(self.allocation_order) != sorted(AllocationPart):
            raise ValueError("allocation_order must name penalties, fees, interest, principal once")
        if self.pattern is Pattern.conventional:
            if self.akad is not None or self.profit_share_ratio is not None:
                raise ValueError("a conventional product has no akad or profit share ratio")
        else:
            if self.akad is None:
                raise ValueError("a syariah product needs its akad")
            if self.akad is Akad.murabahah:
                if self.method is not InterestMethod.flat:
                    raise ValueError("murabahah fixes the margin up front: method must be flat")
                if self.profit_share_ratio is not None:
                    raise ValueError("murabahah has a margin, not a profit share ratio")
            elif self.profit_share_ratio is None:
                raise ValueError(f"{self.akad.value} needs profit_share_ratio (nisbah)")
        return self


class TariffCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    effective_from: BoundedDate
    annual_rate: Rate
    note: str | None = Field(default=None, max_length=500)


class ProductStateChange(BaseModel):
    """Body of `/deactivate` and `/activate`: why (kept in the audit trail)."""

    model_config = ConfigDict(extra="forbid")

    reason: str | None = Field(
        default=None, max_length=500, description="Why, e.g. the decree that ends the scheme."
    )


class TariffOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    product_id: UUID
    effective_from: date
    annual_rate: Rate
    note: str | None
    created_by: str
    created_at: datetime


class ProductOut(BaseModel):
    id: UUID
    fund_id: UUID
    code: str
    name: str
    purpose: Purpose
    pattern: Pattern
    akad: Akad | None
    profit_share_ratio: Rate | None
    amount_min: Money
    amount_max: Money
    tenor_max_periods: int
    grace_max_periods: int
    frequency: Frequency
    method: InterestMethod
    rounding: Money
    allocation_order: list[AllocationPart]
    arrears_tolerance_days: int
    max_tranches: int
    penalty_rate: Rate | None
    eligibility: EligibilityRules
    closed_loop_share: Share | None = Field(
        description="Share of an accepted delivery's value applied as a repayment; null: off."
    )
    active: bool = Field(
        description=(
            "true: the product takes new applications. false: retired (fund committee, "
            "`/deactivate`): new drafts and submissions on it are refused with 409 "
            "`product-retired`; applications already submitted and loans on it carry on as "
            "before. `/activate` reopens it."
        )
    )
    current_rate: Rate | None = Field(description="Tariff in force today.")
    created_at: datetime


class InstallmentOut(BaseModel):
    number: int
    due_date: date
    principal: Money
    interest: Money = Field(description="Interest, margin, or expected profit share.")
    total: Money
    balance_after: Money


class SchedulePreviewOut(BaseModel):
    amount: Money
    annual_rate: Rate = Field(description="Rate the schedule uses (after any profit share).")
    tariff_rate: Rate = Field(description="The product's tariff in force on `rate_date`.")
    rate_date: date
    tenor_periods: int
    grace_periods: int
    frequency: Frequency
    method: InterestMethod
    rounding: Money
    start_date: date
    total_principal: Money
    total_interest: Money
    total_payable: Money
    installments: list[InstallmentOut]
