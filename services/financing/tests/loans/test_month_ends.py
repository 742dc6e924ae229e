"""A loan's month-end row written by end of day on a month's last day, then made stale by a
command valued that same day (end of day's run under way, or stopped half way and resumed past
the loan's chunk): the command rewrites it, as it does a row of an earlier month."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from financing.arrears.repository import snapshot_month_end
from financing.loans.models import LoanMonthEnd

from ..reports.maintained import maintained_differences
from .conftest import eod, make_fund, signed_loan

LAST = uuid.UUID(int=2**128 - 1)


async def test_a_command_on_the_last_day_rewrites_the_row_end_of_day_wrote(
    app, client, tokens, fake_registry
) -> None:
    fund = await make_fund(client, tokens, "100000000.00")
    loan = await signed_loan(app, fund)
    resp = await client.post(
        f"/v1/loans/{loan}/disbursements", json={"amount": "12000000.00"}, headers=tokens.officer
    )
    assert resp.status_code == 201, resp.text
    month_end = date(2026, 3, 31)
    await eod(client, tokens, fund, date(2026, 3, 30))  # the business date is now 03-31
    # End of day for 03-31 has written this loan's chunk's month end, and not finished.
    async with app.state.sessionmaker() as session:
        await snapshot_month_end(session, fund_id=fund.id, day=month_end, after=None, last=LAST)
        await session.commit()
    assert await maintained_differences(app, fund.id) == []
    before = await _digest(app, loan, month_end)

    resp = await client.post(
        f"/v1/loans/{loan}/repayments",
        json={"amount": "3000000.00", "external_reference": "BRI-0331"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    assert await maintained_differences(app, fund.id) == []
    # One transaction more in the row's fingerprint: the repayment.
    after = await _digest(app, loan, month_end)
    assert int(after.split(":")[0]) == int(before.split(":")[0]) + 1


async def _digest(app, loan: uuid.UUID, month_end: date) -> str:
    async with app.state.sessionmaker() as session:
        row = await session.scalar(
            select(LoanMonthEnd).where(
                LoanMonthEnd.loan_id == loan, LoanMonthEnd.month_end == month_end
            )
        )
    assert row is not None
    return row.digest
