"""The committee's decision on a write-off or a reschedule reaches the person who proposed it
(a fund officer, or a committee member), with the decision and the committee's note, once
through a real SMTP server and in their language; every fund officer when the proposer holds
neither role now."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine

from console.notifications.models import Notification
from console.notifications.recipients import Recipient
from kopmod_shared.db import make_sessionmaker
from kopmod_shared.events import EventType

from .support import COOP, FakeRecipients, console, deliver, envelope, reset, settings, smtp_server
from .test_staff import DEWI, RUDI

WATI = Recipient("77777777-7777-4777-8777-777777777777", "Wati", "wati@lpdb.go.id", "en")
PEOPLE = {("fund_officer", None): [RUDI, DEWI], ("fund_committee", None): [WATI]}


def _decided(type_: str, key: str, status: str, proposer: str, note: str) -> dict[str, Any]:
    data = {
        "loan_id": str(uuid.uuid4()),
        "fund_id": str(uuid.uuid4()),
        "cooperative_id": COOP,
        key: str(uuid.uuid4()),
        "status": status,
        "note": note,
        "proposed_by": proposer,
        "decided_by": WATI.person_id,
    }
    if key == "reschedule_id":
        data["successor_loan_id"] = None
    return envelope(type_, data, "financing")


async def test_the_proposer_hears_the_committees_decision_once(database_url: str) -> None:
    await reset(database_url)
    write_off, reschedule = EventType.LOAN_WRITE_OFF_DECIDED, EventType.LOAN_RESCHEDULE_DECIDED
    events = {
        # Rudi proposed the write-off; the committee declined it.
        "declined": _decided(write_off, "write_off_id", "declined", RUDI.person_id, "still paying"),
        # Wati, of the committee, proposed a reschedule another member approved.
        "approved": _decided(
            reschedule, "reschedule_id", "approved", WATI.person_id, "survey confirms"
        ),
        # Proposed by someone who left the fund: every officer hears of it.
        "orphan": _decided(reschedule, "reschedule_id", "rejected", "left-1", "no survey"),
    }
    engine = create_async_engine(database_url)
    with smtp_server() as (smtp, port):
        config = settings(database_url, smtp_host="127.0.0.1", smtp_port=port)
        async with console(config) as (app, client):
            app.state.notifier.recipients = FakeRecipients(PEOPLE)
            for event in events.values():
                for _ in range(2):
                    assert (await deliver(client, event)).status_code == 204
            assert await app.state.notifier.process_events() == 3
        async with console(config) as (app, client):  # restarted, one delivered again
            app.state.notifier.recipients = FakeRecipients(PEOPLE)
            await deliver(client, events["declined"])
            first = await app.state.notifier.run_once()
            assert await app.state.notifier.run_once() == (0, 0)
    async with make_sessionmaker(engine)() as db:
        rows = (
            await db.execute(select(Notification.person_id, Notification.kind, Notification.link))
        ).all()
    await engine.dispose()
    assert {k for _, k, _ in rows} == {"proposal_decided"}
    assert sorted(p for p, _, _ in rows) == sorted(
        [RUDI.person_id, WATI.person_id, RUDI.person_id, DEWI.person_id]
    )
    loan = events["declined"]["data"]["loan_id"]
    assert (RUDI.person_id, "proposal_decided", f"/desk/loans/{loan}") in rows
    assert first == (0, 4)
    assert len(smtp.messages) == 4
    assert len({m["Message-ID"] for m in smtp.messages}) == 4

    rudi = sorted(m["Subject"] for m in smtp.to(RUDI.email))
    assert rudi == [
        "Keputusan komite atas hapus buku yang Anda usulkan: ditolak",
        "Keputusan komite atas penjadwalan ulang yang Anda usulkan: ditolak",
    ]
    [wati] = smtp.to(WATI.email)
    assert wati["Subject"] == "The committee's decision on the reschedule you proposed: approved"
    text = wati.get_payload(decode=True).decode()
    assert "Its note: survey confirms" in text
    approved = events["approved"]["data"]["loan_id"]
    assert f"http://console.test/desk/loans/{approved}" in text
    declined = next(m for m in smtp.to(RUDI.email) if "hapus buku" in m["Subject"])
    assert "Catatannya: still paying" in declined.get_payload(decode=True).decode()
