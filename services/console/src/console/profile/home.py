"""The cooperative's home section: what needs it now (proposals awaiting its answer and their
expiry, installments due in the next 30 days, arrears, documents the fund asked for with an
upload form each, a RAT warning) and the modernisation scorecard's aspects with what would
raise each."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastapi import Request

from console.api import Api
from console.financing.common import open_requests, requests_context
from console.i18n import N_
from console.market import names
from console.sessions import Person
from console.web import HomeSection

DUE_WITHIN_DAYS = 30
ASPECT_NAMES = {
    "access_to_capital": N_("Access to capital"),
    "product_diversification": N_("Product diversification"),
    "market_orientation": N_("Market orientation"),
    "offtakers": N_("Offtakers"),
    "governance": N_("Governance"),
    "technology_adoption": N_("Technology adoption"),
}
# What would raise each aspect (docs/scorecard.md), said to the cooperative.
ASPECT_ADVICE = {
    "access_to_capital": N_(
        "Apply for financing, and pay every installment by its due date: each one paid on "
        "time raises this."
    ),
    "product_diversification": N_(
        "Record more of your products, processed ones and those sold for export count most."
    ),
    "market_orientation": N_(
        "Sign contracts with buyers in the marketplace; export contracts count more."
    ),
    "offtakers": N_("Sell to more than one buyer: each further offtaker raises this."),
    "governance": N_(
        "Hold your members' annual meeting (RAT) every year and keep a recent health assessment."
    ),
    "technology_adoption": N_(
        "Let more of your managers sign in here, and record applications, offers and "
        "deliveries on the platform."
    ),
}


async def load(request: Request, person: Person) -> dict[str, Any] | None:
    api = Api(request.app.state.settings, request.app.state.http, person)
    today = datetime.now(UTC).date()
    proposals = await api.marketplace.proposals(awaiting_me=True, limit=20)
    loans_page = await api.get("financing", "/v1/loans", limit=100)
    due: list[dict[str, Any]] = []
    arrears: list[dict[str, Any]] = []
    for loan in loans_page["items"]:
        if loan["status"] not in ("active", "overpaid"):
            continue
        if loan["days_past_due"]:
            arrears.append(loan)
        schedule = await api.get("financing", f"/v1/loans/{loan['id']}/schedule")
        limit = today + timedelta(days=DUE_WITHIN_DAYS)
        for row in schedule["rows"]:
            day = date.fromisoformat(row["due_date"])
            if row["status"] in ("due", "partly_paid") and day <= limit:
                due.append({**row, "loan_id": loan["id"]})
    due.sort(key=lambda r: r["due_date"])
    asked = await open_requests(api)
    record = await api.get("registry", f"/v1/cooperatives/{person.org_id}")
    scorecard = await api.get("registry", f"/v1/cooperatives/{person.org_id}/modernisation")
    return {
        "proposals": proposals,
        "unit": names.unit,
        "due": due,
        "arrears": arrears,
        "rat": (record.get("derived") or {}).get("rat"),
        "scorecard": scorecard,
        "aspect_names": ASPECT_NAMES,
        "aspect_advice": ASPECT_ADVICE,
        **requests_context(asked, "/"),
    }


HOME = [HomeSection("profile/home_cooperative.html", frozenset({"cooperative"}), load, order=10)]
