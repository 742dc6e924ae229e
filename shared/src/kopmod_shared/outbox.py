"""Transactional outbox: an event row written in the same transaction as the change it reports.

Each service declares the table with :func:`define_outbox_table`; :func:`emit` adds a row through
the request's session. A relay (see the events module) drains it and delivers at least once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from asgi_correlation_id import correlation_id
from pydantic import BaseModel
from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Identity,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    insert,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.deferred import deferred_inserts
from kopmod_shared.events import EventEnvelope
from kopmod_shared.ids import new_id
from kopmod_shared.observability import is_valid_request_id


def define_outbox_table(metadata: MetaData) -> Table:
    return Table(
        "outbox_events",
        metadata,
        Column("seq", BigInteger, Identity(), primary_key=True),
        Column("id", PG_UUID(as_uuid=True), nullable=False, unique=True),
        Column("type", String(100), nullable=False),
        Column("subject", String(200), nullable=True),
        Column("payload", JSONB, nullable=False),
        Column("correlation_id", String(200), nullable=True),
        Column("occurred_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("published_at", DateTime(timezone=True), nullable=True, index=True),
        Column("attempts", Integer, nullable=False, server_default="0"),
        Column("last_error", Text, nullable=True),
    )


async def emit(
    session: AsyncSession,
    table: Table,
    *,
    source: str,
    type: str,
    subject: UUID | str | None,
    data: BaseModel | dict[str, Any],
    parties: list[UUID] | None = None,
) -> EventEnvelope:
    """Add an event to the outbox within ``session``'s transaction."""
    envelope, row = outbox_row(
        source=source, type=type, subject=subject, data=data, parties=parties
    )
    queue = deferred_inserts(session)
    if queue is not None:  # written with the command's other write-only rows before the commit
        queue.append((table, row))
    else:
        await session.execute(insert(table).values(row))
    return envelope


def outbox_row(
    *,
    source: str,
    type: str,
    subject: UUID | str | None,
    data: BaseModel | dict[str, Any],
    parties: list[UUID] | None = None,
) -> tuple[EventEnvelope, dict[str, Any]]:
    """An event's envelope and its outbox row, for a caller that writes the row in its own
    transaction (:func:`emit` through a session; the relay through its connection)."""
    payload = data.model_dump(mode="json") if isinstance(data, BaseModel) else data
    envelope = EventEnvelope(
        id=new_id(),
        type=type,
        source=source,
        subject=str(subject) if subject is not None else None,
        occurred_at=datetime.now(UTC),
        # The middleware only lets valid ids through; a context set some other way is dropped
        # rather than poisoning the relay's outgoing header.
        correlation_id=cid if is_valid_request_id(cid := correlation_id.get()) else None,
        parties=parties or [],
        data=payload,
    )
    row = {
        "id": envelope.id,
        "type": envelope.type,
        "subject": envelope.subject,
        "payload": envelope.model_dump(mode="json"),
        "correlation_id": envelope.correlation_id,
        "occurred_at": envelope.occurred_at,
    }
    return envelope, row
