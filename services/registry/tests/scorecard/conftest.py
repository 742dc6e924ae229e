"""The scorecard's own registry app: financing and marketplace are fakes it reaches over HTTP
(ASGI transport), with a short deadline so a slow fake turns into a partial answer quickly."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from kopmod_shared.testing import running, truncate_all
from registry.main import create_app
from registry.settings import RegistrySettings

from ..conftest import ISSUER
from .fakes import FakeService, fake_financing, fake_marketplace

# Short, yet far above an answering fake's few milliseconds: an event loop held up on a busy
# machine (a full garbage collection) must not turn an answer into a partial scorecard.
DEADLINE = 2.0


@pytest.fixture(scope="session")
def financing() -> FakeService:
    return fake_financing()


@pytest.fixture(scope="session")
def marketplace() -> FakeService:
    return fake_marketplace()


@pytest.fixture(scope="session")
async def app(
    settings: RegistrySettings, financing: FakeService, marketplace: FakeService
) -> AsyncIterator[Any]:
    scorecard_settings = settings.model_copy(
        update={
            "scorecard_deadline_seconds": DEADLINE,
            "outgoing_retries": 1,
            "financing_url": "http://financing.test",
            "marketplace_url": "http://marketplace.test",
        }
    )
    async with (
        httpx.AsyncClient(transport=financing.transport()) as financing_http,
        httpx.AsyncClient(transport=marketplace.transport()) as marketplace_http,
    ):
        application = create_app(
            scorecard_settings, financing_http=financing_http, marketplace_http=marketplace_http
        )
        async with running(application):
            yield application


@pytest.fixture
async def client(
    app: Any, financing: FakeService, marketplace: FakeService
) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=ISSUER) as c:
        yield c
    await truncate_all(app.state.engine)
    financing.reset()
    marketplace.reset()
