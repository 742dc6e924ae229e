"""Schemathesis against each service's OpenAPI document: the app runs in this process (uvicorn in
a thread, its own event loop) on a database migrated by Alembic; every operation is called as
a role its role checks admit (``Callers``: admin where admitted, else fund staff, ministry, ...),
and the default checks run on each answer.

Bounded for CI: ``KOPMOD_FUZZ_EXAMPLES`` examples per operation (default 4). Each run draws a fresh
seed, so every CI run tries new cases; the seed is printed in the report header (and in every
failure), and ``KOPMOD_FUZZ_SEED=<seed>`` replays that run. A longer run:
``KOPMOD_FUZZ_EXAMPLES=200 uv run pytest tests/fuzz``.
"""

from __future__ import annotations

import os
import secrets
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import uvicorn
from cryptography.hazmat.primitives import serialization
from fastapi import FastAPI
from pydantic import SecretStr

from kopmod_shared.auth import ORG_BOUND_ROLES, Role
from kopmod_shared.testing import TestIssuer, free_port, fresh_database
from kopmod_shared.testing_authz import route_roles

from .strategies import register

register()  # far dates among the generated ones (strategies.py)

EXAMPLES = int(os.environ.get("KOPMOD_FUZZ_EXAMPLES", "4"))


def _seed() -> int:
    given = os.environ.get("KOPMOD_FUZZ_SEED", "").strip()
    if not given:
        return secrets.randbits(64)
    try:
        return int(given)
    except ValueError:
        raise pytest.UsageError(f"KOPMOD_FUZZ_SEED must be an integer, not {given!r}") from None


SEED = _seed()
REPLAY = f"KOPMOD_FUZZ_SEED={SEED}"


def pytest_report_header() -> str:
    return f"fuzz seed: {SEED} (replay: {REPLAY} uv run pytest tests/fuzz)"


def pytest_terminal_summary(terminalreporter: Any) -> None:
    terminalreporter.write_line(f"fuzz seed: {SEED} (replay: {REPLAY} uv run pytest tests/fuzz)")


# Another service this one calls is "down" here: nothing listens on this port, so calls fail
# fast and the routes that depend on it must answer their documented 502/503.
UNREACHABLE = f"http://127.0.0.1:{free_port()}"


class Server:
    """A uvicorn server for ``app`` in a daemon thread; ``url`` while running."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.port = free_port()
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            lifespan="on",
            log_level="warning",
            proxy_headers=False,  # as every starter: see kopmod_cli.services.SERVER_FLAGS
            server_header=False,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the app did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def common_settings(database_url: str, issuer: TestIssuer) -> dict[str, Any]:
    return {
        "database_url": database_url,
        "environment": "test",
        "token_issuer": issuer.issuer,
        "log_json": False,
        "log_level": "WARNING",
        "relay_enabled": False,
        # The fuzzer sends thousands of requests with one token; limits have their own tests.
        "rate_limit_enabled": False,
        "registry_url": UNREACHABLE,
        "financing_url": UNREACHABLE,
        "marketplace_url": UNREACHABLE,
        "token_url": f"{UNREACHABLE}/v1/oauth/token",
        "outgoing_timeout_seconds": 0.5,
        "outgoing_retries": 1,
    }


# Which role calls an operation: admin where its role checks admit it, else the first of these
# they admit (admin is not the fund, so fund routes are called as fund staff).
PREFERENCE = [
    Role.admin,
    Role.fund_committee,
    Role.fund_officer,
    Role.ministry,
    Role.service,
    Role.partner,
    Role.cooperative,
    Role.offtaker,
]


class Callers:
    """Per operation, the headers of a principal its role checks let through (``route_roles``),
    so the fuzzer reaches the code behind the checks instead of a 403."""

    def __init__(self, issuer: TestIssuer, audience: str, app: FastAPI) -> None:
        self.issuer = issuer
        self.audience = audience
        self.table = route_roles(app)
        self._cache: dict[tuple[Role, frozenset[str]], dict[str, str]] = {}

    def headers(self, method: str, path: str) -> dict[str, str]:
        rule = self.table.get(f"{method.upper()} {path}")
        role, scopes = Role.admin, frozenset[str]()
        if rule is not None and rule.roles is not None:
            role = next(r for r in PREFERENCE if r in rule.roles)
            scopes = rule.scopes if role is Role.partner else frozenset()
        key = (role, scopes)
        if key not in self._cache:
            self._cache[key] = self.issuer.headers(
                role.value,
                sub=f"fuzz-{role.value}",
                audience=self.audience,
                scopes=sorted(scopes),
                org=uuid.uuid4() if role in ORG_BOUND_ROLES else None,
                ttl=timedelta(hours=6),
            )
        return self._cache[key]


@pytest.fixture(scope="session")
def issuer() -> TestIssuer:
    return TestIssuer()


@pytest.fixture(scope="session")
def registry_server(issuer: TestIssuer) -> Iterator[Server]:
    from registry.main import SERVICE_DIR, create_app
    from registry.settings import RegistrySettings

    # The registry verifies tokens with its own signing key: make it the test issuer's.
    pem = issuer.key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    settings = RegistrySettings(
        **common_settings(fresh_database(SERVICE_DIR, "kopmod_fuzz_registry"), issuer),
        signing_key_pem=SecretStr(pem),
    )
    app = create_app(settings)
    issuer.kid = app.state.signing_keys.kid
    with Server(app) as server:
        yield server


@pytest.fixture(scope="session")
def financing_server(
    issuer: TestIssuer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    from financing.main import SERVICE_DIR, create_app
    from financing.settings import FinancingSettings

    settings = FinancingSettings(
        **common_settings(fresh_database(SERVICE_DIR, "kopmod_fuzz_financing"), issuer),
        documents_dir=tmp_path_factory.mktemp("fuzz-documents"),
        eligibility_retry_enabled=False,
    )
    with Server(create_app(settings, key_source=issuer.key_source)) as server:
        yield server


@pytest.fixture(scope="session")
def marketplace_server(issuer: TestIssuer) -> Iterator[Server]:
    from marketplace.main import SERVICE_DIR, create_app
    from marketplace.settings import MarketplaceSettings

    settings = MarketplaceSettings(
        **common_settings(fresh_database(SERVICE_DIR, "kopmod_fuzz_marketplace"), issuer),
        repair_time_limit_seconds=2.0,
    )
    with Server(create_app(settings, key_source=issuer.key_source)) as server:
        yield server
