from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from financing.main import create_app
from financing.settings import FinancingSettings
from kopmod_shared.testing import TestIssuer, fresh_database, running, truncate_all

from .fake_marketplace import FakeMarketplace
from .fake_registry import FakeRegistry
from .ledger_checks import assert_ledger_balances

SERVICE_DIR = Path(__file__).resolve().parents[1]
AUDIENCE = "kopmod-financing"


@pytest.fixture(scope="session")
def database_url() -> str:
    return fresh_database(SERVICE_DIR, "kopmod_financing_test")


@pytest.fixture(scope="session")
def issuer() -> TestIssuer:
    return TestIssuer()


@pytest.fixture(scope="session")
def fake_registry() -> FakeRegistry:
    return FakeRegistry()


@pytest.fixture(scope="session")
def fake_marketplace() -> FakeMarketplace:
    return FakeMarketplace()


@pytest.fixture(scope="session")
def documents_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("financing-documents")


@pytest.fixture(scope="session")
def settings(database_url: str, issuer: TestIssuer, documents_dir: Path) -> FinancingSettings:
    return FinancingSettings(
        database_url=database_url,
        environment="test",
        gc_freeze=False,  # one process builds an app per test
        token_issuer=issuer.issuer,
        log_json=False,
        db_pool_size=10,
        db_max_overflow=10,
        documents_dir=documents_dir,
        # The background loop is driven by hand in tests (run_eligibility_retries).
        eligibility_retry_enabled=False,
        outgoing_retries=1,
        # The outbox relay is driven by hand too (app.state.relay.run_once()).
        relay_enabled=False,
        webhooks_allow_private=True,
    )


@pytest.fixture(scope="session")
async def registry_http(fake_registry: FakeRegistry) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=fake_registry.transport()) as http:
        yield http


@pytest.fixture(scope="session")
async def marketplace_http(fake_marketplace: FakeMarketplace) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=fake_marketplace.transport()) as http:
        yield http


@pytest.fixture(scope="session")
async def app(
    settings: FinancingSettings,
    issuer: TestIssuer,
    registry_http: httpx.AsyncClient,
    marketplace_http: httpx.AsyncClient,
) -> AsyncIterator[Any]:
    application = create_app(
        settings,
        registry_http=registry_http,
        marketplace_http=marketplace_http,
        key_source=issuer.key_source,
    )
    async with running(application):
        yield application


@pytest.fixture
async def client(
    app: Any, fake_registry: FakeRegistry, fake_marketplace: FakeMarketplace
) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://financing.test") as c:
        yield c
    # Every test leaves a balanced ledger behind (checked before the tables are emptied).
    await assert_ledger_balances(app.state.engine)
    await truncate_all(app.state.engine)
    fake_registry.reset()
    fake_marketplace.reset()


class Tokens:
    """Headers for the roles the tests act as (audience kopmod-financing)."""

    def __init__(self, issuer: TestIssuer) -> None:
        self.issuer = issuer

    def __call__(self, role: str, **kw: Any) -> dict[str, str]:
        kw.setdefault("audience", AUDIENCE)
        return self.issuer.headers(role, **kw)

    @property
    def admin(self) -> dict[str, str]:
        return self("admin", sub="admin-1")

    @property
    def officer(self) -> dict[str, str]:
        return self("fund_officer", sub="officer-1")

    @property
    def committee(self) -> dict[str, str]:
        return self("fund_committee", sub="committee-1")

    def cooperative(self, org: Any, sub: str | None = None) -> dict[str, str]:
        return self("cooperative", org=org, sub=sub or f"coop-{org}")


@pytest.fixture(scope="session")
def tokens(issuer: TestIssuer) -> Tokens:
    return Tokens(issuer)
