"""The fingerprint of each loan's live transactions (``loans.fingerprint``) that end of day's
month-end rows take their digest from: the migration that introduced it fills it, and the
month ends' digests, from the rows alone (set-based), to what the replay says; a month end the
old digest said was stale stays stale (its loan's next command rewrites it)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
from sqlalchemy import text

from .history import build
from .maintained import maintained_differences

MIGRATION = next(
    (Path(__file__).resolve().parents[2] / "migrations" / "versions").glob(
        "*-f1b3d5a7c9e2_live_transaction_fingerprint.py"
    )
)


def migration() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fingerprint_migration", MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_the_migration_backfills_the_fingerprints_the_replay_gives(
    app: Any, client: httpx.AsyncClient, tokens: Any, bank: Any
) -> None:
    history = await build(app, client, tokens, bank, seed=13, steps=20)
    fund = {"f": history.fund.id}
    assert await maintained_differences(app, history.fund.id) == []
    steps = migration()
    async with app.state.sessionmaker() as session:
        months = await session.scalar(
            text("SELECT count(*) FROM loan_month_ends WHERE fund_id = :f"), fund
        )
        assert months and months > 3, months  # month ends to migrate
        # The database as it was before the migration: old digests, no fingerprint...
        await session.execute(text(steps.RESTORE))
        assert (
            await session.scalar(
                text(
                    "SELECT count(*) FROM loan_month_ends WHERE fund_id = :f AND digest LIKE '%:%'"
                ),
                fund,
            )
            == 0
        )
        await session.execute(
            text(
                "UPDATE loan_accounts SET live_transactions = 0, live_hash = 0 WHERE fund_id = :f"
            ),
            fund,
        )
        # ... and one month end a change made stale that no command has rewritten yet.
        stale = (
            await session.execute(
                text(
                    "UPDATE loan_month_ends SET digest = md5('stale') WHERE (loan_id, month_end) = "
                    "(SELECT loan_id, month_end FROM loan_month_ends WHERE fund_id = :f "
                    "ORDER BY loan_id, month_end LIMIT 1) RETURNING loan_id, month_end"
                ),
                fund,
            )
        ).one()
        await session.commit()
    assert await maintained_differences(app, history.fund.id) != []
    async with app.state.sessionmaker() as session:
        for statement in steps.BACKFILL:
            await session.execute(text(statement))
        await session.commit()
    differences = await maintained_differences(app, history.fund.id)
    assert len(differences) == 1, differences
    assert differences[0].startswith(f"{stale.loan_id} month end {stale.month_end}:")
