"""Guessing a client secret is throttled per client id and per address: 429 with Retry-After,
the right secret refused too until the lockout ends, every refusal in the audit trail."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import text

from kopmod_shared.auth import Role
from kopmod_shared.testing import running
from registry.identity.keys import generate_pem
from registry.main import create_app
from registry.settings import RegistrySettings

from ..conftest import ISSUER, make_api_client

PER_CLIENT = 3
PER_ADDRESS = 6


@pytest.fixture
async def registry(settings: RegistrySettings, client) -> AsyncIterator[Any]:
    """``await registry(**settings)`` -> ``at(address)``: HTTP clients from chosen addresses."""
    async with AsyncExitStack() as stack:

        async def make(**overrides: Any) -> Any:
            cfg = settings.model_copy(
                update={
                    "signing_key_pem": SecretStr(generate_pem().decode()),
                    "secret_failures_per_client": PER_CLIENT,
                    "secret_failures_per_address": PER_ADDRESS,
                    **overrides,
                }
            )
            app = await stack.enter_async_context(running(create_app(cfg)))

            async def at(address: str) -> httpx.AsyncClient:
                transport = httpx.ASGITransport(app=app, client=(address, 5555))
                c = httpx.AsyncClient(transport=transport, base_url=ISSUER)
                c.app = app  # type: ignore[attr-defined]
                return await stack.enter_async_context(c)

            return at

        yield make


async def _token(c: httpx.AsyncClient, client_id: str, secret: str) -> httpx.Response:
    return await c.post(
        "/v1/oauth/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret)
    )


async def _audit(app: Any) -> list[tuple[str, str, str]]:
    async with app.state.engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT client_id, address, outcome FROM token_request_audit ORDER BY id")
        )
        return [tuple(r) for r in rows]


async def test_wrong_secrets_lock_the_client_id_even_against_the_right_secret(registry):
    at = await registry()
    attacker = await at("203.0.113.10")
    secret = await make_api_client(attacker.app, "partner-target", Role.partner)
    for _ in range(PER_CLIENT):
        wrong = await _token(attacker, "partner-target", "guess")
        assert wrong.status_code == 401
        assert wrong.json()["error"] == "invalid_client"

    locked = await _token(attacker, "partner-target", secret)
    assert locked.status_code == 429
    body = locked.json()
    assert body["type"].endswith("/too-many-failed-attempts")
    assert body["error"] == "invalid_client" and "access_token" not in body
    assert 1 <= int(locked.headers["Retry-After"]) <= 300
    assert locked.headers["Cache-Control"] == "no-store"
    # From another address too: the lock is on the client id.
    elsewhere = await at("198.51.100.20")
    assert (await _token(elsewhere, "partner-target", secret)).status_code == 429
    # Another client is not affected.
    other = await make_api_client(attacker.app, "partner-other", Role.partner)
    assert (await _token(elsewhere, "partner-other", other)).status_code == 200

    assert await _audit(attacker.app) == [
        *[("partner-target", "203.0.113.10", "wrong_secret")] * PER_CLIENT,
        ("partner-target", "203.0.113.10", "locked_out"),
        ("partner-target", "198.51.100.20", "locked_out"),
    ]


async def test_one_address_trying_many_client_ids_is_locked_out(registry):
    at = await registry()
    sprayer = await at("203.0.113.77")
    secret = await make_api_client(sprayer.app, "partner-real", Role.partner)
    for i in range(PER_ADDRESS):
        assert (await _token(sprayer, f"guessed-{i}", "guess")).status_code == 401
    refused = await _token(sprayer, "partner-real", secret)
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) >= 1
    # The same client from an address that did not spray gets its token.
    assert (await _token(await at("198.51.100.5"), "partner-real", secret)).status_code == 200
    outcomes = [row[2] for row in await _audit(sprayer.app)]
    assert outcomes == ["wrong_secret"] * PER_ADDRESS + ["locked_out"]


async def test_the_lockout_ends_when_the_failures_leave_the_window(registry):
    at = await registry(secret_failure_window_seconds=2)
    c = await at("203.0.113.30")
    secret = await make_api_client(c.app, "partner-patient", Role.partner)
    for _ in range(PER_CLIENT):
        await _token(c, "partner-patient", "guess")
    locked = await _token(c, "partner-patient", secret)
    assert locked.status_code == 429
    await asyncio.sleep(int(locked.headers["Retry-After"]) + 0.2)
    assert (await _token(c, "partner-patient", secret)).status_code == 200
