"""Marketplace events reach webhook subscribers through the outbox relay, signed; an offtaker's
subscription hears only about its own demands."""

from __future__ import annotations

import uuid

import httpx
from fastapi import FastAPI, Request, Response

from kopmod_shared.webhooks import verify

from ..conftest import AUDIENCE, make_offtaker, post_demand


async def test_offtaker_hears_its_own_demand_posted_and_not_others(app, client, actors):
    received: list[tuple[dict[str, str], bytes]] = []
    receiver = FastAPI()

    @receiver.post("/hook")
    async def hook(request: Request) -> Response:
        received.append((dict(request.headers), await request.body()))
        return Response(status_code=202)

    relay = app.state.relay
    original = relay.http
    relay.http = httpx.AsyncClient(transport=httpx.ASGITransport(app=receiver))
    try:
        mine = await make_offtaker(client, actors)
        other = await make_offtaker(client, actors, name="PT Lain")
        sub = await client.post(
            "/v1/webhooks",
            json={"url": "http://receiver.test/hook", "event_types": ["marketplace.demand.posted"]},
            headers=actors.offtaker(mine),
        )
        assert sub.status_code == 201, sub.text
        own = await post_demand(client, actors, mine)
        await post_demand(client, actors, other)
        await relay.run_once()
    finally:
        await relay.http.aclose()
        relay.http = original
    [(headers, body)] = received
    event = verify(body, headers, [sub.json()["secret"]])
    assert event["type"] == "marketplace.demand.posted"
    assert event["subject"] == own["id"]
    assert event["parties"] == [mine]


async def test_only_organisations_and_those_who_read_everything_may_subscribe(
    client, actors, issuer
):
    """A subscriber not bound to an organisation hears about every demand, offer and contract,
    so only callers who may read every object may subscribe; an organisation hears its own."""
    body = {"url": "http://receiver.test/hook", "event_types": []}
    for refused in (
        actors.partner(),
        actors.partner("marketplace:match"),
        issuer.headers("fund_officer", audience=AUDIENCE),
        issuer.headers("ministry", audience=AUDIENCE),
    ):
        resp = await client.post("/v1/webhooks", json=body, headers=refused)
        assert resp.status_code == 403, resp.text
        assert resp.json()["detail"] == "this caller may not subscribe to this service's events"
    for allowed in (
        actors.partner("marketplace:read"),
        actors.admin(),
        actors.service(),
        actors.offtaker(uuid.uuid4()),
        actors.cooperative(uuid.uuid4()),
    ):
        resp = await client.post("/v1/webhooks", json=body, headers=allowed)
        assert resp.status_code == 201, resp.text
