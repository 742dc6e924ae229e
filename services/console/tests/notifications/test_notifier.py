"""The notifier against a real Postgres and a real SMTP server (aiosmtpd): each kind of
notification reaches SMTP exactly once per person, even when the same webhook is delivered
twice and the notifier restarts half way; in each person's language; as they chose."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import create_async_engine

from console.notifications.models import Notification, OutgoingMail, ReceivedEvent
from console.notifications.recipients import Recipient
from console.notifications.store import remember_language, set_preference
from kopmod_shared.db import make_sessionmaker

from .support import (
    COOP,
    OFFTAKER,
    RESCHEDULE,
    FakeRecipients,
    console,
    deliver,
    one_of_each,
    reset,
    settings,
    smtp_server,
)

SITI = Recipient("11111111-1111-4111-8111-111111111111", "Siti", "siti@koperasi.id", "id")
ANDI = Recipient("22222222-2222-4222-8222-222222222222", "Andi", "andi@koperasi.id", "id")
BUDI = Recipient("33333333-3333-4333-8333-333333333333", "Budi", "budi@pembeli.co.id", "en")
RINA = Recipient("44444444-4444-4444-8444-444444444444", "Rina", "rina@lpdb.go.id", "id")
PEOPLE = {
    ("cooperative", COOP): [SITI, ANDI],
    ("offtaker", OFFTAKER): [BUDI],
    ("fund_committee", None): [RINA],
}
# kind -> who hears of it (one_of_each's events).
EXPECTED = {
    "installment_due": {SITI, ANDI},
    "installment_overdue": {SITI, ANDI},
    "application_status": {SITI, ANDI},
    "proposal_waiting": {BUDI},  # a counter by the cooperative: the offtaker's turn
    "proposal_expired": {SITI, ANDI, BUDI},
    "contract_milestone": {SITI, ANDI, BUDI},
    # Three times: the application in committee, the write-off and the reschedule proposed.
    "committee_approval": {RINA},
}


async def test_each_kind_reaches_smtp_once_despite_redelivery_and_restart(
    database_url: str,
) -> None:
    await reset(database_url)
    events = one_of_each()
    engine = create_async_engine(database_url)
    with smtp_server() as (smtp, port):
        config = settings(database_url, smtp_host="127.0.0.1", smtp_port=port)
        # Andi chose English in the console; the registry still says Indonesian.
        async with make_sessionmaker(engine)() as db:
            await remember_language(db, ANDI.person_id, "en")
            await db.commit()
        async with console(config) as (app, client):
            app.state.notifier.recipients = FakeRecipients(PEOPLE)
            for event in events.values():
                for _ in range(2):  # the relay delivers the same event twice
                    assert (await deliver(client, event)).status_code == 204
            assert await app.state.notifier.process_events() == len(events)
            # Stopped here: notifications and mails written, nothing sent yet.
            assert smtp.messages == []
        async with console(config) as (app, client):  # the notifier restarts
            app.state.notifier.recipients = FakeRecipients(PEOPLE)
            for event in events.values():  # and the relay retries once more
                assert (await deliver(client, event)).status_code == 204
            first = await app.state.notifier.run_once()
            second = await app.state.notifier.run_once()
        assert first == (0, 16) and second == (0, 0)
    async with make_sessionmaker(engine)() as db:
        kinds = (await db.execute(select(Notification.person_id, Notification.kind))).all()
        pending = await db.scalar(select(OutgoingMail).where(OutgoingMail.status != "sent"))
    await engine.dispose()
    assert pending is None
    for kind, people in EXPECTED.items():
        told = sorted(p for p, k in kinds if k == kind)
        times = 3 if kind == "committee_approval" else 1
        assert told == sorted(p.person_id for p in people) * times, kind
    assert len(smtp.messages) == len(kinds) == 16
    ids = [m["Message-ID"] for m in smtp.messages]
    assert len(set(ids)) == 16
    siti = {m["Subject"] for m in smtp.to(SITI.email)}
    andi = {m["Subject"] for m in smtp.to(ANDI.email)}
    assert "Angsuran ke-3 jatuh tempo dalam 7 hari" in siti
    assert "Installment 3 is due in 7 days" in andi
    assert "Permohonan pembiayaan Anda kini: komite" in siti
    assert [m["Subject"] for m in smtp.to(BUDI.email)].count("A proposal waits for your reply") == 1
    body = next(m for m in smtp.to(SITI.email) if "Angsuran ke-3 menunggak" in m["Subject"])
    text = body.get_payload(decode=True).decode()
    assert "Rp1.250.000,00" in text and "http://console.test/financing/loans/" in text
    rina = smtp.to(RINA.email)
    assert len(rina) == 3
    reschedule = next(
        m.get_payload(decode=True).decode()
        for m in rina
        if "Usulan penjadwalan ulang" in m.get_payload(decode=True).decode()
    )
    assert "Usulan penjadwalan ulang menunggu keputusan komite." in reschedule
    loan = events["reschedule_proposed"]["data"]["loan_id"]
    assert f"http://console.test/committee/loans/{loan}/reschedules/{RESCHEDULE}" in reschedule


async def test_an_event_processed_again_after_a_crash_tells_nobody_twice(
    database_url: str,
) -> None:
    """A notifier that wrote the notifications but died before marking the event processed:
    the event is due again after its lease, and the unique (event, person) keeps one each."""
    await reset(database_url)
    events = one_of_each()
    engine = create_async_engine(database_url)
    async with console(settings(database_url, notifier_lease_seconds=1)) as (app, client):
        app.state.notifier.recipients = FakeRecipients(PEOPLE)
        event = events["proposal_expired"]
        assert (await deliver(client, event)).status_code == 204
        assert await app.state.notifier.process_events() == 1
        async with make_sessionmaker(engine)() as db:  # as if never marked processed
            await db.execute(
                update(ReceivedEvent).values(processed_at=None, next_attempt_at=datetime.now(UTC))
            )
            await db.commit()
        assert await app.state.notifier.process_events() == 1
    async with make_sessionmaker(engine)() as db:
        rows = (await db.scalars(select(Notification.person_id))).all()
        mails = (await db.scalars(select(OutgoingMail.to_address))).all()
    await engine.dispose()
    assert sorted(rows) == sorted([SITI.person_id, ANDI.person_id, BUDI.person_id])
    assert sorted(mails) == sorted([SITI.email, ANDI.email, BUDI.email])


async def test_preferences_choose_email_inbox_or_neither(database_url: str) -> None:
    await reset(database_url)
    events = one_of_each()
    engine = create_async_engine(database_url)
    async with make_sessionmaker(engine)() as db:
        await set_preference(db, SITI.person_id, "installment_due", email=False, inbox=True)
        await set_preference(db, ANDI.person_id, "installment_due", email=False, inbox=False)
        await db.commit()
    with smtp_server() as (smtp, port):
        config = settings(database_url, smtp_host="127.0.0.1", smtp_port=port)
        async with console(config) as (app, client):
            app.state.notifier.recipients = FakeRecipients(PEOPLE)
            assert (await deliver(client, events["installment_due"])).status_code == 204
            assert await app.state.notifier.run_once() == (1, 0)
    async with make_sessionmaker(engine)() as db:
        rows = (await db.execute(select(Notification.person_id, Notification.in_inbox))).all()
    await engine.dispose()
    assert rows == [(SITI.person_id, True)]
    assert smtp.messages == []


async def test_an_smtp_server_down_is_retried_later_and_mails_once(database_url: str) -> None:
    await reset(database_url)
    events = one_of_each()
    engine = create_async_engine(database_url)
    with smtp_server() as (smtp, port):
        down = settings(database_url, smtp_host="127.0.0.1", smtp_port=port + 1)
        async with console(down) as (app, client):
            app.state.notifier.recipients = FakeRecipients(PEOPLE)
            assert (await deliver(client, events["committee_approval"])).status_code == 204
            assert await app.state.notifier.run_once() == (1, 0)
        async with make_sessionmaker(engine)() as db:
            mail = await db.scalar(select(OutgoingMail))
            assert mail is not None and mail.status == "pending" and mail.attempts == 1
            assert mail.next_attempt_at > datetime.now(UTC) + timedelta(seconds=2)
            await db.execute(update(OutgoingMail).values(next_attempt_at=datetime.now(UTC)))
            await db.commit()
        up = settings(database_url, smtp_host="127.0.0.1", smtp_port=port)
        async with console(up) as (app, _):
            assert await app.state.notifier.run_once() == (0, 1)
            assert await app.state.notifier.run_once() == (0, 0)
    await engine.dispose()
    assert [m["To"] for m in smtp.messages] == [RINA.email]


async def test_while_the_registry_is_down_the_event_waits(database_url: str) -> None:
    await reset(database_url)
    events = one_of_each()
    engine = create_async_engine(database_url)
    async with console(settings(database_url)) as (app, client):
        fake = FakeRecipients(PEOPLE)
        fake.down = True
        app.state.notifier.recipients = fake
        assert (await deliver(client, events["installment_overdue"])).status_code == 204
        assert await app.state.notifier.process_events() == 0
    async with make_sessionmaker(engine)() as db:
        event = await db.scalar(select(ReceivedEvent))
        told = await db.scalar(select(Notification))
    await engine.dispose()
    assert event is not None and event.processed_at is None and event.attempts == 1
    assert "unreachable" in (event.last_error or "")
    assert told is None


async def test_a_delivery_without_a_valid_signature_is_refused(database_url: str) -> None:
    await reset(database_url)
    event = one_of_each()["installment_due"]
    engine = create_async_engine(database_url)
    async with console(settings(database_url)) as (_, client):
        forged = await client.post(
            "/v1/events/financing",
            json=event,
            headers={
                "webhook-id": event["id"],
                "webhook-timestamp": "1",
                "webhook-signature": "v1,x",
            },
        )
        unknown = await client.post("/v1/events/elsewhere", json=event)
    async with make_sessionmaker(engine)() as db:
        kept = await db.scalar(select(ReceivedEvent))
    await engine.dispose()
    assert forged.status_code == 401
    assert unknown.status_code == 404
    assert kept is None
