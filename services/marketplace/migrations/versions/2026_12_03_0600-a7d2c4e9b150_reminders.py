"""reminders: when a proposal's expiry and a milestone's approach were announced

``proposals.expiry_announced_at`` and ``contract_milestones.reminded_at`` record that the
reminders sweep published ``marketplace.proposal.expired`` / ``marketplace.contract.milestone_due``
(once each). Expand only: nullable columns.

Revision ID: a7d2c4e9b150
Revises: 8f3c1d2e4a57
Create Date: 2026-12-03 06:00:00.000000+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a7d2c4e9b150"
down_revision: str | Sequence[str] | None = "8f3c1d2e4a57"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "proposals", sa.Column("expiry_announced_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column(
        "contract_milestones", sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True)
    )


def downgrade() -> None:
    op.drop_column("contract_milestones", "reminded_at")
    op.drop_column("proposals", "expiry_announced_at")
