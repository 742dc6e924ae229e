"""The notifier: turns received events into notifications and sends their mails.

Two steps, each resumable after a restart:

1. ``process_events``: claims received events (leased), asks the registry who is concerned
   (no transaction open during the call), then in ONE transaction writes a notification per
   person (``ON CONFLICT (event_id, person_id) DO NOTHING``: the unique constraint is the
   once-only rule, however often the event came or the step ran), the mail of each person who
   wants this kind by email (in their language), and marks the event processed.
2. ``send_mails``: claims due mails (leased), sends each (SMTP, retried), and records the
   outcome; what fails is retried later on a growing schedule, then given up.

Besides, every ``notifier_sweep_seconds`` the loop deletes notifications (with their mails)
and processed events older than ``notification_retention_days`` (``sweep``).

A mail is marked ``sending`` (its attempt counted, leased) in a committed transaction before
its SMTP transaction starts, and ``sent`` right after the server accepted it. A mail found
``sending`` after its lease was interrupted and is sent again: only a crash (or a lost reply)
between the server's acceptance and that mark sends a second copy, and that copy carries the
same Message-ID, derived from (event id, person), so it is recognisably the same mail
(docs/console.md, "Mail exactly once").
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import smtplib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from console import i18n
from console.i18n import N_
from console.notifications import kinds, mailer, store
from console.notifications.recipients import Recipient, Recipients
from console.settings import ConsoleSettings
from kopmod_shared.errors import ProblemError

log = logging.getLogger(__name__)
# Seconds before each next attempt of an event or a mail; after the last, a mail is given up.
RETRY_SCHEDULE = (5.0, 30.0, 300.0, 1800.0, 7200.0, 18000.0)
BATCH = 50
SWEEP_BATCH = 1000
# A mail's attempts: the first and one after each wait of the schedule.
MAX_MAIL_ATTEMPTS = len(RETRY_SCHEDULE) + 1
MAIL_TEXT = N_("%(body)s\n\nOpen it in kopmod: %(link)s")


@contextmanager
def language(lang: str) -> Iterator[None]:
    token = i18n.current_language.set(i18n.pick_language(lang))
    try:
        yield
    finally:
        i18n.current_language.reset(token)


class Notifier:
    def __init__(
        self,
        settings: ConsoleSettings,
        sessionmaker: async_sessionmaker[AsyncSession],
        recipients: Recipients | None,
    ) -> None:
        self.settings = settings
        self.sessionmaker = sessionmaker
        self.recipients = recipients

    async def run_once(self) -> tuple[int, int]:
        """One pass of both steps: (events processed, mails sent)."""
        return await self.process_events(), await self.send_mails()

    async def process_events(self) -> int:
        lease = self.settings.notifier_lease_seconds
        async with self.sessionmaker() as db:
            events = await store.claim_events(db, BATCH, lease)
            claimed = [(e.event_id, e.envelope, e.attempts) for e in events]
            await db.commit()
        done = 0
        for event_id, envelope, attempts in claimed:
            try:
                audiences = await self._audiences(envelope)
            except Exception as exc:  # the registry away, or an event this release misreads
                delay = RETRY_SCHEDULE[min(attempts, len(RETRY_SCHEDULE) - 1)]
                level = (
                    logging.WARNING if isinstance(exc, ProblemError | OSError) else logging.ERROR
                )
                log.log(level, "event %s not told yet: %r", event_id, exc)
                async with self.sessionmaker() as db:
                    await store.event_failed(db, event_id, str(exc), delay)
                    await db.commit()
                continue
            async with self.sessionmaker() as db:
                await self._write(db, event_id, audiences)
                await store.event_done(db, event_id)
                await db.commit()
            done += 1
        return done

    async def _audiences(
        self, envelope: dict[str, Any]
    ) -> list[tuple[kinds.Notice, list[Recipient]]]:
        out = []
        for notice in kinds.notices(envelope):
            if self.recipients is None:
                raise OSError("no service credentials to ask the registry who to tell")
            # One person of the role (who asked, who holds it) while they still hold it (or
            # one of the other roles named), asked for alone so that nobody else is listed;
            # otherwise everyone of the role, so that somebody picks it up.
            chosen: list[Recipient] = []
            if notice.person:
                for role in (notice.role, *notice.person_roles):
                    chosen = await self.recipients.of(role, notice.org_id, notice.person)
                    if chosen:
                        break
            out.append((notice, chosen or await self.recipients.of(notice.role, notice.org_id)))
        return out

    async def _write(
        self,
        db: AsyncSession,
        event_id: Any,
        audiences: list[tuple[kinds.Notice, list[Recipient]]],
    ) -> None:
        people = sorted({r.person_id for _, rs in audiences for r in rs})
        choices = await store.preferences(db, people)
        chosen_languages = await store.languages(db, people)
        for notice, recipients in audiences:
            for person in recipients:
                choice = choices.get((person.person_id, notice.kind))
                by_email = choice.email if choice else True
                in_inbox = choice.inbox if choice else True
                if not (by_email or in_inbox):
                    continue
                created = await store.add_notification(
                    db,
                    event_id=event_id,
                    person_id=person.person_id,
                    kind=notice.kind,
                    params=notice.params,
                    link=notice.link,
                    in_inbox=in_inbox,
                )
                if created is None or not by_email:
                    continue
                lang = chosen_languages.get(person.person_id) or person.language
                with language(lang or self.settings.default_language):
                    subject, body = kinds.say(notice.kind, notice.params)
                    link = self.settings.public_url.rstrip("/") + notice.link
                    text = i18n.gettext(MAIL_TEXT, body=body, link=link)
                await store.add_mail(db, created, person.email, subject, text)

    async def send_mails(self) -> int:
        lease = self.settings.notifier_lease_seconds
        async with self.sessionmaker() as db:
            mails = await store.claim_mails(db, BATCH, lease)
            claimed = [
                (m.notification_id, m.to_address, m.subject, m.body, m.attempts, event, person)
                for m, event, person in mails
            ]
            await db.commit()  # marked sending: from here a crash may leave a sent copy
        sent = 0
        for key, to, subject, body, attempts, event, person in claimed:
            if attempts > MAX_MAIL_ATTEMPTS:
                # Only interrupted attempts get here (failures give up at the last one): a
                # mail whose sending keeps stopping the notifier is given up, not sent again.
                log.error("mail %s given up: attempt %d was interrupted", key, attempts - 1)
                async with self.sessionmaker() as db:
                    await store.mail_failed(db, key, "interrupted too often", None)
                    await db.commit()
                continue
            message_id = mailer.message_id(self.settings, event, person)
            msg = mailer.message(self.settings, message_id, to, subject, body)
            try:
                await mailer.send(self.settings, msg)
            except (OSError, smtplib.SMTPException) as exc:
                tried = attempts - 1
                delay = RETRY_SCHEDULE[tried] if tried < len(RETRY_SCHEDULE) else None
                log.warning("mail %s not sent (attempt %d): %s", key, attempts, exc)
                async with self.sessionmaker() as db:
                    await store.mail_failed(db, key, type(exc).__name__, delay)
                    await db.commit()
                continue
            async with self.sessionmaker() as db:
                await store.mail_sent(db, key)
                await db.commit()
            sent += 1
        return sent

    async def sweep(self) -> int:
        """Delete what is older than the retention period (``notification_retention_days``),
        in batches of one short transaction each; the number of notifications deleted."""
        cutoff = store.now() - timedelta(days=self.settings.notification_retention_days)
        total = 0
        while True:
            async with self.sessionmaker() as db:
                deleted = await store.sweep(db, cutoff, SWEEP_BATCH)
                await db.commit()
            total += deleted
            if deleted < SWEEP_BATCH:
                return total

    async def run_forever(self, stop: asyncio.Event) -> None:
        swept_at = 0.0
        while not stop.is_set():
            try:
                await self.run_once()
                if time.monotonic() - swept_at >= self.settings.notifier_sweep_seconds:
                    swept_at = time.monotonic()
                    if removed := await self.sweep():
                        log.info("retention: %d old notifications deleted", removed)
            except Exception:
                log.exception("notifier pass failed; retrying")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.settings.notifier_poll_seconds)
