"""``/registry``: find, register and edit cooperatives, record RATs and health assessments, the
scorecard PDF for the RAT (import: ``importer.py``; restructuring: ``restructure.py``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from console.api import Api
from console.errors import PageNotFound
from console.forms import form_with_problem, idempotency_key, verified_form
from console.i18n import N_
from console.registry import graph, importer, restructure
from console.registry.forms import COOPERATIVE_FIELDS, cooperative_body, text, type_options
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form, NavItem, redirect, render
from kopmod_shared.errors import Forbidden, NotFound, ProblemError

router = APIRouter(include_in_schema=False)
router.include_router(importer.router)
router.include_router(restructure.router)
STAFF = frozenset({"ministry", "admin"})
NAV = [NavItem(N_("Registry"), "/registry", STAFF, order=40)]
staff = role_required("ministry", "admin")
RAT_FIELDS = {
    "year": "year",
    "held_on": "held_on",
    "attendance": "attendance",
    "members_total": "members_total",
    "net_surplus": "net_surplus",
}
HEALTH_FIELDS = {
    "year": "year",
    "score": "score",
    "assessed_on": "assessed_on",
    "assessor": "assessor",
}


@router.get("/registry", response_class=HTMLResponse)
async def search(
    request: Request, person: Person = Depends(staff), api: Api = Depends(api)
) -> HTMLResponse:
    q = request.query_params.get("q", "").strip()
    found = await api.get("registry", "/v1/cooperatives", q=q or None, limit=50)
    return render(
        request,
        "registry/index.html",
        title=N_("Registry"),
        q=q,
        cooperatives=found["items"],
    )


def _cooperative_form(
    request: Request, form: Form | None, cooperative: dict[str, Any] | None = None
) -> HTMLResponse:
    return render(
        request,
        "registry/cooperative_form.html",
        title=N_("Edit the cooperative") if cooperative else N_("Register a cooperative"),
        cooperative=cooperative,
        types=type_options(),
        form=form,
    )


@router.get("/registry/new", response_class=HTMLResponse)
async def new(request: Request, person: Person = Depends(staff)) -> HTMLResponse:
    return _cooperative_form(request, None)


@router.post("/registry/new", response_class=HTMLResponse)
async def register(
    request: Request,
    person: Person = Depends(staff),
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    try:
        created = await api.post(
            "registry",
            "/v1/cooperatives",
            cooperative_body(form),
            idempotency_key=idempotency_key(person, request, form),
        )
    except ProblemError as exc:
        return _cooperative_form(request, form_with_problem(form, exc, COOPERATIVE_FIELDS))
    return redirect(f"/registry/{created['id']}")


async def _get(api: Api, path: str, **params: Any) -> Any:
    try:
        return await api.get("registry", path, **params)
    except PageNotFound:
        return None


@router.get("/registry/{cooperative_id}", response_class=HTMLResponse)
async def cooperative(
    cooperative_id: str,
    request: Request,
    person: Person = Depends(staff),
    api: Api = Depends(api),
) -> HTMLResponse:
    coop = await api.get("registry", f"/v1/cooperatives/{cooperative_id}")
    rats = await _get(api, f"/v1/cooperatives/{cooperative_id}/rats")
    health = await _get(api, f"/v1/cooperatives/{cooperative_id}/health-assessments")
    lineage = await api.get("registry", f"/v1/cooperatives/{cooperative_id}/lineage-graph")
    return render(
        request,
        "registry/cooperative.html",
        title=N_("Cooperative"),
        coop=coop,
        rats=(rats or {}).get("items", rats) or [],
        health=(health or {}).get("items", health) or [],
        lineage_svg=graph.svg(lineage, coop["name"]),
        lineage_steps=graph.steps(lineage),
    )


@router.get("/registry/{cooperative_id}/edit", response_class=HTMLResponse)
async def edit(
    cooperative_id: str,
    request: Request,
    person: Person = Depends(staff),
    api: Api = Depends(api),
) -> HTMLResponse:
    coop = await api.get("registry", f"/v1/cooperatives/{cooperative_id}")
    values = {k: coop.get(k) for k in COOPERATIVE_FIELDS}
    for listed in ("business_sectors", "commodities"):
        values[listed] = ", ".join(coop.get(listed) or [])
    return _cooperative_form(request, Form(values=values), coop)


@router.post("/registry/{cooperative_id}/edit", response_class=HTMLResponse)
async def save(
    cooperative_id: str,
    request: Request,
    person: Person = Depends(staff),
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    coop = await api.get("registry", f"/v1/cooperatives/{cooperative_id}")
    changes = {
        k: v
        for k, v in cooperative_body(form).items()
        if v != coop.get(k)  # send only what changed
    }
    try:
        if changes:
            await api.registry.request(
                "PATCH",
                f"/v1/cooperatives/{cooperative_id}",
                json=changes,
                idempotency_key=idempotency_key(person, request, form),
            )
    except (NotFound, Forbidden) as exc:
        raise PageNotFound from exc
    except ProblemError as exc:
        return _cooperative_form(request, form_with_problem(form, exc, COOPERATIVE_FIELDS), coop)
    return redirect(f"/registry/{cooperative_id}")


def _record_form(
    request: Request, coop: dict[str, Any], which: str, form: Form | None
) -> HTMLResponse:
    return render(
        request,
        f"registry/{which}_form.html",
        title=N_("Record a RAT") if which == "rat" else N_("Record a health assessment"),
        coop=coop,
        form=form,
    )


@router.get("/registry/{cooperative_id}/{which}/new", response_class=HTMLResponse)
async def record_form(
    cooperative_id: str,
    which: str,
    request: Request,
    person: Person = Depends(staff),
    api: Api = Depends(api),
) -> HTMLResponse:
    if which not in ("rat", "health"):
        raise PageNotFound
    coop = await api.get("registry", f"/v1/cooperatives/{cooperative_id}")
    return _record_form(request, coop, which, None)


@router.post("/registry/{cooperative_id}/{which}/new", response_class=HTMLResponse)
async def record(
    cooperative_id: str,
    which: str,
    request: Request,
    person: Person = Depends(staff),
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    if which not in ("rat", "health"):
        raise PageNotFound
    coop = await api.get("registry", f"/v1/cooperatives/{cooperative_id}")
    names = RAT_FIELDS if which == "rat" else HEALTH_FIELDS
    body: dict[str, Any] = {k: text(form, k) for k in names if text(form, k)}
    for whole in ("year", "attendance", "members_total"):
        if body.get(whole, "").isdigit():
            body[whole] = int(body[whole])
    path = "rats" if which == "rat" else "health-assessments"
    try:
        await api.post(
            "registry",
            f"/v1/cooperatives/{cooperative_id}/{path}",
            body,
            idempotency_key=idempotency_key(person, request, form),
        )
    except ProblemError as exc:
        return _record_form(request, coop, which, form_with_problem(form, exc, names))
    return redirect(f"/registry/{cooperative_id}")


@router.get("/registry/{cooperative_id}/scorecard.pdf")
async def scorecard_pdf(
    cooperative_id: str, person: Person = Depends(staff), api: Api = Depends(api)
) -> Response:
    """The scorecard PDF for the RAT, fetched with the person's token and passed through."""
    try:
        resp = await api.registry.request(
            "GET", f"/v1/cooperatives/{cooperative_id}/modernisation.pdf"
        )
    except (NotFound, Forbidden) as exc:
        raise PageNotFound from exc
    return Response(
        resp.content,
        media_type="application/pdf",
        headers={
            "Content-Disposition": resp.headers.get("content-disposition", "attachment"),
            "Cache-Control": "no-store",
        },
    )
