"""installment paid-on dates and the loan's write-off date, for the financing summaries

``loan_installment_balances.paid_on`` (the day an installment was paid in full; none while owing
or once written off) and ``.rescheduled`` (what it owed moved to a successor loan), and
``loan_accounts.written_off_on``: written by every command's refresh from its replay, so the
financing summaries judge the repayment record in SQL instead of replaying every loan. Existing
loans get them from ``python -m financing.rebuild``; until then ``rescheduled`` is false and
both dates are none; the write-off date is filled here from the write-off transactions.

Revision ID: c8e2a4f6b1d7
Revises: 5a7c9e1b3d20
Create Date: 2026-12-03 09:45:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "c8e2a4f6b1d7"
down_revision: str | Sequence[str] | None = "5a7c9e1b3d20"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("loan_installment_balances", sa.Column("paid_on", sa.Date(), nullable=True))
    op.add_column(
        "loan_installment_balances",
        sa.Column("rescheduled", sa.Boolean(), server_default=sa.text("false"), nullable=False),
    )
    op.add_column("loan_accounts", sa.Column("written_off_on", sa.Date(), nullable=True))
    op.execute(
        "UPDATE loan_accounts a SET written_off_on = t.value_date FROM loan_transactions t "
        "WHERE t.loan_id = a.loan_id AND t.kind = 'write_off' AND t.reversed_at IS NULL"
    )


def downgrade() -> None:
    op.drop_column("loan_accounts", "written_off_on")
    op.drop_column("loan_installment_balances", "rescheduled")
    op.drop_column("loan_installment_balances", "paid_on")
