"""Bad input refused with nothing written, idempotent replays, end-of-day idempotence, and who
may do what."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from kopmod_shared.events import EventType

from .conftest import (
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


async def _active_loan(app, client, tokens, **kw):  # type: ignore[no-untyped-def]
    fund = await make_fund(client, tokens, "12000000.00")
    loan_id = await signed_loan(app, fund, max_tranches=1, **kw)
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements",
        json={"amount": "12000000.00"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    return fund, loan_id


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"amount": "0", "external_reference": "R-1"}, 422, "body.amount"),
        ({"amount": "-5.00", "external_reference": "R-1"}, 422, "body.amount"),
        ({"amount": 5.5, "external_reference": "R-1"}, 422, "body.amount"),
        ({"amount": "5.00"}, 422, "body.external_reference"),
        (
            {"amount": "5.00", "external_reference": "R-1", "value_date": "2026-01-06"},
            422,
            "body.value_date",
        ),  # after the business date
        (
            {"amount": "5.00", "external_reference": "R-1", "value_date": "2026-01-04"},
            422,
            "body.value_date",
        ),  # before the disbursement
        ({"amount": "5.00", "external_reference": "R 1"}, 422, "body.external_reference"),
    ],
)
async def test_bad_repayments_are_refused_and_nothing_is_written(
    app, client, tokens, bank, body, status, field
) -> None:
    fund, loan_id = await _active_loan(app, client, tokens)
    before = await transactions_count(app, loan_id)
    resp = await client.post(f"/v1/loans/{loan_id}/repayments", json=body, headers=bank)
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert field in [e["field"] for e in resp.json()["errors"]]
    assert await transactions_count(app, loan_id) == before
    assert await cash(client, tokens, fund) == 0
    assert await events(app, EventType.REPAYMENT_RECEIVED, loan_id) == []


async def test_disbursement_above_what_remains_approved(app, client, tokens) -> None:
    fund = await make_fund(client, tokens, "20000000.00")
    loan_id = await signed_loan(app, fund, max_tranches=2)
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements",
        json={"amount": "12000000.01"},
        headers=tokens.officer,
    )
    assert resp.status_code == 422, resp.text
    assert resp.json()["type"].endswith("/business-rule")
    assert resp.json()["remaining"] == "12000000.00"
    assert await transactions_count(app, loan_id) == 0
    assert (await position(client, tokens, loan_id))["status"] == "pending_disbursement"


async def test_a_reference_names_one_transaction_of_a_loan(app, client, tokens, bank) -> None:
    fund = await make_fund(client, tokens, "12000000.00")
    loan_id = await signed_loan(app, fund, max_tranches=2)
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements",
        json={"amount": "1000000.00", "reference": "SP2D-1"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements",
        json={"amount": "1000000.00", "reference": "SP2D-1"},
        headers=tokens.officer,
    )
    assert resp.status_code == 409
    assert resp.json()["field"] == "reference"
    resp = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "1000000.00", "external_reference": "SP2D-1"},
        headers=bank,
    )
    assert resp.status_code == 409
    assert await transactions_count(app, loan_id) == 1
    assert await cash(client, tokens, fund) == D("11000000.00")


async def test_disbursement_beyond_the_tranches_allowed(app, client, tokens) -> None:
    _fund, loan_id = await _active_loan(app, client, tokens, amount="12000000.00")
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements", json={"amount": "1.00"}, headers=tokens.officer
    )
    assert resp.status_code == 422
    assert "tranche" in resp.json()["detail"]


async def test_reversing_a_reversed_transaction(app, client, tokens, bank) -> None:
    _fund, loan_id = await _active_loan(app, client, tokens)
    paid = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "100000.00", "external_reference": "R-9"},
        headers=bank,
    )
    tx_id = paid.json()["transaction"]["id"]
    url = f"/v1/loans/{loan_id}/transactions/{tx_id}/reversal"
    first = await client.post(url, json={"reason": "bounced"}, headers=tokens.officer)
    assert first.status_code == 200, first.text
    ledger = await loan_ledger(app, loan_id)
    again = await client.post(url, json={"reason": "bounced twice"}, headers=tokens.officer)
    assert again.status_code == 409
    assert "already reversed" in again.json()["detail"]
    assert await loan_ledger(app, loan_id) == ledger
    assert ledger == {"cash": D("-12000000.00"), "loans_receivable": D("12000000.00")}


async def test_disbursements_cannot_be_reversed_except_by_undo(app, client, tokens) -> None:
    _fund, loan_id = await _active_loan(app, client, tokens)
    statement = (await client.get(f"/v1/loans/{loan_id}/statement", headers=tokens.officer)).json()
    tx_id = statement["rows"][0]["transaction"]["id"]
    resp = await client.post(
        f"/v1/loans/{loan_id}/transactions/{tx_id}/reversal",
        json={"reason": "wrong"},
        headers=tokens.officer,
    )
    assert resp.status_code == 422
    assert "undo the last disbursement" in resp.json()["detail"]


async def test_undo_last_disbursement_while_nothing_repaid(app, client, tokens, bank) -> None:
    fund, loan_id = await _active_loan(app, client, tokens)
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements/undo",
        json={"reason": "sent to the wrong account"},
        headers=tokens.officer,
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["loan"]["status"] == "pending_disbursement"
    assert resp.json()["transaction"]["reversed"] is True
    assert await cash(client, tokens, fund) == D("12000000.00")
    assert await loan_ledger(app, loan_id) == {}
    entries = (
        await client.get(f"/v1/funds/{fund.id}/journal-entries", headers=tokens.committee)
    ).json()
    items = entries["items"]
    kinds = sorted(e["kind"] for e in items)
    assert kinds == ["capital_injection", "disbursement", "disbursement_reversal"]
    # Disbursed again, then repaid: no more undo.
    await client.post(
        f"/v1/loans/{loan_id}/disbursements",
        json={"amount": "12000000.00"},
        headers=tokens.officer,
    )
    await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "1.00", "external_reference": "R-1"},
        headers=bank,
    )
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements/undo",
        json={"reason": "too late"},
        headers=tokens.officer,
    )
    assert resp.status_code == 422
    assert "repaid" in resp.json()["detail"]


async def test_same_reference_different_payment_is_a_conflict(app, client, tokens, bank) -> None:
    fund, loan_id = await _active_loan(app, client, tokens)
    body = {"amount": "100000.00", "external_reference": "BRI-5"}
    first = await client.post(f"/v1/loans/{loan_id}/repayments", json=body, headers=bank)
    assert first.status_code == 201
    same = await client.post(f"/v1/loans/{loan_id}/repayments", json=body, headers=bank)
    assert same.status_code == 200
    assert same.json()["replayed"] is True
    assert same.json()["transaction"]["id"] == first.json()["transaction"]["id"]
    other = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "100000.01", "external_reference": "BRI-5"},
        headers=bank,
    )
    assert other.status_code == 409
    assert other.json()["transaction_id"] == first.json()["transaction"]["id"]
    assert await transactions_count(app, loan_id) == 2
    assert await cash(client, tokens, fund) == D("100000.00")


async def test_idempotency_key_replays_a_disbursement_and_a_repayment(
    app, client, tokens, bank
) -> None:
    fund = await make_fund(client, tokens, "12000000.00")
    loan_id = await signed_loan(app, fund, max_tranches=2)
    headers = {**tokens.officer, "Idempotency-Key": "disb-1"}
    body = {"amount": "5000000.00"}
    first = await client.post(f"/v1/loans/{loan_id}/disbursements", json=body, headers=headers)
    again = await client.post(f"/v1/loans/{loan_id}/disbursements", json=body, headers=headers)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert await cash(client, tokens, fund) == D("7000000.00")
    changed = await client.post(
        f"/v1/loans/{loan_id}/disbursements", json={"amount": "1.00"}, headers=headers
    )
    assert changed.status_code == 422
    assert changed.json()["type"].endswith("/idempotency-key-reused")

    pay = {**bank, "Idempotency-Key": "pay-1"}
    body = {"amount": "10.00", "external_reference": "BRI-1"}
    first = await client.post(f"/v1/loans/{loan_id}/repayments", json=body, headers=pay)
    again = await client.post(f"/v1/loans/{loan_id}/repayments", json=body, headers=pay)
    assert again.json() == first.json()
    assert await transactions_count(app, loan_id) == 2
    assert await cash(client, tokens, fund) == D("7000010.00")


async def test_end_of_day_twice_for_the_same_date_changes_nothing(app, client, tokens) -> None:
    fund, loan_id = await _active_loan(app, client, tokens)
    first = await eod(client, tokens, fund, date(2026, 2, 10))
    assert first["business_date"] == "2026-02-11"
    assert len(first["closed"]) == 37  # 5 January to 10 February
    assert sum(D(d["penalties_charged"]) for d in first["closed"]) == D("5600.00")
    overdue = await events(app, EventType.LOAN_OVERDUE, loan_id)
    pos = await position(client, tokens, loan_id)
    count = await transactions_count(app, loan_id)

    again = await eod(client, tokens, fund, date(2026, 2, 10))
    assert again == {"fund_id": str(fund.id), "business_date": "2026-02-11", "closed": []}
    earlier = await eod(client, tokens, fund, date(2026, 1, 20))
    assert earlier["closed"] == []
    assert await transactions_count(app, loan_id) == count
    assert await events(app, EventType.LOAN_OVERDUE, loan_id) == overdue
    assert await position(client, tokens, loan_id) == pos
    assert pos["arrears"]["days_past_due"] == 6
    assert pos["penalty_outstanding"] == "5600.00"  # 6-10 February, 1,120.00 a day
    # The date to close through is required: a retry can never close one day more.
    resp = await client.post(f"/v1/funds/{fund.id}/end-of-day", json={}, headers=tokens.officer)
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["field"] == "body.through"


async def test_end_of_day_job_closes_the_same_days_as_the_api_and_is_idempotent(
    app, client, tokens, settings
) -> None:
    from financing.jobs import end_of_day as job

    fund, loan_id = await _active_loan(app, client, tokens)
    first = await job(fund.id, date(2026, 2, 10), settings)
    assert first == {
        "business_date": "2026-02-11",
        "days_closed": 37,
        "penalties_charged": D("5600.00"),
        "class_changes": 1,
    }
    pos = await position(client, tokens, loan_id)
    assert pos["penalty_outstanding"] == "5600.00"
    again = await job(fund.id, date(2026, 2, 10), settings)
    assert again["days_closed"] == 0 and again["business_date"] == "2026-02-11"
    assert await position(client, tokens, loan_id) == pos
    audit = await client.get("/v1/audit-records", headers=tokens.officer)
    actions = [r["action"] for r in audit.json()["items"] if r["actor"] == "cli"]
    assert actions.count("fund.end_of_day") == 2


async def test_business_date_moves_only_by_end_of_day_once_loans_move(app, client, tokens) -> None:
    fund, _loan_id = await _active_loan(app, client, tokens)
    resp = await client.post(
        f"/v1/funds/{fund.id}/business-date",
        json={"business_date": "2026-03-01"},
        headers=tokens.officer,
    )
    assert resp.status_code == 409
    resp = await client.get(f"/v1/funds/{fund.id}/business-date", headers=tokens.committee)
    assert resp.json()["business_date"] == "2026-01-05"


# --- who may do what --------------------------------------------------------------------------


async def test_cooperatives_see_only_their_own_loans(app, client, tokens) -> None:
    owner = uuid.uuid4()
    _fund, loan_id = await _active_loan(app, client, tokens, cooperative_id=owner)
    own = await client.get(f"/v1/loans/{loan_id}/position", headers=tokens.cooperative(owner))
    assert own.status_code == 200
    assert own.json()["cooperative_id"] == str(owner)
    for path in ("position", "schedule", "statement", "payoff-quote"):
        foreign = await client.get(
            f"/v1/loans/{loan_id}/{path}", headers=tokens.cooperative(uuid.uuid4())
        )
        assert foreign.status_code == 404, path
        assert foreign.json()["type"].endswith("/not-found")
        assert str(owner) not in foreign.text


@pytest.mark.parametrize(
    ("role", "kw", "method", "path", "status"),
    [
        ("cooperative", {"org": "self"}, "post", "repayments", 403),
        ("partner", {"scopes": ["funds:read"]}, "post", "repayments", 403),
        ("offtaker", {"org": "other"}, "get", "position", 403),
        ("cooperative", {"org": "self"}, "post", "write-offs", 403),
        ("fund_committee", {}, "post", "disbursements", 403),
        ("cooperative", {"org": "self"}, "post", "disbursements", 403),
        ("partner", {"scopes": ["repayments"]}, "post", "disbursements", 403),
    ],
)
async def test_roles_and_scopes(app, client, tokens, role, kw, method, path, status) -> None:
    owner = uuid.uuid4()
    _fund, loan_id = await _active_loan(app, client, tokens, cooperative_id=owner)
    if kw.get("org") == "self":
        kw = {**kw, "org": owner}
    elif kw.get("org") == "other":
        kw = {**kw, "org": uuid.uuid4()}
    headers = tokens(role, **kw)
    bodies = {
        "repayments": {"amount": "1.00", "external_reference": "R-1"},
        "write-offs": {"reason": "uncollectable"},
        "disbursements": {"amount": "1.00"},
    }
    if method == "post":
        resp = await client.post(f"/v1/loans/{loan_id}/{path}", json=bodies[path], headers=headers)
    else:
        resp = await client.get(f"/v1/loans/{loan_id}/{path}", headers=headers)
    assert resp.status_code == status, resp.text
    assert await transactions_count(app, loan_id) == 1


async def test_without_a_token(app, client, tokens) -> None:
    _fund, loan_id = await _active_loan(app, client, tokens)
    resp = await client.get(f"/v1/loans/{loan_id}/position")
    assert resp.status_code == 401


async def test_every_command_leaves_an_audit_row(app, client, tokens, bank) -> None:
    _fund, loan_id = await _active_loan(app, client, tokens)
    await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "10.00", "external_reference": "R-1"},
        headers=bank,
    )
    await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "0", "external_reference": "R-2"},
        headers=bank,
    )
    missing = await client.post(
        f"/v1/loans/{loan_id}/transactions/{uuid.uuid4()}/reversal",
        json={"reason": "typo"},
        headers=tokens.officer,
    )
    assert missing.status_code == 404
    resp = await client.get(f"/v1/audit-records?target_id={loan_id}", headers=tokens.committee)
    assert resp.status_code == 200, resp.text
    rows = [(r["action"], r["outcome"], r["actor"]) for r in resp.json()["items"]]
    assert ("loan.disburse", "succeeded", "officer-1") in rows
    assert ("loan.repay", "succeeded", "bank-bri") in rows
    assert ("loan.reverse", "refused", "officer-1") in rows


async def test_loans_list_and_read(app, client, tokens) -> None:
    owner = uuid.uuid4()
    fund, mine = await _active_loan(app, client, tokens, cooperative_id=owner)
    theirs = await signed_loan(app, fund, cooperative_id=uuid.uuid4(), commit=False)
    also_mine = await signed_loan(app, fund, cooperative_id=owner, commit=False)

    resp = await client.get("/v1/loans", headers=tokens.cooperative(owner))
    assert resp.status_code == 200, resp.text
    items = resp.json()["items"]
    assert [i["id"] for i in items] == [str(also_mine), str(mine)]
    assert items[1]["principal_outstanding"] == "12000000.00"
    assert items[1]["status"] == "active"
    assert items[0]["principal_outstanding"] == "0.00"
    # Asking for another cooperative's loans still answers only one's own.
    other = await client.get(
        f"/v1/loans?cooperative_id={uuid.uuid4()}", headers=tokens.cooperative(owner)
    )
    assert [i["id"] for i in other.json()["items"]] == [str(also_mine), str(mine)]

    first = await client.get(f"/v1/loans?fund_id={fund.id}&limit=2", headers=tokens.committee)
    page = first.json()
    assert [i["id"] for i in page["items"]] == [str(also_mine), str(theirs)]
    rest = await client.get(
        f"/v1/loans?fund_id={fund.id}&limit=2&cursor={page['next_cursor']}",
        headers=tokens.committee,
    )
    assert [i["id"] for i in rest.json()["items"]] == [str(mine)]
    assert rest.json()["next_cursor"] is None
    active = await client.get("/v1/loans?status=active", headers=tokens.officer)
    assert [i["id"] for i in active.json()["items"]] == [str(mine)]

    resp = await client.get(f"/v1/loans/{mine}", headers=tokens.cooperative(owner))
    assert resp.status_code == 200
    assert resp.json()["approved_amount"] == "12000000.00"
    assert resp.json()["collectibility"] == 1
    resp = await client.get(f"/v1/loans/{theirs}", headers=tokens.cooperative(owner))
    assert resp.status_code == 404


async def test_a_waived_penalty_stays_waived_when_a_backdated_payment_reprices(
    app, client, tokens, bank
) -> None:
    fund, loan_id = await _active_loan(app, client, tokens)
    await eod(client, tokens, fund, date(2026, 2, 10))
    statement = (await client.get(f"/v1/loans/{loan_id}/statement", headers=tokens.officer)).json()
    penalty_7th = next(
        r["transaction"]["id"]
        for r in statement["rows"]
        if r["transaction"]["kind"] == "penalty_charge"
        and r["transaction"]["value_date"] == "2026-02-07"
    )
    resp = await client.post(
        f"/v1/loans/{loan_id}/transactions/{penalty_7th}/reversal",
        json={"reason": "waived: bank holiday"},
        headers=tokens.officer,
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["loan"]["penalty_outstanding"] == "4480.00"
    resp = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "500000.00", "external_reference": "R-6", "value_date": "2026-02-06"},
        headers=bank,
    )
    assert resp.status_code == 201, resp.text
    # 620,000 left overdue from 6 February: 620.00 a day on the 6th, 8th, 9th and 10th.
    assert resp.json()["loan"]["penalty_outstanding"] == "2480.00"


async def test_undoing_a_later_tranche_keeps_the_penalties_already_due(app, client, tokens) -> None:
    fund = await make_fund(client, tokens, "12000000.00")
    loan_id = await signed_loan(app, fund, max_tranches=2)
    await client.post(
        f"/v1/loans/{loan_id}/disbursements", json={"amount": "6000000.00"}, headers=tokens.officer
    )
    await eod(client, tokens, fund, date(2026, 2, 10))
    # Installment 1 of the 6,000,000 schedule (560,000) is late: 560.00 a day since 6 February.
    assert (await position(client, tokens, loan_id))["penalty_outstanding"] == "2800.00"
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements", json={"amount": "6000000.00"}, headers=tokens.officer
    )
    assert resp.status_code == 201, resp.text
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements/undo",
        json={"reason": "duplicate transfer order"},
        headers=tokens.officer,
    )
    assert resp.status_code == 200, resp.text
    pos = resp.json()["loan"]
    assert (pos["status"], pos["disbursed"], pos["penalty_outstanding"]) == (
        "active",
        "6000000.00",
        "2800.00",
    )
    assert await cash(client, tokens, fund) == D("6000000.00")


@pytest.mark.parametrize("through", ["2000-01-01", "2026-12-31"])
async def test_end_of_day_of_an_unknown_fund_is_404_and_writes_nothing(
    app, client, tokens, through
) -> None:
    """Found by the fuzzer: closing days of a fund that does not exist once wrote a business-date
    row pointing nowhere and failed at commit (500)."""
    from sqlalchemy import text

    missing = uuid.uuid4()
    resp = await client.post(
        f"/v1/funds/{missing}/end-of-day", json={"through": through}, headers=tokens.officer
    )
    assert resp.status_code == 404, resp.text
    assert resp.headers["content-type"] == "application/problem+json"
    assert str(missing) in resp.json()["detail"]
    async with app.state.engine.connect() as conn:
        rows = await conn.scalar(
            text("SELECT count(*) FROM fund_business_dates WHERE fund_id = :f"), {"f": missing}
        )
    assert rows == 0
