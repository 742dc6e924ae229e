"""fund cash kept by a trigger: a cash check reads one row, not every cash line of the fund

A disbursement's cash check (and an approval's, and a capital reversal's) summed every ``cash``
line the fund ever booked, under the fund's lock: a cost that grew with the fund's history and
held every other cash check of the fund waiting meanwhile. A statement-level trigger on
``journal_lines`` now adds each statement's cash lines per fund as one row of
``fund_cash_deltas`` (an insert: it never waits on another writer, so repayments of one fund do
not serialise on it); a cash check, holding the fund's lock, moves the deltas into the fund's
``fund_cash`` row and reads it in the same statement (``ledger.repository.roll_cash``). What it
reads is bounded by the fund's cash movements since the check before. ``fund_cash`` starts from
what the lines already hold.

Revision ID: d2f4b6a8c0e1
Revises: f1b3d5a7c9e2
Create Date: 2026-12-03 12:00:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = "d2f4b6a8c0e1"
down_revision: str | Sequence[str] | None = "f1b3d5a7c9e2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MONEY = sa.Numeric(20, 2)

# journal_lines are append-only (inserts only); a statement without cash lines adds nothing.
CASH = """
CREATE FUNCTION fund_cash_deltas_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO fund_cash_deltas (fund_id, amount)
    SELECT fund_id, sum(debit - credit) FROM new_rows WHERE account = 'cash'
    GROUP BY fund_id;
    RETURN NULL;
END $$
"""
CASH_TRIGGER = """
CREATE TRIGGER journal_lines_fund_cash AFTER INSERT ON journal_lines
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fund_cash_deltas_add()
"""
BACKFILL = """
INSERT INTO fund_cash (fund_id, cash)
SELECT f.id, coalesce(sum(l.debit - l.credit), 0)
FROM funds f LEFT JOIN journal_lines l ON l.fund_id = f.id AND l.account = 'cash'
GROUP BY f.id
"""


def upgrade() -> None:
    op.create_table(
        "fund_cash",
        sa.Column("fund_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("cash", MONEY, nullable=False),
        sa.ForeignKeyConstraint(["fund_id"], ["funds.id"], name=op.f("fk_fund_cash_fund_id_funds")),
        sa.PrimaryKeyConstraint("fund_id", name=op.f("pk_fund_cash")),
    )
    op.create_table(
        "fund_cash_deltas",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("fund_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fund_cash_deltas")),
    )
    op.create_index(
        op.f("ix_fund_cash_deltas_fund_id"), "fund_cash_deltas", ["fund_id"], unique=False
    )
    # The lines are taken as they are now: no delta may come between the sum and the trigger.
    op.execute("LOCK TABLE journal_lines IN SHARE MODE")
    op.execute(CASH)
    op.execute(CASH_TRIGGER)
    op.execute(BACKFILL)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS journal_lines_fund_cash ON journal_lines")
    op.execute("DROP FUNCTION IF EXISTS fund_cash_deltas_add()")
    op.drop_index(op.f("ix_fund_cash_deltas_fund_id"), table_name="fund_cash_deltas")
    op.drop_table("fund_cash_deltas")
    op.drop_table("fund_cash")
