"""Fees charged to a loan: later repayments pay them in the product's allocation order, the
statement shows them, a reference makes the charge idempotent, a reversal waives them, and bad
requests write nothing."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from financing.audit.models import AuditRecord
from kopmod_shared.events import EventType

from ..loans.conftest import D, cash, events, loan_ledger, make_fund, position, signed_loan
from ..loans.conftest import transactions_count as count

FEE = {
    "amount": "25000.00",
    "kind": "administration",
    "reason": "restructuring file and notary copies",
    "external_reference": "ADM-2026-001",
}


async def _active_loan(app, client, tokens, **kw):  # type: ignore[no-untyped-def]
    """12,000,000 (unless ``amount``) flat 12% over 12 months disbursed on 5 January (the
    business date): installment 1 is 1,000,000 principal + 120,000 interest, due 5 February."""
    fund = await make_fund(client, tokens, "12000000.00")
    loan_id = await signed_loan(app, fund, max_tranches=1, **kw)
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements",
        json={"amount": kw.get("amount", "12000000.00")},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    return fund, loan_id


async def _audits(app: Any, loan_id: uuid.UUID) -> list[tuple[str, str]]:
    async with app.state.sessionmaker() as session:
        rows = await session.execute(
            select(AuditRecord.outcome, AuditRecord.actor).where(
                AuditRecord.action == "loan.charge_fee", AuditRecord.target_id == loan_id
            )
        )
        return [(r[0], r[1]) for r in rows.all()]


async def test_a_fee_is_paid_before_interest_and_principal(app, client, tokens, bank) -> None:
    fund, loan_id = await _active_loan(app, client, tokens)
    resp = await client.post(f"/v1/loans/{loan_id}/fees", json=FEE, headers=tokens.officer)
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["replayed"] is False
    fee = body["transaction"]
    assert (fee["kind"], fee["charge_kind"], fee["amount"], fee["value_date"]) == (
        "fee_charge",
        "administration",
        "25000.00",
        "2026-01-05",
    )
    assert fee["note"] == FEE["reason"]
    assert fee["external_reference"] == "ADM-2026-001"
    assert body["loan"]["fee_outstanding"] == "25000.00"
    assert body["loan"]["status"] == "active"
    # Cash-based accounting: charging books nothing.
    assert await loan_ledger(app, loan_id) == {
        "cash": D("-12000000.00"),
        "loans_receivable": D("12000000.00"),
    }
    schedule = (await client.get(f"/v1/loans/{loan_id}/schedule", headers=tokens.officer)).json()
    assert schedule["rows"][0]["fee"] == "25000.00"

    resp = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "100000.00", "external_reference": "BRI-1"},
        headers=bank,
    )
    assert resp.status_code == 201, resp.text
    allocation = resp.json()["transaction"]["allocation"]
    assert (allocation["fee"], allocation["interest"], allocation["principal"]) == (
        "25000.00",
        "75000.00",
        "0.00",
    )
    assert resp.json()["loan"]["fee_outstanding"] == "0.00"
    assert await loan_ledger(app, loan_id) == {
        "cash": D("-11900000.00"),
        "loans_receivable": D("12000000.00"),
        "fee_income": D("-25000.00"),
        "interest_income": D("-75000.00"),
    }
    assert await cash(client, tokens, fund) == D("100000.00")

    statement = (await client.get(f"/v1/loans/{loan_id}/statement", headers=tokens.officer)).json()
    assert [
        (r["transaction"]["kind"], r["transaction"]["charge_kind"]) for r in statement["rows"]
    ] == [("disbursement", None), ("fee_charge", "administration"), ("repayment", None)]
    csv = await client.get(f"/v1/loans/{loan_id}/statement?format=csv", headers=tokens.officer)
    assert "fee_charge" in csv.text and "administration" in csv.text

    [event] = await events(app, EventType.FEE_CHARGED, loan_id)
    assert (event["fee_kind"], event["amount"], event["external_reference"]) == (
        "administration",
        "25000.00",
        "ADM-2026-001",
    )
    assert event["fee_outstanding"] == "25000.00"
    assert await _audits(app, loan_id) == [("succeeded", "officer-1")]


async def test_the_products_allocation_order_decides(app, client, tokens, bank) -> None:
    _, loan_id = await _active_loan(
        app, client, tokens, allocation_order=["interest", "principal", "fees", "penalties"]
    )
    resp = await client.post(f"/v1/loans/{loan_id}/fees", json=FEE, headers=tokens.officer)
    assert resp.status_code == 201, resp.text
    resp = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "1130000.00", "external_reference": "BRI-1"},
        headers=bank,
    )
    assert resp.status_code == 201, resp.text
    allocation = resp.json()["transaction"]["allocation"]
    assert (allocation["interest"], allocation["principal"], allocation["fee"]) == (
        "120000.00",
        "1000000.00",
        "10000.00",
    )
    assert resp.json()["loan"]["fee_outstanding"] == "15000.00"


async def test_the_same_reference_is_the_same_charge(app, client, tokens) -> None:
    _, loan_id = await _active_loan(app, client, tokens)
    first = await client.post(f"/v1/loans/{loan_id}/fees", json=FEE, headers=tokens.officer)
    assert first.status_code == 201, first.text
    again = await client.post(f"/v1/loans/{loan_id}/fees", json=FEE, headers=tokens.officer)
    assert again.status_code == 200, again.text
    assert again.json()["replayed"] is True
    assert again.json()["transaction"]["id"] == first.json()["transaction"]["id"]
    assert again.json()["loan"]["fee_outstanding"] == "25000.00"
    transactions = await count(app, loan_id)
    for changed in ({"amount": "30000.00"}, {"kind": "legal"}, {"value_date": "2026-01-04"}):
        resp = await client.post(
            f"/v1/loans/{loan_id}/fees", json={**FEE, **changed}, headers=tokens.officer
        )
        assert resp.status_code in (409, 422), (changed, resp.text)
        assert resp.headers["content-type"].startswith("application/problem+json")
    resp = await client.post(
        f"/v1/loans/{loan_id}/fees", json={**FEE, "amount": "30000.00"}, headers=tokens.officer
    )
    assert resp.status_code == 409
    assert resp.json()["transaction_id"] == first.json()["transaction"]["id"]
    assert await count(app, loan_id) == transactions
    assert len(await events(app, EventType.FEE_CHARGED, loan_id)) == 1
    assert (await position(client, tokens, loan_id))["fee_outstanding"] == "25000.00"


@pytest.mark.parametrize(
    ("change", "status", "field"),
    [
        ({"amount": "0"}, 422, "body.amount"),
        ({"amount": "0.00"}, 422, "body.amount"),
        ({"amount": "-5.00"}, 422, "body.amount"),
        ({"amount": 5.5}, 422, "body.amount"),
        ({"amount": "1.001"}, 422, "body.amount"),
        ({"kind": ""}, 422, "body.kind"),
        ({"kind": "Admin Fee"}, 422, "body.kind"),
        ({"reason": ""}, 422, "body.reason"),
        ({"external_reference": None}, 422, "body.external_reference"),
        ({"value_date": "2026-01-06"}, 422, "body.value_date"),  # after the business date
        ({"value_date": "2026-01-04"}, 422, "body.value_date"),  # before the disbursement
        ({"surprise": 1}, 422, "body.surprise"),
    ],
)
async def test_bad_fee_requests_write_nothing(
    app, client, tokens, change: dict[str, Any], status: int, field: str
) -> None:
    fund, loan_id = await _active_loan(app, client, tokens)
    before = await count(app, loan_id)
    body = {k: v for k, v in {**FEE, **change}.items() if v is not None}
    resp = await client.post(f"/v1/loans/{loan_id}/fees", json=body, headers=tokens.officer)
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert field in [e["field"] for e in resp.json()["errors"]]
    assert await count(app, loan_id) == before
    assert await events(app, EventType.FEE_CHARGED, loan_id) == []
    assert (await position(client, tokens, loan_id))["fee_outstanding"] == "0.00"
    assert await cash(client, tokens, fund) == 0


@pytest.mark.parametrize(
    "role",
    [
        ("fund_committee", {}),
        ("partner", {"scopes": ["repayments"]}),
        ("cooperative", {"org": "owner"}),
        ("ministry", {}),
    ],
    ids=lambda r: r[0],
)
async def test_only_a_fund_officer_charges_fees(app, client, tokens, role) -> None:
    owner = uuid.uuid4()
    _, loan_id = await _active_loan(app, client, tokens, cooperative_id=owner)
    name, kw = role
    if kw.get("org") == "owner":
        kw = {"org": owner}
    resp = await client.post(f"/v1/loans/{loan_id}/fees", json=FEE, headers=tokens(name, **kw))
    assert resp.status_code == 403, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert await count(app, loan_id) == 1  # the disbursement
    assert await events(app, EventType.FEE_CHARGED, loan_id) == []


async def test_no_fee_on_a_loan_that_is_not_active(app, client, tokens, bank) -> None:
    fund = await make_fund(client, tokens, "24000000.00")
    pending = await signed_loan(app, fund, max_tranches=1)
    resp = await client.post(f"/v1/loans/{pending}/fees", json=FEE, headers=tokens.officer)
    assert resp.status_code == 409, resp.text
    assert resp.json()["current_state"] == "pending_disbursement"

    _, closed = await _active_loan(app, client, tokens, amount="1000000.00", tenor=2)
    resp = await client.post(
        f"/v1/loans/{closed}/repayments",
        json={"amount": "1020000.00", "external_reference": "BRI-ALL"},
        headers=bank,
    )
    assert resp.json()["loan"]["status"] == "closed_obligations_met"
    resp = await client.post(f"/v1/loans/{closed}/fees", json=FEE, headers=tokens.officer)
    assert resp.status_code == 409, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert resp.json()["type"].endswith("/invalid-transition")
    assert resp.json()["current_state"] == "closed_obligations_met"

    _, written_off = await _active_loan(app, client, tokens)
    resp = await client.post(
        f"/v1/loans/{written_off}/write-off",
        json={"reason": "cooperative dissolved"},
        headers=tokens.committee,
    )
    assert resp.status_code == 200, resp.text
    resp = await client.post(f"/v1/loans/{written_off}/fees", json=FEE, headers=tokens.officer)
    assert resp.status_code == 409, resp.text
    assert resp.json()["current_state"] == "closed_written_off"
    for loan in (pending, closed, written_off):
        assert await events(app, EventType.FEE_CHARGED, loan) == []


async def test_reversing_a_paid_fee_gives_its_money_to_interest(app, client, tokens, bank) -> None:
    _, loan_id = await _active_loan(app, client, tokens)
    fee = (await client.post(f"/v1/loans/{loan_id}/fees", json=FEE, headers=tokens.officer)).json()
    await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "100000.00", "external_reference": "BRI-1"},
        headers=bank,
    )
    resp = await client.post(
        f"/v1/loans/{loan_id}/transactions/{fee['transaction']['id']}/reversal",
        json={"reason": "waived by the committee"},
        headers=tokens.officer,
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["transaction"]["reversed"] is True
    assert resp.json()["loan"]["fee_outstanding"] == "0.00"
    assert resp.json()["loan"]["interest_paid"] == "100000.00"
    assert await loan_ledger(app, loan_id) == {
        "cash": D("-11900000.00"),
        "loans_receivable": D("12000000.00"),
        "interest_income": D("-100000.00"),
    }


async def test_a_backdated_fee_takes_money_a_later_repayment_gave_to_interest(
    app, client, tokens, bank
) -> None:
    fund, loan_id = await _active_loan(app, client, tokens)
    resp = await client.post(
        f"/v1/funds/{fund.id}/end-of-day", json={"through": "2026-01-19"}, headers=tokens.officer
    )
    assert resp.status_code == 200, resp.text
    await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "100000.00", "external_reference": "BRI-1", "value_date": "2026-01-15"},
        headers=bank,
    )
    resp = await client.post(
        f"/v1/loans/{loan_id}/fees",
        json={**FEE, "value_date": "2026-01-10"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    assert resp.json()["transaction"]["value_date"] == str(date(2026, 1, 10))
    assert resp.json()["loan"]["fee_outstanding"] == "0.00"
    assert resp.json()["loan"]["interest_paid"] == "75000.00"
    # One entry moved 25,000 from interest income to fee income; no cash moved.
    assert await loan_ledger(app, loan_id) == {
        "cash": D("-11900000.00"),
        "loans_receivable": D("12000000.00"),
        "fee_income": D("-25000.00"),
        "interest_income": D("-75000.00"),
    }
