"""A console app on a fresh database; no provider needed until someone signs in."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from console.main import create_app
from console.settings import ConsoleSettings
from kopmod_shared.testing import fresh_database, running

SERVICE_DIR = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def database_url() -> str:
    return fresh_database(SERVICE_DIR, "kopmod_console_test")


@pytest.fixture
async def client(database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    settings = ConsoleSettings(
        database_url=database_url,
        environment="test",
        gc_freeze=False,
        log_json=False,
        token_issuer="http://127.0.0.1:9",
        public_url="http://console.test",
    )
    app = create_app(settings)
    async with running(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://console.test") as c:
            yield c
