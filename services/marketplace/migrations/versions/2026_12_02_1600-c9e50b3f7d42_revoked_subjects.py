"""revoked subjects, sanitised request ids and delivery errors

``revoked_subjects``: the deny-list of token subjects (kopmod_shared.revocation).
Stored request ids that are not short visible ASCII are cleared from events and deliveries, and
delivery errors that are not one of the reported categories become ``delivery error``.

Revision ID: c9e50b3f7d42
Revises: 5c1e0a9f3b72
Create Date: 2026-12-02 16:00:00.000000+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c9e50b3f7d42"
down_revision: str | Sequence[str] | None = "5c1e0a9f3b72"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Request ids stored before they were checked (issue 19): anything but 1-128 visible ASCII
# characters could not travel in the relay's X-Request-ID header. Dropped, the event kept.
_VALID_ID = "^[!-~]{1,128}$"
# What a subscriber may read about a failed delivery (webhooks.relay.failure_category); older
# rows held raw connection and TLS errors, naming internal addresses and ports.
_CATEGORY = (
    "^(timeout|tls|connection refused|connection broken|invalid request|delivery error"
    "|http [0-9]{3}|refused: [a-z-]+)$"
)


def _clean_stored_values() -> None:
    op.execute(
        sa.text(
            "UPDATE outbox_events SET correlation_id = NULL "
            "WHERE correlation_id IS NOT NULL AND correlation_id !~ :valid"
        ).bindparams(valid=_VALID_ID)
    )
    for table in ("outbox_events", "webhook_deliveries"):
        op.execute(
            sa.text(
                f"UPDATE {table} SET payload = jsonb_set(payload, '{{correlation_id}}', 'null') "  # noqa: S608 - two fixed table names
                "WHERE jsonb_typeof(payload->'correlation_id') = 'string' "
                "AND payload->>'correlation_id' !~ :valid"
            ).bindparams(valid=_VALID_ID)
        )
    op.execute(
        sa.text(
            "UPDATE webhook_deliveries SET last_error = 'delivery error' "
            "WHERE last_error IS NOT NULL AND last_error !~ :category"
        ).bindparams(category=_CATEGORY)
    )
    op.execute(
        sa.text(
            "UPDATE webhook_attempts SET error = 'delivery error' "
            "WHERE error IS NOT NULL AND error !~ :category"
        ).bindparams(category=_CATEGORY)
    )


def _create_revoked_subjects() -> None:
    op.create_table(
        "revoked_subjects",
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("not_before", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("subject", name=op.f("pk_revoked_subjects")),
    )


def upgrade() -> None:
    _create_revoked_subjects()
    _clean_stored_values()


def downgrade() -> None:
    op.drop_table("revoked_subjects")
