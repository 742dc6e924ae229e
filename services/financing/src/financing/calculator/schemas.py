"""What the schedule calculator takes and answers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from financing.products.schemas import InstallmentOut
from financing.schedules.engine import Frequency, InterestMethod
from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import Money, PositiveMoney, Rate

# Far dates are refused by name (422) before the engine sees them: a schedule from year 9999
# would run off the calendar.
EARLIEST_START = date(2000, 1, 1)
LATEST_START = date(2099, 12, 31)
MAX_TENOR_PERIODS = 480


class CalculationIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "principal": "5000.00",
                    "annual_rate": "0.12",
                    "method": "declining_equal_installment",
                    "tenor_periods": 18,
                    "frequency": "monthly",
                    "grace_periods": 0,
                    "rounding": "1",
                    "start_date": "2026-01-15",
                }
            ]
        },
    )

    principal: PositiveMoney = Field(description="Amount disbursed on `start_date`.")
    annual_rate: Rate = Field(description='A fraction a year: `"0.12"` is 12% a year.')
    method: InterestMethod = InterestMethod.declining_equal_installment
    tenor_periods: int = Field(
        ge=1, le=MAX_TENOR_PERIODS, description="Every period, grace included."
    )
    frequency: Frequency = Frequency.monthly
    grace_periods: int = Field(
        default=0,
        ge=0,
        lt=MAX_TENOR_PERIODS,
        description="Principal-free periods at the start (interest is due); below the tenor.",
    )
    rounding: PositiveMoney = Field(
        default=Decimal("0.01"),
        le=Decimal("1000000"),
        description=(
            "Unit the installment (equal installments) or the principal part (flat, equal "
            "principal) is rounded to: `1` = whole rupiah, `0.01` = cents."
        ),
    )
    start_date: BoundedDate = Field(
        description=f"Disbursement date, {EARLIEST_START} to {LATEST_START}.",
    )
    first_due_date: BoundedDate | None = Field(
        default=None,
        description=(
            "First due date, after `start_date` and within a year of it; default one period "
            "after `start_date`. A first period shorter or longer than a period is charged by "
            "its days."
        ),
    )


class CalculationOut(BaseModel):
    principal: Money
    annual_rate: Rate
    method: InterestMethod
    tenor_periods: int
    frequency: Frequency
    grace_periods: int
    rounding: Money
    start_date: date
    periodic_rate: Rate = Field(
        description="The rate each period bears: `annual_rate` / periods a year (12, 4 or 2)."
    )
    total_principal: Money
    total_interest: Money
    total_payable: Money
    installments: list[InstallmentOut]
