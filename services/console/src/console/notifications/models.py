"""The notifier's tables: the subscriptions to the services' events, the events received, one
notification per (event, person) (the unique constraint is the once-only rule), the mails
waiting to leave (an outbox), and each person's choices (language, kinds by email or inbox)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from console.models import Base
from kopmod_shared.webhooks.subscriber import define_subscription_table

# The console's webhook endpoints on the registry, financing and marketplace, and their
# signing secrets.
event_subscriptions = define_subscription_table(Base.metadata)


class ReceivedEvent(Base):
    """A verified delivery, kept until the notifier has made its notifications (a redelivery
    of the same event id adds nothing)."""

    __tablename__ = "notification_events"

    event_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    source: Mapped[str] = mapped_column(String(50))
    type: Mapped[str] = mapped_column(String(100))
    envelope: Mapped[dict[str, Any]] = mapped_column(JSONB)
    received_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    processed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    last_error: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_notification_events_pending", "processed_at", "next_attempt_at"),)


class Notification(Base):
    """What one person is told about one event: at most one row per (event, person)."""

    __tablename__ = "notifications"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    event_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    person_id: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    # The message's placeholders; the inbox says it in the reader's language when shown.
    params: Mapped[dict[str, Any]] = mapped_column(JSONB)
    link: Mapped[str] = mapped_column(String(300))
    in_inbox: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        UniqueConstraint("event_id", "person_id", name="uq_notifications_event_person"),
        Index("ix_notifications_person", "person_id", "created_at"),
    )


class OutgoingMail(Base):
    """A notification's mail, written with it and sent after (retried until it leaves)."""

    __tablename__ = "notification_mails"

    notification_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("notifications.id", ondelete="CASCADE"), primary_key=True
    )
    to_address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending | sent | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_notification_mails_due", "status", "next_attempt_at"),)


class NotificationPreference(Base):
    """A person's choice for one kind (no row: by email and in the inbox)."""

    __tablename__ = "notification_preferences"

    person_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    email: Mapped[bool] = mapped_column(Boolean)
    inbox: Mapped[bool] = mapped_column(Boolean)


class PersonLanguage(Base):
    """The language the person last chose in the console (mails are written in it)."""

    __tablename__ = "console_person_languages"

    person_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    language: Mapped[str] = mapped_column(String(2))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
