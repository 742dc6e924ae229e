from __future__ import annotations

import io
import tempfile
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any

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
        gc_freeze=False,  # one process builds an app per test
        token_issuer=ISSUER,
        log_json=False,
        db_pool_size=5,
        # Tests drive the relay by hand (app.state.relay.run_once()) and deliver to in-process
        # receivers, which the SSRF guard would refuse.
        relay_enabled=False,
        webhooks_allow_private=True,
        # Mails (invitations, resets) of the in-process app go to a folder of this run.
        mail_dir=Path(tempfile.mkdtemp(prefix="kopmod-mail-")),
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


@pytest.fixture
async def headers_for(app, client):
    """``await headers_for(role, org=..., scopes=[...])``: a real token from the registry."""
    made = 0

    async def make(role: Role, *, org=None, scopes=()) -> dict[str, str]:
        nonlocal made
        made += 1
        client_id = f"{role.value.replace('_', '-')}-{made}-test"
        secret = await make_api_client(app, client_id, role, org_id=org, scopes=list(scopes))
        token = await token_for(client, client_id, secret)
        return {"Authorization": f"Bearer {token}"}

    return make


@pytest.fixture
async def ministry_headers(headers_for) -> dict[str, str]:
    return await headers_for(Role.ministry)


_nib_counter = iter(range(10**6))


def cooperative_body(**overrides) -> dict:
    """A valid registration; unique NIB and NIK koperasi per call."""
    n = next(_nib_counter)
    body = {
        "name": f"Koperasi Produsen Kopi Gayo {n}",
        "type": "produsen",
        "legal_decree_number": f"AHU-{n:07d}.AH.01.26.TAHUN 2015",
        "legal_decree_date": "2015-03-10",
        "nib": f"{9120000000000 + n:013d}",
        "nik_koperasi": f"{1101000000000000 + n}",
        "founded_on": "2015-01-20",
        "address": "Jl. Lebe Kader No. 5, Takengon",
        "region_code": "11.04.01.2001",
        "latitude": 4.62,
        "longitude": 96.84,
        "business_sectors": ["coffee"],
        "commodities": ["090111"],
        "membership_area": "regency",
        "scale_band": "kecil",
        "member_count": 420,
    }
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not None}


async def create_cooperative(client, headers, **overrides) -> dict:
    resp = await client.post(
        "/v1/cooperatives", json=cooperative_body(**overrides), headers=headers
    )
    assert resp.status_code == 201, resp.text
    return resp.json()


async def copy_cooperatives(app, rows: Iterable[tuple[Any, ...]]) -> None:
    """Cooperatives COPYed straight into the table (the import's columns and line format), then
    ``ANALYZE``: a registry large enough for real plans in a second; emptied by ``client``."""
    from registry.imports.repository import COOPERATIVE_COLUMNS
    from registry.imports.validate import copy_line

    lines = "".join(copy_line(row) for row in rows)
    async with app.state.engine.begin() as conn:
        raw = await conn.get_raw_connection()
        driver: Any = raw.driver_connection
        await driver.copy_to_table(
            "cooperatives",
            source=io.BytesIO(lines.encode()),
            columns=list(COOPERATIVE_COLUMNS),
            format="csv",
        )
    async with app.state.engine.connect() as conn:
        await conn.exec_driver_sql("ANALYZE cooperatives")
        await conn.commit()


async def outbox_rows(app, type_: str) -> list:
    """The committed outbox rows of one event type, oldest first (type, subject, payload)."""
    from sqlalchemy import text

    async with app.state.engine.connect() as conn:
        result = await conn.execute(
            text("SELECT type, subject, payload FROM outbox_events WHERE type = :t ORDER BY seq"),
            {"t": type_},
        )
        return list(result)
