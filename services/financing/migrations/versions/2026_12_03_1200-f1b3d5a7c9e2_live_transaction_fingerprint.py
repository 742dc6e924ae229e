"""the fingerprint of each loan's live transactions, kept on its account for the month ends

``loan_accounts.live_transactions`` and ``.live_hash``: how many non-reversed transactions the
loan has and the sum (mod 2**60) of the first 60 bits of the md5 of each one's id, written by
every command's refresh and moved on by end of day's penalty in the same statement. End of day's
month-end row takes its digest from them (one account row a loan) instead of an md5 over the
``seq`` of every transaction of the loan (about 230 rows a loan read at random: 524 s for a
month end at 100,000 loans). ``loan_month_ends.digest`` changes to the same fingerprint
(``count:hash`` in hex), so a backdated change is still found by comparing it with the replay's.

Backfill, set-based: the accounts from one grouped scan of the transactions; each month-end row
whose old md5 still matches its transactions gets the fingerprint of the same transactions (one
join of the month ends with their loans' transactions, once). A row the old digest said was stale
keeps it: it never equals a fingerprint, so the loan's next command rewrites it from a replay, as
before. No rebuild needed.

Revision ID: f1b3d5a7c9e2
Revises: c8e2a4f6b1d7
Create Date: 2026-12-03 12:00:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "f1b3d5a7c9e2"
down_revision: str | Sequence[str] | None = "c8e2a4f6b1d7"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As ``financing.loans.month_ends`` (HASH_MODULUS, transaction_hash_sql), fixed here.
MODULUS = 2**60
HASH = "CAST(CAST('x' || substr(md5(CAST(t.id AS text)), 1, 15) AS bit(60)) AS bigint)"
FINGERPRINT = "CAST(f.n AS text) || ':' || lpad(to_hex(f.h), 15, '0')"

# Each month-end row with its transactions' old digest (md5 of their seqs in order) and their
# fingerprint (count, hash sum).
MONTH_END_DIGESTS = f"""
    SELECT e.loan_id, e.month_end,
        md5(coalesce(string_agg(CAST(t.seq AS text), ',' ORDER BY t.seq), '')) AS old,
        count(t.id) AS n, CAST(coalesce(mod(sum({HASH}), {MODULUS}), 0) AS bigint) AS h
    FROM loan_month_ends e
    LEFT JOIN loan_transactions t ON t.loan_id = e.loan_id AND t.reversed_at IS NULL
        AND t.value_date <= e.month_end
    GROUP BY e.loan_id, e.month_end
"""  # noqa: S608 (constants of this module only)


# The backfill (``tests/reports/test_month_end_fingerprint.py`` runs these on a history).
BACKFILL = [
    f"""
    UPDATE loan_accounts a SET live_transactions = f.n, live_hash = f.h
    FROM (
        SELECT t.loan_id, count(*) AS n, CAST(mod(sum({HASH}), {MODULUS}) AS bigint) AS h
        FROM loan_transactions t WHERE t.reversed_at IS NULL GROUP BY t.loan_id
    ) f
    WHERE a.loan_id = f.loan_id
    """,  # noqa: S608
    f"""
    UPDATE loan_month_ends m SET digest = {FINGERPRINT}
    FROM ({MONTH_END_DIGESTS}) f
    WHERE m.loan_id = f.loan_id AND m.month_end = f.month_end AND m.digest = f.old
    """,  # noqa: S608
]
# Month-end rows back to the old digest (those whose fingerprint is still current).
RESTORE = f"""
    UPDATE loan_month_ends m SET digest = f.old
    FROM ({MONTH_END_DIGESTS}) f
    WHERE m.loan_id = f.loan_id AND m.month_end = f.month_end AND m.digest = {FINGERPRINT}
"""  # noqa: S608


def upgrade() -> None:
    op.add_column(
        "loan_accounts",
        sa.Column("live_transactions", sa.Integer(), server_default=sa.text("0"), nullable=False),
    )
    op.add_column(
        "loan_accounts",
        sa.Column("live_hash", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
    )
    op.execute("SET LOCAL work_mem = '256MB'")
    for statement in BACKFILL:
        op.execute(statement)


def downgrade() -> None:
    op.execute(RESTORE)
    op.drop_column("loan_accounts", "live_hash")
    op.drop_column("loan_accounts", "live_transactions")
