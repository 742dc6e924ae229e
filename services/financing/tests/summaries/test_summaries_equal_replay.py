"""The financing summaries summed in SQL from the maintained state equal the summaries replayed
from every loan's transactions (``summaries.replayed``), for every cooperative, at points along a
randomized history (backdated repayments, reversals, fees, write-offs, recoveries, reschedules,
end of day in between) and with several loans to one cooperative."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from financing.summaries import replayed, service
from financing.summaries.repository import SummaryRepository

from ..reports.history import History, build


async def _differences(app: Any, fund_id: uuid.UUID) -> list[str]:
    async with app.state.sessionmaker() as session:
        ids = list(
            (
                await session.scalars(
                    text("SELECT DISTINCT cooperative_id FROM loans WHERE fund_id = :f"),
                    {"f": fund_id},
                )
            ).all()
        )
        assert ids
        repo = SummaryRepository(session)
        summed = await service.summaries(repo, ids)
        replays = await replayed.summaries(repo, ids)
    return [f"{s!r} != {r!r}" for s, r in zip(summed, replays, strict=True) if s != r]


@pytest.mark.parametrize("seed", [7, 2026])
async def test_summaries_equal_a_full_replay_after_a_random_history(
    app: Any, client: httpx.AsyncClient, tokens: Any, bank: Any, seed: int
) -> None:
    seen: list[list[str]] = []

    async def checkpoint(history: History) -> None:
        seen.append(await _differences(app, history.fund.id))

    history = await build(app, client, tokens, bank, seed, checkpoint=checkpoint)
    assert "reverse" in history.done and "write-off" in history.done, history.done
    assert sum(d.startswith("repay") for d in history.done) > 10, history.done
    assert seen and all(d == [] for d in seen), seen
    # Several loans to one cooperative (a reschedule's successor may land on another).
    async with app.state.sessionmaker() as session:
        coops = [uuid.uuid4(), uuid.uuid4()]
        await session.execute(
            text(
                "UPDATE loans SET cooperative_id = (CAST(:c AS uuid[]))[1 + (abs(hashtext("
                "id::text)) % 2)] WHERE fund_id = :f"
            ),
            {"c": coops, "f": history.fund.id},
        )
        await session.commit()
        repo = SummaryRepository(session)
        summed = await service.summaries(repo, coops)
    assert await _differences(app, history.fund.id) == []
    # The record is not empty: installments fell due, some late (``test_summaries`` holds the
    # on-time count to hand-made histories).
    assert sum(s.installments_due for s in summed) > 0, summed
    assert any(s.worst_collectibility and s.worst_collectibility > 1 for s in summed), summed
