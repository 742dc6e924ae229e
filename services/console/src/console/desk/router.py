"""``/desk``: the fund officer's desk. The work queue, the business date and end of day with
what it changed, the collection list, installments due this week, promises to pay, and
repayments from a bank statement (upload, preview, commit). Reviewing an application
(``applications``) and servicing a loan (``loans``) are their own pages."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData, UploadFile

from console.api import Api
from console.desk import applications, loans
from console.desk.staff import OJK_CLASSES, STAFF, STATUS_NAMES, chosen_fund, download, upload
from console.forms import form_with_problem, idempotency_key, verified_form
from console.i18n import N_
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form, NavItem, redirect, render
from kopmod_shared.errors import ProblemError

router = APIRouter(include_in_schema=False)
router.include_router(applications.router)
router.include_router(loans.router)

NAV = [
    NavItem(N_("Desk"), "/desk", frozenset({"fund_officer"}), order=20),
    NavItem(N_("Collection"), "/desk/collection", frozenset({"fund_officer"}), order=22),
]
Officer = Depends(role_required("fund_officer"))
Staff = Depends(role_required(*STAFF))


async def _index(
    request: Request,
    person: Person,
    api: Api,
    fund_id: str | None,
    form: Form | None = None,
    closed: list[Any] | None = None,
) -> HTMLResponse:
    fund, all_funds = await chosen_fund(api, fund_id)
    queue: list[Any] = []
    business_date = None
    if fund is not None:
        queue = await api.all("financing", "/v1/queues/applications", fund_id=fund["id"])
        business_date = (await api.get("financing", f"/v1/funds/{fund['id']}/business-date"))[
            "business_date"
        ]
    return render(
        request,
        "desk/index.html",
        title=N_("Desk"),
        fund=fund,
        funds=all_funds,
        queue=queue,
        business_date=business_date,
        status_names=STATUS_NAMES,
        closed=closed,
        form=form,
    )


@router.get("/desk", response_class=HTMLResponse)
async def desk(
    request: Request, fund_id: str | None = None, person: Person = Officer, api: Api = Depends(api)
) -> HTMLResponse:
    return await _index(request, person, api, fund_id)


@router.post("/desk/end-of-day", response_class=HTMLResponse)
async def end_of_day(
    request: Request,
    person: Person = Officer,
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> HTMLResponse:
    fund_id = str(form.get("fund_id") or "")
    try:
        result = await api.post(
            "financing",
            f"/v1/funds/{fund_id}/end-of-day",
            {"through": form.get("through")},
            idempotency_key=idempotency_key(person, request, form),
        )
    except ProblemError as exc:
        return await _index(
            request, person, api, fund_id, form=form_with_problem(form, exc, {"through": "through"})
        )
    return await _index(request, person, api, fund_id, closed=result["closed"])


@router.get("/desk/collection", response_class=HTMLResponse)
async def collection(
    request: Request,
    fund_id: str | None = None,
    collectibility: int | None = None,
    person: Person = Staff,
    api: Api = Depends(api),
) -> HTMLResponse:
    fund, all_funds = await chosen_fund(api, fund_id)
    listing, due, promises = None, None, []
    if fund is not None:
        base = f"/v1/funds/{fund['id']}"
        listing = await api.get("financing", f"{base}/collection", collectibility=collectibility)
        due = await api.get("financing", f"{base}/due", days=7)
        promises = await api.all("financing", f"{base}/promises-to-pay")
    return render(
        request,
        "desk/collection.html",
        title=N_("Collection"),
        fund=fund,
        funds=all_funds,
        listing=listing,
        due=due,
        promises=promises,
        collectibility=collectibility,
        ojk_classes=OJK_CLASSES,
    )


EXPORTS = {
    "collection": "/collection",
    "due": "/due",
    "promises": "/promises-to-pay",
}


@router.get("/desk/funds/{fund_id}/{table}.csv")
async def export(
    fund_id: str, table: str, person: Person = Staff, api: Api = Depends(api)
) -> Response:
    if table == "queue":
        path = f"/v1/queues/applications?fund_id={fund_id}&format=csv"
    elif table in EXPORTS:
        path = f"/v1/funds/{fund_id}{EXPORTS[table]}?format=csv"
    else:
        from console.errors import PageNotFound

        raise PageNotFound
    return await download(api, "financing", path, "text/csv; charset=utf-8", f"{table}.csv")


@router.get("/desk/bank-statements", response_class=HTMLResponse)
async def statement_form(
    request: Request, fund_id: str | None = None, person: Person = Officer, api: Api = Depends(api)
) -> HTMLResponse:
    fund, all_funds = await chosen_fund(api, fund_id)
    return render(
        request,
        "desk/statement_upload.html",
        title=N_("Bank statement"),
        fund=fund,
        funds=all_funds,
    )


@router.post("/desk/bank-statements", response_class=HTMLResponse)
async def statement_upload(
    request: Request,
    person: Person = Officer,
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    fund_id = str(form.get("fund_id") or "")
    file = form.get("file")
    fund, all_funds = await chosen_fund(api, fund_id)
    if not isinstance(file, UploadFile) or not file.filename:
        shown = Form(values={"fund_id": fund_id})
        shown.add("file", N_("Choose the bank statement file."))
        return render(
            request,
            "desk/statement_upload.html",
            title=N_("Bank statement"),
            fund=fund,
            funds=all_funds,
            form=shown,
        )
    data = await file.read()
    try:
        preview = await upload(
            api,
            "financing",
            f"/v1/funds/{fund_id}/bank-statements",
            {"file": (file.filename, data, "text/csv")},
            idempotency_key=idempotency_key(person, request, form),
        )
    except ProblemError as exc:
        return render(
            request,
            "desk/statement_upload.html",
            title=N_("Bank statement"),
            fund=fund,
            funds=all_funds,
            form=form_with_problem(form, exc, {"file": "file"}),
        )
    return redirect(f"/desk/bank-statements/{preview['id']}")


@router.get("/desk/bank-statements/{import_id}", response_class=HTMLResponse)
async def statement_preview(
    request: Request, import_id: str, person: Person = Officer, api: Api = Depends(api)
) -> HTMLResponse:
    found = await api.get("financing", f"/v1/bank-statements/{import_id}")
    return render(request, "desk/statement_preview.html", title=N_("Bank statement"), found=found)


@router.post("/desk/bank-statements/{import_id}/commit", response_class=HTMLResponse)
async def statement_commit(
    request: Request,
    import_id: str,
    person: Person = Officer,
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    try:
        await api.post(
            "financing",
            f"/v1/bank-statements/{import_id}/commit",
            {},
            idempotency_key=idempotency_key(person, request, form),
        )
    except ProblemError as exc:
        found = await api.get("financing", f"/v1/bank-statements/{import_id}")
        return render(
            request,
            "desk/statement_preview.html",
            title=N_("Bank statement"),
            found=found,
            form=form_with_problem(form, exc, {}),
        )
    return redirect(f"/desk/bank-statements/{import_id}")
