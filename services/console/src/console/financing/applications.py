"""Applying for financing, step by step, saved as a draft after every step (``/financing/apply``,
``/financing/applications/{id}/<step>``); the status page with each eligibility rule's outcome.

Every step is one plain form. "Save and continue" stores the step (``PATCH`` of the draft) and
opens the next one; "Save and come back later" stores it and returns to the overview. The first
step creates the draft with an ``Idempotency-Key`` from the form, so a double click makes one
draft. The last step submits it.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData, UploadFile

from console.api import Api
from console.errors import PageNotFound
from console.financing.common import DOCUMENT_KINDS, STEPS, cooperative
from console.forms import (
    form_with_problem,
    idempotency_key,
    parse_int,
    parse_money,
    values,
    verified_form,
)
from console.i18n import N_, rupiah
from console.session_deps import api
from console.sessions import Person
from console.web import Form, redirect, render
from kopmod_shared.errors import ProblemError

router = APIRouter(include_in_schema=False)

TERMS_FIELDS = {
    "amount": "amount",
    "tenor_periods": "tenor_periods",
    "grace_periods": "grace_periods",
    "purpose": "purpose",
}
USE_ROWS = 6
TRANCHE_ROWS = 4
STEP_SLUGS = [slug for slug, _ in STEPS]
OPEN_CONTRACTS = ("pending", "active")


def step_url(application_id: str, slug: str) -> str:
    return f"/financing/applications/{application_id}/{slug}"


def next_step(slug: str) -> str:
    return STEP_SLUGS[min(STEP_SLUGS.index(slug) + 1, len(STEP_SLUGS) - 1)]


def _terms(form: FormData, result: Form) -> dict[str, Any]:
    """The first step's fields, checked here first so the person hears about them in one go."""
    amount = parse_money(str(form.get("amount", "")))
    tenor = parse_int(str(form.get("tenor_periods", "")))
    grace = parse_int(str(form.get("grace_periods", "") or "0"))
    purpose = str(form.get("purpose", "")).strip()
    if amount is None:
        result.add("amount", N_("Enter an amount in rupiah, for example 150000000."))
    if tenor is None or tenor < 1:
        result.add("tenor_periods", N_("Enter the number of installments, for example 12."))
    if grace is None:
        result.add("grace_periods", N_("Enter a whole number of periods, 0 for none."))
    if not purpose:
        result.add("purpose", N_("Say what the financing is for."))
    return {"amount": amount, "tenor_periods": tenor, "grace_periods": grace, "purpose": purpose}


@router.get("/financing/apply/{product_id}", response_class=HTMLResponse)
async def start(
    request: Request,
    product_id: str,
    person: Person = Depends(cooperative),
    api: Api = Depends(api),
) -> HTMLResponse:
    product = await api.get("financing", f"/v1/products/{product_id}")
    return _terms_page(request, product, None, Form(values={"grace_periods": "0"}))


def _terms_page(
    request: Request,
    product: dict[str, Any],
    application: dict[str, Any] | None,
    form: Form,
    status_code: int = 200,
) -> HTMLResponse:
    action = (
        step_url(application["id"], "terms") if application else f"/financing/apply/{product['id']}"
    )
    return render(
        request,
        "financing/step_terms.html",
        status_code=status_code,
        title=N_("Amount and purpose"),
        product=product,
        application=application,
        action=action,
        steps=STEPS,
        step="terms",
        form=form,
    )


@router.post("/financing/apply/{product_id}", response_model=None)
async def create(
    request: Request,
    product_id: str,
    form: FormData = Depends(verified_form),
    person: Person = Depends(cooperative),
    api: Api = Depends(api),
) -> Response:
    product = await api.get("financing", f"/v1/products/{product_id}")
    result = Form(values=values(form))
    terms = _terms(form, result)
    if result.errors:
        return _terms_page(request, product, None, result, 400)
    body = {
        "product_id": product_id,
        **terms,
        # One line for now; the next step splits it.
        "use_of_funds": [{"item": terms["purpose"][:200], "amount": terms["amount"]}],
    }
    try:
        created = await api.post(
            "financing",
            "/v1/applications",
            body,
            idempotency_key=idempotency_key(person, request, form),
        )
    except ProblemError as exc:
        return _terms_page(request, product, None, form_with_problem(form, exc, TERMS_FIELDS), 400)
    return _after_save(form, created["id"], "terms")


def _after_save(form: FormData, application_id: str, slug: str) -> Response:
    if form.get("action") == "later":
        return redirect("/financing?saved=" + application_id)
    return redirect(step_url(application_id, next_step(slug)))


async def _draft(api: Api, application_id: str) -> dict[str, Any]:
    application: dict[str, Any] = await api.get("financing", f"/v1/applications/{application_id}")
    return application


@router.get("/financing/applications/{application_id}/{slug}", response_class=HTMLResponse)
async def edit(
    request: Request,
    application_id: str,
    slug: str,
    person: Person = Depends(cooperative),
    api: Api = Depends(api),
) -> Response:
    if slug not in STEP_SLUGS:
        raise PageNotFound
    application = await _draft(api, application_id)
    if application["status"] != "draft":
        return redirect(f"/financing/applications/{application_id}")
    return await _step_page(request, api, application, slug, _form_of(application, slug))


def _form_of(application: dict[str, Any], slug: str) -> Form:
    """The step's form filled from the draft as stored."""
    v: dict[str, Any] = {}
    if slug == "terms":
        v = {k: application[k] for k in ("amount", "tenor_periods", "grace_periods", "purpose")}
    elif slug == "uses":
        for i, use in enumerate(application["use_of_funds"]):
            v[f"item_{i}"], v[f"amount_{i}"] = use["item"], use["amount"]
    elif slug == "tranches":
        for i, tranche in enumerate(application["tranche_plan"]):
            v[f"date_{i}"] = tranche.get("planned_date") or ""
            v[f"tranche_{i}"] = tranche["amount"]
    return Form(values=v)


async def _step_page(
    request: Request,
    api: Api,
    application: dict[str, Any],
    slug: str,
    form: Form,
    status_code: int = 200,
) -> Response:
    product = await api.get("financing", f"/v1/products/{application['product_id']}")
    if slug == "terms":
        return _terms_page(request, product, application, form, status_code)
    context: dict[str, Any] = {}
    if slug == "uses":
        context["rows"] = range(max(USE_ROWS, len(application["use_of_funds"]) + 1))
    elif slug == "tranches":
        context["rows"] = range(max(TRANCHE_ROWS, len(application["tranche_plan"]) + 1))
    elif slug == "contracts":
        page = await api.get("marketplace", "/v1/contracts", limit=100)
        context["contracts"] = [c for c in page["items"] if c["status"] in OPEN_CONTRACTS]
    elif slug in ("documents", "review"):
        context["documents"] = await api.all(
            "financing", f"/v1/applications/{application['id']}/documents"
        )
        context["document_kinds"] = DOCUMENT_KINDS
    return render(
        request,
        f"financing/step_{slug}.html",
        status_code=status_code,
        title=dict(STEPS)[slug],
        product=product,
        application=application,
        action=step_url(application["id"], slug),
        steps=STEPS,
        step=slug,
        form=form,
        **context,
    )


@router.post("/financing/applications/{application_id}/{slug}", response_model=None)
async def save(
    request: Request,
    application_id: str,
    slug: str,
    form: FormData = Depends(verified_form),
    person: Person = Depends(cooperative),
    api: Api = Depends(api),
) -> Response:
    if slug not in STEP_SLUGS:
        raise PageNotFound
    application = await _draft(api, application_id)
    if application["status"] != "draft":
        return redirect(f"/financing/applications/{application_id}")
    result = Form(values=values(form))
    key = idempotency_key(person, request, form)
    path = f"/v1/applications/{application_id}"
    try:
        if slug == "documents":
            return await _upload(request, api, application, form, result, key)
        if slug == "review":
            await api.post("financing", path + "/submit", None, idempotency_key=key)
            return redirect(f"/financing/applications/{application_id}")
        change, fields = _change(slug, form, result, application)
        if result.errors:
            return await _step_page(request, api, application, slug, result, 400)
        if change:
            await api.post("financing", path, change, idempotency_key=key, method="PATCH")
    except ProblemError as exc:
        failed = form_with_problem(form, exc, fields if slug != "review" else {})
        return await _step_page(request, api, application, slug, failed, 400)
    return _after_save(form, application_id, slug)


def _change(
    slug: str, form: FormData, result: Form, application: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """The PATCH a step sends, and how the API's field names map to the step's fields."""
    if slug == "terms":
        terms = _terms(form, result)
        change = dict(terms)
        if terms["amount"] is not None and terms["amount"] != application["amount"]:
            # The uses must add up to the amount: one line again, split in the next step.
            change["use_of_funds"] = [{"item": terms["purpose"][:200], "amount": terms["amount"]}]
        return change, TERMS_FIELDS
    if slug == "uses":
        uses = []
        for i in range(50):
            item = str(form.get(f"item_{i}", "")).strip()
            raw = str(form.get(f"amount_{i}", "")).strip()
            if f"item_{i}" not in form:
                break
            if not item and not raw:
                continue
            amount = parse_money(raw)
            if not item:
                result.add(f"item_{i}", N_("Say what this amount is for."))
            if amount is None:
                result.add(f"amount_{i}", N_("Enter an amount in rupiah, for example 150000000."))
            uses.append({"item": item, "amount": amount})
        if not uses:
            result.add("item_0", N_("Add at least one use of the funds."))
        elif not result.errors:
            total = sum((Decimal(str(u["amount"])) for u in uses), Decimal(0))
            if total != Decimal(application["amount"]):
                result.add(
                    "amount_0",
                    N_("The uses add up to %(total)s; they must add up to %(amount)s."),
                    total=rupiah(total),
                    amount=rupiah(application["amount"]),
                )
        return {"use_of_funds": uses}, {"use_of_funds": "item_0"}
    if slug == "tranches":
        plan = []
        for i in range(24):
            if f"tranche_{i}" not in form:
                break
            raw = str(form.get(f"tranche_{i}", "")).strip()
            day = str(form.get(f"date_{i}", "")).strip()
            if not raw and not day:
                continue
            amount = parse_money(raw)
            if amount is None:
                result.add(f"tranche_{i}", N_("Enter an amount in rupiah, for example 150000000."))
            plan.append({"amount": amount, "planned_date": day or None})
        return {"tranche_plan": plan}, {"tranche_plan": "tranche_0", "planned_date": "date_0"}
    if slug == "contracts":
        chosen = [str(v) for v in form.getlist("contract") if isinstance(v, str)]
        return {"offtake_contract_ids": chosen}, {"offtake_contract_ids": "contracts"}
    return {}, {}


async def _upload(
    request: Request,
    api: Api,
    application: dict[str, Any],
    form: FormData,
    result: Form,
    key: str,
) -> Response:
    """One document: its SHA-256 is computed here and checked by the service."""
    upload = form.get("file")
    kind = str(form.get("kind", ""))
    if kind not in DOCUMENT_KINDS:
        result.add("kind", N_("Choose what the document is."))
    if not isinstance(upload, UploadFile) or not upload.filename:
        result.add("file", N_("Choose a file (PDF, PNG or JPEG)."))
    if result.errors or not isinstance(upload, UploadFile):
        return await _step_page(request, api, application, "documents", result, 400)
    data = await upload.read()
    if not data:
        result.add("file", N_("The file is empty."))
        return await _step_page(request, api, application, "documents", result, 400)
    try:
        await api.upload(
            "financing",
            f"/v1/applications/{application['id']}/documents",
            fields={"kind": kind, "checksum_sha256": hashlib.sha256(data).hexdigest()},
            file=(upload.filename or "document", data, "application/octet-stream"),
            idempotency_key=key,
        )
    except ProblemError as exc:
        failed = form_with_problem(form, exc, {"file": "file", "kind": "kind"})
        if failed.errors and failed.errors[0][0] == "summary":
            failed.errors = [("file", failed.errors[0][1])]
        return await _step_page(request, api, application, "documents", failed, 400)
    if form.get("action") == "later":
        return redirect("/financing?saved=" + application["id"])
    return redirect(step_url(application["id"], "documents"))
