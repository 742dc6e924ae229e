"""Replaceable by Keycloak (or any OpenID Connect provider): a second, independent issuer with
its own keys and issuer URL, shaped as a Keycloak realm (RS256, ``/realms/<realm>`` issuer,
``/protocol/openid-connect/certs`` JWKS, ``azp``), built with Authlib's joserfc. Financing
accepts its tokens by configuration alone over real HTTP, and refuses them when configured for
the registry (docs/keycloak.md lists the realm settings that yield these claims)."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import uvicorn
from joserfc import jwk, jwt
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

from financing.main import create_app as create_financing
from financing.settings import FinancingSettings
from kopmod_shared.testing import REPO_ROOT, free_port, fresh_database, running, truncate_all

REALM = "kopmod"


class MiniProvider:
    """A test-only OpenID Connect issuer: discovery and JWKS over HTTP, tokens minted here."""

    def __init__(self, url: str) -> None:
        self.issuer = f"{url}/realms/{REALM}"
        self.key = jwk.RSAKey.generate_key(2048, private=True, parameters={"kid": "realm-key-1"})
        self.app = Starlette(
            routes=[
                Route(f"/realms/{REALM}/.well-known/openid-configuration", self.discovery),
                Route(f"/realms/{REALM}/protocol/openid-connect/certs", self.certs),
            ]
        )

    @property
    def jwks_url(self) -> str:
        return f"{self.issuer}/protocol/openid-connect/certs"

    async def discovery(self, request: Any) -> JSONResponse:
        return JSONResponse({"issuer": self.issuer, "jwks_uri": self.jwks_url})

    async def certs(self, request: Any) -> JSONResponse:
        public = self.key.as_dict(private=False)
        return JSONResponse({"keys": [{**public, "kid": "realm-key-1", "alg": "RS256"}]})

    def token(self, **claims: Any) -> str:
        now = int(time.time())
        body = {
            "iss": self.issuer,
            "aud": ["kopmod-financing", "kopmod-registry"],
            "azp": "kopmod-console",
            "sub": str(uuid.uuid4()),
            "iat": now,
            "exp": now + 300,
            "typ": "Bearer",
            "scope": "openid profile email",
            "amr": ["pwd", "otp"],
            **claims,
        }
        return jwt.encode({"alg": "RS256", "kid": "realm-key-1"}, body, self.key)


@pytest.fixture(scope="module")
async def provider() -> AsyncIterator[MiniProvider]:
    port = free_port()
    mini = MiniProvider(f"http://127.0.0.1:{port}")
    config = uvicorn.Config(mini.app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    for _ in range(200):
        if server.started:
            break
        await asyncio.sleep(0.05)
    yield mini
    server.should_exit = True
    await task


@pytest.fixture(scope="module")
def database_url() -> str:
    return fresh_database(REPO_ROOT / "services" / "financing", "kopmod_financing_issuer_test")


async def _me(settings: FinancingSettings, token: str) -> httpx.Response:
    app = create_financing(settings)
    async with running(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://financing") as c:
            resp = await c.get("/v1/me", headers={"Authorization": f"Bearer {token}"})
            funds = await c.get("/v1/funds", headers={"Authorization": f"Bearer {token}"})
        await truncate_all(app.state.engine)
    resp.funds = funds  # type: ignore[attr-defined]
    return resp


async def test_tokens_of_a_configured_second_issuer_are_accepted(provider, database_url):
    # Discovery names the keys, as Keycloak's does; the services are told the same two URLs.
    async with httpx.AsyncClient() as http:
        meta = (await http.get(f"{provider.issuer}/.well-known/openid-configuration")).json()
    settings = FinancingSettings(
        database_url=database_url,
        token_issuer=meta["issuer"],
        jwks_url=meta["jwks_uri"],
        log_json=False,
        gc_freeze=False,
        relay_enabled=False,
    )
    person = str(uuid.uuid4())
    token = provider.token(sub=person, role="fund_officer")
    resp = await _me(settings, token)
    assert resp.status_code == 200, resp.text
    assert resp.json() == {
        "client_id": person,
        "role": "fund_officer",
        "org_id": None,
        "scopes": ["email", "openid", "profile"],
        "service": "financing",
    }
    funds = resp.funds  # type: ignore[attr-defined]
    assert funds.status_code == 200 and funds.json() == {"items": [], "next_cursor": None}
    # An organisation role carries its org, as the registry's tokens do.
    coop = uuid.uuid4()
    resp = await _me(settings, provider.token(role="cooperative", org=str(coop)))
    assert resp.json()["org_id"] == str(coop)


async def test_tokens_of_an_issuer_not_configured_are_refused(provider, database_url):
    token = provider.token(role="fund_officer")
    # Financing configured for the registry (its issuer and JWKS; a free port here, so no
    # other process is asked) trusts the registry only.
    registry = f"http://127.0.0.1:{free_port()}"
    settings = FinancingSettings(
        database_url=database_url,
        token_issuer=registry,
        jwks_url=f"{registry}/.well-known/jwks.json",
        log_json=False,
        gc_freeze=False,
        relay_enabled=False,
    )
    resp = await _me(settings, token)
    assert resp.status_code == 401
    assert resp.json()["type"] == "https://kopmod.dev/problems/unauthorized"
    # Configured for the second issuer, a token from a third key with the same kid is refused.
    impostor = MiniProvider(provider.issuer.split("/realms")[0])
    settings = FinancingSettings(
        database_url=database_url,
        token_issuer=provider.issuer,
        jwks_url=provider.jwks_url,
        log_json=False,
        gc_freeze=False,
        relay_enabled=False,
    )
    resp = await _me(settings, impostor.token(role="fund_officer"))
    assert resp.status_code == 401
