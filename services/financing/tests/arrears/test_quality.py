"""Loan quality over time, write-off and recovery, overpayment and refund, rescheduling with four
eyes, backdating equivalence through the API, and the fund reports."""

from __future__ import annotations

import uuid
from datetime import date

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
)


async def _disbursed(app, client, tokens, fund, **kw):  # type: ignore[no-untyped-def]
    loan_id = await signed_loan(app, fund, max_tranches=1, **kw)
    amount = kw.get("amount", "12000000.00")
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements", json={"amount": amount}, headers=tokens.officer
    )
    assert resp.status_code == 201, resp.text
    return loan_id


async def test_collectibility_climbs_to_macet_then_write_off_and_recovery(
    app, client, tokens, bank
) -> None:
    fund = await make_fund(client, tokens, "12000000.00")
    loan_id = await _disbursed(app, client, tokens, fund, penalty_rate=None)
    # First installment due 5 February and nothing ever paid.
    await eod(client, tokens, fund, date(2026, 8, 4))
    pos = await position(client, tokens, loan_id)
    assert pos["arrears"]["days_past_due"] == 181
    assert pos["arrears"]["collectibility"] == 5
    assert pos["arrears"]["collectibility_label"] == "macet"
    assert pos["penalty_outstanding"] == "0.00"  # the product has no penalty rate
    climbs = await events(app, EventType.LOAN_OVERDUE, loan_id)
    assert [(e["from_class"], e["to_class"], e["days_past_due"]) for e in climbs] == [
        (1, 2, 1),
        (2, 3, 91),
        (3, 4, 121),
        (4, 5, 181),
    ]
    portfolio = (
        await client.get(f"/v1/funds/{fund.id}/portfolio", headers=tokens.committee)
    ).json()
    assert portfolio["total"]["npl_ratio"] == "1.0000"
    assert portfolio["by_collectibility"][4]["principal_outstanding"] == "12000000.00"

    resp = await client.post(
        f"/v1/loans/{loan_id}/write-off",
        json={"reason": "macet; handed to PUPN"},
        headers=tokens.committee,
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["loan"]["status"] == "closed_written_off"
    assert resp.json()["loan"]["written_off_principal"] == "12000000.00"
    fund_pos = (await client.get(f"/v1/funds/{fund.id}/position", headers=tokens.committee)).json()
    assert fund_pos["principal_outstanding"] == "0.00"
    assert fund_pos["writeoff_losses"] == "12000000.00"
    written = await events(app, EventType.LOAN_WRITTEN_OFF, loan_id)
    assert written[0]["principal"] == "12000000.00"
    # The unpaid interest of all twelve installments (120,000 each) is forgiven with it.
    assert written[0]["interest_and_charges"] == "1440000.00"

    # A repayment on a written-off loan is refused; a recovery is recorded.
    resp = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "1.00", "external_reference": "BRI-1"},
        headers=bank,
    )
    assert resp.status_code == 409
    assert resp.json()["allowed"] == ["recover"]
    resp = await client.post(
        f"/v1/loans/{loan_id}/recoveries",
        json={"amount": "2500000.00", "external_reference": "PUPN-1"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    assert resp.json()["transaction"]["allocation"]["recovered"] == "2500000.00"
    assert resp.json()["loan"]["status"] == "closed_written_off"
    assert await cash(client, tokens, fund) == D("2500000.00")
    assert await loan_ledger(app, loan_id) == {
        "cash": D("-9500000.00"),
        "writeoff_losses": D("12000000.00"),
        "recovery_income": D("-2500000.00"),
    }


async def test_overpayment_then_refund(app, client, tokens, bank) -> None:
    fund = await make_fund(client, tokens, "1000000.00")
    loan_id = await _disbursed(app, client, tokens, fund, amount="1000000.00", tenor=2)
    # Two installments of 500,000 + 10,000; 1,030,000 pays both and 10,000 more.
    resp = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "1030000.00", "external_reference": "BRI-9"},
        headers=bank,
    )
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["loan"]["status"] == "overpaid"
    assert body["loan"]["overpayment"] == "10000.00"
    assert body["transaction"]["allocation"]["overpayment"] == "10000.00"
    resp = await client.post(
        f"/v1/loans/{loan_id}/overpayment-refunds",
        json={"amount": "10000.01"},
        headers=tokens.officer,
    )
    assert resp.status_code == 422
    resp = await client.post(
        f"/v1/loans/{loan_id}/overpayment-refunds",
        json={"amount": "10000.00", "reference": "REFUND-1"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    assert resp.json()["loan"]["status"] == "closed_obligations_met"
    assert await cash(client, tokens, fund) == D("1020000.00")
    assert await loan_ledger(app, loan_id) == {
        "cash": D("20000.00"),
        "interest_income": D("-20000.00"),
    }
    assert len(await events(app, EventType.LOAN_CLOSED, loan_id)) == 1


async def test_reversing_the_payment_that_closed_a_loan_reopens_it(
    app, client, tokens, bank
) -> None:
    fund = await make_fund(client, tokens, "1000000.00")
    loan_id = await _disbursed(app, client, tokens, fund, amount="1000000.00", tenor=2)
    resp = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "1020000.00", "external_reference": "BRI-ALL"},
        headers=bank,
    )
    assert resp.status_code == 201, resp.text
    assert resp.json()["loan"]["status"] == "closed_obligations_met"
    payment = resp.json()["transaction"]["id"]
    assert await events(app, EventType.LOAN_REOPENED, loan_id) == []
    resp = await client.post(
        f"/v1/loans/{loan_id}/transactions/{payment}/reversal",
        json={"reason": "the transfer bounced"},
        headers=tokens.officer,
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["loan"]["status"] == "active"
    [reopened] = await events(app, EventType.LOAN_REOPENED, loan_id)
    assert (reopened["from_status"], reopened["status"]) == ("closed_obligations_met", "active")
    assert reopened["principal_outstanding"] == "1000000.00"
    assert reopened["reopened_on"] == "2026-01-05"
    [closed] = await events(app, EventType.LOAN_CLOSED, loan_id)
    assert closed["reason"] == "obligations_met"


async def test_reschedule_needs_four_eyes(app, client, tokens) -> None:
    fund = await make_fund(client, tokens, "12000000.00")
    loan_id = await _disbursed(app, client, tokens, fund, penalty_rate=None)
    await eod(client, tokens, fund, date(2026, 3, 9))  # installments 1 and 2 overdue
    terms = {"tenor_periods": 12, "grace_periods": 3, "capitalise_arrears": True}
    resp = await client.post(
        f"/v1/loans/{loan_id}/reschedule-preview", json=terms, headers=tokens.officer
    )
    assert resp.status_code == 200, resp.text
    preview = resp.json()
    # 240,000 due + 5 of installment 3's 31 days (120,000 * 5 / 31 = 19,354.84) capitalised.
    assert preview["capitalised_interest"] == "259354.84"
    assert preview["new_principal"] == "12259354.84"
    assert [i["principal"] for i in preview["installments"][:3]] == ["0.00"] * 3
    assert preview["installments"][0]["due_date"] == "2026-04-10"

    maker = tokens("fund_committee", sub="committee-maker")
    resp = await client.post(
        f"/v1/loans/{loan_id}/reschedules",
        json={**terms, "reason": "harvest failed; principal holiday until July"},
        headers=maker,
    )
    assert resp.status_code == 201, resp.text
    request_id = resp.json()["id"]
    assert resp.json()["status"] == "proposed"
    decision = f"/v1/loans/{loan_id}/reschedules/{request_id}/decision"
    resp = await client.post(decision, json={"approve": True, "note": "fine"}, headers=maker)
    assert resp.status_code == 403
    assert resp.json()["type"].endswith("/four-eyes")
    assert (await position(client, tokens, loan_id))["rescheduled_on"] is None

    resp = await client.post(
        decision, json={"approve": True, "note": "survey confirms"}, headers=tokens.committee
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["status"] == "approved"
    assert resp.json()["decided_by"] == "committee-1"
    successor = resp.json()["successor_loan_id"]
    old = await position(client, tokens, loan_id)
    assert old["status"] == "closed_rescheduled"
    assert old["rescheduled_on"] == "2026-03-10"
    assert old["rescheduled_to_id"] == successor
    assert old["principal_outstanding"] == "0.00"
    assert old["principal_rescheduled_out"] == "12259354.84"
    pos = await position(client, tokens, successor)
    assert pos["rescheduled_from_id"] == str(loan_id)
    assert pos["principal_outstanding"] == "12259354.84"
    assert pos["principal_rescheduled_in"] == "12259354.84"
    assert pos["disbursed"] == "0.00"
    assert pos["arrears"]["days_past_due"] == 0
    assert pos["status"] == "active"
    schedule = (await client.get(f"/v1/loans/{successor}/schedule", headers=tokens.officer)).json()
    assert len(schedule["rows"]) == 12
    assert schedule["rows"][0]["due_date"] == "2026-04-10"
    assert [r["principal"] for r in schedule["rows"][:3]] == ["0.00"] * 3  # grace
    old_schedule = (
        await client.get(f"/v1/loans/{loan_id}/schedule", headers=tokens.officer)
    ).json()
    assert {r["status"] for r in old_schedule["rows"]} == {"rescheduled"}
    # Capitalised interest is income of the closed loan; loans receivable moved to the successor.
    assert await loan_ledger(app, loan_id) == {
        "cash": D("-12000000.00"),
        "interest_income": D("-259354.84"),
    }
    assert await loan_ledger(app, uuid.UUID(successor)) == {"loans_receivable": D("12259354.84")}
    again = await client.post(
        decision, json={"approve": True, "note": "twice"}, headers=tokens.committee
    )
    assert again.status_code == 409


async def test_backdated_and_reversed_through_the_api_equal_in_order(
    app, client, tokens, bank
) -> None:
    fund = await make_fund(client, tokens, "24000000.00")
    in_order = await _disbursed(app, client, tokens, fund)
    shuffled = await _disbursed(app, client, tokens, fund)
    await eod(client, tokens, fund, date(2026, 2, 4))
    await client.post(
        f"/v1/loans/{in_order}/repayments",
        json={"amount": "1120000.00", "external_reference": "A-1"},
        headers=bank,
    )
    await eod(client, tokens, fund, date(2026, 2, 19))
    await client.post(
        f"/v1/loans/{in_order}/repayments",
        json={"amount": "700000.00", "external_reference": "A-2"},
        headers=bank,
    )
    await eod(client, tokens, fund, date(2026, 3, 15))
    # The other loan hears of the same payments late, out of order, plus one that bounced.
    for ref, amount, day in [
        ("B-2", "700000.00", "2026-02-20"),
        ("B-X", "999999.00", "2026-02-10"),
        ("B-1", "1120000.00", "2026-02-05"),
    ]:
        resp = await client.post(
            f"/v1/loans/{shuffled}/repayments",
            json={"amount": amount, "external_reference": ref, "value_date": day},
            headers=bank,
        )
        assert resp.status_code == 201, resp.text
        if ref == "B-X":
            bounced = resp.json()["transaction"]["id"]
    resp = await client.post(
        f"/v1/loans/{shuffled}/transactions/{bounced}/reversal",
        json={"reason": "returned"},
        headers=tokens.officer,
    )
    assert resp.status_code == 200, resp.text

    def paid(schedule):  # type: ignore[no-untyped-def]
        keep = ("principal_paid", "interest_paid", "penalty", "penalty_paid", "paid_on")
        return [{k: r[k] for k in keep} for r in schedule["rows"]]

    a = (await client.get(f"/v1/loans/{in_order}/schedule", headers=tokens.officer)).json()
    b = (await client.get(f"/v1/loans/{shuffled}/schedule", headers=tokens.officer)).json()
    assert paid(a) == paid(b)
    # Installment 2 (due 5 March) was partly paid and is 10 days late: penalties on the rest.
    assert a["rows"][1]["penalty"] == "4200.00"  # 6-15 March on 420,000, 420.00 a day
    pa, pb = await position(client, tokens, in_order), await position(client, tokens, shuffled)
    for key in ("principal_outstanding", "interest_outstanding", "penalty_outstanding"):
        assert pa[key] == pb[key]
    assert pa["arrears"] == pb["arrears"]
    ledger_a, ledger_b = await loan_ledger(app, in_order), await loan_ledger(app, shuffled)
    assert ledger_a == ledger_b


async def test_fund_reports(app, client, tokens, bank) -> None:
    fund = await make_fund(client, tokens, "30000000.00")
    java = await _disbursed(app, client, tokens, fund, province="33", product_code="MK-JATENG")
    await _disbursed(
        app, client, tokens, fund, amount="6000000.00", province="73", product_code="INV-SULSEL"
    )
    await eod(client, tokens, fund, date(2026, 2, 4))
    await client.post(
        f"/v1/loans/{java}/repayments",
        json={"amount": "1120000.00", "external_reference": "J-1"},
        headers=bank,
    )
    await eod(client, tokens, fund, date(2026, 5, 10))  # Sulawesi never pays: 95 days late

    resp = await client.get(
        f"/v1/funds/{fund.id}/portfolio?date_from=2026-01-01&date_to=2026-03-31",
        headers=tokens.committee,
    )
    assert resp.status_code == 200, resp.text
    report = resp.json()
    assert report["as_of"] == "2026-05-11"
    assert report["total"]["principal_outstanding"] == "17000000.00"
    assert report["total"]["non_performing"] == "6000000.00"
    assert report["total"]["npl_ratio"] == "0.3529"
    classes = {b["key"]: b["principal_outstanding"] for b in report["by_collectibility"]}
    assert classes["2 dalam perhatian khusus"] == "11000000.00"
    assert classes["3 kurang lancar"] == "6000000.00"
    assert [(b["key"], b["npl_ratio"]) for b in report["by_product"]] == [
        ("INV-SULSEL", "1.0000"),
        ("MK-JATENG", "0.0000"),
    ]
    assert [(b["key"], b["loans"]) for b in report["by_province"]] == [("33", 1), ("73", 1)]
    assert report["flows"]["disbursed"] == "18000000.00"
    assert report["flows"]["repaid"] == "1120000.00"
    assert report["flows"]["principal_repaid"] == "1000000.00"

    resp = await client.get(
        f"/v1/funds/{fund.id}/position-history?date_from=2026-01-01&date_to=2026-03-15",
        headers=tokens.committee,
    )
    assert resp.status_code == 200, resp.text
    points = [(p["date"], p["cash"], p["loans_receivable"]) for p in resp.json()["points"]]
    assert points == [
        ("2026-01-01", "0.00", "0.00"),
        ("2026-01-31", "12000000.00", "18000000.00"),
        ("2026-02-28", "13120000.00", "17000000.00"),
        ("2026-03-15", "13120000.00", "17000000.00"),
    ]

    resp = await client.get(f"/v1/funds/{fund.id}/cash-forecast?months=3", headers=tokens.committee)
    assert resp.status_code == 200, resp.text
    forecast = resp.json()
    assert forecast["cash_now"] == "13120000.00"
    assert [m["month"] for m in forecast["months"]] == ["2026-05", "2026-06", "2026-07"]
    # Java's installments 2-4 (1,000,000 principal each) and Sulawesi's 1-4 (500,000 each).
    assert forecast["overdue"]["principal"] == "5000000.00"
    assert forecast["months"][0]["total"] == "0.00"
    assert forecast["months"][1]["principal"] == "1500000.00"  # June: 1,000,000 + 500,000
    assert forecast["months"][1]["interest"] == "180000.00"

    foreign = await client.get(
        f"/v1/funds/{fund.id}/portfolio", headers=tokens.cooperative(uuid.uuid4())
    )
    assert foreign.status_code == 403
