"""Documents the fund asked for, on the cooperative's side: the open requests (on the home page
and the application's page), each with its own upload form; sending a file of the asked kind
fulfils the request (the financing service decides that, not the console)."""

from __future__ import annotations

import hashlib

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData, UploadFile

from console.api import Api
from console.financing.common import cooperative, open_requests
from console.financing.status import status_page
from console.forms import form_with_problem, idempotency_key, verified_form
from console.i18n import N_
from console.session_deps import api
from console.sessions import Person
from console.web import Form, redirect
from kopmod_shared.errors import ProblemError

router = APIRouter(include_in_schema=False)


def field_name(request_id: str) -> str:
    """Each request's file field has its own id, so several forms share a page."""
    return f"file-{request_id}"


def _back(form: FormData, application_id: str) -> str:
    """Back to the home page or the application's page, nothing else (no open redirect)."""
    back = str(form.get("back") or "")
    if back == "/" or back == f"/financing/applications/{application_id}":
        return back
    return f"/financing/applications/{application_id}"


@router.post("/financing/applications/{application_id}/requested-documents", response_model=None)
async def send(
    request: Request,
    application_id: str,
    form: FormData = Depends(verified_form),
    person: Person = Depends(cooperative),
    api: Api = Depends(api),
) -> Response:
    """The file for one request: its kind is read from the request itself (never the form)."""
    request_id = str(form.get("request_id") or "")
    wanted = next(
        (r for r in await open_requests(api, application_id) if r["id"] == request_id), None
    )
    back = _back(form, application_id)
    if wanted is None:
        # Already fulfilled (a second click, an old page): nothing to send.
        return redirect(back)
    name = field_name(request_id)
    result = Form()
    upload = form.get("file")
    data = await upload.read() if isinstance(upload, UploadFile) and upload.filename else b""
    if not data:
        result.add(name, N_("Choose a file (PDF, PNG or JPEG)."))
        return await status_page(request, api, application_id, result, 400)
    try:
        await api.upload(
            "financing",
            f"/v1/applications/{application_id}/documents",
            fields={"kind": wanted["kind"], "checksum_sha256": hashlib.sha256(data).hexdigest()},
            file=(
                (upload.filename if isinstance(upload, UploadFile) else None) or "document",
                data,
                "application/octet-stream",
            ),
            idempotency_key=idempotency_key(person, request, form),
        )
    except ProblemError as exc:
        failed = form_with_problem(form, exc, {"file": name, "kind": name})
        failed.errors = [(name, message) for _, message in failed.errors]
        return await status_page(request, api, application_id, failed, 400)
    return redirect(back + ("?" if "?" not in back else "&") + "sent=" + request_id)
