"""The relay under hostile input: request ids that cannot travel in a header, rows that fail
however they are sent, and partner URLs whose name resolves somewhere it must not go.

No test here opens a connection that leaves the machine: receivers are in-process apps, names
are resolved by stub resolvers, and the "public" address is only ever handed to a recording
transport.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from kopmod_shared.ids import new_id
from kopmod_shared.webhooks import verify

from ..conftest import cooperative_body, create_cooperative, outbox_rows
from . import test_webhooks
from .test_webhooks import _deliveries, _subscribe

receiver = test_webhooks.receiver  # the in-process partner endpoint fixture

REGISTERED = "registry.cooperative.registered"


async def test_a_long_or_non_ascii_request_id_on_a_request_that_emits_is_replaced_not_a_500(
    app, client, ministry_headers
):
    for bad in ("x" * 60_000, "y" * 201, "poison-\xe9"):
        resp = await client.post(
            "/v1/cooperatives",
            json=cooperative_body(),
            headers=[*ministry_headers.items(), ("X-Request-ID", bad.encode("latin-1"))],
        )
        assert resp.status_code == 201, resp.text[:300]
        rid = resp.headers["x-request-id"]
        assert len(rid) == 32 and rid != bad
        assert len(resp.text) < 5000  # nothing echoed
    rows = await outbox_rows(app, REGISTERED)
    assert len(rows) == 3
    assert all(len(r.payload["correlation_id"]) == 32 for r in rows)


async def _insert_poisoned_event(app, correlation_id: str) -> None:
    """An event as a release before the request-id check could have stored it."""
    event_id = new_id()
    payload = {
        "id": str(event_id),
        "type": REGISTERED,
        "source": "registry",
        "subject": str(new_id()),
        "occurred_at": "2026-01-01T00:00:00+00:00",
        "correlation_id": correlation_id,
        "parties": [],
        "data": {"note": "stored before request ids were checked"},
    }
    async with app.state.engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO outbox_events (id, type, subject, payload, correlation_id) "
                "VALUES (:id, :type, :subject, CAST(:payload AS jsonb), :cid)"
            ),
            {
                "id": event_id,
                "type": REGISTERED,
                "subject": payload["subject"],
                "payload": json.dumps(payload),
                "cid": correlation_id[:200],
            },
        )


async def test_a_stored_non_ascii_correlation_id_beside_clean_events_delivers_every_one(
    app, client, admin_headers, ministry_headers, receiver
):
    endpoint = await _subscribe(client, admin_headers)
    await create_cooperative(client, ministry_headers)
    await _insert_poisoned_event(app, "poison-\xe9")
    await _insert_poisoned_event(app, "line\r\nInjected: yes")
    await create_cooperative(client, ministry_headers)

    assert await app.state.relay.run_once() == (4, 4)
    log = await _deliveries(client, admin_headers, endpoint["id"])
    assert [(d["status"], d["attempts"]) for d in log] == [("succeeded", 1)] * 4
    assert len(receiver.received) == 4
    for hit in receiver.received:
        payload = verify(hit["body"], hit["headers"], [endpoint["secret"]])
        rid = hit["headers"].get("x-request-id")
        if payload["correlation_id"] in ("poison-\xe9", "line\r\nInjected: yes"):
            assert rid is None  # the stored value is not sent; the event itself is
        else:
            assert rid == payload["correlation_id"]
        assert "injected" not in hit["headers"]


async def _break_secrets(app, endpoint_id: str) -> None:
    """A row the relay cannot even sign for: whatever it raises is that delivery's failure."""
    async with app.state.engine.begin() as conn:
        await conn.execute(
            text(
                "UPDATE webhook_endpoints SET secrets = "
                'CAST(\'[{"secret": "whsec_x", "expires_at": "not a date"}]\' AS jsonb) '
                "WHERE id = :id"
            ),
            {"id": endpoint_id},
        )


async def _delivery_rows(app, endpoint_id: str) -> list[Any]:
    async with app.state.engine.connect() as conn:
        return list(
            await conn.execute(
                text(
                    "SELECT d.status, d.attempts, d.last_error, "
                    "(SELECT count(*) FROM webhook_attempts a WHERE a.delivery_id = d.id) AS n "
                    "FROM webhook_deliveries d WHERE d.endpoint_id = :id"
                ),
                {"id": endpoint_id},
            )
        )


async def test_a_batch_full_of_poisoned_rows_fails_them_and_delivers_the_clean_ones(
    app, client, admin_headers, headers_for, ministry_headers, receiver
):
    from kopmod_shared.auth import Role

    clean = await _subscribe(client, admin_headers)
    poisoned = await _subscribe(client, await headers_for(Role.ministry))
    await _break_secrets(app, poisoned["id"])
    for _ in range(6):
        await create_cooperative(client, ministry_headers)
    relay = app.state.relay
    original_batch = relay.batch
    relay.batch = 4  # the poisoned rows alone fill a batch
    try:
        assert await relay.fan_out() == 4
        assert await relay.fan_out() == 2
        for _ in range(10):
            if not await relay.deliver_due():
                break
    finally:
        relay.batch = original_batch

    clean_rows = await _delivery_rows(app, clean["id"])
    assert sorted((r.status, r.attempts) for r in clean_rows) == [("succeeded", 1)] * 6
    assert len(receiver.received) == 6
    bad_rows = await _delivery_rows(app, poisoned["id"])
    assert len(bad_rows) == 6
    # Every poisoned delivery was attempted, its failure recorded as a category, and the
    # schedule (three attempts here) ran out: failed, and the endpoint disabled.
    assert all(r.attempts >= 1 and r.n == r.attempts for r in bad_rows)
    assert {r.last_error for r in bad_rows} == {"invalid request"}
    assert sum(r.attempts for r in bad_rows) >= 6
    endpoint = (await client.get(f"/v1/webhooks/{poisoned['id']}", headers=admin_headers)).json()
    assert endpoint["enabled"] is False
    assert endpoint["disabled_reason"] == "retry schedule spent"


async def test_any_exception_while_sending_is_a_failed_attempt_with_a_category(
    app, client, admin_headers, ministry_headers, receiver
):
    endpoint = await _subscribe(client, admin_headers)
    await create_cooperative(client, ministry_headers)
    relay = app.state.relay

    async def explode(request: httpx.Request) -> httpx.Response:
        raise RuntimeError("internal detail: 10.1.2.3:5432 said no")

    relay.http = httpx.AsyncClient(transport=httpx.MockTransport(explode))
    await relay.run_once()
    [log] = await _deliveries(client, admin_headers, endpoint["id"])
    assert log["status"] == "pending" and log["attempts"] == 1
    assert log["last_error"] == "delivery error"
    assert "10.1.2.3" not in json.dumps(log)


class RecordingTransport(httpx.AsyncBaseTransport):
    """Stands in for the network: records what would have been sent, sends nothing."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(204)


def _resolver(answers: dict[str, list[str]]) -> Any:
    async def resolve(host: str, port: int) -> list[str]:
        return answers[host]

    return resolve


@pytest.fixture
def guarded_relay(app):
    """The relay as production runs it (private targets refused) with a stub resolver."""
    relay = app.state.relay
    saved = relay.allow_private, relay.allow_http, relay.resolver, relay.http
    relay.allow_private = relay.allow_http = False
    yield relay
    relay.allow_private, relay.allow_http, relay.resolver, relay.http = saved


async def test_a_name_rebound_to_loopback_after_registration_is_refused_at_delivery(
    app, client, admin_headers, ministry_headers, guarded_relay
):
    resp = await client.post(
        "/v1/webhooks",
        json={"url": "https://hooks.partner.test/in", "event_types": [REGISTERED]},
        headers=admin_headers,
    )
    assert resp.status_code == 201, resp.text
    endpoint = resp.json()
    await create_cooperative(client, ministry_headers)
    network = RecordingTransport()
    guarded_relay.http = httpx.AsyncClient(transport=network)
    guarded_relay.resolver = _resolver({"hooks.partner.test": ["127.0.0.1"]})
    await guarded_relay.run_once()
    assert network.requests == []
    [log] = await _deliveries(client, admin_headers, endpoint["id"])
    assert log["attempts"] == 1 and log["last_status_code"] is None
    assert log["last_error"] == "refused: private-address"
    assert "127.0.0.1" not in json.dumps(log)


async def test_delivery_connects_to_the_address_that_was_checked(
    app, client, admin_headers, ministry_headers, guarded_relay
):
    resp = await client.post(
        "/v1/webhooks",
        json={"url": "https://hooks.partner.test:8443/in", "event_types": [REGISTERED]},
        headers=admin_headers,
    )
    endpoint = resp.json()
    await create_cooperative(client, ministry_headers)
    network = RecordingTransport()
    guarded_relay.http = httpx.AsyncClient(transport=network)
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])  # a second lookup would rebind

    async def rebinding(host: str, port: int) -> list[str]:
        assert (host, port) == ("hooks.partner.test", 8443)
        return next(answers)

    guarded_relay.resolver = rebinding
    await guarded_relay.run_once()
    [sent] = network.requests
    assert sent.url.host == "93.184.216.34" and sent.url.port == 8443
    assert sent.headers["host"] == "hooks.partner.test:8443"
    assert sent.headers["connection"] == "close"
    assert sent.extensions["sni_hostname"] == "hooks.partner.test"
    [log] = await _deliveries(client, admin_headers, endpoint["id"])
    assert log["status"] == "succeeded"


@pytest.mark.parametrize(
    "url",
    [
        "https://100.100.100.200/latest/meta-data",
        "https://[2002:7f00:1::]/hook",
        "https://[fec0::1]/hook",
        "https://[64:ff9b::a9fe:a9fe]/hook",
        "https://localhost/hook",
    ],
)
async def test_registration_refuses_internal_targets_without_listing_addresses(
    app, client, admin_headers, url
):
    original = app.state.settings
    app.state.settings = original.model_copy(update={"webhooks_allow_private": False})
    try:
        resp = await client.post("/v1/webhooks", json={"url": url}, headers=admin_headers)
    finally:
        app.state.settings = original
    assert resp.status_code == 422, resp.text
    body = resp.json()
    assert body["type"].endswith("/unsafe-url")
    assert "addresses" not in body
    host = httpx.URL(url).host
    assert body["detail"] == f"host {host} resolves to an address that is not publicly routable"
    if host == "localhost":  # what it resolved to is not told
        assert "127.0.0.1" not in resp.text and "::1" not in resp.text
