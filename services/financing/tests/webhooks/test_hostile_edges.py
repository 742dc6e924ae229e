"""Issue 19's classes on financing: a request id that cannot travel in a header never reaches
an event, and a revocation from the registry refuses the subject's older tokens here."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text

from financing.models import event_subscriptions
from kopmod_shared.events import EventType
from kopmod_shared.webhooks.testing import deliver, envelope, subscribe_directly

from ..helpers import draft, funded_fund, make_product


async def test_a_long_or_non_ascii_request_id_is_replaced_before_it_reaches_the_event(
    app, client, tokens, fake_registry
):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    for bad in (b"poison-\xe9", b"z" * 60_000):
        coop = uuid.uuid4()
        fake_registry.add(coop)
        application = await draft(client, tokens, product["id"], coop)
        resp = await client.post(
            f"/v1/applications/{application['id']}/submit",
            headers=[*tokens.cooperative(coop).items(), ("X-Request-ID", bad)],
        )
        assert resp.status_code == 200, resp.text[:300]
        assert len(resp.headers["x-request-id"]) == 32
    async with app.state.engine.connect() as conn:
        ids = [r[0] for r in await conn.execute(text("SELECT correlation_id FROM outbox_events"))]
    assert len(ids) >= 2 and all(len(i) == 32 for i in ids)


async def _until_status(client: Any, headers: dict[str, str], status: int) -> Any:
    deadline = asyncio.get_running_loop().time() + 10
    while True:
        resp = await client.get("/v1/me", headers=headers)
        if resp.status_code == status or asyncio.get_running_loop().time() > deadline:
            return resp
        await asyncio.sleep(0.2)


async def test_a_revoked_subjects_older_tokens_are_refused_here(app, client, tokens):
    secret = await subscribe_directly(
        app.state.engine, event_subscriptions, "registry", [EventType.SUBJECT_REVOKED]
    )
    old = tokens("fund_officer", sub="officer-leaving")
    bystander = tokens("fund_officer", sub="officer-staying")
    assert (await client.get("/v1/me", headers=old)).status_code == 200
    revoked = envelope(
        "registry",
        EventType.SUBJECT_REVOKED,
        {
            "subject": "officer-leaving",
            "not_before": datetime.now(UTC).isoformat(),
            "reason": "client deactivated",
        },
        subject="officer-leaving",
    )
    assert (await deliver(client, revoked, secret)).status_code == 204
    refused = await _until_status(client, old, 401)
    assert refused.status_code == 401
    assert refused.json()["detail"] == "token has been revoked"
    assert (await client.get("/v1/me", headers=bystander)).status_code == 200
    # The same event again (a redelivery) changes nothing.
    assert (await deliver(client, revoked, secret)).status_code == 204
    async with app.state.engine.connect() as conn:
        rows = (await conn.execute(text("SELECT subject FROM revoked_subjects"))).all()
    assert [r[0] for r in rows] == ["officer-leaving"]
