"""Moving an application along its state table: the event row and the new status, in the
caller's transaction."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from financing.applications.models import Application, ApplicationEvent
from financing.applications.states import Action, ApplicationStatus, next_status
from financing.models import outbox_events
from kopmod_shared.outbox import emit

SOURCE = "financing"


def now() -> datetime:
    return datetime.now(UTC)


async def record_transition(
    session: AsyncSession,
    application: Application,
    action: Action,
    *,
    actor: str,
    actor_role: str,
    note: str | None = None,
    reviewer_step: bool = False,
    flush: bool = True,
) -> ApplicationStatus:
    """``flush=False`` leaves the event row and the status to the caller's one flush (a command
    making several transitions then writes them in one INSERT and one UPDATE)."""
    target = next_status(application.status, action)
    session.add(
        ApplicationEvent(
            application_id=application.id,
            action=action.value,
            from_status=application.status,
            to_status=target.value,
            actor=actor,
            actor_role=actor_role,
            reviewer_step=reviewer_step,
            note=note,
        )
    )
    application.status = target.value
    application.updated_at = now()
    if flush:
        await session.flush()
    return target


def event_fields(application: Application) -> dict[str, Any]:
    return {
        "application_id": application.id,
        "cooperative_id": application.cooperative_id,
        "product_id": application.product_id,
        "fund_id": application.fund_id,
        "status": ApplicationStatus(application.status),
    }


async def emit_event(session: AsyncSession, type: str, application: Application, data: Any) -> None:
    await emit(
        session,
        outbox_events,
        source=SOURCE,
        type=type,
        subject=application.id,
        data=data,
        parties=[application.cooperative_id],
    )
