"""A loan from signed agreement to closed, its principal back in the fund and lent again.

Flat 12% a year over 12 months, 12,000,000 in two tranches (5 and 20 January), first due 5
February: installment 1 is 1,000,000 principal + 60,000 (tranche 1, a full month) + 30,967.74
(tranche 2, 16 of 31 days) = 1,090,967.74; every later one 1,000,000 + 120,000. Penalty 36.5% a
year on overdue principal and interest: 1,120.00 a day on one overdue installment.
"""

from __future__ import annotations

import uuid
from datetime import date

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


async def test_a_loan_from_signing_to_closed_and_the_money_lent_again(
    app, client, tokens, bank
) -> None:
    fund = await make_fund(client, tokens, "12000000.00")
    coop = uuid.uuid4()
    loan_id = await signed_loan(app, fund, cooperative_id=coop)
    assert (await position(client, tokens, loan_id))["status"] == "pending_disbursement"

    # Tranche 1 on the business date.
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements",
        json={"amount": "6000000.00", "reference": "SP2D-001"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["loan"]["status"] == "active"
    assert body["loan"]["disbursed"] == "6000000.00"
    assert body["transaction"]["kind"] == "disbursement"
    assert await cash(client, tokens, fund) == D("6000000.00")

    # Tranche 2 fifteen days later: the schedule is recomputed over both.
    await eod(client, tokens, fund, date(2026, 1, 19))
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements",
        json={"amount": "6000000.00"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    assert resp.json()["transaction"]["value_date"] == "2026-01-20"
    assert await cash(client, tokens, fund) == D("0.00")
    schedule = (await client.get(f"/v1/loans/{loan_id}/schedule", headers=tokens.officer)).json()
    assert len(schedule["rows"]) == 12
    assert schedule["total_principal"] == "12000000.00"
    first = schedule["rows"][0]
    assert (first["due_date"], first["principal"], first["interest"]) == (
        "2026-02-05",
        "1000000.00",
        "90967.74",
    )
    assert schedule["rows"][1]["interest"] == "120000.00"

    # On time: the cooperative's bank pays installment 1 on its due date.
    await eod(client, tokens, fund, date(2026, 2, 4))
    resp = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "1090967.74", "external_reference": "BRI-0001"},
        headers=bank,
    )
    assert resp.status_code == 201, resp.text
    alloc = resp.json()["transaction"]["allocation"]
    assert (alloc["principal"], alloc["interest"], alloc["penalty"]) == (
        "1000000.00",
        "90967.74",
        "0.00",
    )
    assert resp.json()["loan"]["principal_outstanding"] == "11000000.00"

    # Late: installment 2 (due 5 March) is not paid; the loan moves to class 2.
    closed = await eod(client, tokens, fund, date(2026, 3, 5))
    assert closed["business_date"] == "2026-03-06"
    assert closed["closed"][-1]["class_changes"] == [
        {"loan_id": str(loan_id), "from_class": 1, "to_class": 2, "days_past_due": 1}
    ]
    await eod(client, tokens, fund, date(2026, 3, 9))
    pos = await position(client, tokens, loan_id)
    assert pos["arrears"]["days_past_due"] == 5
    assert pos["arrears"]["collectibility"] == 2
    assert pos["arrears"]["collectibility_label"] == "dalam perhatian khusus"
    assert pos["penalty_outstanding"] == "4480.00"  # 6-9 March, 1,120.00 a day

    # Backdated: the bank reports a transfer made on 6 March. Replayed in date order, the
    # installment was paid on 6 March, so no penalty was ever due.
    resp = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={
            "amount": "1120000.00",
            "external_reference": "BRI-0002",
            "value_date": "2026-03-06",
        },
        headers=bank,
    )
    assert resp.status_code == 201, resp.text
    pos = resp.json()["loan"]
    assert pos["penalty_outstanding"] == "0.00"
    assert pos["arrears"]["days_past_due"] == 0
    assert pos["principal_outstanding"] == "10000000.00"
    rows = (await client.get(f"/v1/loans/{loan_id}/schedule", headers=tokens.officer)).json()
    assert rows["rows"][1]["paid_on"] == "2026-03-06"
    assert rows["rows"][1]["penalty"] == "0.00"

    # Reversed: the transfer bounced. The penalties of 6-9 March come back.
    transfer = resp.json()["transaction"]["id"]
    resp = await client.post(
        f"/v1/loans/{loan_id}/transactions/{transfer}/reversal",
        json={"reason": "transfer returned by the bank"},
        headers=tokens.officer,
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["transaction"]["reversed"] is True
    pos = resp.json()["loan"]
    assert pos["penalty_outstanding"] == "4480.00"
    assert pos["arrears"]["days_past_due"] == 5
    assert pos["principal_outstanding"] == "11000000.00"

    # Paid late, penalties first.
    resp = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "1124480.00", "external_reference": "BRI-0003"},
        headers=bank,
    )
    assert resp.status_code == 201, resp.text
    alloc = resp.json()["transaction"]["allocation"]
    assert (alloc["penalty"], alloc["interest"], alloc["principal"]) == (
        "4480.00",
        "120000.00",
        "1000000.00",
    )
    assert resp.json()["loan"]["arrears"]["collectibility"] == 1

    # Installment 3 (due 5 April) late again; payoff on 15 April.
    await eod(client, tokens, fund, date(2026, 4, 14))
    resp = await client.get(f"/v1/loans/{loan_id}/payoff-quote", headers=tokens.officer)
    assert resp.status_code == 200, resp.text
    quote = resp.json()
    assert quote["on"] == "2026-04-15"
    assert quote["principal"] == "10000000.00"
    # Installment 3's 120,000 is due; 10 of installment 4's 30 days: 40,000.
    assert quote["interest"] == "160000.00"
    assert quote["penalty"] == "10080.00"  # 6-14 April
    assert quote["interest_waived"] == "1040000.00"
    assert quote["total"] == "10170080.00"
    resp = await client.post(
        f"/v1/loans/{loan_id}/payoff",
        json={"amount": "10170079.99", "external_reference": "BRI-0004"},
        headers=bank,
    )
    assert resp.status_code == 422, resp.text
    assert resp.json()["quote_total"] == "10170080.00"
    resp = await client.post(
        f"/v1/loans/{loan_id}/payoff",
        json={"amount": "10170080.00", "external_reference": "BRI-0004"},
        headers=bank,
    )
    assert resp.status_code == 201, resp.text
    pos = resp.json()["loan"]
    assert pos["status"] == "closed_obligations_met"
    assert pos["principal_outstanding"] == "0.00"
    assert pos["settled_on"] == "2026-04-15"

    # The revolving fund revolved: all principal is back in cash, with the income on top.
    assert await cash(client, tokens, fund) == D("12385527.74")
    fund_pos = (await client.get(f"/v1/funds/{fund.id}/position", headers=tokens.committee)).json()
    assert fund_pos["principal_outstanding"] == "0.00"
    assert fund_pos["income_to_date"] == "385527.74"
    assert await loan_ledger(app, loan_id) == {
        "cash": D("385527.74"),
        "interest_income": D("-370967.74"),
        "penalty_income": D("-14560.00"),
    }

    # A closed loan takes no more money.
    count = await transactions_count(app, loan_id)
    resp = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "10.00", "external_reference": "BRI-0005"},
        headers=bank,
    )
    assert resp.status_code == 409, resp.text
    assert resp.json()["current_state"] == "closed_obligations_met"
    assert await transactions_count(app, loan_id) == count

    # ... and lends it again to another cooperative.
    other = await signed_loan(app, fund, cooperative_id=uuid.uuid4(), max_tranches=1)
    resp = await client.post(
        f"/v1/loans/{other}/disbursements",
        json={"amount": "12000000.00"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    assert await cash(client, tokens, fund) == D("385527.74")

    # What the loan's events told the world.
    overdue = await events(app, EventType.LOAN_OVERDUE, loan_id)
    assert [(e["from_class"], e["to_class"]) for e in overdue] == [
        (1, 2),
        (2, 1),
        (1, 2),
        (2, 1),
        (1, 2),
    ]
    assert len(await events(app, EventType.LOAN_DISBURSED, loan_id)) == 2
    received = await events(app, EventType.REPAYMENT_RECEIVED, loan_id)
    assert [e["external_reference"] for e in received] == [
        "BRI-0001",
        "BRI-0002",
        "BRI-0003",
        "BRI-0004",
    ]
    closed_events = await events(app, EventType.LOAN_CLOSED, loan_id)
    assert len(closed_events) == 1 and closed_events[0]["closed_on"] == "2026-04-15"
    assert closed_events[0]["cooperative_id"] == str(coop)


async def test_statement_and_schedule_as_csv(app, client, tokens, bank) -> None:
    fund = await make_fund(client, tokens, "12000000.00")
    loan_id = await signed_loan(app, fund, max_tranches=1)
    await client.post(
        f"/v1/loans/{loan_id}/disbursements",
        json={"amount": "12000000.00"},
        headers=tokens.officer,
    )
    await eod(client, tokens, fund, date(2026, 2, 4))
    await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "1500000.00", "external_reference": "BRI-77"},
        headers=bank,
    )
    resp = await client.get(f"/v1/loans/{loan_id}/statement?format=csv", headers=tokens.officer)
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/csv")
    lines = resp.text.strip().split("\n")
    assert lines[0].startswith("value_date,kind,amount,external_reference,reversed,penalty,fee")
    assert lines[1].startswith("2026-01-05,disbursement,12000000.00,,False")
    # Installment 1 (120,000 + 1,000,000), then installment 2's interest, then its principal.
    assert lines[2].startswith(
        "2026-02-05,repayment,1500000.00,BRI-77,False,0.00,0.00,240000.00,1260000.00,0.00,"
    )
    repayment = dict(zip(lines[0].split(","), lines[2].split(","), strict=True))
    assert repayment["principal_outstanding_after"] == "10740000.00"

    statement = (await client.get(f"/v1/loans/{loan_id}/statement", headers=tokens.officer)).json()
    assert [r["principal_outstanding_after"] for r in statement["rows"]] == [
        "12000000.00",
        "10740000.00",
    ]
    resp = await client.get(
        f"/v1/loans/{loan_id}/schedule", headers={**tokens.officer, "Accept": "text/csv"}
    )
    rows = resp.text.strip().split("\n")
    assert len(rows) == 13
    header = rows[0].split(",")
    first = dict(zip(header, rows[1].split(","), strict=True))
    second = dict(zip(header, rows[2].split(","), strict=True))
    assert (first["status"], first["paid_on"], first["unpaid"]) == ("paid", "2026-02-05", "0.00")
    assert (second["interest_paid"], second["principal_paid"], second["unpaid"]) == (
        "120000.00",
        "260000.00",
        "740000.00",
    )
    assert second["status"] == "partly_paid"
