"""Moving an application along its state table: the event row and the new status, in the
caller's transaction."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from financing.applications.models import Application, ApplicationEvent
from financing.applications.repository import ApplicationRepository
from financing.applications.states import Action, ApplicationStatus, next_status
from financing.models import outbox_events
from kopmod_shared.deferred import RowUpdate, deferred_inserts
from kopmod_shared.events import EventType
from kopmod_shared.ids import new_id
from kopmod_shared.outbox import emit
from kopmod_shared.schemas.financing import ApplicationStatusChanged

SOURCE = "financing"
_EVENTS = ApplicationEvent.__table__
_APPLICATIONS = Application.__table__


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
    await _emit_change(session, application, application.status, target, action)
    application.status = target.value
    application.updated_at = now()
    if flush:
        await session.flush()
    return target


async def queue_transition(
    session: AsyncSession,
    application: Application,
    action: Action,
    *,
    actor: str,
    actor_role: str,
    note: str | None = None,
) -> ApplicationStatus:
    """``record_transition`` for a command writing through ``kopmod_shared.deferred`` (the
    application a plain value, not flushed): the history row is queued, the status set on
    ``application``; the caller queues the application's update (``queue_update``)."""
    target = next_status(application.status, action)
    queue = deferred_inserts(session)
    assert queue is not None, "queue_transition needs defer_inserts(session)"
    row = {
        "id": new_id(),
        "application_id": application.id,
        "action": action.value,
        "from_status": application.status,
        "to_status": target.value,
        "actor": actor,
        "actor_role": actor_role,
        "reviewer_step": False,
        "note": note,
    }
    queue.append((_EVENTS, row))
    await _emit_change(session, application, application.status, target, action)
    application.status = target.value
    application.updated_at = now()
    return target


def queue_update(session: AsyncSession, application: Application, fields: tuple[str, ...]) -> None:
    """Queue ``UPDATE applications SET fields`` of a plain-value application."""
    queue = deferred_inserts(session)
    assert queue is not None, "queue_update needs defer_inserts(session)"
    values = {f: getattr(application, f) for f in fields}
    queue.append(RowUpdate(_APPLICATIONS, {"id": application.id}, values))


async def _emit_change(
    session: AsyncSession,
    application: Application,
    before: str,
    target: ApplicationStatus,
    action: Action,
) -> None:
    """``financing.application.status_changed`` for every move (who is told: docs/events.md);
    a committee decision names the officer holding the application (``reviewer``)."""
    reviewer = None
    if before == ApplicationStatus.committee:
        with session.no_autoflush:
            reviewer = await ApplicationRepository(session).last_reviewer(application.id)
    data = ApplicationStatusChanged(
        **(event_fields(application) | {"status": target}),
        from_status=ApplicationStatus(before),
        action=action.value,
        reviewer=reviewer,
    )
    await emit_event(session, EventType.APPLICATION_STATUS_CHANGED, application, data)


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
