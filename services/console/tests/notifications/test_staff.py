"""Fund officers' notifications: an application arriving at desk review (every officer), a
document they asked for attached (the officer who asked), the committee's decision on an
application they hold (that officer; everyone when the holder is no officer any more), each
once per person through a real SMTP server, in the officer's language, and in their inbox."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine

from console.notifications.models import Notification
from console.notifications.recipients import Recipient
from kopmod_shared.db import make_sessionmaker
from kopmod_shared.events import EventType

from .support import (
    COOP,
    FakeRecipients,
    console,
    deliver,
    envelope,
    reset,
    settings,
    signed_in_cookie,
    smtp_server,
)
from .test_notifier import ANDI, SITI

RUDI = Recipient("55555555-5555-4555-8555-555555555555", "Rudi", "rudi@lpdb.go.id", "id")
DEWI = Recipient("66666666-6666-4666-8666-666666666666", "Dewi", "dewi@lpdb.go.id", "en")
PEOPLE = {("cooperative", COOP): [SITI, ANDI], ("fund_officer", None): [RUDI, DEWI]}


def _moved(app_id: str, before: str, after: str, action: str, reviewer: str | None) -> Any:
    data = {
        "application_id": app_id,
        "cooperative_id": COOP,
        "product_id": str(uuid.uuid4()),
        "fund_id": str(uuid.uuid4()),
        "status": after,
        "from_status": before,
        "action": action,
        "reviewer": reviewer,
    }
    return envelope(EventType.APPLICATION_STATUS_CHANGED, data, "financing")


def staff_events(app_id: str) -> dict[str, dict[str, Any]]:
    fulfilled = {
        "application_id": app_id,
        "cooperative_id": COOP,
        "product_id": str(uuid.uuid4()),
        "fund_id": str(uuid.uuid4()),
        "status": "desk_review",
        "request_id": str(uuid.uuid4()),
        "kind": "bank_statement",
        "document_id": str(uuid.uuid4()),
        "requested_by": RUDI.person_id,
    }
    return {
        "arrived": _moved(app_id, "eligibility_check", "desk_review", "pass_eligibility", None),
        "document": envelope(EventType.DOCUMENT_REQUEST_FULFILLED, fulfilled, "financing"),
        "sent_back": _moved(app_id, "committee", "risk_review", "send_back", DEWI.person_id),
        # Held by a machine client (or an officer who left): every officer hears of it.
        "approved": _moved(app_id, "committee", "approved", "approve", "svc-import"),
    }


async def test_officers_hear_of_their_applications_once_in_their_language(
    database_url: str,
) -> None:
    await reset(database_url)
    app_id = str(uuid.uuid4())
    events = staff_events(app_id)
    engine = create_async_engine(database_url)
    with smtp_server() as (smtp, port):
        config = settings(database_url, smtp_host="127.0.0.1", smtp_port=port)
        async with console(config) as (app, client):
            fake = app.state.notifier.recipients = FakeRecipients(PEOPLE)
            for event in events.values():
                for _ in range(2):
                    assert (await deliver(client, event)).status_code == 204
            assert await app.state.notifier.process_events() == 4
        async with console(config) as (app, client):  # restarted
            app.state.notifier.recipients = FakeRecipients(PEOPLE)
            await deliver(client, events["sent_back"])
            first = await app.state.notifier.run_once()
            assert await app.state.notifier.run_once() == (0, 0)
            cookie = await signed_in_cookie(engine, config, RUDI.person_id, "fund_officer", None)
            client.cookies.set("kopmod_console", cookie)
            inbox = await client.get("/notifications")
            preferences = await client.get("/notifications/preferences")
    async with make_sessionmaker(engine)() as db:
        rows = (await db.execute(select(Notification.person_id, Notification.kind))).all()
    await engine.dispose()
    officers = sorted((p, k) for p, k in rows if p in (RUDI.person_id, DEWI.person_id))
    assert officers == sorted(
        [
            (RUDI.person_id, "application_review"),
            (DEWI.person_id, "application_review"),
            (RUDI.person_id, "document_received"),
            (DEWI.person_id, "committee_decision"),  # she holds it
            (RUDI.person_id, "committee_decision"),  # the approval: held by no officer
            (DEWI.person_id, "committee_decision"),
        ]
    )
    # The officer who asked, or who holds it, is asked of the registry alone (nobody else's
    # access log says they were listed); everyone only for arrivals and the unheld approval.
    officer_asks = [(org, person) for role, org, person in fake.asked if role == "fund_officer"]
    assert (None, RUDI.person_id) in officer_asks and (None, DEWI.person_id) in officer_asks
    assert officer_asks.count((None, None)) == 2, officer_asks
    # The cooperative still hears of the fund's moves (desk review, risk review, approved).
    assert sorted(k for p, k in rows if p == SITI.person_id) == ["application_status"] * 3
    assert first == (0, len(rows)) == (0, 12)
    assert len(smtp.messages) == 12
    assert len({m["Message-ID"] for m in smtp.messages}) == 12

    rudi = sorted(m["Subject"] for m in smtp.to(RUDI.email))
    assert rudi == [
        "Dokumen yang Anda minta sudah masuk: Rekening koran",
        "Keputusan komite: disetujui",
        "Sebuah permohonan menunggu penilaian berkas",
    ]
    dewi = sorted(m["Subject"] for m in smtp.to(DEWI.email))
    assert dewi == [
        "An application waits for desk review",
        "The committee's decision: approved",
        "The committee's decision: sent back to you",
    ]
    body = next(m for m in smtp.to(DEWI.email) if "sent back" in m["Subject"])
    text = body.get_payload(decode=True).decode()
    assert f"http://console.test/desk/applications/{app_id}" in text

    assert inbox.status_code == 200, inbox.text
    assert "Dokumen yang Anda minta sudah masuk: Rekening koran" in inbox.text
    assert "Notifikasi belum dibaca: 3" in inbox.text
    assert preferences.status_code == 200
    for label in (
        "Permohonan masuk untuk penilaian berkas",
        "Dokumen yang Anda minta masuk",
        "Komite memutus permohonan yang Anda nilai",
        "Komite memutus hapus buku atau penjadwalan ulang yang Anda usulkan",
    ):
        assert label in preferences.text
    assert preferences.text.count("checked") == 8
