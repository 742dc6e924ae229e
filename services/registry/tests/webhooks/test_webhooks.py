"""Partner webhooks on the registry: subscription, signed delivery through the outbox relay,
retry after failure without doubling, 410 and spent schedules, SSRF refusal, ownership and
organisation scoping."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request, Response
from sqlalchemy import text

from kopmod_shared.auth import Role
from kopmod_shared.events import EventType
from kopmod_shared.webhooks import verify

from ..conftest import cooperative_body, create_cooperative

HOOK = "http://receiver.test/hook"


@dataclass
class Receiver:
    """A partner's endpoint: records what arrives, answers what the test scripts."""

    answers: list[int] = field(default_factory=list)
    received: list[dict[str, Any]] = field(default_factory=list)

    def app(self) -> FastAPI:
        receiver = FastAPI()

        @receiver.post("/hook")
        async def hook(request: Request) -> Response:
            self.received.append({"headers": dict(request.headers), "body": await request.body()})
            return Response(status_code=self.answers.pop(0) if self.answers else 204)

        return receiver


@pytest.fixture
async def receiver(app) -> AsyncIterator[Receiver]:
    rec = Receiver()
    relay = app.state.relay
    original_http, original_schedule = relay.http, relay.schedule
    relay.http = httpx.AsyncClient(transport=httpx.ASGITransport(app=rec.app()))
    relay.schedule = (0, 0, 0)  # three attempts, no waiting
    yield rec
    await relay.http.aclose()
    relay.http, relay.schedule = original_http, original_schedule


async def _subscribe(client, headers, types=("registry.cooperative.registered",)) -> dict:
    resp = await client.post(
        "/v1/webhooks", json={"url": HOOK, "event_types": list(types)}, headers=headers
    )
    assert resp.status_code == 201, resp.text
    return resp.json()


async def _deliveries(client, headers, endpoint_id) -> list[dict]:
    resp = await client.get(f"/v1/webhooks/{endpoint_id}/deliveries", headers=headers)
    assert resp.status_code == 200, resp.text
    return resp.json()["items"]


async def _disabled_events(app) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    async with app.state.engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT payload FROM outbox_events WHERE type = :t ORDER BY seq"),
            {"t": EventType.REGISTRY_WEBHOOK_DISABLED},
        )
        return [r.payload for r in rows]


async def test_deliveries_failing_together_tell_of_the_disabled_endpoint_once(
    app, client, admin_headers, ministry_headers, receiver
):
    endpoint = await _subscribe(client, admin_headers)
    receiver.answers = [500] * 6
    await create_cooperative(client, ministry_headers)
    await create_cooperative(client, ministry_headers)
    relay = app.state.relay
    assert await relay.run_once() == (2, 2)
    assert await relay.deliver_due() == 2
    assert await relay.deliver_due() == 2  # both spend their schedule in this pass
    assert len(receiver.received) == 6
    failed = await _deliveries(client, admin_headers, endpoint["id"])
    assert [d["status"] for d in failed] == ["failed", "failed"]
    [told] = await _disabled_events(app)
    assert told["data"]["reason"] == "retry schedule spent"
    assert told["data"]["owner_client_id"] is not None
    # Internal: a partner cannot subscribe to it (only the platform's services may).
    resp = await client.post(
        "/v1/webhooks",
        json={"url": HOOK, "event_types": [EventType.REGISTRY_WEBHOOK_DISABLED]},
        headers=admin_headers,
    )
    assert resp.status_code == 422, resp.text


async def test_registration_event_is_delivered_signed_to_a_subscriber(
    app, client, admin_headers, ministry_headers, receiver
):
    endpoint = await _subscribe(client, admin_headers)
    assert endpoint["secret"].startswith("whsec_")
    coop = (
        await client.post(
            "/v1/cooperatives",
            json=cooperative_body(),
            headers={**ministry_headers, "X-Request-ID": "story-req-1"},
        )
    ).json()

    fanned, delivered = await app.state.relay.run_once()
    assert (fanned, delivered) == (1, 1)
    [hit] = receiver.received
    payload = verify(hit["body"], hit["headers"], [endpoint["secret"]])
    assert payload["type"] == "registry.cooperative.registered"
    assert payload["subject"] == coop["id"]
    assert payload["parties"] == [coop["id"]]
    assert hit["headers"]["webhook-id"] == payload["id"]
    # The request that caused the event is named on the event and on its delivery.
    assert payload["correlation_id"] == "story-req-1"
    assert hit["headers"]["x-request-id"] == "story-req-1"

    [log] = await _deliveries(client, admin_headers, endpoint["id"])
    assert log["status"] == "succeeded" and log["attempts"] == 1
    assert log["last_status_code"] == 204
    # Nothing left to do: a second pass sends nothing more.
    assert await app.state.relay.run_once() == (0, 0)
    assert len(receiver.received) == 1


async def test_receiver_fails_then_recovers_nothing_lost_nothing_doubled(
    app, client, admin_headers, ministry_headers, receiver
):
    endpoint = await _subscribe(client, admin_headers)
    receiver.answers = [500, 503]
    await create_cooperative(client, ministry_headers)
    relay = app.state.relay
    await relay.run_once()
    [log] = await _deliveries(client, admin_headers, endpoint["id"])
    assert log["status"] == "pending" and log["last_status_code"] == 500
    await relay.deliver_due()
    await relay.deliver_due()
    [log] = await _deliveries(client, admin_headers, endpoint["id"])
    assert log["status"] == "succeeded" and log["attempts"] == 3
    ids = {r["headers"]["webhook-id"] for r in receiver.received}
    assert len(receiver.received) == 3 and len(ids) == 1  # the same message, retried
    async with app.state.engine.connect() as conn:
        attempts = (await conn.execute(text("SELECT count(*) FROM webhook_attempts"))).scalar()
    assert attempts == 3


async def test_gone_disables_the_endpoint_and_a_spent_schedule_too(
    app, client, admin_headers, ministry_headers, receiver
):
    gone = await _subscribe(client, admin_headers)
    receiver.answers = [410]
    await create_cooperative(client, ministry_headers)
    await app.state.relay.run_once()
    state = (await client.get(f"/v1/webhooks/{gone['id']}", headers=admin_headers)).json()
    assert state["enabled"] is False
    assert state["disabled_reason"] == "endpoint answered 410 Gone"
    # The platform is told (the console tells its admins), in the disabling transaction.
    [told] = await _disabled_events(app)
    assert told["subject"] == gone["id"] and told["parties"] == []
    assert told["data"]["endpoint_id"] == gone["id"]
    assert told["data"]["reason"] == "endpoint answered 410 Gone"
    assert (told["data"]["owner_role"], told["data"]["last_error"]) == ("admin", "http 410")

    # Re-enabled, then failing on every attempt of the (3-step) schedule.
    resp = await client.patch(
        f"/v1/webhooks/{gone['id']}", json={"enabled": True}, headers=admin_headers
    )
    assert resp.json()["enabled"] is True and resp.json()["disabled_reason"] is None
    receiver.answers = [500, 500, 500]
    await create_cooperative(client, ministry_headers)
    relay = app.state.relay
    await relay.run_once()
    await relay.deliver_due()
    await relay.deliver_due()
    state = (await client.get(f"/v1/webhooks/{gone['id']}", headers=admin_headers)).json()
    assert state["enabled"] is False and state["disabled_reason"] == "retry schedule spent"
    # Disabled again: told again.
    told = [e["data"] for e in await _disabled_events(app)]
    assert [(e["reason"], e["last_error"]) for e in told] == [
        ("endpoint answered 410 Gone", "http 410"),
        ("retry schedule spent", "http 500"),
    ]
    failed = await _deliveries(client, admin_headers, gone["id"])
    assert [d["status"] for d in failed] == ["failed", "failed"]

    # A partner can replay a delivery from its log once the endpoint works again.
    await client.patch(f"/v1/webhooks/{gone['id']}", json={"enabled": True}, headers=admin_headers)
    replay = await client.post(
        f"/v1/webhooks/{gone['id']}/deliveries/{failed[0]['id']}/replay", headers=admin_headers
    )
    assert replay.status_code == 200 and replay.json()["status"] == "pending"
    await relay.deliver_due()
    assert (await _deliveries(client, admin_headers, gone["id"]))[0]["status"] == "succeeded"


async def test_rotation_signs_with_old_and_new_secret(
    app, client, admin_headers, ministry_headers, receiver
):
    endpoint = await _subscribe(client, admin_headers)
    rotated = await client.post(f"/v1/webhooks/{endpoint['id']}/secret", headers=admin_headers)
    assert rotated.status_code == 200
    new_secret = rotated.json()["secret"]
    assert new_secret != endpoint["secret"]
    await create_cooperative(client, ministry_headers)
    await app.state.relay.run_once()
    [hit] = receiver.received
    assert len(hit["headers"]["webhook-signature"].split(" ")) == 2
    assert verify(hit["body"], hit["headers"], [endpoint["secret"]])
    assert verify(hit["body"], hit["headers"], [new_secret])


async def test_private_targets_are_refused_unless_allowed(app, client, admin_headers):
    original = app.state.settings
    app.state.settings = original.model_copy(update={"webhooks_allow_private": False})
    try:
        for url in ("https://127.0.0.1/hook", "https://10.0.0.5/hook", "http://example.org/hook"):
            resp = await client.post("/v1/webhooks", json={"url": url}, headers=admin_headers)
            assert resp.status_code == 422, url
            assert resp.json()["type"].endswith("/unsafe-url")
    finally:
        app.state.settings = original
    listed = (await client.get("/v1/webhooks", headers=admin_headers)).json()["items"]
    assert listed == []


async def test_endpoints_belong_to_their_client_and_orgs_see_only_their_events(
    app, client, headers_for, ministry_headers, receiver
):
    partner = await headers_for(Role.partner, scopes=["registry:read"])
    endpoint = await _subscribe(client, partner)
    stranger = await headers_for(Role.partner, scopes=["registry:read"])
    assert (await client.get(f"/v1/webhooks/{endpoint['id']}", headers=stranger)).status_code == 404
    assert (await client.get("/v1/webhooks", headers=stranger)).json()["items"] == []

    mine = await create_cooperative(client, ministry_headers)
    other = await create_cooperative(client, ministry_headers)
    coop_headers = await headers_for(Role.cooperative, org=mine["id"])
    coop_endpoint = await _subscribe(client, coop_headers, types=("registry.cooperative.updated",))
    for coop in (mine, other):
        resp = await client.patch(
            f"/v1/cooperatives/{coop['id']}", json={"member_count": 500}, headers=ministry_headers
        )
        assert resp.status_code == 200, resp.text
    await app.state.relay.run_once()
    coop_log = await _deliveries(client, coop_headers, coop_endpoint["id"])
    assert len(coop_log) == 1
    bodies = [json.loads(r["body"]) for r in receiver.received]
    updates = [b["subject"] for b in bodies if b["type"] == "registry.cooperative.updated"]
    registrations = [b["subject"] for b in bodies if b["type"] == "registry.cooperative.registered"]
    # The cooperative hears only about itself; the partner hears about every registration.
    assert updates == [mine["id"]]
    assert sorted(registrations) == sorted([mine["id"], other["id"]])


async def test_unknown_event_types_are_refused(client, admin_headers):
    resp = await client.post(
        "/v1/webhooks",
        json={"url": HOOK, "event_types": ["registry.nothing"]},
        headers=admin_headers,
    )
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["field"] == "body.event_types"


async def test_a_service_subscribing_late_gets_what_it_missed_a_partner_does_not(
    app, client, headers_for, ministry_headers, receiver
):
    before = await create_cooperative(client, ministry_headers)
    await app.state.relay.run_once()  # published before anyone subscribed
    service = await headers_for(Role.service)
    partner = await headers_for(Role.partner, scopes=["registry:read"])
    service_endpoint = await _subscribe(client, service)
    partner_endpoint = await _subscribe(client, partner)
    after = await create_cooperative(client, ministry_headers)
    await app.state.relay.run_once()

    service_log = await _deliveries(client, service, service_endpoint["id"])
    partner_log = await _deliveries(client, partner, partner_endpoint["id"])
    assert len(service_log) == 2 and {d["status"] for d in service_log} == {"succeeded"}
    assert len(partner_log) == 1
    service_subjects = sorted(
        json.loads(r["body"])["subject"]
        for r in receiver.received
        if verify_any(r, service_endpoint["secret"])
    )
    assert service_subjects == sorted([before["id"], after["id"]])
    # Subscribing again (a restarted service) re-sends the same event ids; consumers de-duplicate.
    again = await _subscribe(client, service)
    await app.state.relay.run_once()
    assert len(await _deliveries(client, service, again["id"])) == 2


def verify_any(hit: dict, secret: str) -> bool:
    from kopmod_shared.errors import Unauthorized

    try:
        verify(hit["body"], hit["headers"], [secret])
    except Unauthorized:
        return False
    return True


RECORD_EVENTS = (
    "registry.cooperative.rat_recorded",
    "registry.cooperative.health_assessed",
    "registry.cooperative.phase_changed",
)


async def test_record_events_reach_subscribers_by_party_and_carry_no_health_score(
    app, client, headers_for, ministry_headers, receiver
):
    """RAT, health and phase events can be subscribed to; a cooperative hears only its own, a
    full reader (a partner with `registry:read`) hears every one; a caller who reads only public
    profiles (a fund officer, a partner without the scope) may not subscribe at all. The health
    event carries no score or category anyway: it says what happened, the API says the rest."""
    mine = await create_cooperative(client, ministry_headers)
    other = await create_cooperative(client, ministry_headers)
    coop_headers = await headers_for(Role.cooperative, org=mine["id"])
    coop_endpoint = await _subscribe(client, coop_headers, types=RECORD_EVENTS)
    health_url = f"/v1/cooperatives/{mine['id']}/health-assessments"
    for public_reader in (
        await headers_for(Role.fund_officer),
        await headers_for(Role.partner),
        await headers_for(Role.offtaker, org=str(uuid.uuid4())),
    ):
        assert (await client.get(health_url, headers=public_reader)).status_code in (403, 404)
        refused = await client.post(
            "/v1/webhooks",
            json={"url": HOOK, "event_types": list(RECORD_EVENTS)},
            headers=public_reader,
        )
        assert refused.status_code == 403, refused.text
        assert refused.json()["detail"] == "this caller may not subscribe to this service's events"
    officer = await headers_for(Role.partner, scopes=["registry:read"])
    officer_endpoint = await _subscribe(client, officer, types=RECORD_EVENTS)
    for coop in (mine, other):
        base = f"/v1/cooperatives/{coop['id']}"
        commands = [
            (f"{base}/rats", {"year": 2022, "held_on": "2023-03-01", "attendance": 30}),
            (
                f"{base}/health-assessments",
                {"year": 2022, "score": "55", "assessed_on": "2023-04-01"},
            ),
            (
                f"{base}/modernisation-stages",
                {"phase": "permodelan", "cohort_year": 2022, "started_on": "2022-02-01"},
            ),
        ]
        for url, body in commands:
            if url.endswith("/rats"):
                body = {**body, "net_surplus": "0.00"}
            resp = await client.post(url, json=body, headers=ministry_headers)
            assert resp.status_code == 201, resp.text
    await app.state.relay.run_once()

    coop_log = await _deliveries(client, coop_headers, coop_endpoint["id"])
    assert sorted(d["event_type"] for d in coop_log) == sorted(RECORD_EVENTS)
    officer_log = await _deliveries(client, officer, officer_endpoint["id"])
    assert len(officer_log) == 6
    bodies = [json.loads(r["body"]) for r in receiver.received]
    assert len(bodies) == 9
    assert {tuple(b["parties"]) for b in bodies} == {(mine["id"],), (other["id"],)}
    for b in bodies:
        if b["type"] == "registry.cooperative.health_assessed":
            assert set(b["data"]) == {"cooperative_id", "assessment_id", "year", "assessed_on"}
