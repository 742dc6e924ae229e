"""fee charge kind

A fee charged to a loan keeps what it is for (``loan_transactions.charge_kind``).

Revision ID: 5d0b7e4a9c21
Revises: 96c4e3a86e19
Create Date: 2026-11-28 02:37:00.000000+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5d0b7e4a9c21"
down_revision: str | Sequence[str] | None = "96c4e3a86e19"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "loan_transactions", sa.Column("charge_kind", sa.String(length=40), nullable=True)
    )


def downgrade() -> None:
    op.drop_column("loan_transactions", "charge_kind")
