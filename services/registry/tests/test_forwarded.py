"""Forwarded headers are believed only from configured proxies, and a caller with a token is
counted as that client wherever its requests come from. (That an unconfigured service ignores
``X-Forwarded-For`` from a local client is shown with a real uvicorn process in the top-level
``tests/test_forwarded_for.py``.)"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from kopmod_shared.auth import Role
from kopmod_shared.testing import running
from registry.identity.keys import generate_pem
from registry.main import create_app
from registry.settings import RegistrySettings

from .conftest import ISSUER, make_api_client

LIMIT = 3


@pytest.fixture
async def behind_proxy(settings: RegistrySettings, client) -> AsyncIterator[Any]:
    """``await behind_proxy(peer, forwarded_allow_ips)``: a registry app reached from ``peer``."""
    apps: list[Any] = []

    async def make(peer: str, trusted: list[str]) -> httpx.AsyncClient:
        cfg = settings.model_copy(
            update={
                "signing_key_pem": SecretStr(generate_pem().decode()),
                "rate_limit_requests": LIMIT,
                "rate_limit_window_seconds": 86_400,
                "forwarded_allow_ips": trusted,
            }
        )
        app = create_app(cfg)
        ctx = running(app)
        await ctx.__aenter__()
        apps.append(ctx)
        transport = httpx.ASGITransport(app=app, client=(peer, 4321))
        c = httpx.AsyncClient(transport=transport, base_url=ISSUER)
        c.app = app  # type: ignore[attr-defined]
        return c

    yield make
    for ctx in apps:
        await ctx.__aexit__(None, None, None)


async def _statuses(c: httpx.AsyncClient, addresses: list[str], **headers: str) -> list[int]:
    out = []
    for address in addresses:
        resp = await c.get("/v1/cooperatives", headers={"X-Forwarded-For": address, **headers})
        out.append(resp.status_code)
    return out


async def test_a_configured_proxy_passes_on_the_callers_address(behind_proxy):
    proxy = await behind_proxy("10.0.0.7", ["10.0.0.0/24"])
    # Each caller behind the proxy has its own bucket...
    assert await _statuses(proxy, ["203.0.113.1"] * (LIMIT + 1)) == [401] * LIMIT + [429]
    assert await _statuses(proxy, ["203.0.113.2"]) == [401]
    # ...and a peer that is not the configured proxy is counted as itself, header or not.
    stranger = await behind_proxy("192.0.2.50", ["10.0.0.0/24"])
    spoofed = [f"198.51.100.{i}" for i in range(LIMIT + 1)]
    assert await _statuses(stranger, spoofed) == [401] * LIMIT + [429]


async def test_an_authenticated_client_is_one_bucket_whatever_address_it_comes_from(
    behind_proxy,
):
    proxy = await behind_proxy("10.0.0.7", ["10.0.0.7"])
    secret = await make_api_client(proxy.app, "partner-roaming", Role.partner)
    resp = await proxy.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=("partner-roaming", secret),
        headers={"X-Forwarded-For": "203.0.113.99"},
    )
    assert resp.status_code == 200, resp.text
    bearer = f"Bearer {resp.json()['access_token']}"
    addresses = [f"198.51.100.{i}" for i in range(LIMIT + 1)]
    statuses = await _statuses(proxy, addresses, Authorization=bearer)
    assert statuses == [200] * LIMIT + [429]
