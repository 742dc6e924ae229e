"""End of day reminds about installments: due in 7 days and in 1 day (as of the new business
date), and overdue the day after their due date while unpaid; once each, however often end of
day runs, and nothing for an installment already paid."""

from __future__ import annotations

from datetime import date

from kopmod_shared.events import EventType
from kopmod_shared.testing_sql import statements as sql_statements

from ..loans.conftest import eod, events, make_fund, signed_loan


async def _disbursed(app, client, tokens, fund):  # type: ignore[no-untyped-def]
    loan_id = await signed_loan(app, fund, max_tranches=1)
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements", json={"amount": "12000000.00"}, headers=tokens.officer
    )
    assert resp.status_code == 201, resp.text
    return loan_id


async def test_due_soon_and_overdue_are_each_said_once(app, client, tokens, bank) -> None:
    fund = await make_fund(client, tokens, "24000000.00")
    loan_id = await _disbursed(app, client, tokens, fund)
    paid_early = await _disbursed(app, client, tokens, fund)
    # The other loan pays its first installment (flat 12%: 1,000,000 + 120,000) before any
    # reminder.
    resp = await client.post(
        f"/v1/loans/{paid_early}/repayments",
        json={"amount": "1120000.00", "external_reference": "BRI-1"},
        headers=bank,
    )
    assert resp.status_code == 201, resp.text
    await eod(client, tokens, fund, date(2026, 2, 6))
    await eod(client, tokens, fund, date(2026, 2, 6))  # again: nothing new

    soon = await events(app, EventType.INSTALLMENT_DUE_SOON, loan_id)
    overdue = await events(app, EventType.INSTALLMENT_OVERDUE, loan_id)
    assert [(e["number"], e["due_date"], e["as_of"], e["days"]) for e in soon] == [
        (1, "2026-02-05", "2026-01-29", 7),
        (1, "2026-02-05", "2026-02-04", 1),
    ]
    assert [(e["number"], e["due_date"], e["as_of"], e["days"]) for e in overdue] == [
        (1, "2026-02-05", "2026-02-06", 1)
    ]
    assert soon[0]["amount_due"] == "1120000.00"
    assert soon[0]["cooperative_id"] == overdue[0]["cooperative_id"]
    assert await events(app, EventType.INSTALLMENT_DUE_SOON, paid_early) == []
    assert await events(app, EventType.INSTALLMENT_OVERDUE, paid_early) == []


async def test_a_chunks_reminders_are_one_insert(app, client, tokens, bank) -> None:
    """Every loan of a chunk reminded on the same day: one multi-row insert into the outbox,
    not one statement per reminder (100,000 loans sharing a due date made that a 6-minute day)."""
    fund = await make_fund(client, tokens, "48000000.00")
    loans = [await _disbursed(app, client, tokens, fund) for _ in range(4)]
    await eod(client, tokens, fund, date(2026, 1, 27))
    # Every statement's text, those sent on the driver included (the outbox rows go out in
    # end of day's deferred write).
    with sql_statements(app.state.engine, whole=True) as statements:
        await eod(client, tokens, fund, date(2026, 1, 28))  # the new date is 7 days before
    for loan_id in loans:
        soon = await events(app, EventType.INSTALLMENT_DUE_SOON, loan_id)
        assert [(e["due_date"], e["as_of"], e["days"]) for e in soon] == [
            ("2026-02-05", "2026-01-29", 7)
        ]
    assert len([s for s in statements if "INSERT INTO outbox_events" in s]) == 1, statements
