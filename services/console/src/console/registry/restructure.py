"""``/registry/restructuring``: a merger, fusion or spin-off in two steps. The cooperatives are
found by name (the registry's search; those already chosen stay on the page with their names),
never typed as ids. The form is first sent to the registry's preview (nothing recorded): the
page shows who is merged, what moves to the successor and what stays, and the lineage with the
proposed step drawn; "Record it" then records the same request and the successor's page shows
the lineage."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from console.api import Api
from console.forms import form_with_problem, idempotency_key, values, verified_form
from console.i18n import N_, gettext
from console.registry import graph
from console.registry.forms import COOPERATIVE_FIELDS, cooperative_body, text, type_options
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form, redirect, render
from kopmod_shared.errors import ProblemError

router = APIRouter(include_in_schema=False)
staff = role_required("ministry", "admin")
KINDS = [
    ("merger", N_("Merger (penggabungan): absorbed into an existing cooperative")),
    ("fusion", N_("Fusion (peleburan): two or more become a new cooperative")),
    ("spin_off", N_("Spin-off (pemekaran usaha): a new cooperative in another sector")),
]
PATHS = {"merger": "mergers", "fusion": "fusions", "spin_off": "spin-offs"}
FIELDS = {
    "predecessor_ids": "predecessor_ids",
    "successor_id": "successor_id",
    "parent_id": "parent_id",
    "effective_on": "effective_on",
    "decree_number": "decree_number",
    "reason": "reason",
    **{k: f"successor_{k}" for k in COOPERATIVE_FIELDS},
}
UUID_RE = re.compile(r"^[0-9a-fA-F-]{36}$")


def chosen(form: FormData | Form) -> list[str]:
    """The cooperatives ticked as merged (ids, in order, once each)."""
    if isinstance(form, Form):
        raw = form.values.get("predecessor_ids") or []
        ticked = raw if isinstance(raw, list) else [raw]
    else:
        ticked = form.getlist("predecessor_ids")
    return list(dict.fromkeys(t for t in ticked if isinstance(t, str) and UUID_RE.match(t)))


def kept(form: FormData) -> Form:
    """The form as typed, the ticked cooperatives as a list."""
    return Form(values={**values(form), "predecessor_ids": chosen(form)})


async def candidates(api: Api, form: Form) -> list[dict[str, Any]]:
    """The cooperatives to choose from: those chosen already (merged, absorbing, parent) with
    their names, then what the name search finds."""
    ids = [*chosen(form), form.value("successor_id"), form.value("parent_id")]
    out: dict[str, dict[str, Any]] = {}
    for cid in ids:
        if isinstance(cid, str) and UUID_RE.match(cid) and cid not in out:
            out[cid] = await api.get("registry", f"/v1/cooperatives/{cid}")
    find = str(form.value("find")).strip()
    if len(find) >= 2:
        found = await api.get("registry", "/v1/cooperatives", q=find[:100], limit=20, sort="name")
        for c in found["items"]:
            out.setdefault(c["id"], c)
    return list(out.values())


def _body(form: FormData, *, preview: bool) -> dict[str, Any]:
    kind = text(form, "kind") or "merger"
    body: dict[str, Any] = {}
    ids = chosen(form)
    if kind == "spin_off":
        body["parent_id"] = text(form, "parent_id") or None
    else:
        body["predecessor_ids"] = ids
    if kind == "merger":
        body["successor_id"] = text(form, "successor_id") or None
    else:
        successor = cooperative_body(form, "successor_")
        if successor or not preview:
            body["successor"] = successor
    for name in ("reason",) + (() if preview else ("effective_on", "decree_number")):
        if text(form, name):
            body[name] = text(form, name)
    if preview:
        body["kind"] = kind
    return body


async def _page(
    request: Request, api: Api, form: Form, preview: dict[str, Any] | None = None
) -> HTMLResponse:
    found = await candidates(api, form)
    context: dict[str, Any] = {"preview": None}
    if preview is not None:
        names = {n["id"]: n["name"] for n in preview["graph"]["nodes"]}
        context = {
            "preview": preview,
            "names": names,
            "preview_svg": graph.svg(preview["graph"], gettext("Lineage after the restructuring")),
            "preview_steps": graph.steps(preview["graph"]),
        }
    return render(
        request,
        "registry/restructure.html",
        title=N_("Restructure cooperatives"),
        kinds=[(v, gettext(label)) for v, label in KINDS],
        types=type_options(),
        candidates=found,
        picked=chosen(form),
        choices=[("", gettext("Choose a cooperative"))]
        + [(c["id"], f"{c['name']} ({c.get('region_code') or ''})") for c in found],
        searched=len(str(form.value("find")).strip()) >= 2,
        form=form,
        **context,
    )


def _with_problem(form: FormData, exc: ProblemError) -> Form:
    shown = form_with_problem(form, exc, FIELDS)
    shown.values["predecessor_ids"] = chosen(form)
    return shown


@router.get("/registry/restructuring", response_class=HTMLResponse)
async def restructure_form(
    request: Request, person: Person = Depends(staff), api: Api = Depends(api)
) -> HTMLResponse:
    form = Form(
        values={
            **dict(request.query_params),
            "predecessor_ids": request.query_params.getlist("predecessor_ids"),
        }
    )
    return await _page(request, api, form)


@router.post("/registry/restructuring", response_class=HTMLResponse)
async def preview_or_record(
    request: Request,
    person: Person = Depends(staff),
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    kind = text(form, "kind") or "merger"
    if form.get("step") == "search":
        return await _page(request, api, kept(form))
    if form.get("step") != "record":
        try:
            answer = await api.post(
                "registry", "/v1/restructurings/preview", _body(form, preview=True)
            )
        except ProblemError as exc:
            return await _page(request, api, _with_problem(form, exc))
        return await _page(request, api, kept(form), answer)
    try:
        recorded = await api.post(
            "registry",
            f"/v1/restructurings/{PATHS.get(kind, 'mergers')}",
            _body(form, preview=False),
            idempotency_key=idempotency_key(person, request, form),
        )
    except ProblemError as exc:
        return await _page(request, api, _with_problem(form, exc))
    return redirect(f"/registry/{recorded['successors'][0]['id']}")
