"""delivery notices, who settled a dispute, allocations by demand

``deliveries`` gain a status (``notified`` by the cooperative, then ``received`` or ``rejected``
by the offtaker; rows written before were received in one step, the server default), the
cooperative's note, who received it and when. ``disputes.resolved_as`` says whether the offtaker
conceded or the mediator settled. ``matching_allocations`` get an index on ``demand_id`` (a
demand's latest matching results). Expand only: nullable columns and a server default.

Revision ID: 8f3c1d2e4a57
Revises: c9e50b3f7d42
Create Date: 2026-12-02 23:30:00.000000+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "8f3c1d2e4a57"
down_revision: str | Sequence[str] | None = "c9e50b3f7d42"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "deliveries",
        sa.Column("status", sa.String(length=10), server_default="received", nullable=False),
    )
    op.add_column("deliveries", sa.Column("note", sa.Text(), nullable=True))
    op.add_column("deliveries", sa.Column("received_by", sa.String(length=200), nullable=True))
    op.add_column("deliveries", sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("disputes", sa.Column("resolved_as", sa.String(length=12), nullable=True))
    op.create_index(
        op.f("ix_matching_allocations_demand_id"), "matching_allocations", ["demand_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_matching_allocations_demand_id"), table_name="matching_allocations")
    op.drop_column("disputes", "resolved_as")
    op.drop_column("deliveries", "decided_at")
    op.drop_column("deliveries", "received_by")
    op.drop_column("deliveries", "note")
    op.drop_column("deliveries", "status")
