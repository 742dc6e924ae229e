"""fund portfolio groups kept by triggers: open loans per product, province, arrears date

The portfolio counted and summed one ``loan_accounts`` row per open loan on every request
(2 s p99 at 100,000 loans). ``fund_portfolio_groups`` holds, per fund, product, province,
the date the loan's arrears began (its oldest installment with principal or interest unpaid;
``infinity`` when there is none) and its arrears tolerance, how many open loans with principal
outstanding there are and what they owe. The OJK class is a function of that date, the tolerance
and the business date, so the portfolio ages the groups when it reads them: a new business day
rewrites nothing.

Row-level triggers on ``loan_accounts`` (outstanding principal, arrears date) and on ``loans``
(status, product, province, tolerance) add each change in its own transaction, sharded as the
per-day summaries of ``9c4b2f61a8d3`` are; their ``WHEN`` conditions let through only changes
of those columns, so end of day's ageing and penalties (every account, every day) call nothing.
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
# Every SQL text here is built from this file's constants only (no input): S608 does not apply.


def _upsert(rows: str) -> str:
    """Add ``rows`` (loans: 1 or -1, outstanding: signed) to the groups, in key order."""
    return f"""
        INSERT INTO fund_portfolio_groups AS s ({KEYS}, shard, loans, outstanding)
        SELECT {KEYS}, {SHARD}, sum(loans), sum(outstanding) FROM ({rows}) r
        WHERE status IN {OPEN} AND account_outstanding > 0
        GROUP BY {KEYS} HAVING sum(loans) <> 0 OR sum(outstanding) <> 0
        ORDER BY {KEYS}
        ON CONFLICT ({KEYS}, shard) DO UPDATE SET
            loans = s.loans + EXCLUDED.loans,
            outstanding = s.outstanding + EXCLUDED.outstanding;"""  # noqa: S608


def _row(account: str, loan: str, sign: int) -> str:
    """One loan's state as a signed group row: ``account`` and ``loan`` name its
    ``loan_accounts`` and ``loans`` rows (a trigger's OLD or NEW, or a table's alias)."""
    return (
        f"SELECT {account}.fund_id AS fund_id, {loan}.product_id AS product_id, "
        f"{loan}.province_code AS province_code, "
        f"coalesce({account}.arrears_from, {NEVER}) AS arrears_from, "
        f"{loan}.arrears_tolerance_days AS tolerance_days, {loan}.status AS status, "
        f"{account}.principal_outstanding AS account_outstanding, {sign} AS loans, "
        f"{sign} * {account}.principal_outstanding AS outstanding"
    )


def _function(name: str, body: dict[str, str]) -> str:
    branches = "\n    ELSIF ".join(
        f"TG_OP = '{tg_op}' THEN {_upsert(rows)}" for tg_op, rows in body.items()
    )
    return f"""
CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF {branches}
    END IF;
    RETURN NULL;
END $$
"""


# Row-level triggers whose ``WHEN`` lets through only the changes that move a loan between
# groups: end of day's ageing and penalties (every account, every day) never call the function.
# An account's row: its loan as it is now (the loan's own changes are the other trigger's).
ACCOUNT_BODY = {
    "INSERT": f"{_row('NEW', 'l', 1)} FROM loans l WHERE l.id = NEW.loan_id",
    "UPDATE": f"{_row('NEW', 'l', 1)} FROM loans l WHERE l.id = NEW.loan_id UNION ALL "
    f"{_row('OLD', 'l', -1)} FROM loans l WHERE l.id = OLD.loan_id",
    "DELETE": f"{_row('OLD', 'l', -1)} FROM loans l WHERE l.id = OLD.loan_id",
}
ACCOUNT_TRIGGERS = {
    "INSERT": "NEW.principal_outstanding > 0",
    "UPDATE": "(OLD.principal_outstanding, OLD.arrears_from, OLD.fund_id) "
    "IS DISTINCT FROM (NEW.principal_outstanding, NEW.arrears_from, NEW.fund_id)",
    "DELETE": "OLD.principal_outstanding > 0",
}
# A loan's row: only updates matter (an account exists only after its loan, and goes before it).
LOAN_BODY = {
    "UPDATE": f"{_row('a', 'NEW', 1)} FROM loan_accounts a WHERE a.loan_id = NEW.id UNION ALL "
    f"{_row('a', 'OLD', -1)} FROM loan_accounts a WHERE a.loan_id = OLD.id",
}
LOAN_CHANGED = (
    f"(OLD.status IN {OPEN}, OLD.product_id, OLD.province_code, OLD.arrears_tolerance_days) "
    f"IS DISTINCT FROM (NEW.status IN {OPEN}, NEW.product_id, NEW.province_code, "
    "NEW.arrears_tolerance_days)"
)
# What the rows already hold (shard 0); ``financing_seed`` recomputes it the same way.
BACKFILL = (
    f"INSERT INTO fund_portfolio_groups ({KEYS}, shard, loans, outstanding) "  # noqa: S608
    f"SELECT {KEYS}, 0, sum(loans), sum(outstanding) FROM ("
    f"{_row('a', 'l', 1)} FROM loan_accounts a JOIN loans l ON l.id = a.loan_id) r "
    f"WHERE status IN {OPEN} AND account_outstanding > 0 GROUP BY {KEYS}"
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
    for op_, when in ACCOUNT_TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER loan_accounts_{op_.lower()}_portfolio AFTER {op_} ON loan_accounts "
            f"FOR EACH ROW WHEN ({when}) EXECUTE FUNCTION fund_portfolio_groups_accounts()"
        )
    op.execute(
        "CREATE TRIGGER loans_update_portfolio AFTER UPDATE ON loans "
        f"FOR EACH ROW WHEN ({LOAN_CHANGED}) EXECUTE FUNCTION fund_portfolio_groups_loans()"
    )
    op.execute(BACKFILL)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS loans_update_portfolio ON loans")
    for op_ in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS loan_accounts_{op_}_portfolio ON loan_accounts")
    op.execute("DROP FUNCTION IF EXISTS fund_portfolio_groups_loans()")
    op.execute("DROP FUNCTION IF EXISTS fund_portfolio_groups_accounts()")
    op.drop_table("fund_portfolio_groups")
