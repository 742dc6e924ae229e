"""``/admin/webhooks``: every webhook endpoint at the registry, financing and the marketplace
(the operator sees them all), an endpoint's deliveries, and delivering one again."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from console.api import Api
from console.errors import PageNotFound
from console.forms import idempotency_key, verified_form
from console.i18n import N_
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import redirect, render

router = APIRouter(include_in_schema=False)
admin_only = role_required("admin")
SERVICES = ("registry", "financing", "marketplace")


def _service(name: str) -> str:
    if name not in SERVICES:
        raise PageNotFound
    return name


@router.get("/admin/webhooks", response_class=HTMLResponse)
async def endpoints(
    request: Request, person: Person = Depends(admin_only), api: Api = Depends(api)
) -> HTMLResponse:
    found = []
    for service in SERVICES:
        page = await api.get(service, "/v1/webhooks", limit=100)
        found += [{**e, "service": service} for e in page["items"]]
    return render(request, "admin/webhooks.html", title=N_("Webhooks"), endpoints=found)


@router.get("/admin/webhooks/{service}/{endpoint_id}", response_class=HTMLResponse)
async def deliveries(
    service: str,
    endpoint_id: str,
    request: Request,
    person: Person = Depends(admin_only),
    api: Api = Depends(api),
) -> HTMLResponse:
    name = _service(service)
    endpoint = await api.get(name, f"/v1/webhooks/{endpoint_id}")
    log = await api.get(name, f"/v1/webhooks/{endpoint_id}/deliveries", limit=50)
    return render(
        request,
        "admin/deliveries.html",
        title=N_("Webhook deliveries"),
        service=name,
        endpoint=endpoint,
        deliveries=log["items"],
    )


@router.post("/admin/webhooks/{service}/{endpoint_id}/deliveries/{delivery_id}/replay")
async def replay(
    service: str,
    endpoint_id: str,
    delivery_id: str,
    request: Request,
    person: Person = Depends(admin_only),
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    name = _service(service)
    await api.post(
        name,
        f"/v1/webhooks/{endpoint_id}/deliveries/{delivery_id}/replay",
        None,
        idempotency_key=idempotency_key(person, request, form),
    )
    return redirect(f"/admin/webhooks/{name}/{endpoint_id}")
