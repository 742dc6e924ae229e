"""fund report summaries kept by triggers: ledger per day, owed per due date, flows per day

Statement-level triggers (transition tables) add each statement's change to the summaries in
its own transaction; the summaries start from what the rows already hold.

Revision ID: 9c4b2f61a8d3
Revises: 7d1e5a2c9b40
Create Date: 2026-12-03 00:30:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = "9c4b2f61a8d3"
down_revision: str | Sequence[str] | None = "7d1e5a2c9b40"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MONEY = sa.Numeric(20, 2)
SHARD = "(pg_backend_pid() % 16)::smallint"


def _table(name: str, keys: Sequence[sa.Column], columns: Sequence[str]) -> None:
    op.create_table(
        name,
        sa.Column("fund_id", postgresql.UUID(as_uuid=True), nullable=False),
        *keys,
        sa.Column("shard", sa.SmallInteger(), nullable=False),
        *[sa.Column(c, MONEY, nullable=False) for c in columns],
        sa.ForeignKeyConstraint(["fund_id"], ["funds.id"]),
        sa.PrimaryKeyConstraint("fund_id", *(k.name for k in keys), "shard"),
    )


# journal_lines are append-only: inserts only.
# Every SQL text here is built from this file's constants only (no input): S608 does not apply.
LEDGER = f"""
CREATE FUNCTION fund_ledger_days_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO fund_ledger_days AS d (fund_id, entry_date, account, shard, debit, credit)
    SELECT n.fund_id, e.entry_date, n.account, {SHARD}, sum(n.debit), sum(n.credit)
    FROM new_rows n JOIN journal_entries e ON e.id = n.entry_id
    GROUP BY n.fund_id, e.entry_date, n.account
    ORDER BY n.fund_id, e.entry_date, n.account
    ON CONFLICT (fund_id, entry_date, account, shard) DO UPDATE
        SET debit = d.debit + EXCLUDED.debit, credit = d.credit + EXCLUDED.credit;
    RETURN NULL;
END $$
"""  # noqa: S608
LEDGER_TRIGGER = """
CREATE TRIGGER journal_lines_ledger_days AFTER INSERT ON journal_lines
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fund_ledger_days_add()
"""

FLOW_ROWS = """
    SELECT fund_id, value_date,
        CASE WHEN kind = 'disbursement' THEN amount ELSE 0 END AS disbursed,
        CASE WHEN kind = 'disbursement' THEN 0 ELSE amount END AS repaid,
        alloc_principal AS principal_repaid, alloc_interest AS interest_received,
        alloc_penalty + alloc_fee AS charges_received, alloc_recovered AS recovered
    FROM {rows}
    WHERE reversed_at IS NULL AND kind IN ('disbursement', 'repayment', 'payoff', 'recovery')
"""
FLOW_NEG = """
    SELECT fund_id, value_date, -disbursed AS disbursed, -repaid AS repaid,
        -principal_repaid AS principal_repaid, -interest_received AS interest_received,
        -charges_received AS charges_received, -recovered AS recovered FROM ({rows}) o
"""


def _summary_function(
    name: str, table: str, key: str, columns: Sequence[str], body: dict[str, str]
) -> str:
    sums = ", ".join(f"sum({c})" for c in columns)
    sets = ", ".join(f"{c} = s.{c} + EXCLUDED.{c}" for c in columns)
    nonzero = " OR ".join(f"sum({c}) <> 0" for c in columns)

    def upsert(rows: str) -> str:
        return f"""
        INSERT INTO {table} AS s (fund_id, {key}, shard, {", ".join(columns)})
        SELECT fund_id, {key}, {SHARD}, {sums} FROM ({rows}) r
        GROUP BY fund_id, {key} HAVING {nonzero}
        ORDER BY fund_id, {key}
        ON CONFLICT (fund_id, {key}, shard) DO UPDATE SET {sets};"""  # noqa: S608

    return f"""
CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN {upsert(body["INSERT"])}
    ELSIF TG_OP = 'UPDATE' THEN {upsert(body["UPDATE"])}
    ELSE {upsert(body["DELETE"])}
    END IF;
    RETURN NULL;
END $$
"""


def _triggers(table: str, function: str) -> None:
    for statement in (
        f"CREATE TRIGGER {table}_{op_.lower()}_summary AFTER {op_} ON {table} "
        f"REFERENCING {refs} FOR EACH STATEMENT EXECUTE FUNCTION {function}();"
        for op_, refs in (
            ("INSERT", "NEW TABLE AS new_rows"),
            ("UPDATE", "NEW TABLE AS new_rows OLD TABLE AS old_rows"),
            ("DELETE", "OLD TABLE AS old_rows"),
        )
    ):
        op.execute(statement)


DUE_COLUMNS = ("principal", "interest", "charges")
FLOW_COLUMNS = (
    "disbursed",
    "repaid",
    "principal_repaid",
    "interest_received",
    "charges_received",
    "recovered",
)


def upgrade() -> None:
    _table(
        "fund_ledger_days",
        [
            sa.Column("entry_date", sa.Date(), nullable=False),
            sa.Column("account", sa.String(length=40), nullable=False),
        ],
        ("debit", "credit"),
    )
    _table("fund_due_dates", [sa.Column("due_date", sa.Date(), nullable=False)], DUE_COLUMNS)
    _table("fund_flow_days", [sa.Column("value_date", sa.Date(), nullable=False)], FLOW_COLUMNS)
    op.execute(LEDGER)
    op.execute(LEDGER_TRIGGER)
    # A changed row counts as minus its old figures plus its new ones.
    due_new = (
        "SELECT fund_id, due_date, principal, interest, penalty + fee AS charges FROM new_rows"
    )
    due_old = (
        "SELECT fund_id, due_date, -principal AS principal, -interest AS interest, "
        "-(penalty + fee) AS charges FROM old_rows"
    )
    op.execute(
        _summary_function(
            "fund_due_dates_add",
            "fund_due_dates",
            "due_date",
            DUE_COLUMNS,
            {"INSERT": due_new, "UPDATE": f"{due_new} UNION ALL {due_old}", "DELETE": due_old},
        )
    )
    _triggers("loan_installment_balances", "fund_due_dates_add")
    flow_new = FLOW_ROWS.format(rows="new_rows")
    flow_old = FLOW_NEG.format(rows=FLOW_ROWS.format(rows="old_rows"))
    op.execute(
        _summary_function(
            "fund_flow_days_add",
            "fund_flow_days",
            "value_date",
            FLOW_COLUMNS,
            {"INSERT": flow_new, "UPDATE": f"{flow_new} UNION ALL {flow_old}", "DELETE": flow_old},
        )
    )
    _triggers("loan_transactions", "fund_flow_days_add")
    # What the rows already hold (shard 0).
    op.execute(
        "INSERT INTO fund_ledger_days (fund_id, entry_date, account, shard, debit, credit) "
        "SELECT l.fund_id, e.entry_date, l.account, 0, sum(l.debit), sum(l.credit) "
        "FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id "
        "GROUP BY l.fund_id, e.entry_date, l.account"
    )
    op.execute(
        "INSERT INTO fund_due_dates (fund_id, due_date, shard, principal, interest, charges) "
        "SELECT fund_id, due_date, 0, sum(principal), sum(interest), sum(penalty + fee) "
        "FROM loan_installment_balances GROUP BY fund_id, due_date"
    )
    op.execute(
        f"INSERT INTO fund_flow_days (fund_id, value_date, shard, {', '.join(FLOW_COLUMNS)}) "  # noqa: S608
        f"SELECT fund_id, value_date, 0, {', '.join(f'sum({c})' for c in FLOW_COLUMNS)} "
        f"FROM ({FLOW_ROWS.format(rows='loan_transactions')}) r GROUP BY fund_id, value_date"
    )


def downgrade() -> None:
    for table in ("loan_installment_balances", "loan_transactions"):
        for op_ in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_{op_}_summary ON {table}")
    op.execute("DROP TRIGGER IF EXISTS journal_lines_ledger_days ON journal_lines")
    for function in ("fund_ledger_days_add", "fund_due_dates_add", "fund_flow_days_add"):
        op.execute(f"DROP FUNCTION IF EXISTS {function}()")
    for table in ("fund_flow_days", "fund_due_dates", "fund_ledger_days"):
        op.drop_table(table)
