"""maintained loan state: per-installment balances, allocations, arrears dates on loan accounts

Every command on a loan rewrites these in its transaction (``loans.service.refresh_account``),
end of day moves them on in SQL, and the fund reports read them instead of replaying. Databases
with loans from before this revision get them filled by ``python -m financing.rebuild``.

Revision ID: 7d1e5a2c9b40
Revises: e4b2c7d9a1f3
Create Date: 2026-12-02 23:50:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = "7d1e5a2c9b40"
down_revision: str | Sequence[str] | None = "e4b2c7d9a1f3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MONEY = sa.Numeric(20, 2)
ALLOCATIONS = ("principal", "interest", "penalty", "fee", "overpayment", "recovered")

# To cents HALF_EVEN, as ``kopmod_shared.money.quantize`` rounds (Postgres's own round() takes
# halves away from zero): end of day computes penalties with it.
ROUND_CENTS = """
CREATE OR REPLACE FUNCTION round_cents_half_even(v numeric)
RETURNS numeric LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT (CASE
        WHEN abs(v * 100 - trunc(v * 100)) = 0.5
        THEN (trunc(v * 100) + CASE WHEN mod(trunc(v * 100), 2) = 0 THEN 0 ELSE sign(v) END) / 100
        ELSE round(v, 2)
    END)::numeric(20, 2)
$$
"""


def upgrade() -> None:
    for name in ALLOCATIONS:
        op.add_column(
            "loan_transactions",
            sa.Column(f"alloc_{name}", MONEY, server_default=sa.text("0"), nullable=False),
        )
    for name in ("fee_outstanding", "overdue_principal", "overdue_interest"):
        op.add_column(
            "loan_accounts", sa.Column(name, MONEY, server_default=sa.text("0"), nullable=False)
        )
    op.add_column("loan_accounts", sa.Column("arrears_from", sa.Date(), nullable=True))
    op.add_column("loan_accounts", sa.Column("next_due_date", sa.Date(), nullable=True))
    op.create_table(
        "loan_installment_balances",
        sa.Column("loan_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("fund_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("principal", MONEY, nullable=False),
        sa.Column("interest", MONEY, nullable=False),
        sa.Column("penalty", MONEY, nullable=False),
        sa.Column("fee", MONEY, nullable=False),
        sa.ForeignKeyConstraint(["fund_id"], ["funds.id"]),
        sa.ForeignKeyConstraint(["loan_id"], ["loans.id"]),
        sa.PrimaryKeyConstraint("loan_id", "number"),
    )
    op.create_index("ix_loans_fund_id_id", "loans", ["fund_id", "id"])
    op.execute(ROUND_CENTS)


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS round_cents_half_even(numeric)")
    op.drop_index("ix_loans_fund_id_id", table_name="loans")
    op.drop_table("loan_installment_balances")
    for name in ("next_due_date", "arrears_from", "overdue_interest", "overdue_principal"):
        op.drop_column("loan_accounts", name)
    op.drop_column("loan_accounts", "fee_outstanding")
    for name in ALLOCATIONS:
        op.drop_column("loan_transactions", f"alloc_{name}")
