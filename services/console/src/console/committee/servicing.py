"""``/committee/loans/{id}/reschedules/{id}`` and ``.../write-offs/{id}``: a reschedule or a
write-off an officer proposed, decided by the committee the way an application is: the loan's
position beside the proposal (for a reschedule its new schedule), approve or decline with a
note. Whoever proposed it sees no decision form (four eyes by person; the API refuses anyway).
The queue's lists of what waits come from :func:`waiting`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from console.api import Api
from console.desk.staff import OJK_CLASSES, STATUS_NAMES, funds
from console.errors import PageNotFound
from console.forms import form_with_problem, idempotency_key, verified_form
from console.i18n import N_
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form, redirect, render
from kopmod_shared.errors import ProblemError

router = APIRouter(include_in_schema=False)
Member = Depends(role_required("fund_committee"))
# The two kinds of servicing proposal, by their path in the API and here.
KINDS = {
    "reschedules": N_("Reschedule proposal"),
    "write-offs": N_("Write-off proposal"),
}
REQUEST_STATUS = {
    "proposed": N_("waiting for a decision"),
    "approved": N_("approved"),
    "declined": N_("declined"),
    "rejected": N_("declined"),
}


async def waiting(api: Api) -> dict[str, list[dict[str, Any]]]:
    """Every fund's reschedules and write-offs awaiting a second person, oldest first."""
    out: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    for fund in await funds(api):
        for kind in KINDS:
            out[kind] += await api.all("financing", f"/v1/funds/{fund['id']}/{kind}")
    for rows in out.values():
        rows.sort(key=lambda r: r["requested_at"])
    return out


async def _view(api: Api, kind: str, loan_id: str, request_id: str) -> dict[str, Any]:
    if kind not in KINDS:
        raise PageNotFound
    requests = await api.all("financing", f"/v1/loans/{loan_id}/{kind}")
    found = next((r for r in requests if r["id"] == request_id), None)
    if found is None:
        raise PageNotFound
    base = f"/v1/loans/{loan_id}"
    return {
        "kind": kind,
        "proposal": found,
        "loan": await api.get("financing", base),
        "position": await api.get("financing", f"{base}/position"),
    }


def _render(
    request: Request, view: dict[str, Any], person: Person, form: Form | None = None
) -> HTMLResponse:
    return render(
        request,
        "committee/servicing.html",
        title=KINDS[view["kind"]],
        heading=KINDS[view["kind"]],
        proposer=view["proposal"]["requested_by"] == person.subject,
        status_names=STATUS_NAMES,
        request_status=REQUEST_STATUS,
        ojk_classes=OJK_CLASSES,
        form=form,
        **view,
    )


@router.get("/committee/loans/{loan_id}/{kind}/{request_id}", response_class=HTMLResponse)
async def proposal(
    request: Request,
    loan_id: str,
    kind: str,
    request_id: str,
    person: Person = Member,
    api: Api = Depends(api),
) -> HTMLResponse:
    return _render(request, await _view(api, kind, loan_id, request_id), person)


@router.post("/committee/loans/{loan_id}/{kind}/{request_id}", response_class=HTMLResponse)
async def decide(
    request: Request,
    loan_id: str,
    kind: str,
    request_id: str,
    person: Person = Member,
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    if kind not in KINDS:
        raise PageNotFound
    body = {
        "approve": str(form.get("outcome") or "") == "approve",
        "note": str(form.get("note") or "").strip(),
    }
    try:
        await api.post(
            "financing",
            f"/v1/loans/{loan_id}/{kind}/{request_id}/decision",
            body,
            idempotency_key=idempotency_key(person, request, form),
        )
    except ProblemError as exc:
        view = await _view(api, kind, loan_id, request_id)
        return _render(request, view, person, form_with_problem(form, exc, {"note": "note"}))
    return redirect(f"/committee/loans/{loan_id}/{kind}/{request_id}")
