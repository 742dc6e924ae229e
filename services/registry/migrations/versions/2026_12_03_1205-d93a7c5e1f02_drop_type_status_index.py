"""drop the (type, status) index of cooperatives: no query needs it

The list's type filter walks (type, name, id), its status filter (status, id), and together
one of those two (tests/cooperatives/test_list_plans.py); no other query filters on both.
Each index is maintained on every insert: a bulk import of 100,000 rows paid for this one too.

Revision ID: d93a7c5e1f02
Revises: c81f0d2e6a14
Create Date: 2026-12-03 12:05:00.000000+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "d93a7c5e1f02"
down_revision: str | Sequence[str] | None = "c81f0d2e6a14"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_cooperatives_type_status", table_name="cooperatives")


def downgrade() -> None:
    op.create_index("ix_cooperatives_type_status", "cooperatives", ["type", "status"], unique=False)
