"""The servicing write path: what a disbursement and a repayment send, in how many statements
(never how fast). Each keeps its idempotency record, audit row and outbox event: those three go
out as one statement just before the commit (``kopmod_shared.deferred``)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import event, text

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
    # The Idempotency-Key's lock and lookup in one statement (``idempotency_claim()``, whose
    # lookup takes its own snapshot after the lock); the fund and the loan are locked in one
    # statement (the fund found through the loan);
    # then ONE statement reads the loan's transactions, business date, account, ledger sums,
    # its commitment and the fund's cash (a WITH: the fund's cash deltas rolled into its
    # maintained row, not a sum over every cash line) and makes the loan active; then ONE
    # statement (WITH) before the COMMIT writes the commitment's drawn amount, the journal entry
    # and lines, the transaction (allocation and entry id from its insert on), the account, the
    # installment balances, the outbox event, the audit row and the idempotency record.
    assert disbursed == ["BEGIN", "SELECT", "SELECT", "WITH", "WITH", "COMMIT"], disbursed
    # The same for a repayment, without the fund's lock, the cash and the commitment.
    assert repaid == ["BEGIN", "SELECT", "SELECT", "SELECT", "WITH", "COMMIT"], repaid
    # What the one statement wrote is what an insert and updates one by one wrote before: the
    # transaction carries its entry and allocation, its created_at is the transaction's now()
    # (as answered), Postgres numbered it after the tranche.
    body = resp.json()
    rows = await _rows(
        app,
        "SELECT t.seq, t.created_at, t.alloc_principal, t.alloc_interest, e.kind, e.reference, "
        "e.created_at = t.created_at, a.principal_outstanding, a.updated_at = t.created_at "
        "FROM loan_transactions t JOIN journal_entries e ON e.id = t.journal_entry_id "
        "JOIN loan_accounts a ON a.loan_id = t.loan_id WHERE t.loan_id = "
        f"'{loan_id}' ORDER BY t.seq",
    )
    assert [r[4:6] for r in rows] == [("disbursement", None), ("repayment", "BRI-1")]
    tranche, paid = rows
    assert paid[0] > tranche[0]
    assert paid[1].isoformat() == body["transaction"]["created_at"].replace("Z", "+00:00")
    allocation = body["transaction"]["allocation"]
    assert (str(paid[2]), str(paid[3])) == (allocation["principal"], allocation["interest"])
    assert paid[6] is True and paid[8] is True
    assert str(paid[7]) == body["loan"]["principal_outstanding"]
    # The installment balances went out in the same statement: what is still owed on them is
    # what the loan answered as outstanding.
    owed = await _rows(
        app,
        "SELECT sum(principal), sum(interest), count(*) FROM loan_installment_balances "
        f"WHERE loan_id = '{loan_id}'",
    )
    assert (str(owed[0][0]), str(owed[0][1]), owed[0][2]) == (
        body["loan"]["principal_outstanding"],
        body["loan"]["interest_outstanding"],
        12,
    )
    drawn = await _rows(app, f"SELECT drawn FROM fund_commitments WHERE loan_id = '{loan_id}'")
    assert drawn == [(Decimal("2000000.00"),)]


async def test_a_cash_check_reads_the_maintained_cash_not_every_cash_line(
    app, client, tokens, bank
):
    """Each statement's cash lines become one delta of the fund; a disbursement's cash check,
    under the fund's lock, rolls the deltas into the fund's ``fund_cash`` row and reads that:
    what it reads is the movements since the check before, and the figure is the lines' sum."""
    fund = await make_fund(client, tokens, "10000000.00")
    first = await signed_loan(app, fund, amount="4000000.00", max_tranches=1)
    second = await signed_loan(app, fund, amount="2000000.00", max_tranches=1)

    async def state() -> tuple[Decimal | None, int, Decimal]:
        rows = await _rows(
            app,
            f"SELECT (SELECT cash FROM fund_cash WHERE fund_id = '{fund.id}'), "
            f"(SELECT count(*) FROM fund_cash_deltas WHERE fund_id = '{fund.id}'), "
            "(SELECT sum(debit - credit) FROM journal_lines WHERE account = 'cash' "
            f"AND fund_id = '{fund.id}')",
        )
        return rows[0]

    async def disburse(loan, amount: str, key: str) -> None:
        resp = await client.post(
            f"/v1/loans/{loan}/disbursements",
            json={"amount": amount},
            headers={**tokens.officer, "Idempotency-Key": key},
        )
        assert resp.status_code == 201, resp.text

    # The capital injection: one delta, nothing rolled yet (a new fund has no row).
    assert await state() == (None, 1, Decimal("10000000.00"))
    await disburse(first, "4000000.00", "t-1")
    # The check rolled the capital in; the tranche's own cash line is the one delta left.
    assert await state() == (Decimal("10000000.00"), 1, Decimal("6000000.00"))
    for n in range(3):
        resp = await client.post(
            f"/v1/loans/{first}/repayments",
            json={"amount": "100000.00", "external_reference": f"BRI-{n}"},
            headers={**bank, "Idempotency-Key": f"pay-{n}"},
        )
        assert resp.status_code == 201, resp.text
    # Repayments only add deltas (inserts: they never wait on the fund's row).
    assert await state() == (Decimal("10000000.00"), 4, Decimal("6300000.00"))
    await disburse(second, "2000000.00", "t-2")
    assert await state() == (Decimal("6300000.00"), 1, Decimal("4300000.00"))


async def test_the_idempotency_claim_refuses_a_key_in_use_and_replays_a_finished_one(
    app, client, tokens, bank
):
    """One statement takes the key's lock and looks up its answer: a key another transaction
    holds is a 409 (nothing done), the answer committed before the lock is replayed."""
    fund = await make_fund(client, tokens, "100000000.00")
    loan_id = await signed_loan(app, fund, amount="4000000.00", max_tranches=1)
    headers = {**tokens.officer, "Idempotency-Key": "tranche-1"}
    url, body = f"/v1/loans/{loan_id}/disbursements", {"amount": "4000000.00"}
    async with app.state.engine.connect() as conn, conn.begin():
        # What the first request holds while it runs (the fund officer's client id).
        await conn.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:c || chr(31) || :k, 42))"),
            {"c": "officer-1", "k": "tranche-1"},
        )
        busy = await client.post(url, json=body, headers=headers)
    assert busy.status_code == 409, busy.text
    assert busy.json()["type"].endswith("idempotency-in-progress")
    first = await client.post(url, json=body, headers=headers)
    again = await client.post(url, json=body, headers=headers)
    assert first.status_code == again.status_code == 201, again.text
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    tranches = await _rows(
        app, f"SELECT count(*) FROM loan_transactions WHERE loan_id = '{loan_id}'"
    )
    assert tranches == [(1,)]


async def test_a_refused_first_tranche_leaves_the_loan_pending(app, client, tokens):
    """The disbursement's read makes a loan pending disbursement active before the rules run
    (one statement fewer under the fund's lock): a refusal rolls that back with the rest."""
    fund = await make_fund(client, tokens, "100000000.00")
    loan_id = await signed_loan(app, fund, amount="4000000.00", max_tranches=1)
    url = f"/v1/loans/{loan_id}/disbursements"
    too_much = await client.post(url, json={"amount": "5000000.00"}, headers=tokens.officer)
    assert too_much.status_code == 422, too_much.text
    assert await _rows(app, f"SELECT status FROM loans WHERE id = '{loan_id}'") == [
        ("pending_disbursement",)
    ]
    done = await client.post(url, json={"amount": "4000000.00"}, headers=tokens.officer)
    assert done.status_code == 201, done.text
    assert done.json()["loan"]["status"] == "active"
    assert await _rows(app, f"SELECT status FROM loans WHERE id = '{loan_id}'") == [("active",)]


async def test_the_write_statement_goes_out_on_the_driver(app, client, tokens, bank):
    """The request's one write statement before the commit is sent on the asyncpg driver
    (``kopmod_shared.driver.run_on_driver``), not through SQLAlchemy's cursor: ``statements`` still
    counts it, SQLAlchemy's own execution events no longer see it."""
    fund = await make_fund(client, tokens, "100000000.00")
    loan_id = await signed_loan(app, fund, amount="4000000.00", max_tranches=1)
    seen_by_sqlalchemy: list[str] = []

    def on_execute(conn, cursor, statement, *args) -> None:
        seen_by_sqlalchemy.append(statement.split(None, 1)[0].upper())

    sync = app.state.engine.sync_engine
    event.listen(sync, "before_cursor_execute", on_execute)
    try:
        with statements(app.state.engine) as sent:
            resp = await client.post(
                f"/v1/loans/{loan_id}/disbursements",
                json={"amount": "4000000.00"},
                headers={**tokens.officer, "Idempotency-Key": "tranche-1"},
            )
    finally:
        event.remove(sync, "before_cursor_execute", on_execute)
    assert resp.status_code == 201, resp.text
    assert sent == ["BEGIN", "SELECT", "SELECT", "WITH", "WITH", "COMMIT"], sent
    # The key's claim goes through SQLAlchemy (as the request's first statement, its adapter
    # sends BEGIN first); the locks, the read and the write do not.
    assert seen_by_sqlalchemy == ["SELECT"], seen_by_sqlalchemy


async def test_text_postgres_cannot_store_is_refused_from_the_driver_as_before(app, client, tokens):
    """A NUL in a tranche's note reaches Postgres in the write statement sent on the driver: its
    error is raised as SQLAlchemy raises a database error, so the answer is the 422 it was
    (not a 500), and nothing is written."""
    fund = await make_fund(client, tokens, "100000000.00")
    loan_id = await signed_loan(app, fund, amount="4000000.00", max_tranches=1)
    url = f"/v1/loans/{loan_id}/disbursements"
    resp = await client.post(
        url,
        json={"amount": "4000000.00", "note": "tranche\u0000one"},
        headers={**tokens.officer, "Idempotency-Key": "tranche-nul"},
    )
    assert resp.status_code == 422, resp.text
    assert resp.json()["errors"][0]["code"] == "nul_character", resp.json()
    assert await _rows(
        app, f"SELECT count(*) FROM loan_transactions WHERE loan_id = '{loan_id}'"
    ) == [(0,)]
    assert await _rows(app, f"SELECT status FROM loans WHERE id = '{loan_id}'") == [
        ("pending_disbursement",)
    ]
