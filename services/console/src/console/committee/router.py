"""``/committee``: the approval queue, and an application's summary beside its assessment and
the market behind it, with the decision: approve (with conditions), decline, or send back to
the officer with a reason. Whoever reviewed the application sees no decision form (four eyes
by person; the API refuses anyway). Reschedules and write-offs waiting for a second person are
listed here too and decided the same way (``servicing``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from console.api import Api
from console.committee import servicing
from console.desk.applications import application_view
from console.desk.staff import STATUS_NAMES
from console.forms import form_with_problem, idempotency_key, verified_form
from console.i18n import N_
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form, NavItem, redirect, render
from kopmod_shared.errors import ProblemError

router = APIRouter(include_in_schema=False)
router.include_router(servicing.router)
NAV = [NavItem(N_("Committee"), "/committee", frozenset({"fund_committee"}), order=20)]
Member = Depends(role_required("fund_committee"))


@router.get("/committee", response_class=HTMLResponse)
async def queue(request: Request, person: Person = Member, api: Api = Depends(api)) -> HTMLResponse:
    waiting = await api.all("financing", "/v1/queues/applications", status="committee")
    return render(
        request,
        "committee/queue.html",
        title=N_("Committee"),
        waiting=waiting,
        servicing=await servicing.waiting(api),
        me=person.subject,
    )


def reviewed_by(view: dict[str, Any], person: Person) -> bool:
    """True when this person took a review step on the application (in any role)."""
    return any(
        e["actor"] == person.subject and e["actor_role"] == "fund_officer" for e in view["history"]
    )


def _render(
    request: Request, view: dict[str, Any], person: Person, form: Form | None = None
) -> HTMLResponse:
    return render(
        request,
        "committee/application.html",
        title=N_("Committee decision"),
        status_names=STATUS_NAMES,
        reviewer=reviewed_by(view, person),
        form=form,
        **view,
    )


@router.get("/committee/applications/{application_id}", response_class=HTMLResponse)
async def application(
    request: Request, application_id: str, person: Person = Member, api: Api = Depends(api)
) -> HTMLResponse:
    return _render(request, await application_view(api, application_id), person)


@router.post("/committee/applications/{application_id}", response_class=HTMLResponse)
async def decide(
    request: Request,
    application_id: str,
    person: Person = Member,
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    outcome = str(form.get("outcome") or "")
    body: dict[str, Any] = {"outcome": outcome, "reason": str(form.get("reason") or "").strip()}
    if outcome == "approve":
        conditions = [c.strip() for c in str(form.get("conditions") or "").splitlines()]
        body["conditions"] = [c for c in conditions if c]
        amount = str(form.get("amount") or "").strip()
        if amount:
            body["amount"] = amount
    try:
        await api.post(
            "financing",
            f"/v1/applications/{application_id}/committee-decisions",
            body,
            idempotency_key=idempotency_key(person, request, form),
        )
    except ProblemError as exc:
        view = await application_view(api, application_id)
        fields = {
            "outcome": "outcome",
            "reason": "reason",
            "conditions": "conditions",
            "amount": "amount",
        }
        return _render(request, view, person, form_with_problem(form, exc, fields))
    return redirect(f"/committee/applications/{application_id}")
