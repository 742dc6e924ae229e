"""fund portfolio groups kept by triggers: open loans per product, province, arrears date

The portfolio counted and summed one ``loan_accounts`` row per open loan on every request
(2 s p99 at 100,000 loans). ``fund_portfolio_groups`` holds, per fund, product, province,
the date the loan's arrears began (its oldest installment with principal or interest unpaid;
``infinity`` when there is none) and its arrears tolerance, how many open loans with principal
outstanding there are and what they owe. The OJK class is a function of that date, the tolerance
and the business date, so the portfolio ages the groups when it reads them: a new business day
rewrites nothing.

Statement-level triggers on ``loan_accounts`` (outstanding principal, arrears date) and on
``loans`` (status, product, province, tolerance) add each statement's change in its own
transaction, as the per-day summaries of ``9c4b2f61a8d3`` do (and sharded the same way); a
statement that changes none of those columns (end of day's ageing, penalties) upserts nothing.
The summary starts from what the rows already hold.

Revision ID: 5a7c9e1b3d20
Revises: e4a6c8d0b2f1
Create Date: 2026-12-03 09:00:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = "5a7c9e1b3d20"
down_revision: str | Sequence[str] | None = "e4a6c8d0b2f1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHARD = "(pg_backend_pid() % 16)::smallint"
# The loan states the portfolio counts (``reports.replayed``: not closed, not written off).
OPEN = "('pending_disbursement', 'active', 'overpaid')"
KEYS = "fund_id, product_id, province_code, arrears_from, tolerance_days"
NEVER = "CAST('infinity' AS date)"

# One row per loan that counts: ``sign`` 1 for a new state, -1 for an old one. ``a`` is the
# account's row, ``l`` the loan's. Every SQL text here is built from this file's constants only.
ROW = (
    "SELECT a.fund_id, l.product_id, l.province_code, "
    f"coalesce(a.arrears_from, {NEVER}) AS arrears_from, "
    "l.arrears_tolerance_days AS tolerance_days, {sign} AS loans, "
    "{sign} * a.principal_outstanding AS outstanding"
)
COUNTS = f"a.principal_outstanding > 0 AND l.status IN {OPEN}"


def _function(name: str, body: dict[str, str]) -> str:
    def upsert(rows: str) -> str:
        return f"""
        INSERT INTO fund_portfolio_groups AS s ({KEYS}, shard, loans, outstanding)
        SELECT {KEYS}, {SHARD}, sum(loans), sum(outstanding) FROM ({rows}) r
        GROUP BY {KEYS} HAVING sum(loans) <> 0 OR sum(outstanding) <> 0
        ORDER BY {KEYS}
        ON CONFLICT ({KEYS}, shard) DO UPDATE SET
            loans = s.loans + EXCLUDED.loans,
            outstanding = s.outstanding + EXCLUDED.outstanding;
        """  # noqa: S608

    branches = "\n    ELSIF ".join(
        f"TG_OP = '{tg_op}' THEN {upsert(rows)}" for tg_op, rows in body.items()
    )
    return f"""
CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF {branches}
    END IF;
    RETURN NULL;
END $$
"""


# Accounts: a changed row counts only if its outstanding principal or arrears date changed.
ACCOUNT_CHANGED = (
    "FROM new_rows n JOIN old_rows o ON o.loan_id = n.loan_id "
    "WHERE (n.principal_outstanding, n.arrears_from) "
    "IS DISTINCT FROM (o.principal_outstanding, o.arrears_from)"
)
ACCOUNT_BODY = {
    "INSERT": f"{ROW.format(sign=1)} FROM new_rows a JOIN loans l ON l.id = a.loan_id "
    f"WHERE {COUNTS}",
    "UPDATE": f"""
        {ROW.format(sign=1)} FROM (SELECT n.* {ACCOUNT_CHANGED}) a
        JOIN loans l ON l.id = a.loan_id WHERE {COUNTS}
        UNION ALL
        {ROW.format(sign=-1)} FROM (SELECT o.* {ACCOUNT_CHANGED}) a
        JOIN loans l ON l.id = a.loan_id WHERE {COUNTS}""",  # noqa: S608
    "DELETE": f"{ROW.format(sign=-1)} FROM old_rows a JOIN loans l ON l.id = a.loan_id "
    f"WHERE {COUNTS}",
}
# Loans: only updates matter (an account exists only after its loan, and goes before it).
LOAN_CHANGED = (
    "FROM new_rows n JOIN old_rows o ON o.id = n.id "
    f"WHERE (n.status IN {OPEN}, n.product_id, n.province_code, n.arrears_tolerance_days) "
    f"IS DISTINCT FROM (o.status IN {OPEN}, o.product_id, o.province_code, "
    "o.arrears_tolerance_days)"
)
LOAN_BODY = {
    "UPDATE": f"""
        {ROW.format(sign=1)} FROM (SELECT n.* {LOAN_CHANGED}) l
        JOIN loan_accounts a ON a.loan_id = l.id WHERE {COUNTS}
        UNION ALL
        {ROW.format(sign=-1)} FROM (SELECT o.* {LOAN_CHANGED}) l
        JOIN loan_accounts a ON a.loan_id = l.id WHERE {COUNTS}""",  # noqa: S608
}
# What the rows already hold (shard 0); ``financing_seed`` recomputes it the same way.
BACKFILL = (
    f"INSERT INTO fund_portfolio_groups ({KEYS}, shard, loans, outstanding) "  # noqa: S608
    f"SELECT {KEYS}, 0, sum(loans), sum(outstanding) FROM ("
    f"{ROW.format(sign=1)} FROM loan_accounts a JOIN loans l ON l.id = a.loan_id "
    f"WHERE {COUNTS}) r GROUP BY {KEYS}"
)


def upgrade() -> None:
    op.create_table(
        "fund_portfolio_groups",
        sa.Column("fund_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("product_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("province_code", sa.String(length=2), nullable=False),
        sa.Column("arrears_from", sa.Date(), nullable=False),
        sa.Column("tolerance_days", sa.Integer(), nullable=False),
        sa.Column("shard", sa.SmallInteger(), nullable=False),
        sa.Column("loans", sa.BigInteger(), nullable=False),
        sa.Column("outstanding", sa.Numeric(20, 2), nullable=False),
        sa.ForeignKeyConstraint(["fund_id"], ["funds.id"]),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"]),
        sa.PrimaryKeyConstraint(
            "fund_id", "product_id", "province_code", "arrears_from", "tolerance_days", "shard"
        ),
    )
    op.execute(_function("fund_portfolio_groups_accounts", ACCOUNT_BODY))
    op.execute(_function("fund_portfolio_groups_loans", LOAN_BODY))
    for op_, refs in (
        ("INSERT", "NEW TABLE AS new_rows"),
        ("UPDATE", "NEW TABLE AS new_rows OLD TABLE AS old_rows"),
        ("DELETE", "OLD TABLE AS old_rows"),
    ):
        op.execute(
            f"CREATE TRIGGER loan_accounts_{op_.lower()}_portfolio AFTER {op_} ON loan_accounts "
            f"REFERENCING {refs} FOR EACH STATEMENT "
            "EXECUTE FUNCTION fund_portfolio_groups_accounts()"
        )
    op.execute(
        "CREATE TRIGGER loans_update_portfolio AFTER UPDATE ON loans "
        "REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT "
        "EXECUTE FUNCTION fund_portfolio_groups_loans()"
    )
    op.execute(BACKFILL)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS loans_update_portfolio ON loans")
    for op_ in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS loan_accounts_{op_}_portfolio ON loan_accounts")
    op.execute("DROP FUNCTION IF EXISTS fund_portfolio_groups_loans()")
    op.execute("DROP FUNCTION IF EXISTS fund_portfolio_groups_accounts()")
    op.drop_table("fund_portfolio_groups")
