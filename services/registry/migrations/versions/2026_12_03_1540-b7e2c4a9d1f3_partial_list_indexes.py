"""partial list indexes: level, status and stage hold only their rare rows

The level, status and modernisation stage indexes of cooperatives serve the list's filters on
the rare values (secondary; inactive, dissolved, merged; a phase or cohort). Holding only those
rows, they are not touched by most inserts: a bulk import of 100,000 primary, active
cooperatives without a stage paid for three indexes it never fills with a useful row (about
1 CPU s of the import's Postgres backend, docs/performance.md). A filter on the common value
(primary, active) matches most of the table and walks the page order
(tests/cooperatives/test_list_plans.py).

Revision ID: b7e2c4a9d1f3
Revises: e4a6c8b0d2f1
Create Date: 2026-12-03 15:40:00.000000+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b7e2c4a9d1f3"
down_revision: str | Sequence[str] | None = "e4a6c8b0d2f1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PARTIAL = (
    ("ix_cooperatives_level_id", ["level", "id"], "level::text <> 'primary'"),
    ("ix_cooperatives_status_id", ["status", "id"], "status::text <> 'active'"),
    (
        "ix_cooperatives_phase_cohort",
        ["phase", "cohort_year"],
        "phase IS NOT NULL OR cohort_year IS NOT NULL",
    ),
)


def upgrade() -> None:
    for name, columns, where in PARTIAL:
        op.drop_index(name, table_name="cooperatives")
        op.create_index(name, "cooperatives", columns, postgresql_where=sa.text(where))


def downgrade() -> None:
    for name, columns, _ in PARTIAL:
        op.drop_index(name, table_name="cooperatives")
        op.create_index(name, "cooperatives", columns)
