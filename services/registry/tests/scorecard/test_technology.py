"""Technology adoption in the scorecard: who of the cooperative signed in lately, its API clients
and webhook endpoints (registry), its applications (financing), offers and deliveries
(marketplace); other organisations' activity never counts."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from kopmod_shared.auth import Role
from registry.people.models import Membership, Person, SignInEvent

from ..conftest import create_cooperative
from .fakes import financing_summary, market_summary


async def _person_signed_in(
    app, org: uuid.UUID, *, days_ago: int = 1, active: bool = True, outcome: str = "success"
) -> None:
    """A person of the organisation with one sign-in ``days_ago`` (straight in the database:
    the sign-in pages have their own tests)."""
    async with app.state.sessionmaker() as session:
        person = Person(
            name="Pengurus", email=f"p{uuid.uuid4().hex[:8]}@koperasi.test", status="active"
        )
        session.add(person)
        await session.flush()
        session.add(
            Membership(person_id=person.id, role=Role.cooperative.value, org_id=org, active=active)
        )
        session.add(
            SignInEvent(
                person_id=person.id,
                address="10.0.0.1",
                outcome=outcome,
                at=datetime.now(UTC) - timedelta(days=days_ago),
            )
        )
        await session.commit()


async def _technology(client, headers, cid) -> dict:  # type: ignore[no-untyped-def]
    resp = await client.get(f"/v1/cooperatives/{cid}/modernisation", headers=headers)
    assert resp.status_code == 200, resp.text
    return next(a for a in resp.json()["aspects"] if a["name"] == "technology_adoption")


async def test_people_signed_in_recently_count_once_each(
    app, client, ministry_headers, financing, marketplace
) -> None:
    cid = uuid.UUID((await create_cooperative(client, ministry_headers))["id"])
    other = uuid.UUID((await create_cooperative(client, ministry_headers))["id"])
    await _person_signed_in(app, cid)
    await _person_signed_in(app, cid, days_ago=10)
    # Not counted: too long ago, a failed attempt, an ended membership, another cooperative.
    await _person_signed_in(app, cid, days_ago=120)
    await _person_signed_in(app, cid, outcome="wrong_password")
    await _person_signed_in(app, cid, active=False)
    await _person_signed_in(app, other)
    tech = await _technology(client, ministry_headers, cid)
    assert tech["evidence"]["people_signed_in_recently"] == 2
    assert tech["score"] == 30 and tech["met"] is False
    assert tech["reasons"][0] == "2 person(s) signed in within 90 days: +30"

    await _person_signed_in(app, cid, days_ago=30)
    tech = await _technology(client, ministry_headers, cid)
    assert tech["evidence"]["people_signed_in_recently"] == 3
    assert tech["score"] == 40  # three people: +10


async def test_records_and_integration_make_a_full_score(
    app, client, ministry_headers, headers_for, financing, marketplace
) -> None:
    cid = uuid.UUID((await create_cooperative(client, ministry_headers))["id"])
    for days in (1, 2, 3):
        await _person_signed_in(app, cid, days_ago=days)
    financing.summaries[cid] = financing_summary(cid, applications_total=1, applications_recent=1)
    marketplace.summaries[cid] = market_summary(cid, offers_recent=2, deliveries_recent=1)
    tech = await _technology(client, ministry_headers, cid)
    assert tech["score"] == 80  # 30 + 10 + 15 + 15 + 10, no integration yet
    assert tech["reasons"][-1] == "no API client in use and no webhook endpoint: +0"

    # The cooperative's own API client gets a token: an integration in use.
    coop_headers = await headers_for(Role.cooperative, org=cid)
    tech = await _technology(client, ministry_headers, cid)
    assert tech["evidence"]["api_clients_used_recently"] == 1
    assert tech["score"] == 100

    # A webhook endpoint it subscribed at the registry counts too, and only for itself.
    resp = await client.post(
        "/v1/webhooks",
        json={"url": "https://hooks.koperasi.test/kopmod", "event_types": []},
        headers=coop_headers,
    )
    assert resp.status_code == 201, resp.text
    tech = await _technology(client, coop_headers, cid)
    assert tech["evidence"]["webhook_endpoints"] == 1


async def test_a_webhook_at_another_service_counts(
    client, ministry_headers, financing, marketplace
) -> None:
    cid = uuid.UUID((await create_cooperative(client, ministry_headers))["id"])
    financing.summaries[cid] = financing_summary(cid, webhook_endpoints=1)
    tech = await _technology(client, ministry_headers, cid)
    assert tech["evidence"]["webhook_endpoints"] == 1
    assert tech["score"] == 20
