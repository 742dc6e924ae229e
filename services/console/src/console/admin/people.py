"""``/admin/people``: the people of an organisation (or the platform's staff), one person with
their memberships (disable or re-enable the account, end or restore a membership), and
invitations."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from console.admin.calls import ROLES, patch
from console.api import Api
from console.forms import form_with_problem, idempotency_key, verified_form
from console.i18n import N_, gettext
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form, redirect, render
from kopmod_shared.errors import ProblemError

router = APIRouter(include_in_schema=False)
admin_only = role_required("admin")
INVITE_FIELDS = {"email": "email", "name": "name", "role": "role", "org_id": "org_id"}


async def _people_page(request: Request, api: Api, form: Form | None = None) -> HTMLResponse:
    org = request.query_params.get("org_id") or ""
    found: list[dict[str, Any]] | None = None
    if org:
        found = (await api.get("registry", f"/v1/organisations/{org}/people"))["items"]
    return render(
        request,
        "admin/people.html",
        title=N_("People"),
        org_id=org,
        people=found,
        roles=[(value, gettext(label)) for value, label in ROLES],
        form=form,
    )


@router.get("/admin/people", response_class=HTMLResponse)
async def people(
    request: Request, person: Person = Depends(admin_only), api: Api = Depends(api)
) -> HTMLResponse:
    return await _people_page(request, api)


@router.post("/admin/people/invitations", response_class=HTMLResponse)
async def invite(
    request: Request,
    person: Person = Depends(admin_only),
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    body: dict[str, Any] = {
        "email": str(form.get("email") or "").strip(),
        "name": str(form.get("name") or "").strip(),
        "role": form.get("role"),
        "language": "id",
    }
    if form.get("org_id"):
        body["org_id"] = str(form.get("org_id")).strip()
    try:
        invited = await api.post(
            "registry",
            "/v1/people/invitations",
            body,
            idempotency_key=idempotency_key(person, request, form),
        )
    except ProblemError as exc:
        return await _people_page(request, api, form_with_problem(form, exc, INVITE_FIELDS))
    return redirect(f"/admin/people/{invited['id']}")


@router.get("/admin/people/{person_id}", response_class=HTMLResponse)
async def person_page(
    person_id: str,
    request: Request,
    person: Person = Depends(admin_only),
    api: Api = Depends(api),
) -> HTMLResponse:
    found = await api.get("registry", f"/v1/people/{person_id}")
    return render(request, "admin/person.html", title=N_("Person"), found=found)


@router.post("/admin/people/{person_id}/status")
async def set_status(
    person_id: str,
    request: Request,
    person: Person = Depends(admin_only),
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    status = "disabled" if form.get("status") == "disabled" else "active"
    await patch(
        api,
        f"/v1/people/{person_id}",
        {"status": status},
        idempotency_key(person, request, form),
    )
    return redirect(f"/admin/people/{person_id}")


@router.post("/admin/people/{person_id}/memberships/{membership_id}")
async def set_membership(
    person_id: str,
    membership_id: str,
    request: Request,
    person: Person = Depends(admin_only),
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    await patch(
        api,
        f"/v1/memberships/{membership_id}",
        {"active": form.get("active") == "true"},
        idempotency_key(person, request, form),
    )
    return redirect(f"/admin/people/{person_id}")
