"""Every query of the notifier and the notification pages, on the console's own database."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from console.notifications.models import (
    Notification,
    NotificationPreference,
    OutgoingMail,
    PersonLanguage,
    ReceivedEvent,
)
from kopmod_shared.ids import new_id
from kopmod_shared.pagination import PageParams, Slice, fetch_page


def now() -> datetime:
    return datetime.now(UTC)


# --- events received --------------------------------------------------------------------------


async def receive(db: AsyncSession, envelope: dict[str, Any], source: str) -> bool:
    """Keep a verified event; False when its id was received before (a redelivery)."""
    stmt = (
        insert(ReceivedEvent)
        .values(
            event_id=uuid.UUID(str(envelope["id"])),
            source=source,
            type=str(envelope["type"]),
            envelope=envelope,
            attempts=0,
        )
        .on_conflict_do_nothing(index_elements=["event_id"])
        .returning(ReceivedEvent.event_id)
    )
    return (await db.execute(stmt)).first() is not None


async def claim_events(db: AsyncSession, limit: int, lease_seconds: float) -> list[ReceivedEvent]:
    """Due unprocessed events, leased (their next attempt moved past the lease) so another
    notifier skips them while this one works; a crash leaves them due again after the lease."""
    rows = (
        await db.scalars(
            select(ReceivedEvent)
            .where(ReceivedEvent.processed_at.is_(None), ReceivedEvent.next_attempt_at <= now())
            .order_by(ReceivedEvent.received_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    ).all()
    for row in rows:
        row.next_attempt_at = now() + timedelta(seconds=lease_seconds)
    return list(rows)


async def event_done(db: AsyncSession, event_id: uuid.UUID) -> None:
    await db.execute(
        update(ReceivedEvent).where(ReceivedEvent.event_id == event_id).values(processed_at=now())
    )


async def event_failed(db: AsyncSession, event_id: uuid.UUID, error: str, delay: float) -> None:
    await db.execute(
        update(ReceivedEvent)
        .where(ReceivedEvent.event_id == event_id)
        .values(
            attempts=ReceivedEvent.attempts + 1,
            last_error=error[:500],
            next_attempt_at=now() + timedelta(seconds=delay),
        )
    )


# --- notifications ----------------------------------------------------------------------------


async def add_notification(
    db: AsyncSession,
    *,
    event_id: uuid.UUID,
    person_id: str,
    kind: str,
    params: dict[str, Any],
    link: str,
    in_inbox: bool,
) -> uuid.UUID | None:
    """The notification's id, or None when this person was told about this event already
    (the unique constraint on (event, person) decides, whatever ran before)."""
    stmt = (
        insert(Notification)
        .values(
            id=new_id(),
            event_id=event_id,
            person_id=person_id,
            kind=kind,
            params=params,
            link=link,
            in_inbox=in_inbox,
        )
        .on_conflict_do_nothing(constraint="uq_notifications_event_person")
        .returning(Notification.id)
    )
    row = (await db.execute(stmt)).first()
    return row[0] if row else None


async def add_mail(
    db: AsyncSession, notification_id: uuid.UUID, to: str, subject: str, body: str
) -> None:
    db.add(
        OutgoingMail(
            notification_id=notification_id,
            to_address=to,
            subject=subject,
            body=body,
            status="pending",
            attempts=0,
            next_attempt_at=now(),
        )
    )


async def inbox(db: AsyncSession, person_id: str, page: PageParams) -> Slice[Notification]:
    """One page of the person's inbox, newest first (keyset on (created_at, id): a page
    stays put while new notifications arrive); a cursor that does not decode is a 422."""
    stmt = select(Notification).where(
        Notification.person_id == person_id, Notification.in_inbox.is_(True)
    )
    return await fetch_page(
        db, stmt, page, Notification.created_at, Notification.id, descending=True
    )


async def unread_count(db: AsyncSession, person_id: str) -> int:
    count = await db.scalar(
        select(func.count())
        .select_from(Notification)
        .where(
            Notification.person_id == person_id,
            Notification.in_inbox.is_(True),
            Notification.read_at.is_(None),
        )
    )
    return int(count or 0)


async def mark_read(db: AsyncSession, person_id: str, notification_id: uuid.UUID | None) -> str:
    """Mark one (or, with None, every) notification of the person read; the one's link."""
    stmt = update(Notification).where(
        Notification.person_id == person_id, Notification.read_at.is_(None)
    )
    if notification_id is not None:
        stmt = stmt.where(Notification.id == notification_id)
    await db.execute(stmt.values(read_at=now()))
    if notification_id is None:
        return "/notifications"
    link = await db.scalar(
        select(Notification.link).where(
            Notification.id == notification_id, Notification.person_id == person_id
        )
    )
    return link or "/notifications"


async def sweep(db: AsyncSession, older_than: datetime, batch: int) -> int:
    """Delete up to ``batch`` notifications created before ``older_than`` (their mails go
    with them) and the processed events received before then; the number of notifications
    deleted (a full batch: call again)."""
    doomed = (
        select(Notification.id)
        .where(Notification.created_at < older_than)
        .limit(batch)
        .with_for_update(skip_locked=True)
    )
    deleted = (
        await db.scalars(
            delete(Notification).where(Notification.id.in_(doomed)).returning(Notification.id)
        )
    ).all()
    await db.execute(
        delete(ReceivedEvent).where(
            ReceivedEvent.processed_at.is_not(None), ReceivedEvent.received_at < older_than
        )
    )
    return len(deleted)


# --- preferences and language -------------------------------------------------------------------


async def preferences(db: AsyncSession, person_ids: Sequence[str]) -> dict[tuple[str, str], Any]:
    rows = (
        await db.scalars(
            select(NotificationPreference).where(NotificationPreference.person_id.in_(person_ids))
        )
    ).all()
    return {(r.person_id, r.kind): r for r in rows}


async def set_preference(
    db: AsyncSession, person_id: str, kind: str, *, email: bool, inbox: bool
) -> None:
    stmt = insert(NotificationPreference).values(
        person_id=person_id, kind=kind, email=email, inbox=inbox
    )
    await db.execute(
        stmt.on_conflict_do_update(
            index_elements=["person_id", "kind"],
            set_={"email": stmt.excluded.email, "inbox": stmt.excluded.inbox},
        )
    )


async def languages(db: AsyncSession, person_ids: Sequence[str]) -> dict[str, str]:
    rows = (
        await db.scalars(select(PersonLanguage).where(PersonLanguage.person_id.in_(person_ids)))
    ).all()
    return {r.person_id: r.language for r in rows}


async def remember_language(db: AsyncSession, person_id: str, language: str) -> None:
    stmt = insert(PersonLanguage).values(person_id=person_id, language=language, updated_at=now())
    await db.execute(
        stmt.on_conflict_do_update(
            index_elements=["person_id"],
            set_={"language": stmt.excluded.language, "updated_at": stmt.excluded.updated_at},
        )
    )


# --- mails ------------------------------------------------------------------------------------


async def claim_mails(
    db: AsyncSession, limit: int, lease_seconds: float
) -> list[tuple[OutgoingMail, uuid.UUID, str]]:
    """Due mails with their notification's (event id, person id), each marked ``sending``
    with its attempt counted and leased BEFORE any SMTP transaction starts: this commit is
    what a restart sees. A ``sending`` row whose lease ran out was interrupted (the process
    stopped, before or after the server accepted it: nobody knows) and is due again."""
    rows = (
        await db.execute(
            select(OutgoingMail, Notification.event_id, Notification.person_id)
            .join(Notification, Notification.id == OutgoingMail.notification_id)
            .where(
                OutgoingMail.status.in_(("pending", "sending")),
                OutgoingMail.next_attempt_at <= now(),
            )
            .order_by(OutgoingMail.next_attempt_at)
            .limit(limit)
            .with_for_update(of=OutgoingMail, skip_locked=True)
        )
    ).all()
    for mail, _, _ in rows:
        mail.status = "sending"
        mail.attempts += 1
        mail.next_attempt_at = now() + timedelta(seconds=lease_seconds)
    return [(mail, event_id, person_id) for mail, event_id, person_id in rows]


async def mail_sent(db: AsyncSession, notification_id: uuid.UUID) -> None:
    await db.execute(
        update(OutgoingMail)
        .where(OutgoingMail.notification_id == notification_id)
        .values(status="sent", sent_at=now(), last_error=None)
    )


async def mail_failed(
    db: AsyncSession, notification_id: uuid.UUID, error: str, delay: float | None
) -> None:
    """Another attempt after ``delay`` seconds, or (None) given up (the attempt was counted
    when it was claimed)."""
    values: dict[str, Any] = {"last_error": error[:500]}
    if delay is None:
        values["status"] = "failed"
    else:
        values["status"] = "pending"
        values["next_attempt_at"] = now() + timedelta(seconds=delay)
    await db.execute(
        update(OutgoingMail).where(OutgoingMail.notification_id == notification_id).values(values)
    )
