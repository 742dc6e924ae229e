"""Financing publishes through the same webhook machinery: a cooperative's subscription hears
about its own application only, signed, through the outbox relay."""

from __future__ import annotations

import json
import uuid

import httpx
from fastapi import FastAPI, Request, Response

from kopmod_shared.webhooks import verify

from ..helpers import funded_fund, make_product, submitted


async def test_cooperative_hears_only_its_own_application_events(
    app, client, tokens, fake_registry
):
    received: list[tuple[dict[str, str], bytes]] = []
    receiver = FastAPI()

    @receiver.post("/hook")
    async def hook(request: Request) -> Response:
        received.append((dict(request.headers), await request.body()))
        return Response(status_code=200)

    relay = app.state.relay
    original = relay.http
    relay.http = httpx.AsyncClient(transport=httpx.ASGITransport(app=receiver))
    try:
        fund = await funded_fund(client, tokens)
        product = await make_product(client, tokens, fund["id"])
        mine, other = uuid.uuid4(), uuid.uuid4()
        sub = await client.post(
            "/v1/webhooks",
            json={"url": "http://receiver.test/hook", "event_types": []},
            headers=tokens.cooperative(mine),
        )
        assert sub.status_code == 201, sub.text
        secret = sub.json()["secret"]
        await submitted(client, tokens, fake_registry, product["id"], cooperative_id=mine)
        await submitted(client, tokens, fake_registry, product["id"], cooperative_id=other)
        await relay.run_once()
    finally:
        await relay.http.aclose()
        relay.http = original
    events = [verify(body, headers, [secret]) for headers, body in received]
    assert {e["type"] for e in events} == {
        "financing.application.submitted",
        "financing.application.eligibility_passed",
        "financing.application.status_changed",
    }
    assert all(e["parties"] == [str(mine)] for e in events)
    assert all(json.dumps(e).count(str(other)) == 0 for e in events)


async def test_only_those_who_read_every_application_or_their_own_may_subscribe(client, tokens):
    """A subscriber not bound to an organisation hears about every cooperative's financing, so
    only callers who may read every application may subscribe; a cooperative hears its own."""
    body = {"url": "http://receiver.test/hook", "event_types": []}
    for refused in (
        tokens("partner", sub="p-1"),
        tokens("partner", sub="p-2", scopes=["funds:read", "repayments"]),
        tokens("ministry", sub="m-1"),
    ):
        resp = await client.post("/v1/webhooks", json=body, headers=refused)
        assert resp.status_code == 403, resp.text
        assert resp.json()["detail"] == "this caller may not subscribe to this service's events"
    for allowed in (
        tokens("partner", sub="p-3", scopes=["applications:read"]),
        tokens.officer,
        tokens.committee,
        tokens.cooperative(uuid.uuid4()),
        tokens("service", sub="svc"),
    ):
        resp = await client.post("/v1/webhooks", json=body, headers=allowed)
        assert resp.status_code == 201, resp.text
    listed = (await client.get("/v1/webhooks", headers=tokens.admin)).json()["items"]
    assert len(listed) == 5
