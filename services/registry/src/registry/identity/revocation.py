"""Cutting a token subject off everywhere: the registry records it in its own deny-list and
publishes ``registry.identity.subject_revoked``, which every other service records in its own
(kopmod_shared.revocation). Any subject a token names can be revoked this way: an API client
today, a person or a membership (people sign-in) with the same call."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.events import EventType
from kopmod_shared.outbox import emit
from kopmod_shared.revocation import record_revocation
from registry.models import outbox_events, revoked_subjects


async def revoke_subject(session: AsyncSession, *, subject: str, reason: str) -> datetime:
    """Refuse every token of ``subject`` issued until now, on every service (within seconds of
    the event's delivery); in the caller's transaction, like any other change and its event."""
    now = datetime.now(UTC)
    await record_revocation(
        session, revoked_subjects, subject=subject, not_before=now, reason=reason
    )
    await emit(
        session,
        outbox_events,
        source="registry",
        type=EventType.SUBJECT_REVOKED,
        subject=subject,
        data={"subject": subject, "not_before": now.isoformat(), "reason": reason},
    )
    return now
