"""The typed client maps problem+json back to the same exceptions and retries only what is safe."""

from __future__ import annotations

import httpx
import pytest
import stamina
from fastapi import FastAPI

from kopmod_shared.app import KopmodRouter
from kopmod_shared.clients.base import ServiceClient
from kopmod_shared.errors import (
    Conflict,
    InvalidTransition,
    NotFound,
    UpstreamUnavailable,
    install_error_handlers,
)


@pytest.fixture(autouse=True)
def _fast_retries():
    stamina.set_testing(True, attempts=3)
    yield
    stamina.set_testing(False)


def _app(calls: list[str], statuses: list[int]) -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)
    router = KopmodRouter()

    @router.get("/missing")
    async def missing() -> None:
        raise NotFound("no such thing", thing="x")

    @router.get("/state")
    async def state() -> None:
        raise InvalidTransition("approved", "submit", ["sign", "withdraw"])

    @router.get("/flaky")
    async def flaky() -> dict[str, str]:
        calls.append("GET")
        status = statuses.pop(0) if statuses else 200
        if status != 200:
            from fastapi.responses import JSONResponse

            return JSONResponse({"detail": "busy"}, status_code=status)  # type: ignore[return-value]
        return {"ok": "yes"}

    @router.post("/flaky", openapi_extra={"x-no-idempotency": True})
    async def flaky_post() -> dict[str, str]:
        calls.append("POST")
        from fastapi.responses import JSONResponse

        return JSONResponse({"detail": "busy"}, status_code=503)  # type: ignore[return-value]

    app.include_router(router)
    return app


def _client(app: FastAPI) -> ServiceClient:
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
    return ServiceClient("http://svc", http, attempts=3)


async def test_problem_json_becomes_the_same_exception():
    client = _client(_app([], []))
    with pytest.raises(NotFound) as err:
        await client.request("GET", "/missing")
    assert err.value.detail == "no such thing"
    assert err.value.extra["thing"] == "x"
    assert err.value.extra["upstream_status"] == 404
    with pytest.raises(InvalidTransition) as transition:
        await client.request("GET", "/state")
    assert isinstance(transition.value, Conflict)
    assert transition.value.extra["allowed"] == ["sign", "withdraw"]


async def test_get_is_retried_on_503_then_succeeds():
    calls: list[str] = []
    client = _client(_app(calls, [503, 502]))
    resp = await client.request("GET", "/flaky")
    assert resp.json() == {"ok": "yes"}
    assert calls == ["GET", "GET", "GET"]


async def test_post_without_idempotency_key_is_not_retried():
    calls: list[str] = []
    client = _client(_app(calls, []))
    with pytest.raises(UpstreamUnavailable):
        await client.request("POST", "/flaky")
    assert calls == ["POST"]


async def test_post_with_idempotency_key_is_retried():
    calls: list[str] = []
    client = _client(_app(calls, []))
    with pytest.raises(UpstreamUnavailable):
        await client.request("POST", "/flaky", idempotency_key="k1")
    assert calls == ["POST", "POST", "POST"]


async def test_unreachable_service_is_upstream_unavailable():
    client = ServiceClient("http://127.0.0.1:1", httpx.AsyncClient(), attempts=2)
    with pytest.raises(UpstreamUnavailable) as err:
        await client.request("GET", "/anything")
    assert err.value.status == 503
