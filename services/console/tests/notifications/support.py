"""Helpers of the notification tests: a local SMTP server (aiosmtpd) keeping what it receives,
a registry stand-in answering who belongs to an organisation, signed deliveries as the
services' relay sends them, one event of each kind, and a signed-in person's cookie."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, date, datetime, timedelta
from email import message_from_bytes
from email.message import Message
from typing import Any

import httpx
import jwt
from aiosmtpd.controller import Controller
from sqlalchemy import insert, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from console.main import create_app
from console.notifications.models import event_subscriptions
from console.notifications.recipients import Recipient
from console.oidc import Tokens
from console.sessions import create_session
from console.settings import ConsoleSettings
from kopmod_shared.db import make_sessionmaker
from kopmod_shared.events import EventType
from kopmod_shared.testing import free_port, running
from kopmod_shared.webhooks import new_secret, sign_headers

COOP = str(uuid.uuid4())
OFFTAKER = str(uuid.uuid4())
RESCHEDULE = str(uuid.uuid4())
SECRETS = {"registry": new_secret(), "financing": new_secret(), "marketplace": new_secret()}


class SmtpInbox:
    """aiosmtpd handler keeping every message it receives."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self._lock:
            self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if m["To"] == address]


@contextmanager
def smtp_server(handler: SmtpInbox | None = None) -> Iterator[tuple[SmtpInbox, int]]:
    inbox = handler or SmtpInbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


class FakeRecipients:
    """Who the registry would answer: people by (role, organisation)."""

    def __init__(self, people: dict[tuple[str, str | None], list[Recipient]]) -> None:
        self.people = people
        self.asked: list[tuple[str, str | None, str | None]] = []
        self.down = False

    async def of(
        self, role: str, org_id: str | None, person_id: str | None = None
    ) -> list[Recipient]:
        self.asked.append((role, org_id, person_id))
        if self.down:
            raise OSError("registry unreachable")
        people = self.people.get((role, org_id), [])
        return [p for p in people if person_id in (None, p.person_id)]


def settings(database_url: str, **overrides: Any) -> ConsoleSettings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "environment": "test",
        "gc_freeze": False,
        "log_json": False,
        "token_issuer": "http://127.0.0.1:9",
        "public_url": "http://console.test",
        "notifier_enabled": False,
        "smtp_starttls": False,
        "smtp_attempts": 1,
    }
    return ConsoleSettings(**(values | overrides))


@asynccontextmanager
async def console(config: ConsoleSettings) -> AsyncIterator[tuple[Any, httpx.AsyncClient]]:
    app = create_app(config)
    async with running(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://console.test") as c:
            yield app, c


async def reset(database_url: str) -> None:
    """Empty the notifier's tables and record the subscriptions' secrets."""
    engine = create_async_engine(database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "TRUNCATE event_subscriptions, notification_events, notifications, "
                    "notification_mails, notification_preferences, console_person_languages "
                    "CASCADE"
                )
            )
            for source, secret in SECRETS.items():
                await conn.execute(
                    insert(event_subscriptions).values(
                        source=source, endpoint_id=uuid.uuid4(), secrets=[secret], event_types=[]
                    )
                )
    finally:
        await engine.dispose()


def envelope(type: str, data: dict[str, Any], source: str) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "type": type,
        "source": source,
        "subject": None,
        "occurred_at": datetime.now(UTC).isoformat(),
        "correlation_id": None,
        "parties": [],
        "data": data,
    }


async def deliver(client: httpx.AsyncClient, event: dict[str, Any]) -> httpx.Response:
    """POST the event as the publisher's relay does (Standard Webhooks signature)."""
    body = json.dumps(event)
    headers = sign_headers(event["id"], datetime.now(UTC), body, [SECRETS[event["source"]]])
    return await client.post(f"/v1/events/{event['source']}", content=body, headers=headers)


def one_of_each() -> dict[str, dict[str, Any]]:
    """An event for each kind of notification, by kind (``committee_approval``: a write-off
    proposed; ``reschedule_proposed``: the same kind for a reschedule)."""
    loan, app_id, proposal = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    soon = (date.today() + timedelta(days=7)).isoformat()
    reminder = {
        "loan_id": loan,
        "fund_id": str(uuid.uuid4()),
        "cooperative_id": COOP,
        "number": 3,
        "due_date": soon,
        "as_of": date.today().isoformat(),
        "days": 7,
        "amount_due": "1250000.00",
    }
    application = {
        "application_id": app_id,
        "cooperative_id": COOP,
        "product_id": str(uuid.uuid4()),
        "fund_id": str(uuid.uuid4()),
        "status": "committee",
        "from_status": "risk_review",
        "action": "to_committee",
    }
    proposal_data = {
        "proposal_id": proposal,
        "demand_id": str(uuid.uuid4()),
        "offer_id": str(uuid.uuid4()),
        "offtaker_id": OFFTAKER,
        "cooperative_id": COOP,
        "quantity": "5000.000",
        "unit_price": "42000.00",
        "base_unit": "KGM",
    }
    expires = (datetime.now(UTC) + timedelta(hours=72)).isoformat()
    return {
        "installment_due": envelope(EventType.INSTALLMENT_DUE_SOON, reminder, "financing"),
        "installment_overdue": envelope(
            EventType.INSTALLMENT_OVERDUE, reminder | {"days": 1}, "financing"
        ),
        "application_status": envelope(
            EventType.APPLICATION_STATUS_CHANGED, application, "financing"
        ),
        "proposal_waiting": envelope(
            EventType.PROPOSAL_COUNTERED,
            proposal_data | {"turn": "offtaker", "expires_at": expires},
            "marketplace",
        ),
        "proposal_expired": envelope(
            EventType.PROPOSAL_EXPIRED,
            {
                "proposal_id": proposal,
                "demand_id": proposal_data["demand_id"],
                "cooperative_id": COOP,
                "offtaker_id": OFFTAKER,
                "status": "expired",
                "expires_at": expires,
            },
            "marketplace",
        ),
        "contract_milestone": envelope(
            EventType.MILESTONE_DUE,
            {
                "contract_id": str(uuid.uuid4()),
                "cooperative_id": COOP,
                "offtaker_id": OFFTAKER,
                "milestone_seq": 2,
                "due_date": soon,
                "quantity": "2500.000",
                "base_unit": "KGM",
                "days": 7,
            },
            "marketplace",
        ),
        "committee_approval": envelope(
            EventType.LOAN_WRITE_OFF_PROPOSED,
            {
                "loan_id": loan,
                "fund_id": reminder["fund_id"],
                "cooperative_id": COOP,
                "write_off_id": str(uuid.uuid4()),
                "reason": "macet",
                "proposed_by": "officer",
            },
            "financing",
        ),
        "reschedule_proposed": envelope(
            EventType.LOAN_RESCHEDULE_PROPOSED,
            {
                "loan_id": loan,
                "fund_id": reminder["fund_id"],
                "cooperative_id": COOP,
                "reschedule_id": RESCHEDULE,
                "on": date.today().isoformat(),
                "tenor_periods": 12,
                "grace_periods": 2,
                "capitalise_arrears": False,
                "new_principal": "12000000.00",
                "reason": "gagal panen",
                "proposed_by": "officer",
            },
            "financing",
        ),
    }


async def signed_in_cookie(
    engine: AsyncEngine, config: ConsoleSettings, person_id: str, role: str, org: str | None
) -> str:
    """A console session for the person (as a sign-in would leave), its cookie value."""
    claims = {"sub": person_id, "role": role, "exp": int(datetime.now(UTC).timestamp()) + 3600}
    if org:
        claims["org"] = org
    token = jwt.encode(claims, "test-only", algorithm="HS256")
    async with make_sessionmaker(engine)() as db:
        secret, _ = await create_session(
            db, config, Tokens(token, None, None, 3600), {"name": "Siti Rahayu"}
        )
        await db.commit()
    return secret
