"""Tables for webhook endpoints, deliveries, attempts, and the consumer inbox."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql import UUID as PG_UUID


@dataclass(frozen=True)
class WebhookTables:
    endpoints: Table
    deliveries: Table
    attempts: Table


def define_webhook_tables(metadata: MetaData) -> WebhookTables:
    endpoints = Table(
        "webhook_endpoints",
        metadata,
        Column("id", PG_UUID(as_uuid=True), primary_key=True),
        Column("owner_client_id", String(100), nullable=False, index=True),
        Column("owner_role", String(30), nullable=False),
        Column("owner_org_id", PG_UUID(as_uuid=True), nullable=True),
        Column("url", String(2000), nullable=False),
        Column("description", String(500), nullable=True),
        Column("event_types", ARRAY(String(100)), nullable=False, server_default="{}"),
        # Signing secrets, newest first: [{"secret": "whsec_...", "expires_at": iso | null}].
        # Kept in clear because signing needs them; the database is the trust boundary.
        Column("secrets", JSONB, nullable=False),
        Column("enabled", Boolean, nullable=False, server_default="true"),
        Column("disabled_reason", String(200), nullable=True),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    deliveries = Table(
        "webhook_deliveries",
        metadata,
        Column("id", PG_UUID(as_uuid=True), primary_key=True),
        Column(
            "endpoint_id",
            PG_UUID(as_uuid=True),
            ForeignKey("webhook_endpoints.id", ondelete="CASCADE"),
            nullable=False,
        ),
        Column("event_id", PG_UUID(as_uuid=True), nullable=False),
        Column("event_type", String(100), nullable=False),
        Column("payload", JSONB, nullable=False),
        Column("status", String(20), nullable=False, server_default="pending"),
        Column("attempts", Integer, nullable=False, server_default="0"),
        Column("next_attempt_at", DateTime(timezone=True), nullable=True),
        Column("last_status_code", Integer, nullable=True),
        Column("last_error", Text, nullable=True),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("delivered_at", DateTime(timezone=True), nullable=True),
        UniqueConstraint("endpoint_id", "event_id", name="uq_webhook_deliveries_endpoint_event"),
        Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
    )
    attempts = Table(
        "webhook_attempts",
        metadata,
        Column("id", BigInteger, Identity(), primary_key=True),
        Column(
            "delivery_id",
            PG_UUID(as_uuid=True),
            ForeignKey("webhook_deliveries.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        Column("attempted_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("status_code", Integer, nullable=True),
        Column("error", Text, nullable=True),
        Column("duration_ms", Integer, nullable=False),
    )
    return WebhookTables(endpoints=endpoints, deliveries=deliveries, attempts=attempts)


def define_inbox_table(metadata: MetaData) -> Table:
    """Events this service has consumed, keyed by event id: the de-duplication record."""
    return Table(
        "inbox_events",
        metadata,
        Column("event_id", PG_UUID(as_uuid=True), primary_key=True),
        Column("source", String(50), nullable=False),
        Column("type", String(100), nullable=False),
        Column("received_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
