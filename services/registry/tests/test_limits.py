"""OWASP API4 limits as a partner meets them: per-client rate limits shared by replicas (state in
Postgres), 429 with Retry-After and RateLimit-* headers, the token endpoint limited by address,
and the configurable page size."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from kopmod_shared.auth import Role
from kopmod_shared.testing import running
from registry.identity.keys import generate_pem
from registry.main import create_app
from registry.settings import RegistrySettings

from .conftest import ISSUER, make_api_client, token_for

PEM = SecretStr(generate_pem().decode())


@pytest.fixture
async def replicas(settings: RegistrySettings, client: httpx.AsyncClient) -> AsyncIterator[Any]:
    """``await replicas(n, **settings)``: n registry apps on the test database (n replicas) sharing
    one signing key, each with an HTTP client. The ``client`` fixture empties the tables after."""
    async with AsyncExitStack() as stack:

        async def make(n: int, **overrides: Any) -> list[httpx.AsyncClient]:
            cfg = settings.model_copy(update={"signing_key_pem": PEM, **overrides})
            clients = []
            for _ in range(n):
                app = await stack.enter_async_context(running(create_app(cfg)))
                clients.append(await http(app))
            return clients

        async def http(app: Any, address: tuple[str, int] = ("127.0.0.1", 123)) -> Any:
            transport = httpx.ASGITransport(app=app, client=address)
            c = httpx.AsyncClient(transport=transport, base_url=ISSUER)
            c.app = app  # type: ignore[attr-defined]
            return await stack.enter_async_context(c)

        make.http = http  # type: ignore[attr-defined]
        yield make


async def _fresh_window(c: httpx.AsyncClient, headers: dict[str, str]) -> None:
    """Wait out a window that is about to end, so the counts below fall in one window."""
    resp = await c.get("/v1/me", headers=headers)
    if int(resp.headers["RateLimit-Reset"]) < 5:
        await asyncio.sleep(int(resp.headers["RateLimit-Reset"]) + 0.1)


async def _bearer(app_client: httpx.AsyncClient, app: Any, client_id: str, role: Role) -> dict:
    secret = await make_api_client(app, client_id, role)
    return {"Authorization": f"Bearer {await token_for(app_client, client_id, secret)}"}


async def test_over_the_limit_is_a_429_problem_with_retry_after_and_ratelimit_headers(
    app, replicas
) -> None:
    (c,) = await replicas(1, rate_limit_requests=5, rate_limit_window_seconds=3600)
    headers = await _bearer(c, app, "limited-1", Role.ministry)
    await _fresh_window(c, headers)
    seen = []
    for _ in range(4):  # one request was made by _fresh_window
        resp = await c.get("/v1/me", headers=headers)
        assert resp.status_code == 200, resp.text
        assert resp.headers["RateLimit-Limit"] == "5"
        seen.append(int(resp.headers["RateLimit-Remaining"]))
    assert seen == [3, 2, 1, 0]

    refused = await c.get("/v1/cooperatives", headers=headers)
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    problem = refused.json()
    assert problem["type"] == "https://kopmod.dev/problems/rate-limited"
    assert problem["status"] == 429
    retry_after = int(refused.headers["Retry-After"])
    assert 0 < retry_after <= 3600
    assert refused.headers["RateLimit-Limit"] == "5"
    assert refused.headers["RateLimit-Remaining"] == "0"
    assert int(refused.headers["RateLimit-Reset"]) == retry_after

    # Another client of the same replica has its own budget.
    other = await _bearer(c, app, "limited-2", Role.ministry)
    ok = await c.get("/v1/cooperatives", headers=other)
    assert ok.status_code == 200
    assert ok.headers["RateLimit-Remaining"] == "4"


async def test_errors_of_a_limited_route_carry_the_headers_too(app, replicas) -> None:
    (c,) = await replicas(1, rate_limit_requests=50, rate_limit_window_seconds=3600)
    headers = await _bearer(c, app, "limited-3", Role.ministry)
    missing = await c.get("/v1/cooperatives/00000000-0000-0000-0000-000000000000", headers=headers)
    assert missing.status_code == 404
    assert missing.headers["RateLimit-Limit"] == "50"
    assert "RateLimit-Remaining" in missing.headers


async def test_the_count_resets_when_the_window_ends(app, replicas) -> None:
    (c,) = await replicas(1, rate_limit_requests=3, rate_limit_window_seconds=2)
    headers = await _bearer(c, app, "limited-4", Role.ministry)
    for _ in range(10):  # at most two windows' worth before a refusal
        refused = await c.get("/v1/me", headers=headers)
        if refused.status_code == 429:
            break
        assert refused.status_code == 200
    assert refused.status_code == 429
    wait = int(refused.headers["Retry-After"])
    # The rest of the 2 s window, rounded up to whole seconds: 1 or 2, never 0, never longer.
    assert wait in (1, 2), wait
    assert int(refused.headers["RateLimit-Reset"]) == wait
    await asyncio.sleep(wait + 0.05)
    again = await c.get("/v1/me", headers=headers)
    assert again.status_code == 200, again.text
    assert again.headers["RateLimit-Remaining"] == "2"


async def test_replicas_share_one_count(app, replicas) -> None:
    first, second = await replicas(2, rate_limit_requests=6, rate_limit_window_seconds=3600)
    headers = await _bearer(first, app, "limited-5", Role.ministry)
    await _fresh_window(first, headers)
    statuses = []
    for i in range(8):
        replica = first if i % 2 else second
        statuses.append((await replica.get("/v1/me", headers=headers)).status_code)
    # 1 request in _fresh_window + 5 here make 6: the 7th, on either replica, is refused.
    assert statuses == [200] * 5 + [429] * 3


async def test_the_token_endpoint_is_limited_by_address(app, replicas) -> None:
    (c,) = await replicas(1, rate_limit_requests=3, rate_limit_window_seconds=3600)
    secret = await make_api_client(app, "token-flood", Role.ministry)
    form = {"grant_type": "client_credentials"}

    async def wrong() -> httpx.Response:
        return await c.post("/v1/oauth/token", data=form, auth=("token-flood", "wrong"))

    # The window is the clock's hour: one about to end would split the four attempts.
    first = await wrong()
    if int(first.headers["RateLimit-Reset"]) < 5:
        await asyncio.sleep(int(first.headers["RateLimit-Reset"]) + 0.1)
        first = await wrong()
    answers = [first.status_code]
    for _ in range(3):
        answers.append((await wrong()).status_code)
    assert answers[-1] == 429, answers
    assert set(answers[:-1]) <= {401, 429}
    # Another address still gets its token with the right secret.
    other = await replicas.http(c.app, ("10.1.2.3", 4000))
    ok = await other.post("/v1/oauth/token", data=form, auth=("token-flood", secret))
    assert ok.status_code == 200, ok.text
    assert ok.headers["RateLimit-Remaining"] == "2"


async def test_service_clients_are_exempt_and_the_limit_can_be_switched_off(app, replicas) -> None:
    (limited,) = await replicas(1, rate_limit_requests=2, rate_limit_window_seconds=3600)
    service = await _bearer(limited, app, "svc-1", Role.service)
    for _ in range(5):
        resp = await limited.get("/v1/me", headers=service)
        assert resp.status_code == 200
        assert "RateLimit-Limit" not in resp.headers

    (off,) = await replicas(1, rate_limit_enabled=False, rate_limit_requests=1)
    ministry = await _bearer(off, app, "unlimited-1", Role.ministry)
    for _ in range(4):
        resp = await off.get("/v1/me", headers=ministry)
        assert resp.status_code == 200
        assert "RateLimit-Limit" not in resp.headers


async def test_page_size_follows_the_setting(app, replicas, admin_headers, client) -> None:
    too_big = await client.get("/v1/clients", params={"limit": 101}, headers=admin_headers)
    assert too_big.status_code == 422
    assert too_big.json()["errors"][0]["field"] == "query.limit"

    (small,) = await replicas(1, max_page_size=10)
    admin = await _bearer(small, app, "admin-small", Role.admin)
    refused = await small.get("/v1/clients", params={"limit": 11}, headers=admin)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["code"] == "less_than_equal"
    assert (await small.get("/v1/clients", params={"limit": 10}, headers=admin)).status_code == 200
    limit_param = next(
        p
        for p in (await small.get("/openapi.json")).json()["paths"]["/v1/clients"]["get"][
            "parameters"
        ]
        if p["name"] == "limit"
    )
    assert limit_param["schema"]["maximum"] == 10


async def test_the_openapi_document_declares_429_on_every_v1_operation(client) -> None:
    doc = (await client.get("/openapi.json")).json()
    assert "RateLimited" in doc["components"]["responses"]
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if path.startswith("/v1/"):
                assert "429" in op["responses"], (method, path)
