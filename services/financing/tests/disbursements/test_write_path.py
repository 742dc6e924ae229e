"""The servicing write path: what a disbursement and a repayment send, in how many statements
(never how fast). Each keeps its idempotency record, audit row and outbox event: those three go
out as one statement just before the commit (``kopmod_shared.deferred``)."""

from __future__ import annotations

from sqlalchemy import text

from kopmod_shared.testing_sql import statements

from ..loans.conftest import make_fund, signed_loan


async def _rows(app, sql: str) -> list[tuple]:
    async with app.state.engine.connect() as conn:
        return [tuple(r) for r in await conn.execute(text(sql))]


async def test_a_disbursement_and_a_repayment_take_few_statements(app, client, tokens, bank):
    fund = await make_fund(client, tokens, "100000000.00")
    loan_id = await signed_loan(app, fund, amount="4000000.00", max_tranches=2)
    headers = {**tokens.officer, "Idempotency-Key": "tranche-1"}
    with statements(app.state.engine) as disbursed:
        resp = await client.post(
            f"/v1/loans/{loan_id}/disbursements", json={"amount": "2000000.00"}, headers=headers
        )
    assert resp.status_code == 201, resp.text
    assert resp.json()["loan"]["status"] == "active"
    assert resp.json()["transaction"]["amount"] == "2000000.00"
    headers = {**bank, "Idempotency-Key": "pay-1"}
    with statements(app.state.engine) as repaid:
        resp = await client.post(
            f"/v1/loans/{loan_id}/repayments",
            json={"amount": "100000.00", "external_reference": "BRI-1"},
            headers=headers,
        )
    assert resp.status_code == 201, resp.text
    assert resp.json()["transaction"]["amount"] == "100000.00"
    # Both kept their audit row, outbox event and idempotency record.
    audit = await _rows(
        app,
        "SELECT action, outcome, target_id::text FROM audit_records WHERE action LIKE 'loan.%' "
        "ORDER BY at",
    )
    assert audit == [
        ("loan.disburse", "succeeded", str(loan_id)),
        ("loan.repay", "succeeded", str(loan_id)),
    ]
    events = await _rows(
        app, "SELECT type FROM outbox_events WHERE type LIKE 'financing.loan.%' ORDER BY seq"
    )
    assert events == [("financing.loan.disbursed",), ("financing.loan.repayment_received",)]
    keys = await _rows(
        app,
        "SELECT key, status_code FROM idempotency_keys WHERE key IN ('pay-1', 'tranche-1') "
        "ORDER BY key",
    )
    assert keys == [("pay-1", 201), ("tranche-1", 201)]
    # The fund is locked through the loan in one statement; the business date is read once;
    # the account's closing date goes out with its refresh (not re-read); the outbox event,
    # audit row and idempotency record in ONE statement (WITH) before the COMMIT.
    assert disbursed == [
        "BEGIN", "SELECT", "SELECT", "SELECT", "SELECT", "SELECT", "SELECT", "SELECT",
        "SELECT", "UPDATE", "INSERT", "SELECT", "INSERT", "UPDATE", "INSERT", "SELECT",
        "INSERT", "WITH", "UPDATE", "WITH", "COMMIT",
    ], disbursed  # fmt: skip
    # The loan and its transactions are read once (the caller's view checked on them), the
    # payment's reference looked up among them.
    assert repaid == [
        "BEGIN", "SELECT", "SELECT", "SELECT", "SELECT", "SELECT", "INSERT", "SELECT",
        "INSERT", "INSERT", "SELECT", "UPDATE", "UPDATE", "WITH", "UPDATE", "WITH", "COMMIT",
    ], repaid  # fmt: skip
