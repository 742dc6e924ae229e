"""Test helpers for consumers: put a subscription in place without a publisher, and deliver a
signed envelope to ``POST /v1/events/{source}`` the way the publisher's relay would."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import httpx
from sqlalchemy import Table, delete, insert
from sqlalchemy.ext.asyncio import AsyncEngine

from kopmod_shared.events import EventEnvelope
from kopmod_shared.ids import new_id
from kopmod_shared.webhooks.signing import new_secret, sign_headers


async def subscribe_directly(
    engine: AsyncEngine, table: Table, source: str, event_types: list[str]
) -> str:
    """Record a subscription to ``source`` as if the publisher had answered; returns its secret."""
    secret = new_secret()
    async with engine.begin() as conn:
        await conn.execute(delete(table).where(table.c.source == source))
        await conn.execute(
            insert(table).values(
                source=source, endpoint_id=new_id(), secrets=[secret], event_types=event_types
            )
        )
    return secret


def envelope(
    source: str,
    type_: str,
    data: dict[str, Any],
    *,
    subject: UUID | str | None = None,
    parties: list[UUID] | None = None,
    event_id: UUID | None = None,
) -> dict[str, Any]:
    return EventEnvelope(
        id=event_id or new_id(),
        type=type_,
        source=source,
        subject=str(subject) if subject is not None else None,
        occurred_at=datetime.now(UTC),
        parties=parties or [],
        data=data,
    ).model_dump(mode="json")


async def deliver(
    client: httpx.AsyncClient, envelope_: dict[str, Any], secret: str
) -> httpx.Response:
    """POST a signed envelope to the consumer behind ``client``."""
    import json

    body = json.dumps(envelope_)
    headers = sign_headers(str(envelope_["id"]), datetime.now(UTC), body, [secret])
    return await client.post(
        f"/v1/events/{envelope_['source']}", content=body.encode(), headers=headers
    )
