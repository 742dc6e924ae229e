"""A deactivated client's tokens stop working on every service within seconds.

The three real apps run in one process on an in-process network; financing and the marketplace
subscribe to the registry's events at start-up through real webhooks, and the registry's outbox
relay runs as its background loop does. The registry refuses the token from its own deny-list;
the others from theirs, written when ``registry.identity.subject_revoked`` arrives.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import text

from financing.main import create_app as create_financing
from financing.main import default_subscriptions as financing_subscriptions
from financing.settings import FinancingSettings
from kopmod_shared.auth import JWKSKeySource, Role
from kopmod_shared.clients import ClientCredentials
from kopmod_shared.clients.base import ServiceClient
from kopmod_shared.testing import REPO_ROOT, fresh_database, running, truncate_all
from marketplace.main import create_app as create_marketplace
from marketplace.main import default_subscriptions as marketplace_subscriptions
from marketplace.settings import MarketplaceSettings
from registry.identity.repository import ApiClientRepository
from registry.identity.service import ensure_client
from registry.main import create_app as create_registry
from registry.settings import RegistrySettings

ISSUER = "http://registry.internal"
FINANCING = "http://financing.internal"
MARKETPLACE = "http://marketplace.internal"
TOKEN_URL = f"{ISSUER}/v1/oauth/token"
BASES = {"registry": ISSUER, "financing": FINANCING, "marketplace": MARKETPLACE}
# How long the test waits for every service to refuse: the relay polls every 0.2 s and each
# service reloads its deny-list every 0.5 s here; the bound leaves room for a busy machine.
WITHIN_SECONDS = 15.0


class Network(httpx.AsyncBaseTransport):
    def __init__(self) -> None:
        self.apps: dict[str, httpx.ASGITransport] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.apps[request.url.host].handle_async_request(request)


async def _ensure(registry: Any, client_id: str, role: Role, scopes: list[str] = ()) -> None:
    async with registry.state.sessionmaker() as session:
        await ensure_client(
            ApiClientRepository(session),
            client_id=client_id,
            secret=f"secret-{client_id}",
            role=role,
            name=client_id,
            scopes=list(scopes),
        )
        await session.commit()


@pytest.fixture(scope="module")
async def stack() -> AsyncIterator[dict[str, Any]]:
    urls = {
        name: fresh_database(REPO_ROOT / "services" / name, f"kopmod_{name}_revoke_test")
        for name in BASES
    }
    net = Network()
    http = httpx.AsyncClient(transport=net, timeout=30)

    def jwks(_app: Any, _http: httpx.AsyncClient) -> JWKSKeySource:
        return JWKSKeySource(f"{ISSUER}/.well-known/jwks.json", http)

    common: dict[str, Any] = {
        "token_issuer": ISSUER,
        "log_json": False,
        "gc_freeze": False,
        "relay_enabled": False,  # started below, once it has the in-process network
        "relay_poll_seconds": 0.2,
        "revocation_refresh_seconds": 0.5,
        "webhooks_allow_private": True,
        "financing_url": FINANCING,
        "marketplace_url": MARKETPLACE,
        "token_url": TOKEN_URL,
        "outgoing_retries": 1,
        "rate_limit_enabled": False,
    }
    registry = create_registry(RegistrySettings(database_url=urls["registry"], **common))

    def subscribed(subs: Any, client_id: str) -> Any:
        for sub in subs:
            credentials = ClientCredentials(
                http, TOKEN_URL, client_id, f"secret-{client_id}", audience=f"kopmod-{sub.source}"
            )
            sub.client = ServiceClient(BASES[sub.source], http, credentials=credentials)
        return subs

    financing = create_financing(
        FinancingSettings(
            database_url=urls["financing"],
            public_url=FINANCING,
            registry_url=ISSUER,
            service_client_id="financing-svc",
            service_client_secret=SecretStr("secret-financing-svc"),
            eligibility_retry_enabled=False,
            **common,
        ),
        registry_http=http,
        marketplace_http=http,
        subscriptions=subscribed(financing_subscriptions(), "financing-svc"),
        key_source=jwks,
    )
    marketplace = create_marketplace(
        MarketplaceSettings(
            database_url=urls["marketplace"],
            public_url=MARKETPLACE,
            registry_url=ISSUER,
            service_client_id="marketplace-svc",
            service_client_secret=SecretStr("secret-marketplace-svc"),
            **common,
        ),
        registry_http=http,
        subscriptions=subscribed(marketplace_subscriptions(), "marketplace-svc"),
        key_source=jwks,
    )
    apps = {"registry": registry, "financing": financing, "marketplace": marketplace}
    net.apps = {httpx.URL(BASES[n]).host: httpx.ASGITransport(app=a) for n, a in apps.items()}
    stop = asyncio.Event()
    async with running(registry):
        await _ensure(registry, "financing-svc", Role.service)
        await _ensure(registry, "marketplace-svc", Role.service)
        await _ensure(registry, "admin-revoker", Role.admin)
        async with running(financing), running(marketplace):
            registry.state.relay.http = http
            relay = asyncio.create_task(registry.state.relay.run_forever(stop))
            for consumer in (financing, marketplace):
                await _until(lambda c=consumer: _subscribed(c))
            try:
                yield {"apps": apps, "http": http}
            finally:
                stop.set()
                await relay
                for app in apps.values():
                    await truncate_all(app.state.engine)
    await http.aclose()


async def _subscribed(app: Any) -> bool:
    async with app.state.engine.connect() as conn:
        rows = await conn.execute(text("SELECT event_types FROM event_subscriptions"))
        return any("registry.identity.subject_revoked" in r[0] for r in rows)


async def _until(predicate: Any, timeout: float = WITHIN_SECONDS) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await predicate():
        assert asyncio.get_running_loop().time() < deadline, "not within the bound"
        await asyncio.sleep(0.1)


async def _token(http: httpx.AsyncClient, client_id: str) -> httpx.Response:
    return await http.post(
        TOKEN_URL,
        data={"grant_type": "client_credentials"},
        auth=(client_id, f"secret-{client_id}"),
    )


async def _me(http: httpx.AsyncClient, token: str) -> dict[str, httpx.Response]:
    return {
        name: await http.get(f"{base}/v1/me", headers={"Authorization": f"Bearer {token}"})
        for name, base in BASES.items()
    }


async def test_a_deactivated_clients_token_is_refused_everywhere_within_seconds(stack):
    http = stack["http"]
    registry = stack["apps"]["registry"]
    await _ensure(registry, "partner-leaving", Role.partner, ["read"])
    token = (await _token(http, "partner-leaving")).json()["access_token"]
    admin_token = (await _token(http, "admin-revoker")).json()["access_token"]
    admin = {"Authorization": f"Bearer {admin_token}"}
    before = await _me(http, token)
    assert {n: r.status_code for n, r in before.items()} == dict.fromkeys(BASES, 200)
    assert {r.json()["client_id"] for r in before.values()} == {"partner-leaving"}

    listed = (await http.get(f"{ISSUER}/v1/clients?limit=100", headers=admin)).json()["items"]
    [client] = [c for c in listed if c["client_id"] == "partner-leaving"]
    resp = await http.patch(
        f"{ISSUER}/v1/clients/{client['id']}", json={"active": False}, headers=admin
    )
    assert resp.status_code == 200 and resp.json()["active"] is False

    async def refused_everywhere() -> bool:
        return all(r.status_code == 401 for r in (await _me(http, token)).values())

    await _until(refused_everywhere)
    for name, refused in (await _me(http, token)).items():
        assert refused.json()["detail"] == "token has been revoked", name
    # Each service holds the subject in its own deny-list.
    for name, app in stack["apps"].items():
        async with app.state.engine.connect() as conn:
            reason = (
                await conn.execute(
                    text("SELECT reason FROM revoked_subjects WHERE subject = 'partner-leaving'")
                )
            ).scalar()
        assert reason == "client deactivated", name
    # No new token either; the admin's own token is untouched.
    assert (await _token(http, "partner-leaving")).json()["error_description"] == (
        "client is deactivated"
    )
    assert {r.status_code for r in (await _me(http, admin_token)).values()} == {200}

    # Re-activated: tokens issued from now on work everywhere; the old one stays refused. (A
    # token minted in the very second of the revocation is refused too: iat is whole seconds.)
    await asyncio.sleep(1.0)
    resp = await http.patch(
        f"{ISSUER}/v1/clients/{client['id']}", json={"active": True}, headers=admin
    )
    assert resp.status_code == 200
    fresh = (await _token(http, "partner-leaving")).json()["access_token"]
    assert {r.status_code for r in (await _me(http, fresh)).values()} == {200}
    assert {r.status_code for r in (await _me(http, token)).values()} == {401}


async def test_partners_cannot_subscribe_to_or_receive_revocations(stack):
    http = stack["http"]
    registry = stack["apps"]["registry"]
    await _ensure(registry, "partner-curious", Role.partner, ["registry:read"])
    bearer = {
        "Authorization": f"Bearer {(await _token(http, 'partner-curious')).json()['access_token']}"
    }
    resp = await http.post(
        f"{ISSUER}/v1/webhooks",
        json={
            "url": "https://hooks.partner.test/in",
            "event_types": ["registry.identity.subject_revoked"],
        },
        headers=bearer,
    )
    assert resp.status_code == 422
    assert "registry.identity.subject_revoked" in resp.json()["errors"][0]["message"]


async def test_a_subscription_made_by_an_older_release_is_widened_to_the_new_event(stack):
    """An upgrade adds ``subject_revoked`` to what financing consumes: its subscription on the
    registry, recorded with the old event types, is changed in place (same endpoint, secret)."""
    financing = stack["apps"]["financing"]
    registry = stack["apps"]["registry"]
    old_types = ["registry.cooperative.restructured"]
    async with financing.state.engine.begin() as conn:
        endpoint_id = (
            await conn.execute(
                text(
                    "UPDATE event_subscriptions SET event_types = :t WHERE source = 'registry' "
                    "RETURNING endpoint_id"
                ),
                {"t": old_types},
            )
        ).scalar()
    async with registry.state.engine.begin() as conn:
        await conn.execute(
            text("UPDATE webhook_endpoints SET event_types = :t WHERE id = :id"),
            {"t": old_types, "id": endpoint_id},
        )
    assert await financing.state.subscriber.ensure() is True
    async with registry.state.engine.connect() as conn:
        types = (
            await conn.execute(
                text("SELECT event_types FROM webhook_endpoints WHERE id = :id"),
                {"id": endpoint_id},
            )
        ).scalar()
    assert sorted(types) == [
        "registry.cooperative.restructured",
        "registry.identity.subject_revoked",
    ]
    assert await _subscribed(financing)
