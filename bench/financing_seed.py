"""A fund at national size for the financing scale bench: clones of template loans, by SQL.

The templates are loans the real API built (disbursement, a year of repayments, end of day
every day), so every row a clone gets is one the services wrote: the loan, its maintained
account and installment balances, its transactions with their allocation columns, and its
journal entries and lines (the account's fingerprint of the live transactions then recomputed
from the clone's own transaction ids). Each batch of clones is one transaction of ``INSERT ...
SELECT`` statements, one per table, with fresh ids mapped in temporary tables (a clone's
transactions point at its own journal entries). The batch runs with ``session_replication_role
= replica``: no foreign-key check per row (the rows are copies of rows that passed them) and no
summary trigger per statement; the fund's summaries (per day, the portfolio's groups, its cash)
are then recomputed from the rows in one statement each, as the migrations that introduced them
do. ``verify`` holds the result against the replay oracle.
"""

from __future__ import annotations

import os
import random
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text

from financing.loans.fingerprint import HASH_MODULUS, transaction_hash_sql

# Loans cloned per transaction.
BATCH = 5_000
# From this many clones at once, the transactions' indexes are dropped before and built again
# after (a sorted build instead of millions of random inserts into six B-trees).
REBUILD_FROM = 20_000

# Column -> expression for the columns a clone changes (``x`` the template's row, ``m`` the
# clone map: old and new loan id; ``e``, ``r``, ``je``, ``re`` entry maps).
TABLES: list[tuple[str, dict[str, str], str, str]] = [
    ("loans", {"id": "m.new"}, "JOIN clone_map m ON m.old = x.id", ""),
    ("loan_accounts", {"loan_id": "m.new"}, "JOIN clone_map m ON m.old = x.loan_id", ""),
    (
        "loan_installment_balances",
        {"loan_id": "m.new"},
        "JOIN clone_map m ON m.old = x.loan_id",
        "",
    ),
    (
        "journal_entries",
        {"id": "e.new", "loan_id": "e.loan", "reverses_entry_id": "r.new"},
        "JOIN entry_map e ON e.old = x.id "
        "LEFT JOIN entry_map r ON r.old = x.reverses_entry_id AND r.loan = e.loan",
        " ORDER BY x.created_at",
    ),
    (
        "journal_lines",
        {
            "id": "gen_random_uuid()",
            "entry_id": "e.new",
            "loan_id": "CASE WHEN x.loan_id IS NULL THEN NULL ELSE e.loan END",
        },
        "JOIN entry_map e ON e.old = x.entry_id",
        "",
    ),
    (
        "loan_transactions",
        {
            "id": "gen_random_uuid()",
            "loan_id": "m.new",
            "journal_entry_id": "je.new",
            "reversal_entry_id": "re.new",
        },
        "JOIN clone_map m ON m.old = x.loan_id "
        "LEFT JOIN entry_map je ON je.old = x.journal_entry_id AND je.loan = m.new "
        "LEFT JOIN entry_map re ON re.old = x.reversal_entry_id AND re.loan = m.new",
        # Template order: a loan's transactions keep their order (seq is assigned anew).
        " ORDER BY x.seq",
    ),
]

LIVE_FINGERPRINTS = (
    "UPDATE loan_accounts a SET live_transactions = f.n, live_hash = f.h FROM ("
    f"SELECT t.loan_id, count(*) AS n, CAST(mod(sum({transaction_hash_sql('t.id')}), "
    f"{HASH_MODULUS}) AS bigint) AS h FROM loan_transactions t "
    "JOIN clone_map m ON m.new = t.loan_id WHERE t.reversed_at IS NULL GROUP BY t.loan_id) f "
    "WHERE a.loan_id = f.loan_id"
)

FLOWS = (
    "disbursed",
    "repaid",
    "principal_repaid",
    "interest_received",
    "charges_received",
    "recovered",
)
# The fund's summaries from its rows (shard 0), as migrations 9c4b2f61a8d3 and 5a7c9e1b3d20
# start them.
SUMMARIES = [
    "DELETE FROM fund_ledger_days WHERE fund_id = :f",
    "INSERT INTO fund_ledger_days (fund_id, entry_date, account, shard, debit, credit) "
    "SELECT l.fund_id, e.entry_date, l.account, 0, sum(l.debit), sum(l.credit) "
    "FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id WHERE l.fund_id = :f "
    "GROUP BY l.fund_id, e.entry_date, l.account",
    "DELETE FROM fund_due_dates WHERE fund_id = :f",
    "INSERT INTO fund_due_dates (fund_id, due_date, shard, principal, interest, charges) "
    "SELECT fund_id, due_date, 0, sum(principal), sum(interest), sum(penalty + fee) "
    "FROM loan_installment_balances WHERE fund_id = :f GROUP BY fund_id, due_date",
    "DELETE FROM fund_flow_days WHERE fund_id = :f",
    f"INSERT INTO fund_flow_days (fund_id, value_date, shard, {', '.join(FLOWS)}) "
    f"SELECT fund_id, value_date, 0, {', '.join(f'sum({c})' for c in FLOWS)} FROM ("
    "SELECT fund_id, value_date, "
    "CASE WHEN kind = 'disbursement' THEN amount ELSE 0 END AS disbursed, "
    "CASE WHEN kind = 'disbursement' THEN 0 ELSE amount END AS repaid, "
    "alloc_principal AS principal_repaid, alloc_interest AS interest_received, "
    "alloc_penalty + alloc_fee AS charges_received, alloc_recovered AS recovered "
    "FROM loan_transactions WHERE fund_id = :f AND reversed_at IS NULL "
    "AND kind IN ('disbursement', 'repayment', 'payoff', 'recovery')) r "
    "GROUP BY fund_id, value_date",
    # The fund's maintained cash, as migration d2f4b6a8c0e1 starts it.
    "DELETE FROM fund_cash_deltas WHERE fund_id = :f",
    "INSERT INTO fund_cash (fund_id, cash) SELECT :f, coalesce(sum(debit - credit), 0) "
    "FROM journal_lines WHERE fund_id = :f AND account = 'cash' "
    "ON CONFLICT (fund_id) DO UPDATE SET cash = EXCLUDED.cash",
    # The portfolio's groups, as migration 5a7c9e1b3d20 starts them.
    "DELETE FROM fund_portfolio_groups WHERE fund_id = :f",
    "INSERT INTO fund_portfolio_groups (fund_id, product_id, province_code, arrears_from, "
    "tolerance_days, shard, loans, outstanding) "
    "SELECT a.fund_id, l.product_id, l.province_code, "
    "coalesce(a.arrears_from, CAST('infinity' AS date)), l.arrears_tolerance_days, 0, count(*), "
    "sum(a.principal_outstanding) FROM loan_accounts a JOIN loans l ON l.id = a.loan_id "
    "WHERE a.fund_id = :f AND a.principal_outstanding > 0 "
    "AND l.status IN ('pending_disbursement', 'active', 'overpaid') "
    "GROUP BY 1, 2, 3, 4, 5",
]


async def columns(conn: Any, table: str) -> list[str]:
    rows = await conn.execute(
        text(
            "SELECT column_name FROM information_schema.columns WHERE table_name = :t "
            "ORDER BY ordinal_position"
        ),
        {"t": table},
    )
    return [r[0] for r in rows]


async def _indexes(app: Any, table: str) -> list[tuple[str, str, bool]]:
    """(name, definition, is a constraint) of the table's indexes."""
    async with app.state.sessionmaker() as session:
        rows = await session.execute(
            text(
                "SELECT i.relname, coalesce(pg_get_constraintdef(c.oid), pg_get_indexdef(i.oid)), "
                "c.oid IS NOT NULL FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                "LEFT JOIN pg_constraint c ON c.conindid = i.oid AND c.conrelid = x.indrelid "
                "WHERE x.indrelid = CAST(:t AS regclass)"
            ),
            {"t": table},
        )
        return [(r[0], r[1], r[2]) for r in rows]


async def _ddl(app: Any, statements: list[str]) -> None:
    async with app.state.sessionmaker() as session:
        conn = await session.connection()
        await conn.execute(text("SET LOCAL statement_timeout = 0"))
        await conn.execute(text("SET LOCAL maintenance_work_mem = '1GB'"))
        for statement in statements:
            await conn.execute(text(statement))
        await session.commit()


async def clone(app: Any, fund_id: uuid.UUID, templates: list[uuid.UUID], copies: int) -> float:
    """``copies`` more of each template loan, ``BATCH`` loans a transaction; then the fund's
    summaries recomputed and the tables analysed. Answers seconds."""
    t0 = time.perf_counter()
    indexes: list[tuple[str, str, bool]] = []
    if copies * len(templates) >= REBUILD_FROM:
        indexes = await _indexes(app, "loan_transactions")
        await _ddl(
            app,
            [
                f"ALTER TABLE loan_transactions DROP CONSTRAINT {name}"
                if constraint
                else f"DROP INDEX {name}"
                for name, _, constraint in indexes
            ],
        )
    per_batch = max(BATCH // len(templates), 1)
    done = 0
    while done < copies:
        k = min(per_batch, copies - done)
        async with app.state.sessionmaker() as session:
            conn = await session.connection()
            for setting in (
                "statement_timeout = 0",  # a bulk copy, not a request
                "session_replication_role = replica",
                "synchronous_commit = off",
                "work_mem = '256MB'",
            ):
                await conn.execute(text(f"SET LOCAL {setting}"))
            await conn.execute(text("DROP TABLE IF EXISTS clone_map, entry_map"))
            await conn.execute(
                text(
                    "CREATE TEMP TABLE clone_map ON COMMIT DROP AS "
                    "SELECT t.id AS old, gen_random_uuid() AS new "
                    "FROM unnest(CAST(:t AS uuid[])) t(id), generate_series(1, :k)"
                ),
                {"t": templates, "k": k},
            )
            await conn.execute(
                text(
                    "CREATE TEMP TABLE entry_map ON COMMIT DROP AS "
                    "SELECT e.id AS old, m.new AS loan, gen_random_uuid() AS new "
                    "FROM journal_entries e JOIN clone_map m ON m.old = e.loan_id"
                )
            )
            await conn.execute(text("CREATE INDEX ON entry_map (old, loan)"))
            await conn.execute(text("ANALYZE clone_map"))
            await conn.execute(text("ANALYZE entry_map"))
            for table, fresh, joins, order in TABLES:
                cols = [c for c in await columns(conn, table) if c != "seq"]
                select = ", ".join(fresh.get(c, f"x.{c}") for c in cols)
                await conn.execute(
                    text(
                        f"INSERT INTO {table} ({', '.join(cols)}) "
                        f"SELECT {select} FROM {table} x {joins}{order}"
                    )
                )
            # The fingerprint of a clone's live transactions is of its own transactions' ids.
            await conn.execute(text(LIVE_FINGERPRINTS))
            await session.commit()
        done += k
    await _ddl(
        app,
        [
            f"ALTER TABLE loan_transactions ADD CONSTRAINT {name} {definition}"
            if constraint
            else definition
            for name, definition, constraint in indexes
        ],
    )
    async with app.state.sessionmaker() as session:
        conn = await session.connection()
        await conn.execute(text("SET LOCAL statement_timeout = 0"))
        for statement in SUMMARIES:
            await conn.execute(text(statement), {"f": fund_id})
        await session.commit()
    async with app.state.sessionmaker() as session:
        conn = await session.connection()
        await conn.execute(text("SET LOCAL statement_timeout = 0"))
        await conn.execute(text("ANALYZE"))
        await session.commit()
    return time.perf_counter() - t0


async def verify(app: Any, fund_id: uuid.UUID, sample: int, seed: int = 1) -> list[str]:
    """The replay oracle on ``sample`` loans drawn at random: their maintained account,
    installment balances and allocations equal a full replay of their transactions, and the
    ledger holds for each what the replay says it should. Answers the differences."""
    from tests.reports.maintained import maintained_differences

    from financing.loans.models import Loan
    from financing.loans.repository import LoanRepository
    from financing.loans.service import book_for, expected_balances
    from financing.replay.engine import ZERO

    async with app.state.sessionmaker() as session:
        ids = list(
            await session.scalars(
                text("SELECT id FROM loans WHERE fund_id = :f ORDER BY id"), {"f": fund_id}
            )
        )
    picked = random.Random(seed).sample(ids, min(sample, len(ids)))
    out = await maintained_differences(app, fund_id, loan_ids=picked)
    async with app.state.sessionmaker() as session:
        repo = LoanRepository(session)
        for loan_id in picked:
            loan = await session.get(Loan, loan_id)
            assert loan is not None
            position = (await book_for(repo, loan)).replay()
            booked = await repo.loan_ledger_sums(loan_id)
            for account, wanted in expected_balances(position).items():
                if booked.get(account.value, ZERO) != wanted:
                    out.append(f"{loan_id} ledger {account.value}: {booked} != {wanted}")
    return out


async def reports_equal_replay(app: Any, fund_id: uuid.UUID, start: date, end: date) -> list[str]:
    """The maintained portfolio, position history and cash forecast of the whole fund against
    the replayed ones (``financing.reports.replayed``): names of those that differ."""
    from financing.loans.repository import LoanRepository
    from financing.reports import replayed, service

    out = []
    async with app.state.sessionmaker() as session:
        repo = LoanRepository(session)
        if await service.portfolio_report(
            session, fund_id, date_from=None, date_to=None
        ) != await replayed.portfolio_report(session, repo, fund_id, date_from=None, date_to=None):
            out.append("portfolio")
        if await service.position_history(
            session, fund_id, date_from=start, date_to=end, step="month"
        ) != await replayed.position_history(
            session, fund_id, date_from=start, date_to=end, step="month"
        ):
            out.append("position history")
        if await service.cash_forecast(session, fund_id, months=6) != await replayed.cash_forecast(
            session, repo, fund_id, months=6
        ):
            out.append("cash forecast")
    return out


def _proc_cpu(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def cpu_now(app: Any) -> tuple[float, dict[int, float]]:
    """CPU seconds of this process, and of each Postgres backend connected to the bench's
    database (from /proc: the server runs on this machine)."""
    async with app.state.sessionmaker() as session:
        pids = list(
            await session.scalars(
                text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
            )
        )
    backends = {pid: cpu for pid in pids if (cpu := _proc_cpu(pid)) is not None}
    return time.process_time(), backends


def backend_cpu_spent(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU the backends spent between two ``cpu_now`` (a backend that started in between from
    zero)."""
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())
