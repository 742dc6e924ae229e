"""Rescheduling closes the loan and opens its successor: links both ways, the principal moved in
one journal entry, the arrears carried as opening arrears, the closed loan frozen, four eyes,
idempotent approval, object-level visibility, and reports that count the loan once."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import event, func, select

from financing.loans.models import Loan
from kopmod_shared.events import EventType

from ..loans.conftest import (
    D,
    cash,
    eod,
    events,
    loan_ledger,
    make_fund,
    position,
    signed_loan,
    transactions_count,
)

TERMS = {"tenor_periods": 12, "grace_periods": 2, "capitalise_arrears": False}
MAKER_SUB = "committee-maker"


async def _overdue_loan(app, client, tokens, *, owner: uuid.UUID | None = None):  # type: ignore[no-untyped-def]
    """12,000,000 flat 12% over 12 months from 5 January (120,000 interest a month), penalty
    0.1% a day on what is overdue; installment 1 (due 5 February) unpaid through 14 February
    (9 days x 1,120 penalty), a 50,000 fee charged on it; business date 15 February."""
    fund = await make_fund(client, tokens, "12000000.00")
    loan_id = await signed_loan(app, fund, max_tranches=1, cooperative_id=owner)
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements",
        json={"amount": "12000000.00"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    await eod(client, tokens, fund, date(2026, 2, 14))
    resp = await client.post(
        f"/v1/loans/{loan_id}/fees",
        json={
            "amount": "50000.00",
            "kind": "collection",
            "reason": "field visit after the missed installment",
            "external_reference": "FEE-1",
        },
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    return fund, loan_id


async def _propose(client, tokens, loan_id, terms=TERMS) -> str:  # type: ignore[no-untyped-def]
    resp = await client.post(
        f"/v1/loans/{loan_id}/reschedules",
        json={**terms, "reason": "harvest failed; principal holiday"},
        headers=tokens("fund_committee", sub=MAKER_SUB),
    )
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def _successors(app: Any, loan_id: uuid.UUID) -> list[uuid.UUID]:
    async with app.state.sessionmaker() as session:
        rows = await session.scalars(select(Loan.id).where(Loan.rescheduled_from_id == loan_id))
        return list(rows.all())


async def _loan_count(app: Any) -> int:
    async with app.state.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(Loan)) or 0)


async def test_approval_closes_the_loan_and_opens_its_successor(app, client, tokens, bank) -> None:
    owner = uuid.uuid4()
    fund, loan_id = await _overdue_loan(app, client, tokens, owner=owner)
    before = await position(client, tokens, loan_id)
    assert before["penalty_outstanding"] == "10080.00"
    assert before["fee_outstanding"] == "50000.00"
    request_id = await _propose(client, tokens, loan_id)
    # The committee hears of the proposal (the console tells its members), once.
    [proposed] = await events(app, EventType.LOAN_RESCHEDULE_PROPOSED, loan_id)
    assert proposed["reschedule_id"] == request_id
    assert proposed["cooperative_id"] == str(owner)
    assert (proposed["tenor_periods"], proposed["grace_periods"]) == (12, 2)
    assert proposed["capitalise_arrears"] is False
    assert (proposed["on"], proposed["new_principal"]) == ("2026-02-15", "12000000.00")
    assert proposed["proposed_by"] == MAKER_SUB
    assert proposed["reason"] == "harvest failed; principal holiday"

    resp = await client.post(
        f"/v1/loans/{loan_id}/reschedules/{request_id}/decision",
        json={"approve": True, "note": "survey confirms the harvest failure"},
        headers=tokens.committee,
    )
    assert resp.status_code == 200, resp.text
    decided = resp.json()
    assert decided["status"] == "approved"
    successor = uuid.UUID(decided["successor_loan_id"])
    assert await _successors(app, loan_id) == [successor]

    # The old loan: closed as rescheduled, nothing left on it, pointing at the successor.
    old = await position(client, tokens, loan_id)
    assert old["status"] == "closed_rescheduled"
    assert old["rescheduled_on"] == "2026-02-15"
    assert old["rescheduled_to_id"] == str(successor)
    assert old["rescheduled_from_id"] is None
    assert old["principal_outstanding"] == "0.00"
    assert old["principal_rescheduled_out"] == "12000000.00"
    assert (old["interest_outstanding"], old["penalty_outstanding"], old["fee_outstanding"]) == (
        "0.00",
        "0.00",
        "0.00",
    )
    old_loan = (await client.get(f"/v1/loans/{loan_id}", headers=tokens.officer)).json()
    assert old_loan["status"] == "closed_rescheduled"
    assert old_loan["closed_on"] == "2026-02-15"
    assert old_loan["rescheduled_to_id"] == str(successor)
    assert old_loan["principal_outstanding"] == "0.00"

    # The successor: same agreement, fund, product and cooperative; the new terms.
    new_loan = (await client.get(f"/v1/loans/{successor}", headers=tokens.officer)).json()
    for same in ("application_id", "fund_id", "product_id", "cooperative_id", "annual_rate"):
        assert new_loan[same] == old_loan[same], same
    assert new_loan["status"] == "active"
    assert new_loan["rescheduled_from_id"] == str(loan_id)
    assert new_loan["rescheduled_to_id"] is None
    assert (new_loan["tenor_periods"], new_loan["grace_periods"]) == (12, 2)
    assert new_loan["approved_amount"] == "12000000.00"
    assert new_loan["principal_outstanding"] == "12000000.00"
    new = await position(client, tokens, successor)
    assert new["principal_outstanding"] == "12000000.00"
    assert new["principal_rescheduled_in"] == "12000000.00"
    assert new["disbursed"] == "0.00"
    # Not capitalised: the arrears moved as they were owed. Installment 1's interest, penalties
    # and fee; installment 2's interest accrued over 10 of its 28 days (120,000 x 10/28).
    assert new["penalty_outstanding"] == "10080.00"
    assert new["fee_outstanding"] == "50000.00"
    assert new["arrears"]["days_past_due"] == 10  # still aged from 5 February
    assert new["arrears"]["oldest_overdue_due_date"] == "2026-02-05"

    schedule = (await client.get(f"/v1/loans/{successor}/schedule", headers=tokens.officer)).json()
    rows = schedule["rows"]
    assert len(rows) == 2 + 12
    opening = [
        (r["due_date"], r["principal"], r["interest"], r["penalty"], r["fee"], r["status"])
        for r in rows[:2]
    ]
    assert opening == [
        ("2026-02-05", "0.00", "120000.00", "10080.00", "50000.00", "overdue"),
        ("2026-03-05", "0.00", "42857.14", "0.00", "0.00", "due"),
    ]
    assert [r["opening_arrears"] for r in rows] == [True, True] + [False] * 12
    assert rows[2]["due_date"] == "2026-03-15"
    assert [r["principal"] for r in rows[2:5]] == ["0.00", "0.00", "1200000.00"]
    assert schedule["total_principal"] == "12000000.00"
    old_rows = (await client.get(f"/v1/loans/{loan_id}/schedule", headers=tokens.officer)).json()
    assert {r["status"] for r in old_rows["rows"]} == {"rescheduled"}

    # The principal moved in ONE balanced entry; no cash moved.
    assert await cash(client, tokens, fund) == 0
    assert await loan_ledger(app, loan_id) == {"cash": D("-12000000.00")}
    assert await loan_ledger(app, successor) == {"loans_receivable": D("12000000.00")}
    entries = (
        await client.get(f"/v1/funds/{fund.id}/journal-entries", headers=tokens.officer)
    ).json()["items"]
    moves = [e for e in entries if e["kind"] == "reschedule"]
    assert len(moves) == 1
    assert sorted(
        (line["account"], line["debit"], line["credit"], line["loan_id"])
        for line in moves[0]["lines"]
    ) == [
        ("loans_receivable", "0.00", "12000000.00", str(loan_id)),
        ("loans_receivable", "12000000.00", "0.00", str(successor)),
    ]

    # Both statements show the link.
    old_statement = (
        await client.get(f"/v1/loans/{loan_id}/statement", headers=tokens.officer)
    ).json()
    assert old_statement["position"]["rescheduled_to_id"] == str(successor)
    assert old_statement["rows"][-1]["transaction"]["kind"] == "reschedule"
    assert old_statement["rows"][-1]["principal_outstanding_after"] == "0.00"
    new_statement = (
        await client.get(f"/v1/loans/{successor}/statement", headers=tokens.officer)
    ).json()
    assert new_statement["position"]["rescheduled_from_id"] == str(loan_id)
    assert [
        (r["transaction"]["kind"], r["principal_outstanding_after"]) for r in new_statement["rows"]
    ] == [("rescheduled_in", "12000000.00")]

    closed = await events(app, EventType.LOAN_CLOSED, loan_id)
    assert [(e["status"], e["reason"], e["successor_loan_id"]) for e in closed] == [
        ("closed_rescheduled", "rescheduled", str(successor))
    ]
    # The proposer hears of the committee's decision (the console tells them), once.
    [told] = await events(app, EventType.LOAN_RESCHEDULE_DECIDED, loan_id)
    assert (told["reschedule_id"], told["status"]) == (request_id, "approved")
    assert (told["proposed_by"], told["successor_loan_id"]) == (MAKER_SUB, str(successor))
    assert told["note"] == "survey confirms the harvest failure"
    [opened] = await events(app, EventType.LOAN_RESCHEDULED, successor)
    assert opened["rescheduled_from_id"] == str(loan_id)
    assert opened["reschedule_id"] == request_id
    assert (opened["principal"], opened["opening_arrears"]) == ("12000000.00", "222937.14")
    assert opened["first_due_date"] == "2026-03-15"

    # The closed loan takes nothing more; the message names the successor.
    count = await transactions_count(app, loan_id)
    resp = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "100000.00", "external_reference": "BRI-OLD"},
        headers=bank,
    )
    assert resp.status_code == 409, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert resp.json()["type"].endswith("/invalid-transition")
    assert resp.json()["successor_loan_id"] == str(successor)
    assert str(successor) in resp.json()["detail"]
    assert await transactions_count(app, loan_id) == count

    # Repayments on the successor pay the opening arrears first, in the product's order.
    resp = await client.post(
        f"/v1/loans/{successor}/repayments",
        json={"amount": "200000.00", "external_reference": "BRI-NEW"},
        headers=bank,
    )
    assert resp.status_code == 201, resp.text
    allocation = resp.json()["transaction"]["allocation"]
    assert (
        allocation["penalty"],
        allocation["fee"],
        allocation["interest"],
        allocation["principal"],
    ) == ("10080.00", "50000.00", "139920.00", "0.00")
    assert resp.json()["loan"]["arrears"]["days_past_due"] == 0
    assert await cash(client, tokens, fund) == D("200000.00")
    assert await loan_ledger(app, successor) == {
        "cash": D("200000.00"),
        "loans_receivable": D("12000000.00"),
        "interest_income": D("-139920.00"),
        "penalty_income": D("-10080.00"),
        "fee_income": D("-50000.00"),
    }

    # Reports count the loan once: the successor is the open loan, the closed one is not.
    portfolio = (
        await client.get(
            f"/v1/funds/{fund.id}/portfolio?date_from=2026-01-01", headers=tokens.committee
        )
    ).json()
    assert (portfolio["total"]["loans"], portfolio["total"]["principal_outstanding"]) == (
        1,
        "12000000.00",
    )
    assert portfolio["flows"]["disbursed"] == "12000000.00"
    assert portfolio["flows"]["repaid"] == "200000.00"
    listed = (
        await client.get(f"/v1/loans?fund_id={fund.id}", headers=tokens.cooperative(owner))
    ).json()["items"]
    assert {(i["id"], i["rescheduled_from_id"], i["rescheduled_to_id"]) for i in listed} == {
        (str(loan_id), None, str(successor)),
        (str(successor), str(loan_id), None),
    }
    closed_day = await eod(client, tokens, fund, date(2026, 2, 15))
    assert closed_day["closed"][0]["loans_processed"] == 1  # only the successor is open


async def test_capitalised_arrears_become_the_successors_principal(app, client, tokens) -> None:
    fund, loan_id = await _overdue_loan(app, client, tokens)
    request_id = await _propose(client, tokens, loan_id, {**TERMS, "capitalise_arrears": True})
    resp = await client.post(
        f"/v1/loans/{loan_id}/reschedules/{request_id}/decision",
        json={"approve": True, "note": "capitalise"},
        headers=tokens.committee,
    )
    assert resp.status_code == 200, resp.text
    preview = resp.json()["preview"]
    assert preview["capitalised_interest"] == "162857.14"
    assert preview["capitalised_charges"] == "60080.00"
    assert preview["new_principal"] == "12222937.14"
    successor = uuid.UUID(resp.json()["successor_loan_id"])
    new = await position(client, tokens, successor)
    assert new["principal_outstanding"] == "12222937.14"
    assert (new["penalty_outstanding"], new["fee_outstanding"]) == ("0.00", "0.00")
    assert new["arrears"]["days_past_due"] == 0
    schedule = (await client.get(f"/v1/loans/{successor}/schedule", headers=tokens.officer)).json()
    assert len(schedule["rows"]) == 12
    assert not any(r["opening_arrears"] for r in schedule["rows"])
    # The capitalised arrears are earned on the closed loan, in the same single entry.
    assert await loan_ledger(app, loan_id) == {
        "cash": D("-12000000.00"),
        "interest_income": D("-162857.14"),
        "penalty_income": D("-10080.00"),
        "fee_income": D("-50000.00"),
    }
    assert await loan_ledger(app, successor) == {"loans_receivable": D("12222937.14")}
    entries = (
        await client.get(f"/v1/funds/{fund.id}/journal-entries", headers=tokens.officer)
    ).json()["items"]
    assert len([e for e in entries if e["kind"] == "reschedule"]) == 1


async def test_maker_cannot_approve_and_nothing_changes(app, client, tokens) -> None:
    _, loan_id = await _overdue_loan(app, client, tokens)
    request_id = await _propose(client, tokens, loan_id)
    loans = await _loan_count(app)
    resp = await client.post(
        f"/v1/loans/{loan_id}/reschedules/{request_id}/decision",
        json={"approve": True, "note": "my own proposal"},
        headers=tokens("fund_committee", sub=MAKER_SUB),
    )
    assert resp.status_code == 403, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert resp.json()["type"].endswith("/four-eyes")
    assert (await position(client, tokens, loan_id))["status"] == "active"
    assert await _loan_count(app) == loans
    assert await events(app, EventType.LOAN_RESCHEDULED) == []
    assert await events(app, EventType.LOAN_RESCHEDULE_DECIDED) == []


async def test_a_rejection_changes_nothing_and_tells_the_proposer(app, client, tokens) -> None:
    _, loan_id = await _overdue_loan(app, client, tokens)
    request_id = await _propose(client, tokens, loan_id)
    loans = await _loan_count(app)
    resp = await client.post(
        f"/v1/loans/{loan_id}/reschedules/{request_id}/decision",
        json={"approve": False, "note": "collect first; no survey yet"},
        headers=tokens.committee,
    )
    assert resp.status_code == 200, resp.text
    assert (resp.json()["status"], resp.json()["successor_loan_id"]) == ("rejected", None)
    assert (await position(client, tokens, loan_id))["status"] == "active"
    assert await _loan_count(app) == loans
    assert await events(app, EventType.LOAN_RESCHEDULED) == []
    [told] = await events(app, EventType.LOAN_RESCHEDULE_DECIDED, loan_id)
    assert (told["reschedule_id"], told["status"]) == (request_id, "rejected")
    assert (told["note"], told["proposed_by"]) == ("collect first; no survey yet", MAKER_SUB)
    assert told["successor_loan_id"] is None


async def test_a_replayed_approval_opens_one_successor(app, client, tokens) -> None:
    _, loan_id = await _overdue_loan(app, client, tokens)
    request_id = await _propose(client, tokens, loan_id)
    url = f"/v1/loans/{loan_id}/reschedules/{request_id}/decision"
    body = {"approve": True, "note": "approved once"}
    headers = {**tokens.committee, "Idempotency-Key": f"decide-{request_id}"}
    first = await client.post(url, json=body, headers=headers)
    assert first.status_code == 200, first.text
    again = await client.post(url, json=body, headers=headers)
    assert again.status_code == 200, again.text
    assert again.json() == first.json()
    # Without the key the request is already decided: 409, still one successor.
    other = await client.post(url, json=body, headers=tokens("fund_committee", sub="c-2"))
    assert other.status_code == 409, other.text
    assert other.json()["type"].endswith("/invalid-transition")
    assert await _successors(app, loan_id) == [uuid.UUID(first.json()["successor_loan_id"])]
    assert len(await events(app, EventType.LOAN_RESCHEDULED)) == 1
    assert len(await events(app, EventType.LOAN_RESCHEDULE_DECIDED)) == 1
    # A second proposal on the closed loan is refused too.
    resp = await client.post(
        f"/v1/loans/{loan_id}/reschedules",
        json={**TERMS, "reason": "once more"},
        headers=tokens.officer,
    )
    assert resp.status_code == 409, resp.text


async def test_another_cooperative_sees_neither_loan(app, client, tokens) -> None:
    owner = uuid.uuid4()
    _, loan_id = await _overdue_loan(app, client, tokens, owner=owner)
    request_id = await _propose(client, tokens, loan_id)
    resp = await client.post(
        f"/v1/loans/{loan_id}/reschedules/{request_id}/decision",
        json={"approve": True, "note": "approved"},
        headers=tokens.committee,
    )
    successor = resp.json()["successor_loan_id"]
    stranger = tokens.cooperative(uuid.uuid4())
    for loan, other in ((str(loan_id), successor), (successor, str(loan_id))):
        for path in ("", "/position", "/statement", "/schedule", "/payoff-quote"):
            resp = await client.get(f"/v1/loans/{loan}{path}", headers=stranger)
            assert resp.status_code == 404, (path, resp.text)
            assert other not in resp.text
        resp = await client.get(f"/v1/loans/{loan}", headers=tokens.cooperative(owner))
        assert resp.status_code == 200, resp.text
        assert other in resp.text  # the owner sees the link
    assert (await client.get("/v1/loans", headers=stranger)).json()["items"] == []


async def test_reversing_on_the_closed_loan_is_refused_and_explained(app, client, tokens) -> None:
    _, loan_id = await _overdue_loan(app, client, tokens)
    request_id = await _propose(client, tokens, loan_id)
    resp = await client.post(
        f"/v1/loans/{loan_id}/reschedules/{request_id}/decision",
        json={"approve": True, "note": "approved"},
        headers=tokens.committee,
    )
    successor = resp.json()["successor_loan_id"]
    statement = (await client.get(f"/v1/loans/{loan_id}/statement", headers=tokens.officer)).json()
    fee = next(
        r["transaction"] for r in statement["rows"] if r["transaction"]["kind"] == "fee_charge"
    )
    before = await loan_ledger(app, uuid.UUID(successor))
    resp = await client.post(
        f"/v1/loans/{loan_id}/transactions/{fee['id']}/reversal",
        json={"reason": "waive the visit fee"},
        headers=tokens.officer,
    )
    assert resp.status_code == 409, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    problem = resp.json()
    assert problem["successor_loan_id"] == successor
    assert "rescheduled" in problem["detail"] and "successor" in problem["detail"]
    statement = (await client.get(f"/v1/loans/{loan_id}/statement", headers=tokens.officer)).json()
    assert not any(r["transaction"]["reversed"] for r in statement["rows"])
    assert await loan_ledger(app, uuid.UUID(successor)) == before
    # The principal that opened the successor is not a reversible transaction either.
    new_statement = (
        await client.get(f"/v1/loans/{successor}/statement", headers=tokens.officer)
    ).json()
    opening = new_statement["rows"][0]["transaction"]
    resp = await client.post(
        f"/v1/loans/{successor}/transactions/{opening['id']}/reversal",
        json={"reason": "undo"},
        headers=tokens.officer,
    )
    assert resp.status_code == 422, resp.text


async def _application_reads(client, tokens, loan_id, owner) -> tuple[dict, dict]:  # type: ignore[no-untyped-def]
    loan = (await client.get(f"/v1/loans/{loan_id}", headers=tokens.officer)).json()
    one = await client.get(f"/v1/applications/{loan['application_id']}", headers=tokens.officer)
    assert one.status_code == 200, one.text
    listed = await client.get(
        "/v1/applications", params={"cooperative_id": str(owner)}, headers=tokens.cooperative(owner)
    )
    assert listed.status_code == 200, listed.text
    [item] = listed.json()["items"]
    return one.json(), item


async def test_the_application_names_the_loan_servicing_it(app, client, tokens) -> None:
    owner = uuid.uuid4()
    _, loan_id = await _overdue_loan(app, client, tokens, owner=owner)
    for read in await _application_reads(client, tokens, loan_id, owner):
        assert read["loan_id"] == read["current_loan_id"] == str(loan_id)

    request_id = await _propose(client, tokens, loan_id)
    resp = await client.post(
        f"/v1/loans/{loan_id}/reschedules/{request_id}/decision",
        json={"approve": True, "note": "approved"},
        headers=tokens.committee,
    )
    assert resp.status_code == 200, resp.text
    successor = resp.json()["successor_loan_id"]
    for read in await _application_reads(client, tokens, loan_id, owner):
        assert read["loan_id"] == str(loan_id)  # the agreement's first loan, as before
        assert read["current_loan_id"] == successor

    # Rescheduled again: the chain is followed to its end.
    second = await _propose(client, tokens, uuid.UUID(successor))
    resp = await client.post(
        f"/v1/loans/{successor}/reschedules/{second}/decision",
        json={"approve": True, "note": "approved again"},
        headers=tokens.committee,
    )
    assert resp.status_code == 200, resp.text
    third = resp.json()["successor_loan_id"]
    assert third != successor
    for read in await _application_reads(client, tokens, loan_id, owner):
        assert (read["loan_id"], read["current_loan_id"]) == (str(loan_id), third)


async def test_a_page_of_applications_reads_current_loans_in_one_statement(
    app, client, tokens
) -> None:
    fund = await make_fund(client, tokens, "36000000.00")
    loans = [await signed_loan(app, fund) for _ in range(3)]
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        statements.append(statement)

    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        listed = await client.get(
            "/v1/applications", params={"fund_id": str(fund.id)}, headers=tokens.officer
        )
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert listed.status_code == 200, listed.text
    items = listed.json()["items"]
    assert sorted(i["current_loan_id"] for i in items) == sorted(str(loan) for loan in loans)
    assert all(i["current_loan_id"] == i["loan_id"] for i in items)
    assert len([s for s in statements if "loans" in s]) == 1, statements
