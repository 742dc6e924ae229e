"""The registry in production mode: what an operator can trust at the edges.

Docs closed, metrics behind their token, HSTS and nosniff on every answer, ``no-store`` on
everything authenticated and on every answer carrying a secret (new client, rotated secret,
webhook endpoint, token).
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator

import httpx
import pytest

from kopmod_shared.auth import Role
from kopmod_shared.testing import running, truncate_all
from registry.identity.keys import generate_pem
from registry.main import create_app
from registry.settings import RegistrySettings

from .conftest import make_api_client, token_for

ISSUER = "https://registry.test"
METRICS_TOKEN = secrets.token_urlsafe(32)


def production_settings(database_url: str, **changes: object) -> RegistrySettings:
    values: dict[str, object] = {
        "database_url": database_url,
        "environment": "production",
        "gc_freeze": False,
        "token_issuer": ISSUER,
        "jwks_url": f"{ISSUER}/.well-known/jwks.json",
        "signing_key_pem": generate_pem().decode(),
        "metrics_token": METRICS_TOKEN,
        "smtp_host": "smtp.kopmod.example",  # production refuses to start without a mail server
        "log_json": False,
        "db_pool_size": 2,
        "relay_enabled": False,
    }
    values.update(changes)
    return RegistrySettings(**values)  # type: ignore[arg-type]


@pytest.fixture
async def prod(database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(production_settings(database_url))
    async with running(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=ISSUER) as client:
            client.app = app  # type: ignore[attr-defined]
            yield client
        await truncate_all(app.state.engine)


async def test_docs_and_the_openapi_document_are_closed(prod):
    for path in ("/docs", "/redoc", "/openapi.json"):
        resp = await prod.get(path)
        assert resp.status_code == 404, path
        assert resp.headers["content-type"] == "application/problem+json"


async def test_docs_open_only_when_enabled_explicitly(database_url):
    app = create_app(production_settings(database_url, docs_enabled=True))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=ISSUER) as client:
        doc = await client.get("/openapi.json")
        assert doc.status_code == 200 and doc.json()["info"]["title"] == "kopmod registry"
        assert (await client.get("/docs")).status_code == 200


async def test_metrics_need_their_token(prod):
    anonymous = await prod.get("/metrics")
    assert anonymous.status_code == 401
    assert anonymous.json()["type"].endswith("/unauthorized")
    wrong = await prod.get("/metrics", headers={"Authorization": "Bearer " + "x" * 43})
    assert wrong.status_code == 401
    ok = await prod.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    assert ok.status_code == 200
    assert 'kopmod_db_pool_size{service="registry"}' in ok.text


async def test_every_answer_carries_hsts_and_nosniff(prod):
    for resp in (await prod.get("/healthz"), await prod.get("/v1/clients"), await prod.get("/x")):
        assert resp.headers["strict-transport-security"].startswith("max-age=63072000")
        assert resp.headers["x-content-type-options"] == "nosniff"
    # Public, unauthenticated reads may be cached (the JWKS says for how long).
    jwks = await prod.get("/.well-known/jwks.json")
    assert jwks.headers["cache-control"] == "public, max-age=300"


async def test_secrets_and_authenticated_answers_are_never_stored(prod):
    app = prod.app
    admin_secret = await make_api_client(app, "admin-prod", Role.admin)
    token = await prod.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=("admin-prod", admin_secret),
    )
    assert token.headers["cache-control"] == "no-store"
    admin = {"Authorization": f"Bearer {token.json()['access_token']}"}

    created = await prod.post(
        "/v1/clients", json={"name": "partner", "role": "partner", "scopes": []}, headers=admin
    )
    assert created.status_code == 201 and created.json()["client_secret"]
    assert created.headers["cache-control"] == "no-store"

    rotated = await prod.post(f"/v1/clients/{created.json()['id']}/secret", headers=admin)
    assert rotated.status_code == 200 and rotated.json()["client_secret"]
    assert rotated.headers["cache-control"] == "no-store"

    listed = await prod.get("/v1/clients", headers=admin)
    assert listed.status_code == 200
    assert listed.headers["cache-control"] == "no-store"

    svc_secret = await make_api_client(app, "svc-prod", Role.service)
    svc = {"Authorization": f"Bearer {await token_for(prod, 'svc-prod', svc_secret)}"}
    hook = await prod.post(
        "/v1/webhooks",
        json={"url": "http://127.0.0.1:9/events", "event_types": []},
        headers=svc,
    )
    assert hook.status_code == 201, hook.text
    assert hook.json()["secret"].startswith("whsec_")
    assert hook.headers["cache-control"] == "no-store"
    assert hook.headers["x-content-type-options"] == "nosniff"


async def test_outside_production_there_is_no_hsts(client):
    resp = await client.get("/healthz")
    assert "strict-transport-security" not in resp.headers
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert "cache-control" not in resp.headers
