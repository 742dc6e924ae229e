"""loan write-off requests: a write-off is proposed by one person and approved by another

Revision ID: e4b2c7d9a1f3
Revises: b8d4fa2e6c31
Create Date: 2026-12-02 17:30:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = "e4b2c7d9a1f3"
down_revision: str | Sequence[str] | None = "b8d4fa2e6c31"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "loan_write_off_requests",
        sa.Column("id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("loan_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("requested_by", sa.String(length=200), nullable=False),
        sa.Column(
            "requested_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("transaction_id", postgresql.UUID(as_uuid=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_loan_write_off_requests_loan_id_loans")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_write_off_requests")),
    )
    op.create_index(
        op.f("ix_loan_write_off_requests_loan_id"),
        "loan_write_off_requests",
        ["loan_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_loan_write_off_requests_loan_id"), table_name="loan_write_off_requests")
    op.drop_table("loan_write_off_requests")
