"""Servicing requests and responses (amounts are decimal strings)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from financing.applications.schemas import LoanOut as SignedLoanOut
from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import Money, NonNegativeMoney, PositiveMoney

Reference = Annotated[
    str,
    Field(
        min_length=1,
        max_length=200,
        pattern=r"^[A-Za-z0-9._:/#-]+$",
        description=(
            "The paying partner's own id for this payment (bank transfer id, marketplace "
            "delivery id). The same reference twice on a loan is the same payment."
        ),
    ),
]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DisbursementCreate(_In):
    amount: PositiveMoney = Field(description="This tranche; the total never exceeds approval.")
    value_date: BoundedDate | None = Field(
        default=None, description="Defaults to the fund's business date; never after it."
    )
    reference: Reference | None = None
    note: str | None = Field(default=None, max_length=500)


class RepaymentCreate(_In):
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


class ReversalCreate(_In):
    reason: str = Field(min_length=3, max_length=500)


class WriteOffCreate(_In):
    reason: str = Field(min_length=3, max_length=500)


class RescheduleTerms(_In):
    tenor_periods: int = Field(ge=1, le=600, description="Periods of the new schedule.")
    grace_periods: int = Field(default=0, ge=0, le=120, description="Principal-free periods.")
    capitalise_arrears: bool = Field(
        default=False,
        description=(
            "Add interest accrued to the business date and unpaid charges to the new "
            "principal (they are earned on the closed loan); otherwise the successor loan "
            "opens with them still owed, each on its original due date, ahead of the new "
            "schedule."
        ),
    )


class RescheduleCreate(RescheduleTerms):
    reason: str = Field(min_length=3, max_length=1000)


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


class RescheduleDecision(_In):
    approve: bool
    note: str = Field(min_length=3, max_length=1000)


class BusinessDateSet(_In):
    business_date: BoundedDate


class EndOfDayCreate(_In):
    through: BoundedDate = Field(
        description=(
            "Close every business day up to and including this one. Days already closed are "
            "left alone, so running it again for the same date changes nothing (the date is "
            "required so that a retry never closes one more day)."
        ),
    )


class AllocationOut(BaseModel):
    principal: Money
    interest: Money
    penalty: Money
    fee: Money
    overpayment: Money
    interest_waived: Money
    written_off_principal: Money
    recovered: Money


class TransactionOut(BaseModel):
    id: UUID
    loan_id: UUID
    kind: str
    value_date: date
    amount: Money
    external_reference: str | None
    installment_number: int | None
    charge_kind: str | None = Field(default=None, description="A fee's kind.")
    note: str | None = Field(
        default=None, description="A fee's reason, a reschedule's reason, a tranche's note."
    )
    created_by: str
    created_at: datetime
    reversed: bool
    reversed_at: datetime | None
    reversal_reason: str | None
    allocation: AllocationOut | None = Field(
        description="Where the money went, as of the latest replay (null when reversed)."
    )


class ArrearsOut(BaseModel):
    days_past_due: int
    collectibility: int = Field(description="OJK kolektibilitas 1 (lancar) to 5 (macet).")
    collectibility_label: str
    oldest_overdue_due_date: date | None
    overdue_principal: Money
    overdue_interest: Money
    overdue_penalty: Money


class LoanPositionOut(BaseModel):
    loan_id: UUID
    fund_id: UUID
    cooperative_id: UUID
    status: str
    business_date: date
    approved_amount: Money
    disbursed: Money
    principal_outstanding: Money
    interest_outstanding: Money
    penalty_outstanding: Money
    fee_outstanding: Money
    overpayment: Money
    principal_repaid: Money
    interest_paid: Money
    written_off_principal: Money
    recovered: Money
    settled_on: date | None
    rescheduled_on: date | None = Field(
        description="The day a reschedule closed this loan (its successor continues it)."
    )
    rescheduled_from_id: UUID | None = Field(
        default=None, description="The loan this one continues (closed by a reschedule)."
    )
    rescheduled_to_id: UUID | None = Field(
        default=None, description="The loan that continues this one after a reschedule."
    )
    principal_rescheduled_in: Money = Field(
        description="Principal this loan opened with from the loan it continues."
    )
    principal_rescheduled_out: Money = Field(
        description="Principal (with any capitalised arrears) moved to the successor."
    )
    arrears: ArrearsOut


class CommandOut(BaseModel):
    loan: LoanPositionOut
    transaction: TransactionOut | None = None
    replayed: bool = Field(
        default=False,
        description="True when this external reference was already recorded: nothing new.",
    )


class ScheduleRowOut(BaseModel):
    number: int
    due_date: date
    principal: Money
    interest: Money
    penalty: Money
    fee: Money
    principal_paid: Money
    interest_paid: Money
    penalty_paid: Money
    fee_paid: Money
    interest_waived: Money
    unpaid: Money
    paid_on: date | None
    status: Literal["paid", "partly_paid", "overdue", "due", "written_off", "rescheduled"]
    opening_arrears: bool = Field(
        default=False,
        description=(
            "What the loan this one continues still owed on this due date when it was "
            "rescheduled (no principal; paid before the new schedule)."
        ),
    )


class ScheduleOut(BaseModel):
    loan_id: UUID
    as_of: date
    rows: list[ScheduleRowOut]
    total_principal: Money
    total_interest: Money


class StatementRowOut(BaseModel):
    transaction: TransactionOut
    principal_outstanding_after: Money | None


class StatementOut(BaseModel):
    loan_id: UUID
    as_of: date
    rows: list[StatementRowOut]
    position: LoanPositionOut


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


class InstallmentPreviewOut(BaseModel):
    number: int
    due_date: date
    principal: Money
    interest: Money
    total: Money
    balance_after: Money


class ReschedulePreviewOut(BaseModel):
    loan_id: UUID
    on: date
    principal_outstanding: Money
    capitalised_interest: Money
    capitalised_charges: Money
    new_principal: Money
    remaining_scheduled_interest: Money
    new_total_interest: Money
    installments: list[InstallmentPreviewOut]


class RescheduleOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    loan_id: UUID
    status: str
    on_date: date
    tenor_periods: int
    grace_periods: int
    capitalise_arrears: bool
    reason: str
    requested_by: str
    requested_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str | None
    successor_loan_id: UUID | None = Field(
        default=None, description="The loan an approval opened to continue this one."
    )
    preview: ReschedulePreviewOut


class BusinessDateOut(BaseModel):
    fund_id: UUID
    business_date: date


class ClassChangeOut(BaseModel):
    loan_id: UUID
    from_class: int
    to_class: int
    days_past_due: int


class ClosedDayOut(BaseModel):
    business_date: date
    loans_processed: int
    penalties_charged: Money
    class_changes: list[ClassChangeOut]


class EndOfDayOut(BaseModel):
    fund_id: UUID
    business_date: date = Field(description="The fund's business date after the run.")
    closed: list[ClosedDayOut] = Field(description="Days closed by this call (empty on a retry).")


class BucketOut(BaseModel):
    key: str
    loans: int
    principal_outstanding: Money
    non_performing: Money
    npl_ratio: str = Field(description="Classes 3-5 over outstanding principal, 4 places.")


class FlowsOut(BaseModel):
    date_from: date
    date_to: date
    disbursed: Money
    repaid: Money
    principal_repaid: Money
    interest_received: Money
    charges_received: Money
    recovered: Money


class PortfolioOut(BaseModel):
    fund_id: UUID
    as_of: date
    total: BucketOut
    by_collectibility: list[BucketOut]
    by_product: list[BucketOut]
    by_province: list[BucketOut]
    flows: FlowsOut


class FundPointOut(BaseModel):
    date: date
    cash: Money
    loans_receivable: Money
    income: Money
    writeoff_losses: Money
    overpayments: Money
    capital: Money


class FundHistoryOut(BaseModel):
    fund_id: UUID
    points: list[FundPointOut]


class MonthOut(BaseModel):
    month: str
    principal: NonNegativeMoney
    interest: NonNegativeMoney
    charges: NonNegativeMoney
    total: NonNegativeMoney


class ForecastOut(BaseModel):
    fund_id: UUID
    as_of: date
    cash_now: Money
    overdue: MonthOut
    months: list[MonthOut]


class LoanAccountOut(SignedLoanOut):
    """The signed terms and where the loan stands (from its last replay)."""

    principal_outstanding: Money = Field(description="Zero before the first disbursement.")
    days_past_due: int
    collectibility: int = Field(description="OJK kolektibilitas 1 (lancar) to 5 (macet).")
    closed_on: date | None
    rescheduled_from_id: UUID | None = Field(
        default=None, description="The loan this one continues (closed by a reschedule)."
    )
    rescheduled_to_id: UUID | None = Field(
        default=None, description="The loan that continues this one after a reschedule."
    )
