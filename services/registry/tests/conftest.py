from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from kopmod_shared.auth import Role
from kopmod_shared.testing import fresh_database, running, truncate_all
from registry.identity.repository import ApiClientRepository
from registry.identity.service import ensure_client
from registry.main import create_app
from registry.settings import RegistrySettings

SERVICE_DIR = Path(__file__).resolve().parents[1]
ISSUER = "http://registry.test"


@pytest.fixture(scope="session")
def database_url() -> str:
    return fresh_database(SERVICE_DIR, "kopmod_registry_test")


@pytest.fixture(scope="session")
def settings(database_url: str) -> RegistrySettings:
    return RegistrySettings(
        database_url=database_url,
        environment="test",
        token_issuer=ISSUER,
        log_json=False,
        db_pool_size=5,
    )


@pytest.fixture(scope="session")
async def app(settings: RegistrySettings) -> AsyncIterator[object]:
    application = create_app(settings)
    async with running(application):
        yield application


@pytest.fixture
async def client(app) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=ISSUER) as c:
        yield c
    await truncate_all(app.state.engine)


async def make_api_client(app, client_id: str, role: Role, **kw) -> str:
    """Create a client straight in the database (as the CLI bootstrap does); return its secret."""
    secret = f"secret-{client_id}"
    async with app.state.sessionmaker() as session:
        await ensure_client(
            ApiClientRepository(session),
            client_id=client_id,
            secret=secret,
            role=role,
            name=client_id,
            **kw,
        )
        await session.commit()
    return secret


async def token_for(client: httpx.AsyncClient, client_id: str, secret: str, **form) -> str:
    resp = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials", **form},
        auth=(client_id, secret),
    )
    assert resp.status_code == 200, resp.text
    return resp.json()["access_token"]


@pytest.fixture
async def admin_headers(app, client) -> dict[str, str]:
    secret = await make_api_client(app, "admin-test", Role.admin)
    return {"Authorization": f"Bearer {await token_for(client, 'admin-test', secret)}"}
