"""The fund reports read from maintained rows and summaries equal the same reports computed by
replaying every loan and summing every journal line (``financing.reports.replayed``, the way
they were computed before), after a randomized history: backdated repayments, reversals, fees,
write-offs, recoveries and reschedules, with end of day in between. The portfolio's groups
(``fund_portfolio_groups``, kept by triggers) are also held, key by key (arrears date included),
to a recount of the open loans' accounts, so a drift shows even where it would cancel out in a
class total; and days closed without a command change no group while the classes still age."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from financing.arrears.ageing import Collectibility
from financing.loans.repository import LoanRepository
from financing.reports import replayed, service

from ..loans.conftest import START, eod
from .groups import group_differences, kept_rows
from .history import History, build


@pytest.mark.parametrize("seed", [3, 41])
async def test_reports_equal_a_full_replay_after_a_random_history(
    app: Any, client: httpx.AsyncClient, tokens: Any, bank: Any, seed: int
) -> None:
    seen: list[tuple[int, int]] = []

    async def check(history: History) -> None:
        """On the way: the default portfolio and the forecast equal the replay's."""
        async with app.state.sessionmaker() as session:
            repo = LoanRepository(session)
            fund_id = history.fund.id
            got = await service.portfolio_report(session, fund_id, date_from=None, date_to=None)
            want = await replayed.portfolio_report(
                session, repo, fund_id, date_from=None, date_to=None
            )
            assert got == want, history.today
            assert await group_differences(app, fund_id) == [], history.today
            forecast = await service.cash_forecast(session, fund_id, months=6)
            assert forecast == await replayed.cash_forecast(session, repo, fund_id, months=6)
            seen.append(
                (
                    want.portfolio.by_class[Collectibility.lancar].loans,
                    sum(b.loans for c, b in want.portfolio.by_class.items() if c > 1),
                )
            )

    history = await build(app, client, tokens, bank, seed, checkpoint=check)
    # Checked often, with current loans and loans in arrears among them.
    assert len(seen) >= 5 and any(current and late for current, late in seen), seen
    fund_id = history.fund.id
    today = history.today
    periods: list[tuple[date | None, date | None]] = [
        (None, None),
        (START, today),
        (START + timedelta(days=20), START + timedelta(days=75)),
        (today - timedelta(days=3), today),
    ]
    async with app.state.sessionmaker() as session:
        repo = LoanRepository(session)
        for start, end in periods:
            got = await service.portfolio_report(session, fund_id, date_from=start, date_to=end)
            want = await replayed.portfolio_report(
                session, repo, fund_id, date_from=start, date_to=end
            )
            assert got == want, (start, end)
        # The comparison is about something: loans in arrears, money that moved.
        assert want.portfolio.total.loans > 0
        assert sum(b.loans for c, b in want.portfolio.by_class.items() if c > 1) > 0
        full = await replayed.portfolio_report(
            session, repo, fund_id, date_from=START, date_to=today
        )
        assert full.flows.repaid > 0 and full.flows.principal_repaid > 0
        for months in (1, 12, 30):
            got_forecast = await service.cash_forecast(session, fund_id, months=months)
            want_forecast = await replayed.cash_forecast(session, repo, fund_id, months=months)
            assert got_forecast == want_forecast, months
        assert want_forecast.forecast.overdue.total > 0
        for step, first in (("month", START - timedelta(days=10)), ("day", today - timedelta(40))):
            got_points = await service.position_history(
                session, fund_id, date_from=first, date_to=today, step=step
            )
            want_points = await replayed.position_history(
                session, fund_id, date_from=first, date_to=today, step=step
            )
            assert got_points == want_points, step

    # And the routes answer what the service computes.
    resp = await client.get(f"/v1/funds/{fund_id}/portfolio", headers=tokens.officer)
    assert resp.status_code == 200, resp.text
    assert resp.json()["total"]["loans"] == want.portfolio.total.loans
    resp = await client.get(f"/v1/funds/{fund_id}/cash-forecast", headers=tokens.officer)
    assert resp.status_code == 200, resp.text
    assert resp.json()["overdue"]["total"] == str(want_forecast.forecast.overdue.total)

    # The groups as kept equal a recount, and days closed without a command rewrite none of
    # them: the portfolio ages them on the business date it is read on, as the replay does.
    assert await group_differences(app, fund_id) == []
    before = await kept_rows(app, fund_id)
    assert before
    for days in (1, 30, 95):
        await eod(client, tokens, history.fund, today + timedelta(days=days - 1))
        assert await kept_rows(app, fund_id) == before, days
        async with app.state.sessionmaker() as session:
            repo = LoanRepository(session)
            got = await service.portfolio_report(session, fund_id, date_from=None, date_to=None)
            want = await replayed.portfolio_report(
                session, repo, fund_id, date_from=None, date_to=None
            )
            assert got == want, days
    assert sum(b.loans for c, b in want.portfolio.by_class.items() if c > 2) > 0
