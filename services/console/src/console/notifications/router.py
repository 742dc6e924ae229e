"""``/notifications``: the person's inbox (newest first, paged by an "older" link, unread
marked, mark one or all read) and their preferences (which kinds by email, which in the
inbox); ``POST /v1/events/{source}``: signed deliveries of the services' events (Standard
Webhooks), kept for the notifier."""

from __future__ import annotations

import logging
import uuid

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from starlette.datastructures import FormData

from console.errors import PageNotFound
from console.forms import verified_form
from console.i18n import N_
from console.notifications import kinds, store
from console.notifications.models import event_subscriptions
from console.session_deps import signed_in
from console.sessions import Person
from console.web import NavItem, redirect, render
from kopmod_shared.errors import Unauthorized, ValidationProblem
from kopmod_shared.pagination import PageParams, decode_cursor
from kopmod_shared.webhooks import verify

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)
EVERYONE = frozenset(
    {"cooperative", "offtaker", "fund_officer", "fund_committee", "ministry", "admin"}
)
NAV = [NavItem(N_("Notifications"), "/notifications", EVERYONE, order=90)]
# POST routes authenticated by a signature instead of a session's CSRF token (main.py).
SIGNED_POSTS = frozenset({"/v1/events/{source}"})
INBOX_PAGE = 20


@router.get("/notifications", response_class=HTMLResponse)
async def inbox(
    request: Request, person: Person = Depends(signed_in), older: str | None = None
) -> HTMLResponse:
    """Newest first, ``INBOX_PAGE`` at a time; ``older`` (the link under the list) continues
    after the last one shown. A cursor that is not one of ours is the not-found page."""
    try:
        page = PageParams(limit=INBOX_PAGE, cursor=decode_cursor(older) if older else None)
        async with request.app.state.sessionmaker() as db:
            rows, next_cursor = await store.inbox(db, person.subject, page)
    except ValidationProblem as exc:
        raise PageNotFound from exc
    items = []
    for row in rows:
        subject, body = kinds.say(row.kind, row.params)
        items.append(
            {
                "id": row.id,
                "subject": subject,
                "body": body,
                "at": row.created_at,
                "unread": row.read_at is None,
            }
        )
    return render(
        request,
        "notifications/inbox.html",
        title=N_("Notifications"),
        items=items,
        older=next_cursor,
        first_page=older is None,
    )


@router.post("/notifications/{notification_id}/read")
async def read(
    request: Request,
    notification_id: uuid.UUID,
    person: Person = Depends(signed_in),
    form: FormData = Depends(verified_form),
) -> Response:
    """Mark it read and open what it is about."""
    async with request.app.state.sessionmaker() as db:
        link = await store.mark_read(db, person.subject, notification_id)
        await db.commit()
    return redirect(link)


@router.post("/notifications/read")
async def read_all(
    request: Request, person: Person = Depends(signed_in), form: FormData = Depends(verified_form)
) -> Response:
    async with request.app.state.sessionmaker() as db:
        await store.mark_read(db, person.subject, None)
        await db.commit()
    return redirect("/notifications")


def _kinds(person: Person) -> tuple[str, ...]:
    return kinds.ROLE_KINDS.get(person.role, ())


@router.get("/notifications/preferences", response_class=HTMLResponse)
async def preferences(
    request: Request, person: Person = Depends(signed_in), saved: bool = False
) -> HTMLResponse:
    async with request.app.state.sessionmaker() as db:
        chosen = await store.preferences(db, [person.subject])
    rows = []
    for kind in _kinds(person):
        choice = chosen.get((person.subject, kind))
        rows.append(
            {
                "kind": kind,
                "label": kinds.label(kind),
                "email": choice.email if choice else True,
                "inbox": choice.inbox if choice else True,
            }
        )
    return render(
        request,
        "notifications/preferences.html",
        title=N_("Notification preferences"),
        rows=rows,
        saved=saved,
    )


@router.post("/notifications/preferences")
async def save_preferences(
    request: Request, person: Person = Depends(signed_in), form: FormData = Depends(verified_form)
) -> Response:
    async with request.app.state.sessionmaker() as db:
        for kind in _kinds(person):
            await store.set_preference(
                db,
                person.subject,
                kind,
                email=form.get(f"{kind}-email") == "on",
                inbox=form.get(f"{kind}-inbox") == "on",
            )
        await db.commit()
    return redirect("/notifications/preferences?saved=true")


@router.post("/v1/events/{source}")
async def receive(request: Request, source: str) -> Response:
    """A signed event from a service the console subscribed to: verified with the secret that
    service gave (Standard Webhooks), kept once by its id, answered 204 at once; the notifier
    does the rest. A bad signature is 401, an unknown source 404."""
    body = await request.body()
    async with request.app.state.sessionmaker() as db:
        secrets = await db.scalar(
            select(event_subscriptions.c.secrets).where(event_subscriptions.c.source == source)
        )
        if secrets is None:
            return Response(status_code=404)
        try:
            envelope = verify(body, request.headers, list(secrets))
        except Unauthorized:
            log.warning("an event delivery from %s had no valid signature", source)
            return Response(status_code=401)
        if not isinstance(envelope, dict) or "id" not in envelope or "type" not in envelope:
            return Response(status_code=400)
        await store.receive(db, envelope, source)
        await db.commit()
    return Response(status_code=204)
