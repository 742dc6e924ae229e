"""An application's page for its cooperative: its state, each eligibility rule's outcome and
what is missing, the documents the fund asked for (each with its upload form), the documents
sent and the history."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from console.api import Api
from console.financing.common import (
    STATUS_NAMES,
    cooperative,
    open_requests,
    requests_context,
)
from console.i18n import N_
from console.session_deps import api
from console.sessions import Person
from console.web import Form, render

router = APIRouter(include_in_schema=False)


@router.get("/financing/applications/{application_id}", response_class=HTMLResponse)
async def status(
    request: Request,
    application_id: str,
    sent: str = "",
    person: Person = Depends(cooperative),
    api: Api = Depends(api),
) -> HTMLResponse:
    return await status_page(request, api, application_id, sent=sent)


async def status_page(
    request: Request,
    api: Api,
    application_id: str,
    form: Form | None = None,
    status_code: int = 200,
    sent: str = "",
) -> HTMLResponse:
    """The application's page: its state, each eligibility rule's outcome, the documents the
    fund asked for (each with its upload form), the documents sent and the history."""
    application = await api.get("financing", f"/v1/applications/{application_id}")
    checks = await api.all("financing", f"/v1/applications/{application_id}/eligibility")
    history = await api.all("financing", f"/v1/applications/{application_id}/history")
    documents = await api.all("financing", f"/v1/applications/{application_id}/documents")
    product = await api.get("financing", f"/v1/products/{application['product_id']}")
    asked = await open_requests(api, application_id)
    return render(
        request,
        "financing/status.html",
        status_code=status_code,
        form=form,
        title=N_("Application"),
        application=application,
        product=product,
        check=checks[-1] if checks else None,
        history=history,
        documents=documents,
        status_names=STATUS_NAMES,
        sent=bool(sent),
        **requests_context(asked, f"/financing/applications/{application_id}"),
    )
