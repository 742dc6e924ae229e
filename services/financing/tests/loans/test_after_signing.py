"""Servicing a loan that part 1's pipeline signed (product, approval, akad all through the API):
the terms it fixed (plural allocation names, tolerance days, grace, whole-rupiah rounding) are
the ones servicing uses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from financing.schedules.engine import add_months
from kopmod_shared.events import EventType

from ..helpers import approved, funded_fund, make_product
from .conftest import D, events, loan_ledger, position


async def test_a_loan_signed_through_the_pipeline_is_serviced(
    app, client, tokens, fake_registry, bank
) -> None:
    fund = await funded_fund(client, tokens, capital="1000000000.00")
    product = await make_product(client, tokens, fund["id"], penalty_rate="0.1825")
    application = await approved(client, tokens, fake_registry, product["id"])
    # Signing happens on the wall clock; the fund's business date starts there.
    today = datetime.now(UTC).date()
    first_due = add_months(today, 1)
    signed = await client.post(
        f"/v1/applications/{application['id']}/sign",
        json={"first_due_date": first_due.isoformat(), "note": "akad"},
        headers=tokens.officer,
    )
    assert signed.status_code == 201, signed.text
    loan = signed.json()
    assert loan["allocation_order"] == ["penalties", "fees", "interest", "principal"]
    loan_id = loan["id"]
    resp = await client.post(
        f"/v1/funds/{fund['id']}/business-date",
        json={"business_date": today.isoformat()},
        headers=tokens.officer,
    )
    assert resp.status_code == 200, resp.text

    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements",
        json={"amount": "500000000.00"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    fund_resp = await client.get(f"/v1/funds/{fund['id']}/position", headers=tokens.committee)
    fund_pos = fund_resp.json()
    assert fund_pos["cash"] == "500000000.00"
    assert fund_pos["committed"] == "0.00"
    schedule = (await client.get(f"/v1/loans/{loan_id}/schedule", headers=tokens.officer)).json()
    rows = schedule["rows"]
    assert len(rows) == 36
    # Three months of grace on principal: interest only, 3% a year on 500m = 1,250,000.
    assert [(r["due_date"], r["principal"], r["interest"]) for r in rows[:1]] == [
        (first_due.isoformat(), "0.00", "1250000.00")
    ]
    assert schedule["total_principal"] == "500000000.00"

    # The product tolerates 5 days: on the 5th day late the loan is still current.
    resp = await client.post(
        f"/v1/funds/{fund['id']}/end-of-day",
        json={"through": (first_due + timedelta(days=4)).isoformat()},
        headers=tokens.officer,
    )
    assert resp.status_code == 200, resp.text
    pos = await position(client, tokens, loan_id)
    assert pos["arrears"]["days_past_due"] == 0
    resp = await client.post(
        f"/v1/funds/{fund['id']}/end-of-day",
        json={"through": (first_due + timedelta(days=6)).isoformat()},
        headers=tokens.officer,
    )
    pos = await position(client, tokens, loan_id)
    assert (pos["arrears"]["days_past_due"], pos["arrears"]["collectibility"]) == (7, 2)
    # No penalty within the tolerance; the 6th day late costs 1,250,000 * 18.25% / 365.
    assert pos["penalty_outstanding"] == "625.00"

    # The bank's transfer was made on the due date after all: backdated, nothing was late.
    resp = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={
            "amount": "1250000.00",
            "external_reference": "BRI-2026-0001",
            "value_date": first_due.isoformat(),
        },
        headers=bank,
    )
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["transaction"]["allocation"]["interest"] == "1250000.00"
    assert body["loan"]["penalty_outstanding"] == "0.00"
    assert body["loan"]["arrears"]["collectibility"] == 1
    assert [
        (e["from_class"], e["to_class"]) for e in await events(app, EventType.LOAN_OVERDUE)
    ] == [(1, 2), (2, 1)]
    assert await loan_ledger(app, loan_id) == {
        "cash": D("-498750000.00"),
        "loans_receivable": D("500000000.00"),
        "interest_income": D("-1250000.00"),
    }
