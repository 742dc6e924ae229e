"""Issue 19's classes on the marketplace: a request id that cannot travel in a header never
reaches an event (the delivery that once never repaid its loan), and a revocation from the
registry refuses the subject's older tokens here."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from kopmod_shared.events import EventType
from kopmod_shared.webhooks.testing import deliver, envelope, subscribe_directly
from marketplace.models import event_subscriptions

from ..conftest import AUDIENCE, demand_body, make_offtaker, outbox


async def test_a_long_or_non_ascii_request_id_is_replaced_before_it_reaches_the_event(
    app, client, actors
):
    offtaker = await make_offtaker(client, actors)
    for bad in (b"poison-\xe9", b"z" * 60_000):
        resp = await client.post(
            "/v1/demands",
            json=demand_body(),
            headers=[*actors.offtaker(offtaker).items(), ("X-Request-ID", bad)],
        )
        assert resp.status_code == 201, resp.text[:300]
        assert len(resp.headers["x-request-id"]) == 32
    events = await outbox(app, EventType.DEMAND_POSTED)
    assert len(events) == 2
    assert all(len(e["correlation_id"]) == 32 for e in events)


async def _until_status(client: Any, headers: dict[str, str], status: int) -> Any:
    deadline = asyncio.get_running_loop().time() + 10
    while True:
        resp = await client.get("/v1/me", headers=headers)
        if resp.status_code == status or asyncio.get_running_loop().time() > deadline:
            return resp
        await asyncio.sleep(0.2)


async def test_a_revoked_subjects_older_tokens_are_refused_here(app, client, issuer):
    secret = await subscribe_directly(
        app.state.engine, event_subscriptions, "registry", [EventType.SUBJECT_REVOKED]
    )
    old = issuer.headers("partner", sub="partner-leaving", audience=AUDIENCE)
    bystander = issuer.headers("partner", sub="partner-staying", audience=AUDIENCE)
    assert (await client.get("/v1/me", headers=old)).status_code == 200
    revoked = envelope(
        "registry",
        EventType.SUBJECT_REVOKED,
        {
            "subject": "partner-leaving",
            "not_before": datetime.now(UTC).isoformat(),
            "reason": "client deactivated",
        },
        subject="partner-leaving",
    )
    assert (await deliver(client, revoked, secret)).status_code == 204
    refused = await _until_status(client, old, 401)
    assert refused.status_code == 401
    assert refused.json()["detail"] == "token has been revoked"
    assert (await client.get("/v1/me", headers=bystander)).status_code == 200
