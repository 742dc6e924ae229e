"""Signing the akad: once the application is approved the cooperative reads the terms (and
the PDF the fund prints, with the SHA-256 of the terms), and signs them: first (``/sign``: the
loan is created, pending disbursement) or as the second party after the fund
(``/agreement/signatures``). Both send the hash read on this page, so terms changed meanwhile
are refused (409 ``terms-changed``) and nothing is signed that the person did not see.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from console.api import Api
from console.financing.common import cooperative
from console.forms import form_with_problem, idempotency_key, values, verified_form
from console.i18n import N_
from console.session_deps import api
from console.sessions import Person
from console.web import Form, redirect, render
from kopmod_shared.errors import ProblemError

router = APIRouter(include_in_schema=False)


def signed_by_us(agreement: dict[str, Any]) -> bool:
    return any(s.get("party") == "cooperative" for s in agreement.get("signatures") or [])


async def _page(
    request: Request, api: Api, application_id: str, form: Form, status_code: int = 200
) -> HTMLResponse:
    application = await api.get("financing", f"/v1/applications/{application_id}")
    if application["status"] not in ("approved", "signed"):
        return render(
            request,
            "financing/agreement.html",
            status_code=status_code,
            title=N_("The agreement (akad)"),
            application=application,
            agreement=None,
            form=form,
        )
    agreement = await api.get("financing", f"/v1/applications/{application_id}/agreement")
    return render(
        request,
        "financing/agreement.html",
        status_code=status_code,
        title=N_("The agreement (akad)"),
        application=application,
        agreement=agreement,
        ours=signed_by_us(agreement),
        form=form,
    )


@router.get("/financing/applications/{application_id}/agreement", response_class=HTMLResponse)
async def agreement(
    request: Request,
    application_id: str,
    person: Person = Depends(cooperative),
    api: Api = Depends(api),
) -> HTMLResponse:
    return await _page(request, api, application_id, Form())


@router.get("/financing/applications/{application_id}/agreement.pdf")
async def agreement_pdf(
    application_id: str, person: Person = Depends(cooperative), api: Api = Depends(api)
) -> Response:
    answer = await api.download("financing", f"/v1/applications/{application_id}/agreement.pdf")
    return Response(
        answer.content,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="akad-{application_id}.pdf"',
            "Cache-Control": "no-store",
        },
    )


@router.post("/financing/applications/{application_id}/agreement", response_model=None)
async def sign(
    request: Request,
    application_id: str,
    form: FormData = Depends(verified_form),
    person: Person = Depends(cooperative),
    api: Api = Depends(api),
) -> Response:
    result = Form(values=values(form))
    if form.get("agree") != "yes":
        result.add("agree", N_("Confirm that you have read the agreement and sign it."))
        return await _page(request, api, application_id, result, 400)
    terms_hash = str(form.get("terms_hash", ""))
    current = await api.get("financing", f"/v1/applications/{application_id}/agreement")
    key = idempotency_key(person, request, form)
    try:
        if current["status"] == "offer":
            loan = await api.post(
                "financing",
                f"/v1/applications/{application_id}/sign",
                {"terms_hash": terms_hash},
                idempotency_key=key,
            )
            return redirect(f"/financing/loans/{loan['id']}?signed=1")
        if not signed_by_us(current):
            await api.post(
                "financing",
                f"/v1/applications/{application_id}/agreement/signatures",
                {"terms_hash": terms_hash},
                idempotency_key=key,
            )
    except ProblemError as exc:
        failed = form_with_problem(form, exc, {"terms_hash": "agree"})
        return await _page(request, api, application_id, failed, 400)
    return redirect(f"/financing/applications/{application_id}/agreement?signed=1")
