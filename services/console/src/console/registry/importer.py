"""``/registry/import``: upload a CSV of cooperatives; every row is checked by the registry and
each problem is shown as a row of a table (row, column, reason), so the file can be fixed and
sent again. With "write the valid rows" the good rows are registered and the others reported."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from starlette.datastructures import FormData, UploadFile

from console.api import PersonToken
from console.forms import form_with_problem, idempotency_key, verified_form
from console.i18n import N_, gettext
from console.session_deps import role_required
from console.sessions import Person
from console.web import Form, render
from kopmod_shared.clients import RegistryClient
from kopmod_shared.errors import ProblemError

router = APIRouter(include_in_schema=False)
# Checking a large file takes longer than a page's call: one attempt, with time to finish (a
# retry would only meet the first attempt's import still running).
IMPORT_TIMEOUT_SECONDS = 300.0
staff = role_required("ministry", "admin")


def _page(
    request: Request,
    form: Form | None = None,
    row_errors: list[dict[str, Any]] | None = None,
    result: dict[str, Any] | None = None,
) -> HTMLResponse:
    return render(
        request,
        "registry/import.html",
        title=N_("Import cooperatives"),
        form=form,
        row_errors=row_errors,
        result=result,
    )


@router.get("/registry/import", response_class=HTMLResponse)
async def import_form(request: Request, person: Person = Depends(staff)) -> HTMLResponse:
    return _page(request)


@router.post("/registry/import", response_class=HTMLResponse)
async def import_file(
    request: Request,
    person: Person = Depends(staff),
    form: FormData = Depends(verified_form),
) -> HTMLResponse:
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        empty = Form()
        empty.add("file", gettext("Choose a CSV file."))
        return _page(request, empty)
    content = await upload.read()
    partial = form.get("partial") == "true"
    registry = RegistryClient(
        str(request.app.state.settings.registry_url),
        request.app.state.http,
        credentials=PersonToken(person),
        timeout=IMPORT_TIMEOUT_SECONDS,
        attempts=1,
    )
    try:
        resp = await registry.request(
            "POST",
            "/v1/cooperatives/imports",
            content=content,
            content_type="text/csv",
            params={"partial": "true"} if partial else None,
            idempotency_key=idempotency_key(person, request, form),
        )
    except ProblemError as exc:
        rows = exc.extra.get("row_errors")
        if isinstance(rows, list):
            rejected = Form()
            rejected.add("row-errors", gettext("The file was not imported: fix the rows below."))
            return _page(request, rejected, row_errors=rows)
        return _page(request, form_with_problem(form, exc, {}))
    result = resp.json()
    return _page(request, None, row_errors=result.get("errors") or None, result=result)
