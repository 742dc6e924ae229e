"""What the parties are told about a negotiation and a contract: a proposal made or countered
says whose turn it is and until when; the reminders sweep publishes an expiry and a milestone
falling due once each, however often it runs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from marketplace.reminders.service import sweep

from ..conftest import matched_proposal, outbox, today
from ..contracts.test_contracts import signed_contract


async def _sweep(app, at: datetime) -> int:  # type: ignore[no-untyped-def]
    async with app.state.sessionmaker() as session:
        n = await sweep(session, reminder_days=7, at=at)
        await session.commit()
        return n


async def test_made_and_countered_say_whose_turn_and_the_expiry_is_published_once(
    client, actors, registry, app
) -> None:
    m = await matched_proposal(client, actors, registry)
    pid, coop = m["proposal_id"], m["cooperative_id"]
    made = [e for e in await outbox(app, "marketplace.proposal.made") if e["subject"] == pid]
    assert made[0]["data"]["turn"] == "cooperative" and made[0]["data"]["expires_at"]
    countered = await client.post(
        f"/v1/proposals/{pid}/counter",
        json={"unit_price": "53000"},
        headers=actors.cooperative(coop),
    )
    assert countered.status_code == 200, countered.text
    events = await outbox(app, "marketplace.proposal.countered")
    assert [(e["subject"], e["data"]["turn"]) for e in events] == [(pid, "offtaker")]
    assert events[0]["parties"] == [str(m["offtaker_id"]), str(coop)]
    assert events[0]["data"]["unit_price"] == "53000.00"

    expires = datetime.fromisoformat(countered.json()["expires_at"])
    assert await _sweep(app, expires - timedelta(minutes=1)) == 0
    assert await _sweep(app, expires + timedelta(minutes=1)) == 1
    assert await _sweep(app, expires + timedelta(hours=1)) == 0
    expired = await outbox(app, "marketplace.proposal.expired")
    assert [(e["subject"], e["data"]["status"]) for e in expired] == [(pid, "expired")]
    assert expired[0]["data"]["cooperative_id"] == str(coop)


async def test_a_milestone_falling_due_is_announced_once(client, actors, registry, app) -> None:
    m = await signed_contract(client, actors, registry)
    contract = m["contract"]
    async with app.state.engine.begin() as conn:  # as when both parties have signed
        await conn.execute(
            text("UPDATE contracts SET status = 'active' WHERE id = :c"), {"c": contract["id"]}
        )
    now = datetime.now(UTC)
    assert await _sweep(app, now) == 0  # due in 20 and 40 days
    assert await _sweep(app, now + timedelta(days=14)) == 1
    assert await _sweep(app, now + timedelta(days=15)) == 0
    assert await _sweep(app, now + timedelta(days=34)) == 1
    due = await outbox(app, "marketplace.contract.milestone_due")
    assert [(e["data"]["milestone_seq"], e["data"]["days"]) for e in due] == [(1, 6), (2, 6)]
    assert due[0]["data"]["due_date"] == (today() + timedelta(days=20)).isoformat()
    assert due[0]["data"]["quantity"] == "1000.000"
    assert due[0]["parties"] == [str(m["offtaker_id"]), str(m["cooperative_id"])]
