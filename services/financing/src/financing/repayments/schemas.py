"""Repayment, payoff, recovery, refund and fee requests, and the payoff quote."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from financing.loans.schemas import Reference
from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import Money, PositiveMoney


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RepaymentCreate(_In):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"amount": "25000000.00", "external_reference": "BJB-TRX-0001"}]
        }
    )

    amount: PositiveMoney
    external_reference: Reference
    value_date: BoundedDate | None = Field(
        default=None,
        description=(
            "When the money was paid; defaults to the business date. Earlier dates (backdated "
            "payments) are replayed in date order; never before the first disbursement nor "
            "after the business date."
        ),
    )


class RecoveryCreate(_In):
    amount: PositiveMoney
    external_reference: Reference
    value_date: BoundedDate | None = None


class RefundCreate(_In):
    amount: PositiveMoney
    reference: Reference | None = None


FeeKind = Annotated[
    str,
    Field(
        min_length=2,
        max_length=40,
        pattern=r"^[a-z][a-z0-9_]*$",
        description="What the fee is for, e.g. `administration`, `collection`, `legal`.",
        examples=["administration"],
    ),
]


class FeeCreate(_In):
    amount: PositiveMoney
    kind: FeeKind
    reason: str = Field(min_length=3, max_length=500)
    external_reference: Reference = Field(
        description=(
            "Your own id for this charge. The same reference twice on a loan is the same charge."
        )
    )
    value_date: BoundedDate | None = Field(
        default=None,
        description=(
            "When the fee is owed from; defaults to the business date. Never after it nor "
            "before the first disbursement; an earlier date replays the loan in date order."
        ),
    )


class PayoffQuoteOut(BaseModel):
    loan_id: UUID
    on: date
    principal: Money
    interest: Money
    penalty: Money
    fee: Money
    overpayment_credit: Money
    interest_waived: Money
    total: Money
