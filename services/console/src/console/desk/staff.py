"""What the staff pages share: the fund a page is about, raw downloads (PDF, CSV, documents)
and multipart uploads through the person's token, and the words for states."""

from __future__ import annotations

from typing import Any

from fastapi import Response

from console.api import Api
from console.errors import PageNotFound
from console.i18n import N_
from kopmod_shared.clients.base import _to_problem
from kopmod_shared.errors import Forbidden, NotFound

STAFF = ("fund_officer", "fund_committee")
STATUS_NAMES = {
    "submitted": N_("submitted"),
    "eligibility_check": N_("eligibility check"),
    "desk_review": N_("desk review"),
    "field_survey": N_("field survey"),
    "risk_review": N_("risk review"),
    "committee": N_("in committee"),
    "approved": N_("approved"),
    "signed": N_("signed"),
    "rejected": N_("rejected"),
    "withdrawn": N_("withdrawn"),
    "draft": N_("draft"),
    "pending_disbursement": N_("pending disbursement"),
    "active": N_("active"),
    "overpaid": N_("overpaid"),
    "closed_obligations_met": N_("repaid"),
    "closed_written_off": N_("written off"),
    "closed_rescheduled": N_("rescheduled"),
}
OJK_CLASSES = {
    1: N_("1 current"),
    2: N_("2 special mention"),
    3: N_("3 substandard"),
    4: N_("4 doubtful"),
    5: N_("5 loss"),
}


async def funds(api: Api) -> list[dict[str, Any]]:
    return await api.all("financing", "/v1/funds")


async def chosen_fund(api: Api, fund_id: str | None) -> tuple[dict[str, Any] | None, list[Any]]:
    """The fund the page shows (``?fund_id=``, else the first), and every fund to choose."""
    all_funds = await funds(api)
    for fund in all_funds:
        if fund_id is None or fund["id"] == fund_id:
            return fund, all_funds
    if fund_id is not None:
        raise PageNotFound
    return None, all_funds


async def download(api: Api, service: str, path: str, media_type: str, filename: str) -> Response:
    """A file from a service, passed on as an attachment (404 page when not the person's)."""
    try:
        resp = await api.client(service).request("GET", path)
    except (NotFound, Forbidden) as exc:
        raise PageNotFound from exc
    inline = media_type.startswith(("application/pdf", "image/"))
    headers = {
        "Content-Disposition": f'{"inline" if inline else "attachment"}; filename="{filename}"',
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
    }
    if inline:
        # Shown inside the console's own pages (an <img> or <object>), never framed elsewhere.
        headers["X-Frame-Options"] = "SAMEORIGIN"
        headers["Content-Security-Policy"] = "frame-ancestors 'self'"
    return Response(resp.content, media_type=media_type, headers=headers)


async def upload(
    api: Api, service: str, path: str, files: dict[str, Any], *, idempotency_key: str
) -> Any:
    """POST a multipart form with the person's token (problems raised as the services'
    problems, like every command)."""
    client = api.client(service)
    headers = await client._headers(idempotency_key)  # the headers every command sends
    resp = await client.http.post(
        client.base_url + path, files=files, headers=headers, timeout=client.timeout
    )
    if resp.status_code >= 400:
        raise _to_problem(resp)
    return resp.json()
