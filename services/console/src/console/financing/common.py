"""What the financing pages share: who they are for, and the names of states and kinds."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

from console.api import Api
from console.codes import DOCUMENT_KINDS
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


# The application's steps, in order: (slug, title).
STEPS = [
    ("terms", N_("Amount and purpose")),
    ("uses", N_("Use of funds")),
    ("tranches", N_("Tranches")),
    ("contracts", N_("Offtake contracts")),
    ("documents", N_("Documents")),
    ("review", N_("Check and submit")),
]

ACCEPT_DOCUMENTS = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"


async def open_requests(api: Api, application_id: str | None = None) -> list[dict[str, Any]]:
    """The documents the fund asked for and is still waiting for: on one application, or on
    every application of the person's cooperative."""
    path = (
        f"/v1/applications/{application_id}/document-requests"
        if application_id
        else "/v1/document-requests"
    )
    return await api.all("financing", path, status="open")


def requests_context(items: list[dict[str, Any]], back: str) -> dict[str, Any]:
    """What ``financing/_requested_documents.html`` needs: the requests, a form id for each (a
    command's Idempotency-Key comes from it), today, and the page to come back to."""
    return {
        "requests": items,
        "request_forms": {r["id"]: secrets.token_urlsafe(16) for r in items},
        "today": datetime.now(UTC).date().isoformat(),
        "back": back,
        "accept": ACCEPT_DOCUMENTS,
        "document_kinds": DOCUMENT_KINDS,
    }
