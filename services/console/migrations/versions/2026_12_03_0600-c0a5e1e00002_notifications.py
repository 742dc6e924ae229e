"""notifications: event subscriptions, events received, notifications (once per event and
person), their mails (an outbox), preferences and the language each person chose

Revision ID: c0a5e1e00002
Revises: c0a5e1e00001
Create Date: 2026-12-03 06:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "c0a5e1e00002"
down_revision: str | Sequence[str] | None = "c0a5e1e00001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "event_subscriptions",
        sa.Column("source", sa.String(length=50), nullable=False),
        sa.Column("endpoint_id", sa.UUID(), nullable=False),
        sa.Column("secrets", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("event_types", postgresql.ARRAY(sa.String(length=100)), nullable=False),
        sa.Column("created_at", TZ, server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("source", name=op.f("pk_event_subscriptions")),
    )
    op.create_table(
        "notification_events",
        sa.Column("event_id", sa.UUID(), nullable=False),
        sa.Column("source", sa.String(length=50), nullable=False),
        sa.Column("type", sa.String(length=100), nullable=False),
        sa.Column("envelope", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("received_at", TZ, server_default=sa.text("now()"), nullable=False),
        sa.Column("processed_at", TZ, nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", TZ, server_default=sa.text("now()"), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_notification_events")),
    )
    op.create_index(
        "ix_notification_events_pending",
        "notification_events",
        ["processed_at", "next_attempt_at"],
    )
    op.create_table(
        "notifications",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("event_id", sa.UUID(), nullable=False),
        sa.Column("person_id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("params", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("link", sa.String(length=300), nullable=False),
        sa.Column("in_inbox", sa.Boolean(), nullable=False),
        sa.Column("created_at", TZ, server_default=sa.text("now()"), nullable=False),
        sa.Column("read_at", TZ, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
        sa.UniqueConstraint("event_id", "person_id", name="uq_notifications_event_person"),
    )
    op.create_index("ix_notifications_person", "notifications", ["person_id", "created_at"])
    op.create_table(
        "notification_mails",
        sa.Column("notification_id", sa.UUID(), nullable=False),
        sa.Column("to_address", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", TZ, server_default=sa.text("now()"), nullable=False),
        sa.Column("sent_at", TZ, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["notification_id"],
            ["notifications.id"],
            name=op.f("fk_notification_mails_notification_id_notifications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("notification_id", name=op.f("pk_notification_mails")),
    )
    op.create_index(
        "ix_notification_mails_due", "notification_mails", ["status", "next_attempt_at"]
    )
    op.create_table(
        "notification_preferences",
        sa.Column("person_id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("email", sa.Boolean(), nullable=False),
        sa.Column("inbox", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("person_id", "kind", name=op.f("pk_notification_preferences")),
    )
    op.create_table(
        "console_person_languages",
        sa.Column("person_id", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("updated_at", TZ, server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_console_person_languages")),
    )


def downgrade() -> None:
    op.drop_table("console_person_languages")
    op.drop_table("notification_preferences")
    op.drop_index("ix_notification_mails_due", table_name="notification_mails")
    op.drop_table("notification_mails")
    op.drop_index("ix_notifications_person", table_name="notifications")
    op.drop_table("notifications")
    op.drop_index("ix_notification_events_pending", table_name="notification_events")
    op.drop_table("notification_events")
    op.drop_table("event_subscriptions")
