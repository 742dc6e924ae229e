"""``/admin``: API clients and the audit trail (people and webhooks: ``people.py``,
``webhooks.py``). Secrets are shown once, on the page that answers the command, never kept."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from console.admin import people, webhooks
from console.admin.calls import ROLES, SCOPES, patch
from console.admin.names import audit_names
from console.api import Api
from console.forms import form_with_problem, idempotency_key, problem_errors, verified_form
from console.i18n import N_, gettext
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form, NavItem, redirect, render
from kopmod_shared.errors import ProblemError

router = APIRouter(include_in_schema=False)
router.include_router(people.router)
router.include_router(webhooks.router)
ADMIN = frozenset({"admin"})
NAV = [
    NavItem(N_("API clients"), "/admin/clients", ADMIN, order=60),
    NavItem(N_("People"), "/admin/people", ADMIN, order=61),
    NavItem(N_("Webhooks"), "/admin/webhooks", ADMIN, order=62),
    NavItem(N_("Audit trail"), "/admin/audit", ADMIN, order=63),
]
admin_only = role_required("admin")
CLIENT_FIELDS = {"name": "name", "role": "role", "org_id": "org_id", "client_id": "client_id"}


async def _clients_page(request: Request, api: Api, form: Form | None = None) -> HTMLResponse:
    clients = await api.get("registry", "/v1/clients", limit=100)
    return render(
        request,
        "admin/clients.html",
        title=N_("API clients"),
        clients=clients["items"],
        roles=[(value, gettext(label)) for value, label in ROLES],
        scopes=SCOPES,
        form=form,
    )


@router.get("/admin/clients", response_class=HTMLResponse)
async def clients(
    request: Request, person: Person = Depends(admin_only), api: Api = Depends(api)
) -> HTMLResponse:
    return await _clients_page(request, api)


@router.post("/admin/clients", response_class=HTMLResponse)
async def create_client(
    request: Request,
    person: Person = Depends(admin_only),
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> HTMLResponse:
    body: dict[str, Any] = {
        "name": str(form.get("name") or "").strip(),
        "role": form.get("role"),
        "scopes": [s for s in form.getlist("scopes") if s in SCOPES],
    }
    if form.get("org_id"):
        body["org_id"] = str(form.get("org_id")).strip()
    if form.get("client_id"):
        body["client_id"] = str(form.get("client_id")).strip()
    try:
        created = await api.post(
            "registry", "/v1/clients", body, idempotency_key=idempotency_key(person, request, form)
        )
    except ProblemError as exc:
        return await _clients_page(request, api, form_with_problem(form, exc, CLIENT_FIELDS))
    return render(
        request, "admin/secret.html", title=N_("The client's secret"), client=created, new=True
    )


@router.get("/admin/clients/{client_uuid}", response_class=HTMLResponse)
async def client_page(
    client_uuid: str,
    request: Request,
    person: Person = Depends(admin_only),
    api: Api = Depends(api),
) -> HTMLResponse:
    client = await api.get("registry", f"/v1/clients/{client_uuid}")
    return render(request, "admin/client.html", title=N_("API client"), client=client)


@router.post("/admin/clients/{client_uuid}/secret", response_class=HTMLResponse)
async def rotate_secret(
    client_uuid: str,
    request: Request,
    person: Person = Depends(admin_only),
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    try:
        rotated = await api.post(
            "registry",
            f"/v1/clients/{client_uuid}/secret",
            None,
            idempotency_key=idempotency_key(person, request, form),
        )
    except ProblemError as exc:
        client = await api.get("registry", f"/v1/clients/{client_uuid}")
        return render(
            request,
            "admin/client.html",
            title=N_("API client"),
            client=client,
            form=form_with_problem(form, exc, {}),
        )
    return render(
        request, "admin/secret.html", title=N_("The client's secret"), client=rotated, new=False
    )


@router.post("/admin/clients/{client_uuid}/active")
async def set_active(
    client_uuid: str,
    request: Request,
    person: Person = Depends(admin_only),
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    active = form.get("active") == "true"
    await patch(
        api,
        f"/v1/clients/{client_uuid}",
        {"active": active},
        idempotency_key(person, request, form),
    )
    return redirect(f"/admin/clients/{client_uuid}")


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


@router.get("/admin/audit", response_class=HTMLResponse)
async def audit(
    request: Request,
    person: Person = Depends(admin_only),
    api: Api = Depends(api),
) -> HTMLResponse:
    """Search by person (their id, or a client's), object (an id) and dates (WIB days are
    near enough: the trail is searched by whole UTC days from the first to the last)."""
    query = dict(request.query_params)
    form = Form(values=query)
    since, until = _day(query.get("since")), _day(query.get("until"))
    if query.get("since") and since is None:
        form.add("since", gettext("Enter a date like 2026-12-01."))
    if query.get("until") and until is None:
        form.add("until", gettext("Enter a date like 2026-12-01."))
    if since and until and until < since:
        form.add("until", gettext("The last day is before the first."))
    page: dict[str, Any] = {"items": [], "next_cursor": None}
    if not form.errors:
        try:
            resp = await api.registry.request(
                "GET",
                "/v1/audit-records",
                params={
                    k: v
                    for k, v in {
                        "actor": query.get("actor") or None,
                        "target_id": query.get("target_id") or None,
                        "action": query.get("action") or None,
                        "since": since.isoformat() if since else None,
                        "until": (until + timedelta(days=1)).isoformat() if until else None,
                        "cursor": query.get("cursor") or None,
                        "limit": 25,
                    }.items()
                    if v is not None
                },
            )
            page = resp.json()
        except ProblemError as exc:
            form = Form(values=query, errors=problem_errors(exc, {"target_id": "target_id"}))
    next_query = None
    if page.get("next_cursor"):
        kept = {k: v for k, v in query.items() if k != "cursor" and v}
        next_query = {**kept, "cursor": page["next_cursor"]}
    return render(
        request,
        "admin/audit.html",
        title=N_("Audit trail"),
        records=page["items"],
        names=await audit_names(api, page["items"]),
        next_query=next_query,
        form=form,
    )
