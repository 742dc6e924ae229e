"""rate limit buckets (UNLOGGED: per-client request counts shared by every replica)

Revision ID: d40bd6a5e56b
Revises: e1a82dd1adc7
Create Date: 2026-11-28 00:58:10.427014+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d40bd6a5e56b"
down_revision: str | Sequence[str] | None = "e1a82dd1adc7"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rate_limit_buckets",
        sa.Column("client_id", sa.String(length=200), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("client_id", "window_start", name=op.f("pk_rate_limit_buckets")),
        prefixes=["UNLOGGED"],
    )


def downgrade() -> None:
    op.drop_table("rate_limit_buckets")
