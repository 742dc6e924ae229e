"""Event envelope and the event type names every service publishes.

The envelope is what leaves a service (through the outbox) and what consumers de-duplicate on:
``id`` is stable across redeliveries.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, Field


class EventEnvelope(BaseModel):
    id: UUID = Field(description="Unique, stable across redeliveries: de-duplicate on it.")
    type: str = Field(description="Event type, e.g. `registry.cooperative.merged`.")
    source: str = Field(description="Publishing service: registry, financing or marketplace.")
    subject: str | None = Field(default=None, description="Id of the entity the event is about.")
    occurred_at: datetime
    correlation_id: str | None = None
    parties: list[UUID] = Field(
        default_factory=list,
        description="Organisations (cooperatives, offtakers) the event concerns; an organisation's "
        "own webhook subscriptions receive only events that name it here.",
    )
    data: dict[str, Any]


# Event types only the platform's own services may subscribe to and receive: they say who was
# cut off, which is nobody else's business.
# An endpoint the relay disabled names another party's subscription: internal too.
INTERNAL_EVENT_TYPES = frozenset(
    {
        "registry.identity.subject_revoked",
        "registry.webhook.endpoint_disabled",
        "financing.webhook.endpoint_disabled",
        "marketplace.webhook.endpoint_disabled",
    }
)


class EventType:
    """Names of the events, grouped by publisher."""

    @classmethod
    def published_by(cls, source: str) -> list[str]:
        """Every event type a service publishes (what its webhooks can subscribe to)."""
        return sorted(
            v
            for k, v in vars(cls).items()
            if k.isupper() and isinstance(v, str) and v.startswith(source + ".")
        )

    COOPERATIVE_REGISTERED = "registry.cooperative.registered"
    COOPERATIVE_UPDATED = "registry.cooperative.updated"
    COOPERATIVE_RESTRUCTURED = "registry.cooperative.restructured"
    COOPERATIVE_RAT_RECORDED = "registry.cooperative.rat_recorded"
    COOPERATIVE_HEALTH_ASSESSED = "registry.cooperative.health_assessed"
    COOPERATIVE_PHASE_CHANGED = "registry.cooperative.phase_changed"
    # A token subject (an API client; later a person or membership) whose tokens issued before
    # ``data.not_before`` must be refused everywhere (kopmod_shared.revocation). Internal.
    SUBJECT_REVOKED = "registry.identity.subject_revoked"
    # The relay disabled one of this service's webhook endpoints (410 Gone or its retry
    # schedule spent; ``schemas.webhooks.WebhookEndpointDisabled``). Internal, as the others.
    REGISTRY_WEBHOOK_DISABLED = "registry.webhook.endpoint_disabled"

    APPLICATION_SUBMITTED = "financing.application.submitted"
    ELIGIBILITY_PASSED = "financing.application.eligibility_passed"
    ELIGIBILITY_FAILED = "financing.application.eligibility_failed"
    APPLICATION_APPROVED = "financing.application.approved"
    APPLICATION_REJECTED = "financing.application.rejected"
    # A fund officer asks the applicant for a document; an upload of that kind fulfils it.
    DOCUMENT_REQUESTED = "financing.application.document_requested"
    DOCUMENT_REQUEST_FULFILLED = "financing.application.document_request_fulfilled"
    AGREEMENT_SIGNED = "financing.agreement.signed"
    LOAN_DISBURSED = "financing.loan.disbursed"
    REPAYMENT_RECEIVED = "financing.loan.repayment_received"
    LOAN_OVERDUE = "financing.loan.overdue"
    LOAN_CLOSED = "financing.loan.closed"
    # A write-off was proposed; another person of the committee approves or declines it.
    LOAN_WRITE_OFF_PROPOSED = "financing.loan.write_off_proposed"
    # A reschedule was proposed (the maker); a committee member who is another person decides.
    LOAN_RESCHEDULE_PROPOSED = "financing.loan.reschedule_proposed"
    # The committee approved or declined a write-off, approved or rejected a reschedule.
    LOAN_WRITE_OFF_DECIDED = "financing.loan.write_off_decided"
    LOAN_RESCHEDULE_DECIDED = "financing.loan.reschedule_decided"
    LOAN_WRITTEN_OFF = "financing.loan.written_off"
    # A reschedule closed the loan named in ``rescheduled_from_id``; the subject continues it.
    LOAN_RESCHEDULED = "financing.loan.rescheduled"
    # A reversal reopened a closed loan (of the payment that had closed it).
    LOAN_REOPENED = "financing.loan.reopened"
    FEE_CHARGED = "financing.loan.fee_charged"
    # An application moved in its state table (every move, with from and to).
    APPLICATION_STATUS_CHANGED = "financing.application.status_changed"
    # End of day: an unpaid installment falls due in ``days`` (7 or 1) as of the new business
    # date, or is overdue (its due date was the day closed and it is still unpaid).
    INSTALLMENT_DUE_SOON = "financing.installment.due_soon"
    INSTALLMENT_OVERDUE = "financing.installment.overdue"
    FINANCING_WEBHOOK_DISABLED = "financing.webhook.endpoint_disabled"

    DEMAND_POSTED = "marketplace.demand.posted"
    PROPOSAL_MADE = "marketplace.proposal.made"
    PROPOSAL_ACCEPTED = "marketplace.proposal.accepted"
    # A counter-offer hands the turn to the other party (``data.turn``).
    PROPOSAL_COUNTERED = "marketplace.proposal.countered"
    # An open proposal passed its expiry with nobody answering (the reminders sweep).
    PROPOSAL_EXPIRED = "marketplace.proposal.expired"
    # A contract's delivery milestone falls due within the reminder window (the sweep).
    MILESTONE_DUE = "marketplace.contract.milestone_due"
    CONTRACT_SIGNED = "marketplace.contract.signed"
    # The cooperative gave notice of a delivery; the offtaker has yet to accept or reject it.
    DELIVERY_NOTIFIED = "marketplace.delivery.notified"
    DELIVERY_RECORDED = "marketplace.delivery.recorded"
    CONTRACT_COMPLETED = "marketplace.contract.completed"
    MARKETPLACE_WEBHOOK_DISABLED = "marketplace.webhook.endpoint_disabled"

    @staticmethod
    def webhook_disabled(source: str) -> str:
        """The type a service's relay emits when it disables one of its endpoints."""
        return f"{source}.webhook.endpoint_disabled"
