"""``/admin/people``: every person, by name, found by name or email, role, organisation and
status (paged); one person with their memberships (disable or re-enable the account, end or
restore a membership); invitations."""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import urlencode

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


# The filter form's fields (named apart from the invitation form's) and the API's names.
FILTERS = {"q": "q", "in_role": "role", "account": "status", "in_org": "org_id"}
STATUSES = [
    ("active", N_("active")),
    ("invited", N_("invited")),
    ("locked", N_("locked")),
    ("disabled", N_("disabled")),
]


def _filters(request: Request) -> tuple[dict[str, str], Form]:
    """The list's filters as typed, and the ones the registry can take (a bad one is said
    next to its field and left out)."""
    typed = {k: (request.query_params.get(k) or "").strip() for k in FILTERS}
    shown = Form(values=dict(typed))
    kept = {k: v for k, v in typed.items() if v}
    if "q" in kept and len(kept["q"]) < 2:
        shown.add("q", N_("Type at least two letters."))
        del kept["q"]
    if "in_org" in kept:
        try:
            uuid.UUID(kept["in_org"])
        except ValueError:
            shown.add("in_org", N_("An organisation id looks like 0190a1b2-..."))
            del kept["in_org"]
    return kept, shown


async def _people_page(request: Request, api: Api, form: Form | None = None) -> HTMLResponse:
    kept, shown = _filters(request)
    cursor = request.query_params.get("cursor") or None
    sent = {FILTERS[k]: v for k, v in kept.items()}
    found = await api.get("registry", "/v1/people", **sent, cursor=cursor, limit=50)
    roles = [(value, gettext(label)) for value, label in ROLES]
    return render(
        request,
        "admin/people.html",
        title=N_("People"),
        people=found["items"],
        next_page=(
            "/admin/people?" + urlencode({**kept, "cursor": found["next_cursor"]})
            if found.get("next_cursor")
            else None
        ),
        filters=shown,
        roles=roles,
        role_choices=[("", gettext("Every role")), *roles],
        status_choices=[("", gettext("Every status"))]
        + [(v, gettext(label)) for v, label in STATUSES],
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
