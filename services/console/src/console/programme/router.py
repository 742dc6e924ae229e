"""``/programme``: the programme view (ministry, admin), filtered by province and cohort, and
``/programme.csv``: its tables as one CSV."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from console.api import Api
from console.i18n import N_, gettext
from console.programme.charts import Bar, bar_chart, progress
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form, NavItem, render
from kopmod_shared.csvexport import csv_response, write_csv

router = APIRouter(include_in_schema=False)
NAV = [NavItem(N_("Programme"), "/programme", frozenset({"ministry", "admin"}), order=30)]
staff = role_required("ministry", "admin")
BANDS = {
    "ready": N_("ready"),
    "advancing": N_("advancing"),
    "developing": N_("developing"),
    "early": N_("early"),
    "unscored": N_("not scored"),
}
PHASES = {
    "permodelan": N_("modelling (permodelan)"),
    "replikasi": N_("replication (replikasi)"),
    "masifikasi": N_("massification (masifikasi)"),
    "pemantapan": N_("consolidation (pemantapan)"),
    "none": N_("no phase"),
}


def _filters(request: Request) -> tuple[dict[str, Any], Form]:
    q = request.query_params
    form = Form(values={"province": q.get("province", ""), "cohort_year": q.get("cohort_year", "")})
    params: dict[str, Any] = {}
    province = q.get("province", "").strip()
    if province:
        if len(province) == 2 and province.isdigit():
            params["province"] = province
        else:
            form.add("province", gettext("Enter the province's two-digit code, for example 32."))
    cohort = q.get("cohort_year", "").strip()
    if cohort:
        if cohort.isdigit() and 2000 <= int(cohort) <= 2099:
            params["cohort_year"] = int(cohort)
        else:
            form.add("cohort_year", gettext("Enter a year, for example 2022."))
    return params, form


def tables(view: dict[str, Any]) -> dict[str, list[tuple[str, int]]]:
    """Each chart's rows (translated label, count)."""
    return {
        "phase": [(gettext(PHASES.get(k, k)), v) for k, v in view["by_phase"].items()],
        "band": [
            (gettext(BANDS[k]), view["by_readiness_band"].get(k, 0))
            for k in BANDS
            if k in view["by_readiness_band"]
        ],
        "province": [(p["name"], p["cooperatives"]) for p in view["provinces"]],
        "cohort": [
            (str(c["cohort_year"] or gettext("no cohort")), c["cooperatives"])
            for c in view["cohorts"]
        ],
        "mentoring": [
            (gettext(BANDS.get(k, k)), v)
            for k, v in view["mentoring"]["mentored_by_readiness_band"].items()
        ],
    }


def _chart(key: str, title: str, rows: list[tuple[str, int]]) -> dict[str, Any]:
    total = sum(v for _, v in rows)
    biggest = max(rows, key=lambda r: r[1]) if rows else None
    summary = (
        gettext(
            "%(total)s cooperatives; the most in %(label)s (%(count)s).",
            total=total,
            label=biggest[0],
            count=biggest[1],
        )
        if biggest
        else gettext("No cooperative.")
    )
    return {
        "id": f"chart-{key}",
        "title": title,
        "summary": summary,
        "rows": rows,
        "svg": bar_chart(f"chart-{key}", title, summary, [Bar(k, v) for k, v in rows]),
    }


@router.get("/programme", response_class=HTMLResponse)
async def programme(
    request: Request, person: Person = Depends(staff), api: Api = Depends(api)
) -> HTMLResponse:
    params, form = _filters(request)
    view = await api.get("registry", "/v1/programme/modernisation", **params)
    rows = tables(view)
    meeting, target = view["meeting_all_four"], view["target"]
    target_summary = (
        gettext(
            "%(done)s of the target of %(target)s modern cooperatives meet all four aspects; "
            "%(left)s to go.",
            done=meeting,
            target=target,
            left=view["remaining_to_target"],
        )
        if meeting is not None
        else gettext("Not known now: a service did not answer.")
    )
    charts = [
        _chart("phase", gettext("Cooperatives by programme phase"), rows["phase"]),
        _chart("band", gettext("Cooperatives by readiness"), rows["band"]),
        _chart("province", gettext("Cooperatives by province"), rows["province"]),
        _chart("cohort", gettext("Cooperatives by cohort"), rows["cohort"]),
        _chart("mentoring", gettext("Mentored cooperatives by readiness"), rows["mentoring"]),
    ]
    return render(
        request,
        "programme/index.html",
        title=N_("Programme"),
        view=view,
        charts=charts,
        target_summary=target_summary,
        target_svg=progress(
            "chart-target", gettext("Progress to the target"), target_summary, meeting or 0, target
        ),
        csv_query=request.url.query,
        bands=BANDS,
        form=form,
    )


@router.get("/programme.csv")
async def programme_csv(
    request: Request, person: Person = Depends(staff), api: Api = Depends(api)
) -> Response:
    params, _form = _filters(request)
    view = await api.get("registry", "/v1/programme/modernisation", **params)
    out: list[list[Any]] = []
    names = {
        "phase": gettext("phase"),
        "band": gettext("readiness"),
        "province": gettext("province"),
        "cohort": gettext("cohort"),
        "mentoring": gettext("mentored, by readiness"),
    }
    for key, rows in tables(view).items():
        out += [[names[key], label, count] for label, count in rows]
    out.append([gettext("target"), gettext("meeting all four"), view["meeting_all_four"]])
    out.append([gettext("target"), gettext("target"), view["target"]])
    text = write_csv([gettext("table"), gettext("group"), gettext("cooperatives")], out)
    return csv_response(text, "programme.csv")
