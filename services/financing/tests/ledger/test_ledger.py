"""The fund ledger through the API (capital, position, trial balance, statements, reversal) and
its posting primitives directly (the interface loan servicing builds on)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from financing.errors import UnbalancedEntry
from financing.ledger import Account, Line, Posting, balance, lock_fund, post_entry, reverse_entry
from kopmod_shared.errors import Conflict


async def make_fund(client, tokens, code="DB2026", capital: str | None = "1000000000.00"):
    resp = await client.post(
        "/v1/funds", json={"code": code, "name": f"Dana Bergulir {code}"}, headers=tokens.admin
    )
    assert resp.status_code == 201, resp.text
    fund = resp.json()
    if capital is not None:
        inj = await client.post(
            f"/v1/funds/{fund['id']}/capital-injections",
            json={"amount": capital, "entry_date": "2026-01-02", "memo": "APBN allocation"},
            headers=tokens.committee,
        )
        assert inj.status_code == 201, inj.text
    return fund


async def test_capital_injection_moves_cash_and_capital(client, tokens):
    fund = await make_fund(client, tokens, capital=None)
    resp = await client.post(
        f"/v1/funds/{fund['id']}/capital-injections",
        json={"amount": "2500000000.00", "entry_date": "2026-01-02", "memo": "APBN 2026"},
        headers=tokens.committee,
    )
    assert resp.status_code == 201, resp.text
    entry = resp.json()
    assert entry["kind"] == "capital_injection"
    assert entry["lines"] == [
        {"account": "cash", "debit": "2500000000.00", "credit": "0.00", "loan_id": None},
        {"account": "capital", "debit": "0.00", "credit": "2500000000.00", "loan_id": None},
    ]
    position = (await client.get(f"/v1/funds/{fund['id']}/position", headers=tokens.officer)).json()
    assert position == {
        "fund_id": fund["id"],
        "cash": "2500000000.00",
        "committed": "0.00",
        "available_to_commit": "2500000000.00",
        "principal_outstanding": "0.00",
        "income_to_date": "0.00",
        "writeoff_losses": "0.00",
        "overpayments": "0.00",
        "capital": "2500000000.00",
        "narrowed": False,
    }


async def test_trial_balance_and_statement(client, tokens):
    fund = await make_fund(client, tokens, capital="100.00")
    for day, amount in (("2026-02-01", "50.00"), ("2026-03-01", "25.50")):
        resp = await client.post(
            f"/v1/funds/{fund['id']}/capital-injections",
            json={"amount": amount, "entry_date": day, "memo": "top-up"},
            headers=tokens.committee,
        )
        assert resp.status_code == 201
    tb = (await client.get(f"/v1/funds/{fund['id']}/trial-balance", headers=tokens.officer)).json()
    assert tb["balanced"] is True
    assert tb["total_debits"] == tb["total_credits"] == "175.50"
    by_account = {r["account"]: r for r in tb["rows"]}
    assert by_account["cash"]["balance"] == "175.50" and by_account["cash"]["side"] == "debit"
    assert (
        by_account["capital"]["balance"] == "175.50" and by_account["capital"]["side"] == "credit"
    )
    assert len(tb["rows"]) == len(Account)

    as_of = await client.get(
        f"/v1/funds/{fund['id']}/trial-balance",
        params={"as_of": "2026-02-15"},
        headers=tokens.officer,
    )
    assert {r["account"]: r["balance"] for r in as_of.json()["rows"]}["cash"] == "150.00"

    st = await client.get(
        f"/v1/funds/{fund['id']}/accounts/cash/statement",
        params={"from": "2026-02-01"},
        headers=tokens.officer,
    )
    assert st.status_code == 200, st.text
    body = st.json()
    assert body["opening_balance"] == "100.00"
    assert [(x["entry_date"], x["debit"], x["balance"]) for x in body["lines"]] == [
        ("2026-02-01", "50.00", "150.00"),
        ("2026-03-01", "25.50", "175.50"),
    ]
    assert body["closing_balance"] == "175.50" and body["truncated"] is False


async def test_reversal_corrects_a_capital_injection_once(client, tokens):
    fund = await make_fund(client, tokens, capital="500.00")
    entries = (
        await client.get(f"/v1/funds/{fund['id']}/journal-entries", headers=tokens.officer)
    ).json()["items"]
    entry_id = entries[0]["id"]
    url = f"/v1/funds/{fund['id']}/journal-entries/{entry_id}/reversal"
    body = {"entry_date": "2026-01-03", "memo": "typed the wrong amount"}
    rev = await client.post(url, json=body, headers=tokens.committee)
    assert rev.status_code == 201, rev.text
    assert rev.json()["reverses_entry_id"] == entry_id
    assert rev.json()["lines"][0] == {
        "account": "cash",
        "debit": "0.00",
        "credit": "500.00",
        "loan_id": None,
    }
    again = await client.post(url, json=body, headers=tokens.committee)
    assert again.status_code == 409
    assert "already reversed" in again.json()["detail"]
    pos = (await client.get(f"/v1/funds/{fund['id']}/position", headers=tokens.officer)).json()
    assert pos["cash"] == "0.00" and pos["capital"] == "0.00"


async def test_fund_commands_are_for_their_roles(client, tokens):
    body = {"code": "X1", "name": "x"}
    officer = await client.post("/v1/funds", json=body, headers=tokens.officer)
    assert officer.status_code == 403
    assert officer.json()["detail"] == "role fund_officer may not do this"
    fund = await make_fund(client, tokens, capital=None)
    coop = await client.get(
        f"/v1/funds/{fund['id']}/position",
        headers=tokens.cooperative("8c1c0c9e-0000-4000-8000-000000000001"),
    )
    assert coop.status_code == 403
    partner = await client.get(
        f"/v1/funds/{fund['id']}/position", headers=tokens("partner", scopes=["funds:read"])
    )
    assert partner.status_code == 200
    unscoped = await client.get(f"/v1/funds/{fund['id']}/position", headers=tokens("partner"))
    assert unscoped.status_code == 403
    assert "funds:read" in unscoped.json()["detail"]
    missing = await client.get(
        "/v1/funds/0190b7a4-0000-7000-8000-000000000000/position", headers=tokens.officer
    )
    assert missing.status_code == 404


async def test_negative_or_float_capital_is_refused_and_nothing_is_written(client, tokens):
    fund = await make_fund(client, tokens, capital=None)
    for amount in ("-5.00", "0", 12.5, "1.001"):
        resp = await client.post(
            f"/v1/funds/{fund['id']}/capital-injections",
            json={"amount": amount, "entry_date": "2026-01-02", "memo": "bad"},
            headers=tokens.committee,
        )
        assert resp.status_code == 422, amount
        assert resp.json()["errors"][0]["field"] == "body.amount"
    tb = (await client.get(f"/v1/funds/{fund['id']}/trial-balance", headers=tokens.officer)).json()
    assert tb["total_debits"] == "0.00"


async def test_post_entry_refuses_unbalanced_and_empty_entries(app, client, tokens):
    fund = await make_fund(client, tokens, capital=None)
    async with app.state.sessionmaker() as session, session.begin():
        for lines in (
            [],
            [Line(Account.cash, debit=D("10"))],
            [Line(Account.cash, debit=D("10")), Line(Account.capital, credit=D("9.99"))],
            [
                Line(Account.cash, debit=D("10"), credit=D("10")),
                Line(Account.capital, credit=D("10")),
            ],
            [Line(Account.cash, debit=D("0.001")), Line(Account.capital, credit=D("0.001"))],
        ):
            with pytest.raises(UnbalancedEntry):
                await post_entry(
                    session,
                    Posting(
                        fund_id=fund["id"], entry_date=date(2026, 1, 1), kind="test", memo="x",
                        lines=lines,
                    ),
                )  # fmt: skip


async def test_primitives_post_reverse_lock_and_balance(app, client, tokens):
    fund = await make_fund(client, tokens, capital="1000.00")
    async with app.state.sessionmaker() as session, session.begin():
        locked = await lock_fund(session, fund["id"])
        assert str(locked.id) == fund["id"]
        entry = await post_entry(
            session,
            Posting(
                fund_id=locked.id,
                entry_date=date(2026, 2, 1),
                kind="test_income",
                memo="fee collected",
                lines=[
                    Line(Account.cash, debit=D("15.00")),
                    Line(Account.fee_income, credit=D("15.00")),
                ],
                reference="bank-123",
            ),
        )
        assert await balance(session, locked.id, Account.cash) == D("1015.00")
        assert await balance(session, locked.id, Account.fee_income) == D("15.00")
        reversal = await reverse_entry(
            session, entry_id=entry.id, entry_date=date(2026, 2, 2), memo="not ours"
        )
        assert reversal.reverses_entry_id == entry.id
        assert await balance(session, locked.id, Account.fee_income) == D("0.00")
        with pytest.raises(Conflict):
            await reverse_entry(
                session, entry_id=reversal.id, entry_date=date(2026, 2, 2), memo="x"
            )


async def test_the_ledger_is_append_only_in_the_database(app, client, tokens):
    await make_fund(client, tokens, capital="10.00")
    for statement in ("UPDATE journal_lines SET debit = debit", "DELETE FROM journal_entries"):
        with pytest.raises(DBAPIError, match="append-only"):
            async with app.state.engine.begin() as conn:
                await conn.execute(text(statement))


async def test_capital_cannot_be_reversed_below_what_is_committed(client, tokens, fake_registry):
    from ..helpers import approved, make_product

    fund = await make_fund(client, tokens, capital="600000000.00")
    product = await make_product(client, tokens, fund["id"])
    await approved(client, tokens, fake_registry, product["id"])
    entries = (
        await client.get(f"/v1/funds/{fund['id']}/journal-entries", headers=tokens.officer)
    ).json()["items"]
    resp = await client.post(
        f"/v1/funds/{fund['id']}/journal-entries/{entries[0]['id']}/reversal",
        json={"entry_date": "2026-01-03", "memo": "take it back"},
        headers=tokens.committee,
    )
    assert resp.status_code == 409
    assert resp.json()["type"] == "https://kopmod.dev/problems/insufficient-fund-cash"
    assert "below committed 500000000.00" in resp.json()["detail"]
    pos = (await client.get(f"/v1/funds/{fund['id']}/position", headers=tokens.officer)).json()
    assert pos["cash"] == "600000000.00" and pos["committed"] == "500000000.00"


async def test_statement_is_limited_and_says_so(client, tokens):
    fund = await make_fund(client, tokens, capital="1.00")
    for day in ("2026-01-03", "2026-01-04"):
        await client.post(
            f"/v1/funds/{fund['id']}/capital-injections",
            json={"amount": "1.00", "entry_date": day, "memo": "x"},
            headers=tokens.committee,
        )
    st = await client.get(
        f"/v1/funds/{fund['id']}/accounts/capital/statement",
        params={"limit": 2},
        headers=tokens.officer,
    )
    body = st.json()
    assert [x["balance"] for x in body["lines"]] == ["1.00", "2.00"]
    assert body["truncated"] is True
    bad = await client.get(
        f"/v1/funds/{fund['id']}/accounts/petty_cash/statement", headers=tokens.officer
    )
    assert bad.status_code == 422


async def test_journal_entries_page_with_limit_and_cursor_like_every_list(client, tokens):
    fund = await make_fund(client, tokens, capital=None)
    # Two entries on one date: the order (and the cursor) must still be total.
    for day, amount in (("2026-02-01", "1.00"), ("2026-03-01", "2.00"), ("2026-03-01", "3.00")):
        resp = await client.post(
            f"/v1/funds/{fund['id']}/capital-injections",
            json={"amount": amount, "entry_date": day, "memo": "top-up"},
            headers=tokens.committee,
        )
        assert resp.status_code == 201, resp.text
    url = f"/v1/funds/{fund['id']}/journal-entries"
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get(url, params=params, headers=tokens.officer)).json()
        assert set(page) == {"items", "next_cursor"} and len(page["items"]) <= 2
        seen += [(e["entry_date"], e["lines"][0]["debit"]) for e in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [("2026-03-01", "3.00"), ("2026-03-01", "2.00"), ("2026-02-01", "1.00")]
    bad = await client.get(url, params={"cursor": "bm90IGEgY3Vyc29y"}, headers=tokens.officer)
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "query.cursor"
    old = await client.get(url, params={"offset": 1}, headers=tokens.officer)
    assert len(old.json()["items"]) == 3  # `offset` is no longer a parameter: ignored
