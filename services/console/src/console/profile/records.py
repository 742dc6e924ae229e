"""What a cooperative records itself in the registry, through the console: its RAT (the report
of its annual members' meeting), its member groups (the whole set at once: the registry checks
at least 2 groups and shares adding up to 100) and its products (add, change, remove). The
registry decides who may (docs/registry.md); the console only shapes the forms."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from console.api import Api
from console.codes import MEMBER_GROUP_KINDS
from console.forms import (
    form_with_problem,
    idempotency_key,
    parse_int,
    parse_money,
    values,
    verified_form,
)
from console.i18n import N_
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form, redirect, render
from kopmod_shared.errors import ProblemError

router = APIRouter(include_in_schema=False)
cooperative = role_required("cooperative")
GROUP_ROWS = 6
RAT_FIELDS = {
    k: k for k in ("year", "held_on", "attendance", "members_total", "net_surplus", "note")
}
RAT_FIELDS.update({k: k for k in ("assets", "liabilities", "equity", "revenue")})
RAT_FIELDS["financials"] = "assets"
PRODUCT_FIELDS = {"name": "name", "hs_code": "hs_code", "description": "description"}


def coop_path(person: Person, rest: str = "") -> str:
    return f"/v1/cooperatives/{person.org_id}{rest}"


async def _command(
    api: Api, request: Request, person: Person, form: FormData, path: str, body: Any, method: str
) -> None:
    key = idempotency_key(person, request, form)
    await api.post("registry", path, body, idempotency_key=key, method=method)


# --- RAT ----------------------------------------------------------------------------------


def _rat_page(request: Request, form: Form, status_code: int = 200) -> HTMLResponse:
    return render(
        request,
        "profile/rat_new.html",
        status_code=status_code,
        title=N_("Report a RAT"),
        form=form,
    )


@router.get("/profile/rats/new", response_class=HTMLResponse)
async def new_rat(request: Request, person: Person = Depends(cooperative)) -> HTMLResponse:
    return _rat_page(request, Form())


@router.post("/profile/rats/new", response_model=None)
async def record_rat(
    request: Request,
    form: FormData = Depends(verified_form),
    person: Person = Depends(cooperative),
    api: Api = Depends(api),
) -> Response:
    result = Form(values=values(form))
    body: dict[str, Any] = {"held_on": str(form.get("held_on", "")).strip() or None}
    for name in ("year", "attendance", "members_total"):
        raw = str(form.get(name, "")).strip()
        number = parse_int(raw) if raw else None
        if raw and number is None:
            result.add(name, N_("Enter a whole number."))
        if number is not None or name != "members_total":
            body[name] = number
    surplus = parse_money(str(form.get("net_surplus", "")).lstrip("-"))
    if surplus is None:
        result.add("net_surplus", N_("Enter an amount in rupiah, for example 150000000."))
    elif str(form.get("net_surplus", "")).strip().startswith("-"):
        surplus = "-" + surplus
    body["net_surplus"] = surplus
    statements = {k: str(form.get(k, "")).strip() for k in ("assets", "liabilities", "equity")}
    statements["revenue"] = str(form.get("revenue", "")).strip()
    if any(statements.values()):
        parsed = {k: parse_money(v) for k, v in statements.items()}
        for k, v in parsed.items():
            if v is None:
                result.add(k, N_("Enter an amount in rupiah, for example 150000000."))
        body["financials"] = parsed
    note = str(form.get("note", "")).strip()
    if note:
        body["note"] = note
    if result.errors:
        return _rat_page(request, result, 400)
    try:
        await _command(api, request, person, form, coop_path(person, "/rats"), body, "POST")
    except ProblemError as exc:
        return _rat_page(request, form_with_problem(form, exc, RAT_FIELDS), 400)
    return redirect("/profile?saved=1#rats")


# --- Member groups --------------------------------------------------------------------------


def _groups_page(request: Request, form: Form, status_code: int = 200) -> HTMLResponse:
    return render(
        request,
        "profile/groups.html",
        status_code=status_code,
        title=N_("Member groups"),
        form=form,
        rows=range(GROUP_ROWS),
        kinds=MEMBER_GROUP_KINDS,
    )


@router.get("/profile/member-groups", response_class=HTMLResponse)
async def groups(
    request: Request, person: Person = Depends(cooperative), api: Api = Depends(api)
) -> HTMLResponse:
    record = await api.get("registry", coop_path(person))
    v: dict[str, Any] = {}
    for i, g in enumerate(record.get("member_groups") or []):
        v.update(
            {
                f"kind_{i}": g["kind"],
                f"name_{i}": g["name"],
                f"members_{i}": g["member_count"],
                f"share_{i}": g["voting_share"],
            }
        )
    return _groups_page(request, Form(values=v))


@router.post("/profile/member-groups", response_model=None)
async def save_groups(
    request: Request,
    form: FormData = Depends(verified_form),
    person: Person = Depends(cooperative),
    api: Api = Depends(api),
) -> Response:
    result = Form(values=values(form))
    rows = []
    for i in range(GROUP_ROWS):
        name = str(form.get(f"name_{i}", "")).strip()
        raw_members = str(form.get(f"members_{i}", "")).strip()
        raw_share = str(form.get(f"share_{i}", "")).strip().replace(",", ".")
        if not (name or raw_members or raw_share):
            continue
        members = parse_int(raw_members)
        if not name:
            result.add(f"name_{i}", N_("Enter the group's name."))
        if members is None:
            result.add(f"members_{i}", N_("Enter a whole number."))
        if not raw_share:
            result.add(f"share_{i}", N_("Enter the group's share of the vote, for example 40."))
        rows.append(
            {
                "kind": str(form.get(f"kind_{i}", "")),
                "name": name,
                "member_count": members,
                "voting_share": raw_share,
            }
        )
    if not rows:
        result.add("name_0", N_("Add at least two groups."))
    if result.errors:
        return _groups_page(request, result, 400)
    try:
        path = coop_path(person, "/member-groups")
        await _command(api, request, person, form, path, {"groups": rows}, "PUT")
    except ProblemError as exc:
        fields = {"groups": "name_0", "voting_share": "share_0", "member_count": "members_0"}
        return _groups_page(request, form_with_problem(form, exc, fields), 400)
    return redirect("/profile?saved=1#groups")


# --- Products -------------------------------------------------------------------------------


def _product_body(form: FormData) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": str(form.get("name", "")).strip(),
        "hs_code": str(form.get("hs_code", "")).strip().replace(".", ""),
        "processed": form.get("processed") == "yes",
        "domestic_market": form.get("domestic_market") == "yes",
        "export_market": form.get("export_market") == "yes",
    }
    description = str(form.get("description", "")).strip()
    body["description"] = description or None
    return body


def _product_page(
    request: Request, form: Form, product: dict[str, Any] | None, status_code: int = 200
) -> HTMLResponse:
    return render(
        request,
        "profile/product.html",
        status_code=status_code,
        title=N_("Change a product") if product else N_("Add a product"),
        form=form,
        product=product,
        # Its own form id: removing is another command than saving (another Idempotency-Key).
        remove_form=Form(),
    )


@router.get("/profile/products/new", response_class=HTMLResponse)
async def new_product(request: Request, person: Person = Depends(cooperative)) -> HTMLResponse:
    return _product_page(request, Form(values={"domestic_market": "yes"}), None)


async def _product(api: Api, person: Person, product_id: str) -> dict[str, Any]:
    for p in await api.all("registry", coop_path(person, "/products")):
        if p["id"] == product_id:
            return dict(p)
    from console.errors import PageNotFound

    raise PageNotFound


@router.get("/profile/products/{product_id}", response_class=HTMLResponse)
async def product(
    request: Request,
    product_id: str,
    person: Person = Depends(cooperative),
    api: Api = Depends(api),
) -> HTMLResponse:
    found = await _product(api, person, product_id)
    v = {k: found.get(k) or "" for k in ("name", "hs_code", "description")}
    v.update({k: "yes" for k in ("processed", "domestic_market", "export_market") if found[k]})
    return _product_page(request, Form(values=v), found)


@router.post("/profile/products/{product_id}", response_model=None)
async def save_product(
    request: Request,
    product_id: str,
    form: FormData = Depends(verified_form),
    person: Person = Depends(cooperative),
    api: Api = Depends(api),
) -> Response:
    """``new``: add; another id: change it, or remove it (``action=remove``)."""
    found = None if product_id == "new" else await _product(api, person, product_id)
    try:
        if found is None:
            path, method, body = coop_path(person, "/products"), "POST", _product_body(form)
        elif form.get("action") == "remove":
            path, method, body = coop_path(person, f"/products/{product_id}"), "DELETE", None
        else:
            path, method = coop_path(person, f"/products/{product_id}"), "PATCH"
            body = _product_body(form)
        await _command(api, request, person, form, path, body, method)
    except ProblemError as exc:
        fields = {**PRODUCT_FIELDS, "domestic_market": "domestic_market"}
        return _product_page(request, form_with_problem(form, exc, fields), found, 400)
    return redirect("/profile?saved=1#products")
