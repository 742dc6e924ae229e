"""A token from the registry is accepted by financing and marketplace, which fetch the registry's
JWKS over HTTP (here an in-process transport to the real registry app)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from financing.main import create_app as create_financing
from financing.settings import FinancingSettings
from kopmod_shared.auth import JWKSKeySource, Role
from kopmod_shared.testing import REPO_ROOT, fresh_database, running, truncate_all
from marketplace.main import create_app as create_marketplace
from marketplace.settings import MarketplaceSettings
from registry.identity.repository import ApiClientRepository
from registry.identity.service import ensure_client
from registry.main import create_app as create_registry
from registry.settings import RegistrySettings

ISSUER = "http://registry.internal"


@pytest.fixture(scope="module")
async def stack() -> AsyncIterator[dict[str, Any]]:
    urls = {
        name: fresh_database(REPO_ROOT / "services" / name, f"kopmod_{name}_xtoken_test")
        for name in ("registry", "financing", "marketplace")
    }
    registry = create_registry(
        RegistrySettings(database_url=urls["registry"], token_issuer=ISSUER, log_json=False)
    )
    fetches: list[str] = []

    async def count(request: httpx.Request) -> None:
        fetches.append(str(request.url))

    registry_http = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=registry),
        base_url=ISSUER,
        event_hooks={"request": [count]},
    )

    def jwks_from_registry(_app: Any, _http: httpx.AsyncClient) -> JWKSKeySource:
        return JWKSKeySource(f"{ISSUER}/.well-known/jwks.json", registry_http)

    common = {"token_issuer": ISSUER, "log_json": False}
    financing = create_financing(
        FinancingSettings(database_url=urls["financing"], **common), key_source=jwks_from_registry
    )
    marketplace = create_marketplace(
        MarketplaceSettings(database_url=urls["marketplace"], **common),
        key_source=jwks_from_registry,
    )
    async with running(registry), running(financing), running(marketplace):
        async with registry.state.sessionmaker() as session:
            await ensure_client(
                ApiClientRepository(session),
                client_id="partner-x",
                secret="s3cret-partner",
                role=Role.partner,
                name="partner",
                scopes=["read"],
            )
            await session.commit()
        yield {
            "registry": registry,
            "financing": financing,
            "marketplace": marketplace,
            "registry_http": registry_http,
            "fetches": fetches,
        }
        await truncate_all(registry.state.engine)
    await registry_http.aclose()


async def _token(stack: dict[str, Any], **form: str) -> str:
    resp = await stack["registry_http"].post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials", **form},
        auth=("partner-x", "s3cret-partner"),
    )
    assert resp.status_code == 200, resp.text
    return str(resp.json()["access_token"])


async def _me(app: Any, token: str | None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://x") as c:
        return await c.get("/v1/me", headers=headers)


async def test_registry_token_is_accepted_by_every_service(stack):
    token = await _token(stack)
    for name in ("registry", "financing", "marketplace"):
        resp = await _me(stack[name], token)
        assert resp.status_code == 200, (name, resp.text)
        assert resp.json() == {
            "client_id": "partner-x",
            "role": "partner",
            "org_id": None,
            "scopes": ["read"],
            "service": name,
        }
    # Keys are cached: financing and marketplace fetched the JWKS once each, not per request.
    before = len(stack["fetches"])
    for _ in range(3):
        assert (await _me(stack["financing"], token)).status_code == 200
    assert len(stack["fetches"]) == before


async def test_token_for_one_audience_is_refused_by_the_others(stack):
    token = await _token(stack, audience="kopmod-marketplace")
    assert (await _me(stack["marketplace"], token)).status_code == 200
    refused = await _me(stack["financing"], token)
    assert refused.status_code == 401
    assert refused.json()["detail"] == "token not issued for this service"


async def test_no_token_is_401_everywhere(stack):
    for name in ("registry", "financing", "marketplace"):
        resp = await _me(stack[name], None)
        assert resp.status_code == 401
        assert resp.headers["content-type"] == "application/problem+json"
        assert resp.headers["www-authenticate"].startswith("Bearer")
