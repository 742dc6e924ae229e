"""``/funds``: the fund dashboard for fund staff. Fund position; collectibility distribution
(outstanding by OJK class); NPL trend by month; disbursed against repaid by month; the cash
forecast. Each is an SVG chart drawn here with its data table beside it and a one-sentence
summary, and a CSV of the table. Filters by product, province and programme cohort on every
part (financing narrows each; the cohort's cooperatives come from the registry there); cash
stays the fund's. A month end of day never closed is "no data" in the NPL chart, its table and
its summary, never a zero."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from console.api import Api
from console.desk.staff import OJK_CLASSES, STAFF, chosen_fund, download
from console.errors import PageNotFound
from console.funds.charts import Series, bar_chart
from console.i18n import N_, gettext, month_name, number, rupiah
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import NavItem, render
from kopmod_shared.csvexport import csv_response, write_csv

router = APIRouter(include_in_schema=False)
NAV = [NavItem(N_("Fund"), "/funds", frozenset(STAFF), order=30)]
Staff = Depends(role_required(*STAFF))


def D(value: Any) -> Decimal:
    return Decimal(str(value))


def cohort(value: str | None) -> int | None:
    """A cohort year typed in the filter (None when empty or not a year)."""
    text = (value or "").strip()
    return int(text) if text.isdigit() and 2000 <= int(text) <= 2099 else None


async def _figures(
    api: Api,
    fund_id: str,
    product_id: str | None,
    province_code: str | None,
    cohort_year: int | None = None,
) -> dict[str, Any]:
    base = f"/v1/funds/{fund_id}"
    filters = {
        "product_id": product_id,
        "province_code": province_code,
        "cohort_year": cohort_year,
    }
    trend = await api.get("financing", f"{base}/reports/npl-trend", **filters)
    flows = await api.get("financing", f"{base}/reports/monthly-flows", **filters)
    return {
        "position": await api.get("financing", f"{base}/position", **filters),
        "trend": trend["months"],
        "flows": flows["months"],
        "forecast": await api.get("financing", f"{base}/cash-forecast", **filters),
    }


def _recorded(month: dict[str, Any]) -> bool:
    """False for a month end of day never closed: its zeros are no data (older answers: True)."""
    return bool(month.get("closed", True))


def _collectibility(trend: list[dict[str, Any]]) -> list[tuple[int, Decimal]]:
    last = trend[-1] if trend else {}
    return [(n, D(last.get(f"class_{n}", 0))) for n in range(1, 6)]


def _npl_summary(trend: list[dict[str, Any]]) -> str:
    """The NPL chart's one sentence: the last month's ratio, and which months have no data."""
    recorded = [m for m in trend if _recorded(m)]
    last = recorded[-1] if recorded else None
    said = (
        gettext("NPL was %(ratio)s%% at the end of %(month)s.")
        % {
            "ratio": number((D(last["npl_ratio"]) * 100).quantize(Decimal("0.01"))),
            "month": month_name(last["month"]),
        }
        if last
        else ""
    )
    missing = [month_name(m["month"]) for m in trend if not _recorded(m)]
    if missing:
        said += " " + gettext(
            "No end of day was closed for %(n)s of these months (%(first)s to %(last)s): "
            "they show no data, not zero."
        ) % {"n": len(missing), "first": missing[0], "last": missing[-1]}
    return said.strip()


def _charts(f: dict[str, Any]) -> dict[str, Any]:
    months = [month_name(m["month"], short=True) for m in f["trend"]]
    classes = _collectibility(f["trend"])
    total = sum((v for _, v in classes), Decimal(0))
    flows = f["flows"]
    disbursed = sum((D(m["disbursed"]) for m in flows), Decimal(0))
    repaid = sum((D(m["repaid"]) for m in flows), Decimal(0))
    forecast = f["forecast"]["months"]
    return {
        "collectibility": bar_chart(
            "chart-collectibility",
            gettext("Outstanding by OJK class"),
            gettext("%(total)s outstanding; %(current)s of it current (class 1).")
            % {"total": rupiah(total), "current": rupiah(classes[0][1])},
            [gettext(OJK_CLASSES[n]) for n, _ in classes],
            [Series(gettext("Principal outstanding"), [v for _, v in classes])],
        ),
        "npl": bar_chart(
            "chart-npl",
            gettext("NPL by month"),
            _npl_summary(f["trend"]),
            months,
            [
                Series(
                    gettext("Outstanding"),
                    [D(m["outstanding"]) if _recorded(m) else None for m in f["trend"]],
                ),
                Series(
                    gettext("Non-performing"),
                    [D(m["non_performing"]) if _recorded(m) else None for m in f["trend"]],
                ),
            ],
            no_data=gettext("no data (no end of day closed)"),
        ),
        "flows": bar_chart(
            "chart-flows",
            gettext("Disbursed against repaid by month"),
            gettext("Over these months %(disbursed)s was disbursed and %(repaid)s repaid.")
            % {"disbursed": rupiah(disbursed), "repaid": rupiah(repaid)},
            [month_name(m["month"], short=True) for m in flows],
            [
                Series(gettext("Disbursed"), [D(m["disbursed"]) for m in flows]),
                Series(gettext("Repaid"), [D(m["repaid"]) for m in flows]),
            ],
        ),
        "forecast": bar_chart(
            "chart-forecast",
            gettext("Cash coming back by month"),
            gettext("%(total)s is scheduled to come back over the next %(n)s months.")
            % {
                "total": rupiah(sum((D(m["total"]) for m in forecast), Decimal(0))),
                "n": len(forecast),
            },
            [month_name(m["month"], short=True) for m in forecast],
            [Series(gettext("Scheduled"), [D(m["total"]) for m in forecast])],
        ),
        "classes": classes,
    }


@router.get("/funds", response_class=HTMLResponse)
async def dashboard(
    request: Request,
    fund_id: str | None = None,
    product_id: str | None = None,
    province_code: str | None = None,
    cohort_year: str | None = None,
    person: Person = Staff,
    api: Api = Depends(api),
) -> HTMLResponse:
    fund, all_funds = await chosen_fund(api, fund_id)
    year = cohort(cohort_year)
    context: dict[str, Any] = {
        "fund": fund,
        "funds": all_funds,
        "products": [],
        "cohort_year": cohort_year or "",
        "cohort_error": bool((cohort_year or "").strip()) and year is None,
    }
    if fund is not None:
        figures = await _figures(api, fund["id"], product_id or None, province_code or None, year)
        products = await api.all("financing", "/v1/products", fund_id=fund["id"])
        context.update(
            figures=figures,
            charts=_charts(figures),
            products=products if isinstance(products, list) else products.get("items", []),
            product_id=product_id or "",
            province_code=province_code or "",
            ojk_classes=OJK_CLASSES,
            narrowed=bool(product_id or province_code or year),
        )
    return render(request, "funds/dashboard.html", title=N_("Fund"), **context)


@router.get("/funds/{fund_id}/{table}.csv")
async def export(
    fund_id: str,
    table: str,
    product_id: str | None = None,
    province_code: str | None = None,
    cohort_year: str | None = None,
    person: Person = Staff,
    api: Api = Depends(api),
) -> Response:
    year = cohort(cohort_year)
    filters = {"product_id": product_id, "province_code": province_code, "cohort_year": year}
    query = urlencode({k: v for k, v in filters.items() if v})
    if table in ("npl-trend", "monthly-flows"):
        path = f"/v1/funds/{fund_id}/reports/{table}?format=csv" + (f"&{query}" if query else "")
        return await download(api, "financing", path, "text/csv; charset=utf-8", f"{table}.csv")
    figures = await _figures(api, fund_id, product_id or None, province_code or None, year)
    if table == "collectibility":
        rows: list[Any] = [[n, str(v)] for n, v in _collectibility(figures["trend"])]
        text = write_csv(["ojk_class", "principal_outstanding"], rows)
    elif table == "forecast":
        months = figures["forecast"]["months"]
        text = write_csv(list(months[0]) if months else ["month"], months)
    elif table == "position":
        position = figures["position"]
        text = write_csv(list(position), [position])
    else:
        raise PageNotFound
    return csv_response(text, f"{table}.csv")
