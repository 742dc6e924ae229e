"""A cooperative's financing: its applications and loans at a glance, the products open to it
with the schedule calculator (``/financing``); the application steps live in
``applications.py``, the loans in ``loans.py``."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from console.api import Api
from console.financing import agreement, applications, loans, requested, status
from console.financing.common import COOPERATIVE, STATUS_NAMES, cooperative
from console.forms import parse_int, parse_money, problem_errors
from console.i18n import N_
from console.session_deps import api
from console.sessions import Person
from console.web import Form, NavItem, render
from kopmod_shared.errors import ProblemError

router = APIRouter(include_in_schema=False)
# Fixed paths before the application steps' ``/financing/applications/{id}/{slug}``.
router.include_router(requested.router)
router.include_router(agreement.router)
router.include_router(applications.router)
router.include_router(loans.router)
router.include_router(status.router)

NAV = [NavItem(N_("Financing"), "/financing", COOPERATIVE, order=20)]


async def all_items(api: Api, service: str, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a cursor-paginated list (a cooperative's own are few)."""
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(20):
        page = await api.get(service, path, limit=100, cursor=cursor, **params)
        items.extend(page["items"])
        cursor = page.get("next_cursor")
        if not cursor:
            break
    return items


@router.get("/financing", response_class=HTMLResponse)
async def overview(
    request: Request, person: Person = Depends(cooperative), api: Api = Depends(api)
) -> HTMLResponse:
    apps = await all_items(api, "financing", "/v1/applications")
    my_loans = await all_items(api, "financing", "/v1/loans")
    products = [p for p in await api.all("financing", "/v1/products") if p["active"]]
    return render(
        request,
        "financing/overview.html",
        title=N_("Financing"),
        applications=list(reversed(apps)),
        loans=my_loans,
        products=products,
        status_names=STATUS_NAMES,
    )


@router.get("/financing/products/{product_id}", response_class=HTMLResponse)
async def product(
    request: Request,
    product_id: str,
    amount: str = "",
    tenor_periods: str = "",
    grace_periods: str = "0",
    person: Person = Depends(cooperative),
    api: Api = Depends(api),
) -> HTMLResponse:
    """The product and its schedule calculator (a GET form: nothing is stored)."""
    item = await api.get("financing", f"/v1/products/{product_id}")
    form = Form(
        values={"amount": amount, "tenor_periods": tenor_periods, "grace_periods": grace_periods}
    )
    schedule = None
    if amount or tenor_periods:
        money = parse_money(amount)
        tenor = parse_int(tenor_periods)
        grace = parse_int(grace_periods or "0")
        if money is None:
            form.add("amount", N_("Enter an amount in rupiah, for example 150000000."))
        if tenor is None:
            form.add("tenor_periods", N_("Enter the number of installments, for example 12."))
        if grace is None:
            form.add("grace_periods", N_("Enter a whole number of periods, 0 for none."))
        if not form.errors:
            try:
                schedule = await api.get(
                    "financing",
                    f"/v1/products/{product_id}/schedule-preview",
                    amount=money,
                    tenor_periods=tenor,
                    grace_periods=grace,
                    start_date=date.today().isoformat(),
                )
            except ProblemError as exc:
                form.errors = problem_errors(
                    exc,
                    {
                        "amount": "amount",
                        "tenor_periods": "tenor_periods",
                        "grace_periods": "grace_periods",
                    },
                )
    return render(
        request,
        "financing/product.html",
        title=N_("Financing product"),
        product=item,
        schedule=schedule,
        form=form,
    )
