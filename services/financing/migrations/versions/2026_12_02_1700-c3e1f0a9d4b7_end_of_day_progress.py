"""end of day progress: runs commit in chunks of loans and resume after the last one

Also joins the two heads main had (document encryption key id, audit records name the client),
both revising b62182d324cc.

Revision ID: c3e1f0a9d4b7
Revises: c3e1a9d4f7b2, a0762dfe1724
Create Date: 2026-12-02 17:00:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = "c3e1f0a9d4b7"
down_revision: str | Sequence[str] | None = ("c3e1a9d4f7b2", "a0762dfe1724")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "end_of_day_runs", sa.Column("last_loan_id", postgresql.UUID(as_uuid=True), nullable=True)
    )
    op.add_column(
        "end_of_day_runs",
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
    )
    # Every run recorded before was one transaction: complete when it was written.
    op.execute("UPDATE end_of_day_runs SET completed_at = at")


def downgrade() -> None:
    op.execute("DELETE FROM end_of_day_runs WHERE completed_at IS NULL")
    op.drop_column("end_of_day_runs", "completed_at")
    op.drop_column("end_of_day_runs", "last_loan_id")
