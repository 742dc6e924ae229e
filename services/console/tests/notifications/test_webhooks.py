"""Platform notices from the services: a webhook endpoint that the registry's, financing's or
the marketplace's relay disabled (410 Gone, or a delivery's retries spent) reaches every
platform admin, and a restructuring the registry recorded every ministry officer; each once,
through a real SMTP server, in their language, linking to its page in the console."""

from __future__ import annotations

import uuid
from email.message import Message
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine

from console.notifications.kinds import SUBSCRIBED
from console.notifications.models import Notification
from console.notifications.recipients import Recipient
from kopmod_shared.db import make_sessionmaker
from kopmod_shared.events import EventType

from .support import FakeRecipients, console, deliver, envelope, reset, settings, smtp_server
from .test_staff import RUDI

ARI = Recipient("88888888-8888-4888-8888-888888888888", "Ari", "ari@kopmod.id", "id")
EKO = Recipient("99999999-9999-4999-8999-999999999999", "Eko", "eko@kopmod.id", "en")
PEOPLE = {("admin", None): [ARI, EKO], ("fund_officer", None): [RUDI]}


def _disabled(source: str, reason: str, error: str) -> dict[str, Any]:
    data = {
        "endpoint_id": str(uuid.uuid4()),
        "owner_client_id": "partner-bank",
        "owner_role": "partner",
        "owner_org_id": None,
        "description": None,
        "reason": reason,
        "last_error": error,
    }
    return envelope(EventType.webhook_disabled(source), data, source)


def _subject(message: Message) -> str:
    """The subject as read (a long one is folded over lines)."""
    return " ".join(str(message["Subject"]).split())


def test_the_console_subscribes_to_every_relays_disabled_endpoints() -> None:
    for source in ("registry", "financing", "marketplace"):
        assert EventType.webhook_disabled(source) in SUBSCRIBED[source]


async def test_admins_hear_of_a_disabled_endpoint_once(database_url: str) -> None:
    await reset(database_url)
    events = [
        _disabled("registry", "endpoint answered 410 Gone", "http 410"),
        _disabled("financing", "retry schedule spent", "timeout"),
    ]
    engine = create_async_engine(database_url)
    with smtp_server() as (smtp, port):
        config = settings(database_url, smtp_host="127.0.0.1", smtp_port=port)
        async with console(config) as (app, client):
            app.state.notifier.recipients = FakeRecipients(PEOPLE)
            for event in events:
                for _ in range(2):
                    assert (await deliver(client, event)).status_code == 204
            assert await app.state.notifier.process_events() == 2
        async with console(config) as (app, client):  # restarted, one delivered again
            app.state.notifier.recipients = FakeRecipients(PEOPLE)
            await deliver(client, events[1])
            assert await app.state.notifier.run_once() == (0, 4)
            assert await app.state.notifier.run_once() == (0, 0)
    async with make_sessionmaker(engine)() as db:
        rows = (
            await db.execute(select(Notification.person_id, Notification.kind, Notification.link))
        ).all()
    await engine.dispose()
    financing = events[1]["data"]["endpoint_id"]
    assert sorted(rows) == sorted(
        [
            (
                ARI.person_id,
                "webhook_failing",
                f"/admin/webhooks/registry/{events[0]['data']['endpoint_id']}",
            ),
            (
                EKO.person_id,
                "webhook_failing",
                f"/admin/webhooks/registry/{events[0]['data']['endpoint_id']}",
            ),
            (ARI.person_id, "webhook_failing", f"/admin/webhooks/financing/{financing}"),
            (EKO.person_id, "webhook_failing", f"/admin/webhooks/financing/{financing}"),
        ]
    )
    assert len(smtp.messages) == 4
    assert len({m["Message-ID"] for m in smtp.messages}) == 4
    assert sorted(_subject(m) for m in smtp.to(ARI.email)) == [
        "Endpoint webhook di financing dinonaktifkan: semua percobaan ulang gagal",
        "Endpoint webhook di registry dinonaktifkan: endpoint menjawab 410 Gone",
    ]
    eko = next(m for m in smtp.to(EKO.email) if "financing" in m["Subject"])
    assert _subject(eko) == "A webhook endpoint at financing was disabled: every retry failed"
    text = eko.get_payload(decode=True).decode()
    assert "(client partner-bank)" in text and "the last attempt: timeout" in text
    assert f"http://console.test/admin/webhooks/financing/{financing}" in text
    assert smtp.to(RUDI.email) == []


async def test_ministry_officers_hear_of_a_recorded_restructuring_once(database_url: str) -> None:
    await reset(database_url)
    successor, parent = str(uuid.uuid4()), str(uuid.uuid4())
    data = {
        "restructuring_id": str(uuid.uuid4()),
        "kind": "fusion",
        "effective_on": "2026-12-01",
        "predecessor_ids": [parent, str(uuid.uuid4())],
        "successor_ids": [successor],
        "merged_ids": [parent],
        "moved_assets": [],
        "successor_names": {successor: "KSU Tani Makmur Bersatu"},
    }
    event = envelope(EventType.COOPERATIVE_RESTRUCTURED, data, "registry")
    people = {("ministry", None): [ARI, EKO], ("admin", None): [RUDI]}
    with smtp_server() as (smtp, port):
        config = settings(database_url, smtp_host="127.0.0.1", smtp_port=port)
        async with console(config) as (app, client):
            app.state.notifier.recipients = FakeRecipients(people)
            for _ in range(2):
                assert (await deliver(client, event)).status_code == 204
            assert await app.state.notifier.run_once() == (1, 2)
            await deliver(client, event)
            assert await app.state.notifier.run_once() == (0, 0)
    assert sorted(m["To"] for m in smtp.messages) == [ARI.email, EKO.email]
    [ari] = smtp.to(ARI.email)
    assert _subject(ari) == "Restrukturisasi dicatat (peleburan): KSU Tani Makmur Bersatu"
    [eko] = smtp.to(EKO.email)
    text = eko.get_payload(decode=True).decode()
    assert "A restructuring (fusion) is recorded in the registry" in text
    assert f"http://console.test/registry/{successor}" in text
