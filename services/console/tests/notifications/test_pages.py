"""The inbox and the preferences pages for a signed-in person: items in the reader's language,
the unread count in the header, marking read (one's own only), and saving preferences."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine

from console.notifications.models import Notification, NotificationPreference
from kopmod_shared.db import make_sessionmaker

from .support import (
    COOP,
    FakeRecipients,
    console,
    deliver,
    one_of_each,
    reset,
    settings,
    signed_in_cookie,
)
from .test_notifier import PEOPLE, SITI


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html
    return found.group(1)


async def test_the_inbox_shows_marks_read_and_counts_unread(database_url: str) -> None:
    await reset(database_url)
    events = one_of_each()
    engine = create_async_engine(database_url)
    config = settings(database_url)
    async with console(config) as (app, client):
        app.state.notifier.recipients = FakeRecipients(PEOPLE)
        for kind in ("installment_due", "application_status"):
            assert (await deliver(client, events[kind])).status_code == 204
        assert await app.state.notifier.process_events() == 2
        cookie = await signed_in_cookie(engine, config, SITI.person_id, "cooperative", COOP)
        client.cookies.set("kopmod_console", cookie)
        page = await client.get("/notifications")
        assert page.status_code == 200, page.text
        assert "Angsuran ke-3 jatuh tempo dalam 7 hari" in page.text
        assert "Rp1.250.000,00" in page.text
        assert "Permohonan pembiayaan Anda kini: komite" in page.text
        assert "Notifikasi belum dibaca: 2" in page.text
        english = await client.get("/language/en", params={"next": "/notifications"})
        assert english.status_code == 303
        page = await client.get("/notifications")
        assert "Installment 3 is due in 7 days" in page.text
        assert "Unread notifications: 2" in page.text

        async with make_sessionmaker(engine)() as db:
            mine = (
                await db.scalars(
                    select(Notification)
                    .where(Notification.kind == "installment_due")
                    .order_by(Notification.person_id)
                )
            ).all()
        own = next(n for n in mine if n.person_id == SITI.person_id)
        other = next(n for n in mine if n.person_id != SITI.person_id)
        opened = await client.post(f"/notifications/{own.id}/read", data={"csrf": _csrf(page.text)})
        assert opened.status_code == 303
        assert opened.headers["location"] == own.link
        # Another person's notification: nothing happens to it.
        await client.post(f"/notifications/{other.id}/read", data={"csrf": _csrf(page.text)})
        page = await client.get("/notifications")
        assert "Unread notifications: 1" in page.text
        forged = await client.post("/notifications/read", data={"csrf": "forged"})
        assert forged.status_code == 403
        await client.post("/notifications/read", data={"csrf": _csrf(page.text)})
        page = await client.get("/notifications")
        assert "Unread notifications" not in page.text
    async with make_sessionmaker(engine)() as db:
        unread = (
            await db.scalars(select(Notification.person_id).where(Notification.read_at.is_(None)))
        ).all()
    await engine.dispose()
    assert SITI.person_id not in unread and len(unread) == 3  # Andi's two and the committee's


async def test_preferences_are_listed_for_the_role_and_saved(database_url: str) -> None:
    await reset(database_url)
    engine = create_async_engine(database_url)
    config = settings(database_url)
    async with console(config) as (_, client):
        cookie = await signed_in_cookie(engine, config, SITI.person_id, "cooperative", COOP)
        client.cookies.set("kopmod_console", cookie)
        page = await client.get("/notifications/preferences")
        assert page.status_code == 200
        assert "Angsuran akan jatuh tempo" in page.text
        assert "Persetujuan menunggu komite" not in page.text  # a committee's kind
        assert page.text.count("checked") == 12
        saved = await client.post(
            "/notifications/preferences",
            data={
                "csrf": _csrf(page.text),
                "installment_due-inbox": "on",
                "proposal_expired-email": "on",
            },
        )
        assert saved.status_code == 303
        page = await client.get(saved.headers["location"])
        assert "Pengaturan Anda tersimpan." in page.text
        assert page.text.count("checked") == 2
    async with make_sessionmaker(engine)() as db:
        rows = {
            r.kind: (r.email, r.inbox)
            for r in (await db.scalars(select(NotificationPreference))).all()
        }
    await engine.dispose()
    assert rows["installment_due"] == (False, True)
    assert rows["proposal_expired"] == (True, False)
    assert rows["application_status"] == (False, False)
    assert set(rows) == {
        "installment_due",
        "installment_overdue",
        "application_status",
        "proposal_waiting",
        "proposal_expired",
        "contract_milestone",
    }
