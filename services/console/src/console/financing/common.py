"""What the financing pages share: who they are for, and the names of states and kinds."""

from __future__ import annotations

from console.i18n import N_
from console.session_deps import role_required

COOPERATIVE = frozenset({"cooperative"})
cooperative = role_required("cooperative")

STATUS_NAMES = {
    "draft": N_("draft"),
    "submitted": N_("submitted"),
    "eligibility_check": N_("eligibility being checked"),
    "desk_review": N_("desk review"),
    "field_survey": N_("field survey"),
    "risk_review": N_("risk review"),
    "committee": N_("with the committee"),
    "approved": N_("approved"),
    "signed": N_("signed"),
    "rejected": N_("rejected"),
    "withdrawn": N_("withdrawn"),
    # Loans
    "pending_disbursement": N_("awaiting disbursement"),
    "active": N_("active"),
    "overpaid": N_("overpaid"),
    "closed_obligations_met": N_("repaid"),
    "closed_written_off": N_("written off"),
    "closed_rescheduled": N_("rescheduled"),
    # Installments
    "paid": N_("paid"),
    "partly_paid": N_("partly paid"),
    "due": N_("due"),
    "overdue": N_("overdue"),
    "written_off": N_("written off"),
    "rescheduled": N_("rescheduled"),
}

DOCUMENT_KINDS = {
    "deed": N_("Deed of establishment"),
    "rat_report": N_("Annual members' meeting (RAT) report"),
    "bank_statement": N_("Bank statement"),
    "manager_id_card": N_("Manager's identity card"),
    "financial_statement": N_("Financial statement"),
    "business_plan": N_("Business plan"),
    "collateral": N_("Collateral"),
    "guarantee": N_("Guarantee"),
    "other": N_("Other document"),
}

# The application's steps, in order: (slug, title).
STEPS = [
    ("terms", N_("Amount and purpose")),
    ("uses", N_("Use of funds")),
    ("tranches", N_("Tranches")),
    ("contracts", N_("Offtake contracts")),
    ("documents", N_("Documents")),
    ("review", N_("Check and submit")),
]
