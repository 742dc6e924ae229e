"""``/desk/applications/{id}``: reviewing an application. Each eligibility rule's outcome, the
credit assessment with its figures (offtake coverage among them), the documents (images shown
in the page, PDFs opened from it), the history with the survey notes, the committee's
decisions, the documents asked of the cooperative; and the officer's steps: asking for a
document, field survey, risk review, assessment, referral to the committee, rejection; once
approved, the akad (PDF and hash) and recording the signed paper."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from console.api import Api
from console.desk.staff import STAFF, STATUS_NAMES, download
from console.financing.common import DOCUMENT_KINDS
from console.forms import form_with_problem, idempotency_key, verified_form
from console.i18n import N_
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form, redirect, render
from kopmod_shared.errors import ProblemError

router = APIRouter(include_in_schema=False)
Officer = Depends(role_required("fund_officer"))
Staff = Depends(role_required(*STAFF))

STEPS = {
    "field-survey": "field-survey",
    "risk-review": "risk-review",
    "committee-referral": "committee-referral",
}
DOCUMENT_TYPES = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpg",
}


async def application_view(api: Api, application_id: str) -> dict[str, Any]:
    """Everything a reviewer or the committee reads about an application, in one place."""
    base = f"/v1/applications/{application_id}"
    application = await api.get("financing", base)
    checks = await api.all("financing", f"{base}/eligibility")
    view: dict[str, Any] = {
        "application": application,
        "eligibility": checks[-1] if checks else None,
        "assessments": await api.all("financing", f"{base}/assessments"),
        "documents": await api.all("financing", f"{base}/documents"),
        "history": await api.all("financing", f"{base}/history"),
        "decisions": await api.all("financing", f"{base}/committee-decisions"),
        "requests": await api.all("financing", f"{base}/document-requests"),
        "document_kinds": DOCUMENT_KINDS,
        "agreement": None,
    }
    if application["status"] in ("approved", "signed"):
        view["agreement"] = await api.get("financing", f"{base}/agreement")
    return view


def render_review(request: Request, view: dict[str, Any], form: Form | None = None) -> HTMLResponse:
    return render(
        request,
        "desk/application.html",
        title=N_("Application"),
        status_names=STATUS_NAMES,
        form=form,
        **view,
    )


@router.get("/desk/applications/{application_id}", response_class=HTMLResponse)
async def review(
    request: Request, application_id: str, person: Person = Staff, api: Api = Depends(api)
) -> HTMLResponse:
    return render_review(request, await application_view(api, application_id))


@router.post("/desk/applications/{application_id}", response_class=HTMLResponse)
async def act(
    request: Request,
    application_id: str,
    person: Person = Officer,
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    action = str(form.get("action") or "")
    # Each form's fields are named ``<action>_<field>``, so the ids on the page are unique.
    note = str(form.get(f"{action}_note") or "").strip() or None
    base = f"/v1/applications/{application_id}"
    key = idempotency_key(person, request, form)
    fields = {
        "note": f"{action}_note",
        "reason": f"{action}_note",
        "recommendation": "assess_recommendation",
        "kind": "request_kind",
        "due_on": "request_due",
    }
    try:
        if action in STEPS:
            await api.post(
                "financing", f"{base}/{STEPS[action]}", {"note": note}, idempotency_key=key
            )
        elif action == "assess":
            body = {"recommendation": form.get("assess_recommendation") or "", "note": note}
            await api.post("financing", f"{base}/assessments", body, idempotency_key=key)
        elif action == "request":
            body = {
                "kind": form.get("request_kind") or "",
                "note": note or "",
                "due_on": str(form.get("request_due") or "") or None,
            }
            await api.post("financing", f"{base}/document-requests", body, idempotency_key=key)
        elif action == "reject":
            await api.post(
                "financing", f"{base}/reject", {"reason": note or ""}, idempotency_key=key
            )
        elif action == "sign":
            body = {"terms_hash": form.get("terms_hash"), "note": note}
            await api.post("financing", f"{base}/sign", body, idempotency_key=key)
        else:
            return redirect(f"/desk/applications/{application_id}")
    except ProblemError as exc:
        view = await application_view(api, application_id)
        return render_review(request, view, form_with_problem(form, exc, fields))
    return redirect(f"/desk/applications/{application_id}")


@router.get("/desk/applications/{application_id}/akad.pdf")
async def akad_pdf(
    application_id: str, person: Person = Staff, api: Api = Depends(api)
) -> Response:
    return await download(
        api,
        "financing",
        f"/v1/applications/{application_id}/agreement.pdf",
        "application/pdf",
        f"akad-{application_id}.pdf",
    )


@router.get("/desk/applications/{application_id}/documents/{document_id}")
async def document(
    application_id: str,
    document_id: str,
    person: Person = Staff,
    api: Api = Depends(api),
) -> Response:
    documents = await api.all("financing", f"/v1/applications/{application_id}/documents")
    found = next((d for d in documents if d["id"] == document_id), None)
    if found is None or found["content_type"] not in DOCUMENT_TYPES:
        from console.errors import PageNotFound

        raise PageNotFound
    return await download(
        api,
        "financing",
        f"/v1/applications/{application_id}/documents/{document_id}/content",
        found["content_type"],
        f"document-{document_id}.{DOCUMENT_TYPES[found['content_type']]}",
    )
