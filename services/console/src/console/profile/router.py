"""``/profile``: the cooperative's registry record and history, ``/profile/edit`` for the
fields a cooperative may change itself (the registry refuses the rest with 403); its RATs,
member groups and products (``records.py``); the home section (``home.py``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from console.api import Api
from console.forms import form_with_problem, idempotency_key, values, verified_form
from console.i18n import N_
from console.profile import records
from console.profile.home import HOME as HOME
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form, NavItem, redirect, render
from kopmod_shared.errors import ProblemError

router = APIRouter(include_in_schema=False)
router.include_router(records.router)
cooperative = role_required("cooperative")
NAV = [NavItem(N_("Our cooperative"), "/profile", frozenset({"cooperative"}), order=10)]

# What a cooperative may change itself (the registry's rule), as form fields.
EDITABLE = ("address", "latitude", "longitude", "business_sectors", "commodities", "member_count")
HEALTH_NAMES = {
    "sehat": N_("healthy"),
    "cukup_sehat": N_("fairly healthy"),
    "dalam_pengawasan": N_("under supervision"),
    "dalam_pengawasan_khusus": N_("under special supervision"),
}


def coop_path(person: Person, rest: str = "") -> str:
    return f"/v1/cooperatives/{person.org_id}{rest}"


@router.get("/profile", response_class=HTMLResponse)
async def profile(
    request: Request, person: Person = Depends(cooperative), api: Api = Depends(api)
) -> HTMLResponse:
    record = await api.get("registry", coop_path(person))
    return render(
        request,
        "profile/profile.html",
        title=N_("Our cooperative"),
        coop=record,
        rats=sorted(
            await api.all("registry", coop_path(person, "/rats")),
            key=lambda r: r["year"],
            reverse=True,
        ),
        health=await api.all("registry", coop_path(person, "/health-assessments")),
        mentoring=await api.all("registry", coop_path(person, "/mentoring")),
        groups=record.get("member_groups") or [],
        products=await api.all("registry", coop_path(person, "/products")),
        health_names=HEALTH_NAMES,
    )


def _form_of(record: dict[str, Any]) -> Form:
    v = {k: record.get(k) for k in EDITABLE}
    v["business_sectors"] = ", ".join(record.get("business_sectors") or [])
    v["commodities"] = ", ".join(record.get("commodities") or [])
    return Form(values=v)


@router.get("/profile/edit", response_class=HTMLResponse)
async def edit(
    request: Request, person: Person = Depends(cooperative), api: Api = Depends(api)
) -> HTMLResponse:
    record = await api.get("registry", coop_path(person))
    return render(
        request, "profile/edit.html", title=N_("Change our details"), form=_form_of(record)
    )


@router.post("/profile/edit", response_model=None)
async def save(
    request: Request,
    form: FormData = Depends(verified_form),
    person: Person = Depends(cooperative),
    api: Api = Depends(api),
) -> Response:
    result = Form(values=values(form))
    change: dict[str, Any] = {"address": str(form.get("address", "")).strip()}
    for name in ("latitude", "longitude"):
        raw = str(form.get(name, "")).strip().replace(",", ".")
        try:
            change[name] = float(raw)
        except ValueError:
            result.add(name, N_("Enter a number, for example -7.2."))
    raw_count = str(form.get("member_count", "")).strip()
    if raw_count.isdigit():
        change["member_count"] = int(raw_count)
    else:
        result.add("member_count", N_("Enter a whole number."))
    for name in ("business_sectors", "commodities"):
        change[name] = [p.strip() for p in str(form.get(name, "")).split(",") if p.strip()]
    if result.errors:
        return render(request, "profile/edit.html", status_code=400, form=result)
    try:
        await api.post(
            "registry",
            coop_path(person),
            change,
            idempotency_key=idempotency_key(person, request, form),
            method="PATCH",
        )
    except ProblemError as exc:
        failed = form_with_problem(form, exc, {k: k for k in EDITABLE})
        return render(request, "profile/edit.html", status_code=400, form=failed)
    return redirect("/profile?saved=1")
