"""Each notification's mail reaches the SMTP server (aiosmtpd) once: the same event delivered
twice, a notifier stopped after it marked the mails ``sending`` and restarted, a server that
answers QUIT badly after accepting the mail. Counted in total and by Message-ID, which is
derived from (event id, person). The window left (a crash after the server accepted the mail
and before it is marked sent) gives a second copy with the same Message-ID: shown, not hidden."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import create_async_engine

from console.notifications import mailer, store
from console.notifications.models import OutgoingMail
from console.notifications.notifier import MAX_MAIL_ATTEMPTS
from kopmod_shared.db import make_sessionmaker

from .support import (
    FakeRecipients,
    SmtpInbox,
    console,
    deliver,
    one_of_each,
    reset,
    settings,
    smtp_server,
)
from .test_notifier import ANDI, BUDI, PEOPLE, SITI

TOLD = [SITI, ANDI, BUDI]  # a proposal expired: both parties' people


class BadQuit(SmtpInbox):
    """Accepts every message, then answers QUIT with an error."""

    async def handle_QUIT(self, server: Any, session: Any, envelope: Any) -> str:
        return "421 closing with an error"


async def _lease_ran_out(engine: Any) -> None:
    """As after a restart once the lease is over (no waiting in the test)."""
    async with make_sessionmaker(engine)() as db:
        await db.execute(update(OutgoingMail).values(next_attempt_at=datetime.now(UTC)))
        await db.commit()


async def _mails(engine: Any) -> list[tuple[str, int]]:
    async with make_sessionmaker(engine)() as db:
        rows = (await db.execute(select(OutgoingMail.status, OutgoingMail.attempts))).all()
    return sorted((status, attempts) for status, attempts in rows)


def _expected_ids(config: Any, event: dict[str, Any]) -> list[str]:
    return sorted(mailer.message_id(config, uuid.UUID(event["id"]), p.person_id) for p in TOLD)


async def test_redelivery_and_a_restart_after_marking_sending_give_one_message_each(
    database_url: str,
) -> None:
    await reset(database_url)
    event = one_of_each()["proposal_expired"]
    engine = create_async_engine(database_url)
    with smtp_server() as (smtp, port):
        config = settings(database_url, smtp_host="127.0.0.1", smtp_port=port)
        async with console(config) as (app, client):
            app.state.notifier.recipients = FakeRecipients(PEOPLE)
            for _ in range(2):
                assert (await deliver(client, event)).status_code == 204
            assert await app.state.notifier.process_events() == 1
            # The notifier marks the mails sending, then stops before any SMTP transaction.
            async with app.state.sessionmaker() as db:
                assert len(await store.claim_mails(db, 50, 120.0)) == 3
                await db.commit()
        assert smtp.messages == []
        assert await _mails(engine) == [("sending", 1)] * 3
        await _lease_ran_out(engine)
        async with console(config) as (app, client):  # restarted; the relay tries again
            app.state.notifier.recipients = FakeRecipients(PEOPLE)
            assert (await deliver(client, event)).status_code == 204
            assert await app.state.notifier.run_once() == (0, 3)
            assert await app.state.notifier.run_once() == (0, 0)
    assert await _mails(engine) == [("sent", 2)] * 3
    await engine.dispose()
    ids = sorted(str(m["Message-ID"]) for m in smtp.messages)
    assert len(smtp.messages) == 3
    assert ids == _expected_ids(config, event)  # one each, derived from (event, person)
    assert ids[0].endswith("@console.test>")


async def test_a_quit_answered_badly_after_acceptance_is_no_failure(database_url: str) -> None:
    await reset(database_url)
    event = one_of_each()["proposal_expired"]
    engine = create_async_engine(database_url)
    with smtp_server(BadQuit()) as (smtp, port):
        config = settings(database_url, smtp_host="127.0.0.1", smtp_port=port, smtp_attempts=3)
        async with console(config) as (app, client):
            app.state.notifier.recipients = FakeRecipients(PEOPLE)
            assert (await deliver(client, event)).status_code == 204
            assert await app.state.notifier.run_once() == (1, 3)
            await _lease_ran_out(engine)
            assert await app.state.notifier.run_once() == (0, 0)
    assert await _mails(engine) == [("sent", 1)] * 3
    await engine.dispose()
    assert len(smtp.messages) == 3
    assert sorted(str(m["Message-ID"]) for m in smtp.messages) == _expected_ids(config, event)


async def test_the_window_left_a_crash_after_acceptance_resends_the_same_message_id(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The at-least-once window (docs/console.md): the server accepted the mail, the process
    died before marking it sent. The mail goes again, as the same message (one Message-ID)."""
    await reset(database_url)
    event = one_of_each()["committee_approval"]  # told to one person
    engine = create_async_engine(database_url)
    with smtp_server() as (smtp, port):
        config = settings(database_url, smtp_host="127.0.0.1", smtp_port=port)
        async with console(config) as (app, client):
            app.state.notifier.recipients = FakeRecipients(PEOPLE)
            assert (await deliver(client, event)).status_code == 204
            assert await app.state.notifier.process_events() == 1

            async def crash(*args: Any) -> None:
                raise SystemExit("the process died")

            with monkeypatch.context() as patched:
                patched.setattr(store, "mail_sent", crash)
                with pytest.raises(SystemExit):
                    await app.state.notifier.send_mails()
        assert len(smtp.messages) == 1
        assert await _mails(engine) == [("sending", 1)]
        await _lease_ran_out(engine)
        async with console(config) as (app, _):
            assert await app.state.notifier.run_once() == (0, 1)
    assert await _mails(engine) == [("sent", 2)]
    await engine.dispose()
    assert len(smtp.messages) == 2
    assert len({m["Message-ID"] for m in smtp.messages}) == 1


async def test_a_mail_interrupted_on_every_attempt_is_given_up(database_url: str) -> None:
    """A mail whose sending stopped the notifier on each of its attempts is not sent again."""
    await reset(database_url)
    event = one_of_each()["committee_approval"]
    engine = create_async_engine(database_url)
    with smtp_server() as (smtp, port):
        config = settings(database_url, smtp_host="127.0.0.1", smtp_port=port)
        async with console(config) as (app, client):
            app.state.notifier.recipients = FakeRecipients(PEOPLE)
            assert (await deliver(client, event)).status_code == 204
            assert await app.state.notifier.process_events() == 1
            async with make_sessionmaker(engine)() as db:  # interrupted on every attempt
                await db.execute(
                    update(OutgoingMail).values(status="sending", attempts=MAX_MAIL_ATTEMPTS)
                )
                await db.commit()
            await _lease_ran_out(engine)
            assert await app.state.notifier.send_mails() == 0
    assert await _mails(engine) == [("failed", MAX_MAIL_ATTEMPTS + 1)]
    await engine.dispose()
    assert smtp.messages == []
