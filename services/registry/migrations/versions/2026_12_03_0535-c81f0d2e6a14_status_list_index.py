"""list index: status in page order

Revision ID: c81f0d2e6a14
Revises: b4d2e8f61a07
Create Date: 2026-12-03 05:35:00.000000+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "c81f0d2e6a14"
down_revision: str | Sequence[str] | None = "b4d2e8f61a07"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_cooperatives_status_id", "cooperatives", ["status", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_cooperatives_status_id", table_name="cooperatives")
