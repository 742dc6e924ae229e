"""The reminders sweep: ``marketplace.proposal.expired`` for each open proposal whose expiry
passed unanswered, and ``marketplace.contract.milestone_due`` for each undelivered milestone of
an active contract due within ``milestone_reminder_days``. Each is marked in the transaction
that emits it, so it is published once however often the sweep runs."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from kopmod_shared.events import EventType
from kopmod_shared.outbox import emit
from kopmod_shared.schemas.marketplace import MilestoneDue, ProposalReminder
from marketplace.models import outbox_events
from marketplace.reminders.repository import ReminderRepository

log = logging.getLogger(__name__)
BATCH = 200


async def sweep(session: AsyncSession, *, reminder_days: int, at: datetime | None = None) -> int:
    """Emit what is due and mark it; the caller commits. Answers how many events."""
    moment = at or datetime.now(UTC)
    repo = ReminderRepository(session)
    count = 0
    for p in await repo.expired_unannounced(moment, BATCH):
        p.expiry_announced_at = moment
        await emit(
            session,
            outbox_events,
            source="marketplace",
            type=EventType.PROPOSAL_EXPIRED,
            subject=p.id,
            parties=[p.offtaker_id, p.cooperative_id],
            data=ProposalReminder(
                proposal_id=p.id,
                demand_id=p.demand_id,
                cooperative_id=p.cooperative_id,
                offtaker_id=p.offtaker_id,
                status="expired",
                expires_at=p.expires_at,
            ),
        )
        count += 1
    today = moment.date()
    for milestone, contract in await repo.milestones_due(
        today + timedelta(days=reminder_days), BATCH
    ):
        milestone.reminded_at = moment
        await emit(
            session,
            outbox_events,
            source="marketplace",
            type=EventType.MILESTONE_DUE,
            subject=contract.id,
            parties=[contract.offtaker_id, contract.cooperative_id],
            data=MilestoneDue(
                contract_id=contract.id,
                cooperative_id=contract.cooperative_id,
                offtaker_id=contract.offtaker_id,
                milestone_seq=milestone.seq,
                due_date=milestone.due_date,
                quantity=milestone.quantity,
                base_unit=contract.base_unit,
                days=(milestone.due_date - today).days,
            ),
        )
        count += 1
    await session.flush()
    return count


async def run_forever(
    sessionmaker: async_sessionmaker[AsyncSession],
    stop: asyncio.Event,
    *,
    poll_seconds: float,
    reminder_days: int,
) -> None:
    """The sweep every ``poll_seconds`` until ``stop``; a failure is logged and retried."""
    while not stop.is_set():
        try:
            async with sessionmaker() as session:
                await sweep(session, reminder_days=reminder_days)
                await session.commit()
        except Exception:
            log.exception("reminders sweep failed; retrying")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), poll_seconds)
