"""A loan's reads and the answer every command gives (amounts are decimal strings)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from financing.applications.schemas import LoanOut as SignedLoanOut
from financing.replay.engine import TxKind
from kopmod_shared.money import Money

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


class ReversalCreate(_In):
    reason: str = Field(min_length=3, max_length=500)


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
    kind: TxKind
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
