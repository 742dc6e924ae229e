"""The inbox in pages (newest first, an "older" link that is a plain link, a page that stays put
while new notifications arrive), mark all read from any page, and retention: the sweep deletes
notifications (with their mails) and processed events older than the retention period."""

from __future__ import annotations

import html
import re
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from console.notifications.models import Notification, OutgoingMail, ReceivedEvent
from kopmod_shared.db import make_sessionmaker

from .support import COOP, console, reset, settings, signed_in_cookie
from .test_notifier import ANDI, SITI
from .test_pages import _csrf

NOW = datetime.now(UTC)


async def _told(
    engine: AsyncEngine, person: str, numbers: range, at: datetime, *, mail: bool = False
) -> None:
    """Notifications of installments ``numbers`` for ``person``, a minute apart up to ``at``."""
    async with make_sessionmaker(engine)() as db:
        for n in numbers:
            key = uuid.uuid4()
            await db.execute(
                insert(Notification).values(
                    id=key,
                    event_id=uuid.uuid4(),
                    person_id=person,
                    kind="installment_due",
                    params={
                        "number": n,
                        "days": 7,
                        "amount": {"money": "1000.00"},
                        "due_date": {"date": "2026-12-10"},
                    },
                    link=f"/financing/loans/{n}",
                    in_inbox=True,
                    created_at=at - timedelta(minutes=max(numbers) - n),
                )
            )
            if mail:
                await db.execute(
                    insert(OutgoingMail).values(
                        notification_id=key,
                        to_address="siti@koperasi.id",
                        subject="s",
                        body="b",
                        status="sent",
                        attempts=1,
                    )
                )
        await db.commit()


def _numbers(page: str) -> list[int]:
    return [int(n) for n in re.findall(r"Angsuran ke-(\d+) jatuh tempo dalam 7 hari</h2>", page)]


def _older(page: str) -> str | None:
    found = re.search(r'href="(/notifications\?older=[^"]+)" rel="next"', page)
    return html.unescape(found.group(1)) if found else None


async def test_the_inbox_pages_newest_first_with_plain_links(database_url: str) -> None:
    await reset(database_url)
    engine = create_async_engine(database_url)
    config = settings(database_url)
    await _told(engine, SITI.person_id, range(1, 46), NOW)
    await _told(engine, ANDI.person_id, range(1, 4), NOW)  # someone else's
    async with console(config) as (_, client):
        cookie = await signed_in_cookie(engine, config, SITI.person_id, "cooperative", COOP)
        client.cookies.set("kopmod_console", cookie)
        first = (await client.get("/notifications")).text
        assert _numbers(first) == list(range(45, 25, -1))
        assert "Notifikasi terbaru" not in first
        link = _older(first)
        assert link is not None
        # A new notification arriving does not shift the next page.
        await _told(engine, SITI.person_id, range(46, 47), NOW + timedelta(minutes=5))
        second = (await client.get(link)).text
        assert _numbers(second) == list(range(25, 5, -1))
        assert 'href="/notifications">Notifikasi terbaru' in second
        third = (await client.get(_older(second) or "")).text
        assert _numbers(third) == [5, 4, 3, 2, 1]
        assert _older(third) is None
        assert "Notifikasi belum dibaca: 46" in third

        # Mark all read from an older page: every page is read.
        done = await client.post("/notifications/read", data={"csrf": _csrf(third)})
        assert done.status_code == 303
        again = (await client.get("/notifications")).text
        assert "Notifikasi belum dibaca" not in again
        assert "Tandai semua sudah dibaca" not in again

        forged = await client.get("/notifications", params={"older": "not-a-cursor"})
        assert forged.status_code == 404
        assert "<html" in forged.text
    async with make_sessionmaker(engine)() as db:
        unread = await db.scalar(
            select(func.count()).select_from(Notification).where(Notification.read_at.is_(None))
        )
    await engine.dispose()
    assert unread == 3  # Andi's


async def test_the_sweep_deletes_what_is_older_than_the_retention(database_url: str) -> None:
    await reset(database_url)
    engine = create_async_engine(database_url)
    config = settings(database_url, notification_retention_days=90)
    await _told(engine, SITI.person_id, range(1, 4), NOW - timedelta(days=91), mail=True)
    await _told(engine, SITI.person_id, range(4, 6), NOW - timedelta(days=89), mail=True)
    async with make_sessionmaker(engine)() as db:
        for processed, days in ((True, 91), (False, 91), (True, 1)):
            await db.execute(
                insert(ReceivedEvent).values(
                    event_id=uuid.uuid4(),
                    source="financing",
                    type="t",
                    envelope={},
                    attempts=0,
                    received_at=NOW - timedelta(days=days),
                    processed_at=NOW if processed else None,
                )
            )
        await db.commit()
    async with console(config) as (app, _):
        assert await app.state.notifier.sweep() == 3
        assert await app.state.notifier.sweep() == 0
    async with make_sessionmaker(engine)() as db:
        kept = sorted(n.params["number"] for n in (await db.scalars(select(Notification))).all())
        mails = await db.scalar(select(func.count()).select_from(OutgoingMail))
        events = (
            await db.execute(select(ReceivedEvent.processed_at, ReceivedEvent.received_at))
        ).all()
    await engine.dispose()
    assert kept == [4, 5]
    assert mails == 2
    # The old processed event is gone; an old one still waiting stays (it has to be told).
    assert len(events) == 2
    assert any(p is None for p, _ in events)
