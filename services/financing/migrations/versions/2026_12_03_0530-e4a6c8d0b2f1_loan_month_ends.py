"""loan month ends: each loan's principal outstanding and OJK class at each month's close

End of day writes them when it closes a month's last day; a backdated change rewrites the ones
it touched. Existing loans get theirs from ``python -m financing.rebuild``.

Revision ID: e4a6c8d0b2f1
Revises: b3d7e9a1c5f2
Create Date: 2026-12-03 05:30:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = "e4a6c8d0b2f1"
down_revision: str | Sequence[str] | None = "b3d7e9a1c5f2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "loan_month_ends",
        sa.Column("loan_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("month_end", sa.Date(), nullable=False),
        sa.Column("fund_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("principal_outstanding", sa.Numeric(20, 2), nullable=False),
        sa.Column("collectibility", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["fund_id"], ["funds.id"]),
        sa.ForeignKeyConstraint(["loan_id"], ["loans.id"]),
        sa.PrimaryKeyConstraint("loan_id", "month_end"),
    )
    op.create_index("ix_loan_month_ends_fund_month", "loan_month_ends", ["fund_id", "month_end"])


def downgrade() -> None:
    op.drop_index("ix_loan_month_ends_fund_month", table_name="loan_month_ends")
    op.drop_table("loan_month_ends")
