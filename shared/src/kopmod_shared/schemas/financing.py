"""What financing answers to other services and publishes in its events."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field

from kopmod_shared.money import Money, Proportion, Rate


class ApplicationStatus(StrEnum):
    """States of a financing application (the transitions live in the financing service)."""

    draft = "draft"
    submitted = "submitted"
    eligibility_check = "eligibility_check"
    desk_review = "desk_review"
    field_survey = "field_survey"  # on-the-spot survey
    risk_review = "risk_review"
    committee = "committee"
    approved = "approved"  # approval in principle; the amount is committed against the fund
    signed = "signed"  # akad: the loan exists, pending disbursement
    rejected = "rejected"
    withdrawn = "withdrawn"


class ApplicationSummary(BaseModel):
    """An application as another service reads it (``GET /v1/applications/{id}``)."""

    id: UUID
    cooperative_id: UUID
    product_id: UUID
    fund_id: UUID
    status: ApplicationStatus
    amount: Money = Field(description="Requested amount.")
    tenor_periods: int
    offtake_contract_ids: list[UUID]
    approved_amount: Money | None = None
    approved_on: date | None = None
    loan_id: UUID | None = None


class ProductSummary(BaseModel):
    id: UUID
    fund_id: UUID
    code: str
    name: str
    purpose: str
    pattern: str
    akad: str | None
    amount_min: Money
    amount_max: Money
    tenor_max_periods: int
    frequency: str
    current_rate: Rate | None


class FinancingSummary(BaseModel):
    """A cooperative's financing record in one read, for other services (e.g. the registry's
    modernisation scorecard): ``GET /v1/cooperatives/{id}/financing-summary``."""

    cooperative_id: UUID
    as_of: date = Field(description="The day the repayment record was judged on.")
    applications_total: int
    applications_by_status: dict[str, int] = Field(
        description="Count per application status (only statuses with at least one)."
    )
    applications_in_review: int = Field(
        description="Submitted and not yet decided (submitted ... committee)."
    )
    applications_approved: int = Field(description="Approved or signed.")
    loans_total: int = Field(description="Every signed loan, open or closed.")
    active_loans: int = Field(description="Loans disbursed and not closed (active or overpaid).")
    outstanding_principal: Money = Field(description="Principal still owed on every loan.")
    disbursed_total: Money = Field(description="Principal disbursed over every loan.")
    installments_due: int = Field(description="Installments due on or before `as_of`.")
    installments_paid_on_time: int = Field(
        description="Of those, paid in full by their due date plus the product's tolerance."
    )
    on_time_share: Proportion | None = Field(
        description="installments_paid_on_time / installments_due; null when nothing was due."
    )
    current_collectibility: int | None = Field(
        description="Worst OJK class (1-5) among open loans today; null without open loans."
    )
    worst_collectibility: int | None = Field(
        description="Worst OJK class any installment reached (by its days late); null when "
        "nothing was ever due."
    )
    written_off_loans: int
    any_written_off: bool
    applications_recent: int = Field(
        default=0,
        description="Applications started on the platform in the 365 days before `as_of` "
        "(technology adoption: the cooperative applies digitally).",
    )
    webhook_endpoints: int = Field(
        default=0,
        description="Enabled webhook endpoints the cooperative subscribed at financing.",
    )


class FinancingSummaryPage(BaseModel):
    """Summaries of several cooperatives (``GET /v1/financing-summaries``)."""

    items: list[FinancingSummary]
    next_cursor: str | None = None


# --- event data (``EventEnvelope.data``) ---------------------------------------------------


class ApplicationEventData(BaseModel):
    application_id: UUID
    cooperative_id: UUID
    product_id: UUID
    fund_id: UUID
    status: ApplicationStatus


class ApplicationSubmitted(ApplicationEventData):
    """``financing.application.submitted``"""

    amount: Money
    tenor_periods: int
    offtake_contract_ids: list[UUID]


class EligibilityDecided(ApplicationEventData):
    """``financing.application.eligibility_passed`` / ``..._failed``"""

    passed: bool
    failed_rules: list[str]


class ApplicationApproved(ApplicationEventData):
    """``financing.application.approved``"""

    approved_amount: Money
    tenor_periods: int
    grace_periods: int
    annual_rate: Rate


class ApplicationRejected(ApplicationEventData):
    """``financing.application.rejected`` (by an officer, the committee, or eligibility)"""

    reason: str


class DocumentRequested(ApplicationEventData):
    """``financing.application.document_requested``: the fund asks the applicant for a document
    (the note is not in the event: read it at the application's document requests)."""

    request_id: UUID
    kind: str
    due_on: date


class DocumentRequestFulfilled(ApplicationEventData):
    """``financing.application.document_request_fulfilled``: a document of the asked kind was
    attached to the application."""

    request_id: UUID
    kind: str
    document_id: UUID
    requested_by: str | None = Field(
        default=None, description="Who asked for it (the officer), as the request records."
    )


class AgreementSigned(ApplicationEventData):
    """``financing.agreement.signed``: the loan exists, pending disbursement."""

    loan_id: UUID
    approved_amount: Money
    annual_rate: Rate
    tenor_periods: int
    province_code: str


class ApplicationStatusChanged(ApplicationEventData):
    """``financing.application.status_changed``: every move in the state table."""

    from_status: ApplicationStatus
    action: str = Field(description="The state table's action, e.g. `to_committee`, `send_back`.")
    reviewer: str | None = Field(
        default=None,
        description="On the committee's decisions (moves out of `committee`): the officer who "
        "last reviewed the application, who holds it in the work queues; null otherwise.",
    )


class RescheduleProposed(BaseModel):
    """``financing.loan.reschedule_proposed``: a maker proposed new terms for the loan's
    outstanding balance; a committee member who is another person decides."""

    loan_id: UUID
    fund_id: UUID
    cooperative_id: UUID
    reschedule_id: UUID
    on: date = Field(description="The business date the proposal's preview was made for.")
    tenor_periods: int
    grace_periods: int
    capitalise_arrears: bool
    new_principal: Money = Field(description="The successor's principal, as previewed.")
    reason: str
    proposed_by: str = Field(description="Who proposed it (the person, or the client).")


class ServicingDecided(BaseModel):
    """The committee's decision on a servicing proposal (a write-off or a reschedule): the
    proposer is told (the console)."""

    loan_id: UUID
    fund_id: UUID
    cooperative_id: UUID
    status: str = Field(description="The proposal's state after the decision, as its API says.")
    note: str = Field(description="The checker's note: why.")
    proposed_by: str = Field(description="Who proposed it (the person, or the client).")
    decided_by: str = Field(description="Who decided (the person, or the client).")


class WriteOffDecided(ServicingDecided):
    """``financing.loan.write_off_decided``: approved (the loan is written off in the same
    transaction, ``financing.loan.written_off``) or declined."""

    write_off_id: UUID
    status: Literal["approved", "declined"]


class RescheduleDecided(ServicingDecided):
    """``financing.loan.reschedule_decided``: approved (the loan closed and its successor
    opened in the same transaction, ``financing.loan.rescheduled``) or rejected."""

    reschedule_id: UUID
    status: Literal["approved", "rejected"]
    successor_loan_id: UUID | None = Field(description="The loan that continues it, if approved.")


class InstallmentReminder(BaseModel):
    """``financing.installment.due_soon`` and ``financing.installment.overdue`` (end of day)."""

    loan_id: UUID
    fund_id: UUID
    cooperative_id: UUID
    number: int = Field(description="The installment's number in the schedule.")
    due_date: date
    as_of: date = Field(description="The business date the reminder is about (the new one).")
    days: int = Field(
        description="due_soon: days until it is due (7 or 1); overdue: days past due."
    )
    amount_due: Money = Field(description="Principal, interest, penalty and fee still owed on it.")
