"""A cooperative's application from draft to signed agreement, through the API."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from ..helpers import draft, funded_fund, make_product, run_eligibility


async def outbox(app) -> list[tuple[str, str]]:
    async with app.state.engine.connect() as conn:
        rows = await conn.execute(text("SELECT type, subject FROM outbox_events ORDER BY seq"))
        return [(r[0], r[1]) for r in rows]


async def test_from_draft_to_signed(app, client, tokens, fake_registry, fake_marketplace):
    fund = await funded_fund(client, tokens, capital="1000000000.00")
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    fake_registry.add(coop)
    me = tokens.cooperative(coop)
    offtake = fake_marketplace.add(coop)["id"]

    created = await draft(
        client,
        tokens,
        product["id"],
        coop,
        amount="600000000.00",
        tranche_plan=[
            {"planned_date": "2026-12-15", "amount": "400000000.00"},
            {"planned_date": "2027-03-15", "amount": "200000000.00"},
        ],
        offtake_contract_ids=[offtake],
    )
    assert created["status"] == "draft"
    assert created["cooperative_id"] == str(coop)
    assert created["fund_id"] == fund["id"]
    assert created["allowed_actions"] == ["submit", "withdraw"]
    assert created["offtake_contract_ids"] == [offtake]
    assert created["tranche_plan"][1] == {"planned_date": "2027-03-15", "amount": "200000000.00"}
    url = f"/v1/applications/{created['id']}"

    patched = await client.patch(url, json={"purpose": "Coffee harvest 2027"}, headers=me)
    assert patched.status_code == 200, patched.text
    assert patched.json()["purpose"] == "Coffee harvest 2027"

    submitted = await client.post(f"{url}/submit", headers=me)
    assert submitted.status_code == 200, submitted.text
    assert submitted.json()["status"] == "eligibility_check"
    assert submitted.json()["submitted_at"] is not None
    # The answer came before the check: the application waits for the eligibility worker.
    body = (await client.get(url, headers=me)).json()
    assert body["status"] == "eligibility_check" and body["eligibility_attempts"] == 0
    assert await run_eligibility(client) == {"desk_review": 1}
    body = (await client.get(url, headers=me)).json()
    assert body["status"] == "desk_review"
    assert body["province_code"] == "11"
    assert body["eligibility_attempts"] == 1 and body["eligibility_next_at"] is None
    checks = (await client.get(f"{url}/eligibility", headers=me)).json()["items"]
    assert len(checks) == 1 and checks[0]["passed"] is True
    assert [r["rule"] for r in checks[0]["rules"]] == [
        "legal_entity",
        "active",
        "nik_koperasi",
        "min_age_years",
        "rat_years",
        "min_health",
        "positive_result",
        "equity_multiple",
        "offtake_contract",
    ]
    assert all(r["passed"] and r["reason"] for r in checks[0]["rules"])
    assert [c["id"] for c in checks[0]["offtake_contracts"]] == [offtake]

    officer = tokens.officer
    resp = await client.post(f"{url}/field-survey", json={"note": "desk ok"}, headers=officer)
    assert resp.status_code == 200 and resp.json()["status"] == "field_survey"
    assessment = await client.post(
        f"{url}/assessments",
        json={"recommendation": "approve_reduced", "note": "cap at 500m"},
        headers=officer,
    )
    assert assessment.status_code == 201, assessment.text
    figures = {f["name"]: f for f in assessment.json()["figures"]}
    assert set(figures) == {
        "repayment_capacity",
        "installment_to_monthly_surplus",
        "debt_to_equity",
        "amount_to_equity",
        "offtake_coverage",
    }
    # The fake contract's deliveries (3 x 1000 kg at 50) are small beside a 600m loan.
    assert figures["offtake_coverage"]["inputs"]["contract_receipts_in_tenor"] == "150000.00"
    assert figures["debt_to_equity"]["value"] == "0.5000"
    assert figures["debt_to_equity"]["inputs"] == {
        "liabilities": "3000000000.00",
        "equity": "6000000000.00",
    }
    assert figures["amount_to_equity"]["value"] == "0.1000"
    assert figures["amount_to_equity"]["within_threshold"] is True
    assert figures["repayment_capacity"]["formula"] == "net_surplus / debt_service_first_year"
    resp = await client.post(f"{url}/risk-review", json={}, headers=officer)
    assert resp.json()["status"] == "risk_review"
    resp = await client.post(f"{url}/committee-referral", json={}, headers=officer)
    assert resp.json()["status"] == "committee"
    assert resp.json()["allowed_actions"] == ["approve", "reject", "send_back", "withdraw"]

    approval = await client.post(
        f"{url}/approve",
        json={
            "reason": "minute 12/2026: reduce to 500m",
            "amount": "500000000.00",
            "tenor_periods": 48,
        },
        headers=tokens.committee,
    )
    assert approval.status_code == 200, approval.text
    approved = approval.json()
    assert approved["status"] == "approved"
    assert approved["approved_amount"] == "500000000.00"
    assert approved["approved_tenor_periods"] == 48
    assert approved["approved_grace_periods"] == 3
    assert approved["tariff_rate"] == "0.03000000" and approved["annual_rate"] == "0.03000000"
    assert approved["decided_by"] == "committee-1"
    assert approved["decision_reason"] == "minute 12/2026: reduce to 500m"
    position = (await client.get(f"/v1/funds/{fund['id']}/position", headers=officer)).json()
    assert position["cash"] == "1000000000.00"
    assert position["committed"] == "500000000.00"
    assert position["available_to_commit"] == "500000000.00"

    schedule = await client.get(f"{url}/schedule", params={"start_date": "2026-12-15"}, headers=me)
    assert schedule.status_code == 200
    sched = schedule.json()
    assert sched["amount"] == "500000000.00" and len(sched["installments"]) == 48
    assert sched["installments"][0]["principal"] == "0.00"  # grace
    assert sched["total_principal"] == "500000000.00"

    # The first due date must be in the future (a fixed date would fail once it has passed).
    first_due = (datetime.now(UTC).date() + timedelta(days=45)).isoformat()
    signed = await client.post(
        f"{url}/sign",
        json={"first_due_date": first_due, "note": "akad at notary"},
        headers=officer,
    )
    assert signed.status_code == 201, signed.text
    loan = signed.json()
    assert loan["status"] == "pending_disbursement"
    assert loan["application_id"] == created["id"]
    assert loan["approved_amount"] == "500000000.00"
    assert loan["tenor_periods"] == 48 and loan["grace_periods"] == 3
    assert loan["province_code"] == "11"
    assert loan["first_due_date"] == first_due
    assert loan["allocation_order"] == ["penalties", "fees", "interest", "principal"]
    assert loan["max_tranches"] == 3 and loan["arrears_tolerance_days"] == 5
    assert loan["annual_rate"] == "0.03000000" and loan["method"] == "declining_equal_installment"
    assert signed.headers["location"] == f"/v1/loans/{loan['id']}"

    final = (await client.get(url, headers=me)).json()
    assert final["status"] == "signed" and final["loan_id"] == loan["id"]
    assert final["allowed_actions"] == []
    history = (await client.get(f"{url}/history", headers=me)).json()["items"]
    assert [(h["action"], h["to_status"]) for h in history] == [
        ("create", "draft"),
        ("submit", "submitted"),
        ("start_eligibility", "eligibility_check"),
        ("pass_eligibility", "desk_review"),
        ("start_field_survey", "field_survey"),
        ("assess", "field_survey"),
        ("start_risk_review", "risk_review"),
        ("refer_to_committee", "committee"),
        ("approve", "approved"),
        ("sign", "signed"),
    ]
    assert history[8]["actor"] == "committee-1" and history[8]["note"].startswith("minute 12")

    # Still committed after signing: the money leaves only when disbursed.
    position = (await client.get(f"/v1/funds/{fund['id']}/position", headers=officer)).json()
    assert position["committed"] == "500000000.00"

    events = await outbox(app)
    mine = [t for t, s in events if s == created["id"]]
    assert [t for t in mine if t != "financing.application.status_changed"] == [
        "financing.application.submitted",
        "financing.application.eligibility_passed",
        "financing.application.approved",
        "financing.agreement.signed",
    ]
    # Every move of the history above is published once (creation and assessment are no moves).
    moves = [h for h in history if h["from_status"] and h["from_status"] != h["to_status"]]
    assert mine.count("financing.application.status_changed") == len(moves)

    audit = await client.get(
        "/v1/audit-records", params={"target_id": created["id"]}, headers=officer
    )
    assert audit.status_code == 200
    actions = [(r["action"], r["outcome"], r["actor"]) for r in reversed(audit.json()["items"])]
    assert actions == [
        ("application.create", "succeeded", f"coop-{coop}"),
        ("application.update", "succeeded", f"coop-{coop}"),
        ("application.submit", "succeeded", f"coop-{coop}"),
        ("application.start_field_survey", "succeeded", "officer-1"),
        ("application.assess", "succeeded", "officer-1"),
        ("application.start_risk_review", "succeeded", "officer-1"),
        ("application.refer_to_committee", "succeeded", "officer-1"),
        ("application.approve", "succeeded", "committee-1"),
        ("application.sign", "succeeded", "officer-1"),
    ]
    first = audit.json()["items"][-1]
    assert first["request"]["body"]["amount"] == "600000000.00"
    assert first["status_code"] == 201


async def test_withdrawing_an_approved_application_releases_the_commitment(
    client, tokens, fake_registry
):
    from ..helpers import approved

    fund = await funded_fund(client, tokens, capital="1000000000.00")
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    app = await approved(client, tokens, fake_registry, product["id"], cooperative_id=coop)
    pos = (await client.get(f"/v1/funds/{fund['id']}/position", headers=tokens.officer)).json()
    assert pos["committed"] == "500000000.00"
    resp = await client.post(
        f"/v1/applications/{app['id']}/withdraw",
        json={"note": "found a cheaper loan"},
        headers=tokens.cooperative(coop),
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["status"] == "withdrawn"
    pos = (await client.get(f"/v1/funds/{fund['id']}/position", headers=tokens.officer)).json()
    assert pos["committed"] == "0.00" and pos["available_to_commit"] == "1000000000.00"
