"""list indexes: type in name order, level

Revision ID: 5c0f3a9e2b71
Revises: 05c37f13e90f
Create Date: 2026-12-02 16:45:00.000000+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "5c0f3a9e2b71"
down_revision: str | Sequence[str] | None = "05c37f13e90f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_cooperatives_type_name_id", "cooperatives", ["type", "name", "id"], unique=False
    )
    op.create_index("ix_cooperatives_level_id", "cooperatives", ["level", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_cooperatives_level_id", table_name="cooperatives")
    op.drop_index("ix_cooperatives_type_name_id", table_name="cooperatives")
