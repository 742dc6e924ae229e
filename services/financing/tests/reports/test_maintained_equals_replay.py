"""The maintained state equals a full replay after a randomized history: every loan's
``loan_accounts`` row, its installment balances and its transactions' allocations are what
replaying every transaction from scratch gives, whatever commands and end-of-day runs got them
there (backdated repayments, reversals, fees, write-offs, recoveries, reschedules)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import text

from financing.rebuild import rebuild

from .groups import group_differences
from .history import build
from .maintained import maintained_differences


@pytest.mark.parametrize("seed", [7, 2026])
async def test_maintained_state_equals_a_full_replay_after_a_random_history(
    app: Any, client: httpx.AsyncClient, tokens: Any, bank: Any, seed: int
) -> None:
    history = await build(app, client, tokens, bank, seed)
    # The history did what it is meant to: late loans, backdating, reversals.
    assert sum(d.startswith("repay") for d in history.done) > 10, history.done
    assert "reverse" in history.done, history.done
    assert await maintained_differences(app, history.fund.id) == []
    # And the portfolio's groups the triggers kept along the way equal a recount.
    assert await group_differences(app, history.fund.id) == []


async def test_the_rebuild_fills_the_maintained_state_from_a_replay(
    app: Any, client: httpx.AsyncClient, tokens: Any, bank: Any
) -> None:
    """A database with loans from before the maintained state (or a damaged one): the rebuild
    replays every loan and writes what the commands would have."""
    history = await build(app, client, tokens, bank, seed=11, steps=12)
    async with app.state.sessionmaker() as session:
        fund = {"f": history.fund.id}
        await session.execute(
            text("DELETE FROM loan_installment_balances WHERE fund_id = :f"), fund
        )
        await session.execute(
            text(
                "UPDATE loan_accounts SET arrears_from = NULL, next_due_date = NULL, "
                "fee_outstanding = 0, overdue_principal = 0, written_off_on = NULL, "
                "live_transactions = 0, live_hash = 0 "
                "WHERE fund_id = :f"
            ),
            fund,
        )
        await session.execute(
            text("UPDATE loan_transactions SET alloc_principal = 0 WHERE fund_id = :f"), fund
        )
        await session.commit()
    assert await maintained_differences(app, history.fund.id) != []
    await rebuild(app.state.sessionmaker)
    assert await maintained_differences(app, history.fund.id) == []
