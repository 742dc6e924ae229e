"""The NPL trend (read from the loans' month ends and maintained accounts) and the installments
due soon (read from the maintained installment balances) equal the same figures computed by
replaying every loan (``financing.reports.replayed``), at checkpoints of a randomized history
with backdated repayments across month ends, reversals, write-offs and reschedules; and the
rebuild writes the month ends a database from before them lacks."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from financing.queues import service as queues
from financing.rebuild import rebuild
from financing.reports import replayed
from financing.trends import service as trends

from ..loans.conftest import START
from .history import History, build


async def same_as_replay(app: Any, history: History) -> tuple[int, int]:
    """Assert equality; answer (months with loans in class 2 or worse, installments due)."""
    fund_id = history.fund.id
    async with app.state.sessionmaker() as session:
        kwargs: dict[str, Any] = {
            "date_from": date(START.year, START.month, 1),
            "date_to": None,
            "product_id": None,
            "province_code": None,
        }
        got = await trends.npl_trend(session, fund_id, **kwargs)
        want = await replayed.npl_trend(session, fund_id, **kwargs)
        assert got == want, history.today
        for province in ("33", "35"):
            narrowed = {**kwargs, "province_code": province}
            assert await trends.npl_trend(session, fund_id, **narrowed) == (
                await replayed.npl_trend(session, fund_id, **narrowed)
            ), province
        due = await queues.due_soon(session, fund_id, 31)
        assert due == await replayed.due_soon(session, fund_id, 31), history.today
    late = sum(1 for m in want if any(m.by_class[c] > 0 for c in (2, 3, 4, 5)))
    return late, len(due[2])


@pytest.mark.parametrize("seed", [5, 77])
async def test_trend_and_due_soon_equal_a_full_replay(
    app: Any, client: httpx.AsyncClient, tokens: Any, bank: Any, seed: int
) -> None:
    seen: list[tuple[int, int]] = []

    async def check(history: History) -> None:
        seen.append(await same_as_replay(app, history))

    history = await build(app, client, tokens, bank, seed, checkpoint=check)
    seen.append(await same_as_replay(app, history))
    # About something: months in arrears, installments due, history over several months.
    assert any(late for late, _ in seen) and any(due for _, due in seen), seen
    assert (history.today - START).days > 120
    assert any(d.startswith("repay") and d != f"repay {history.today}" for d in history.done)


async def test_the_rebuild_writes_missing_month_ends(
    app: Any, client: httpx.AsyncClient, tokens: Any, bank: Any
) -> None:
    history = await build(app, client, tokens, bank, seed=13, steps=20)
    async with app.state.sessionmaker() as session:
        await session.execute(
            text("DELETE FROM loan_month_ends WHERE fund_id = :f"), {"f": history.fund.id}
        )
        await session.commit()
    with pytest.raises(AssertionError):
        await same_as_replay(app, history)
    await rebuild(app.state.sessionmaker)
    await same_as_replay(app, history)
