"""Offtaker-backed applications: the referenced contracts are verified with the (fake)
marketplace during eligibility, kept with the check, and the credit assessment shows how much of
the repayments their receipts cover. A marketplace that cannot answer makes the check wait."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from financing.applications.eligibility import EligibilityDeps, run_eligibility_retries

from ..helpers import draft, funded_fund, make_product, submit


async def _submit(client, tokens, fake_registry, product_id, coop, contract_ids) -> str:
    fake_registry.add(coop)
    app = await draft(
        client, tokens, product_id, coop, amount="30000000.00", offtake_contract_ids=contract_ids
    )
    resp = await submit(client, app["id"], tokens.cooperative(coop))
    assert resp.status_code == 200, resp.text
    return str(app["id"])


async def _state(client, tokens, app_id) -> tuple[dict, list[dict]]:
    body = (await client.get(f"/v1/applications/{app_id}", headers=tokens.officer)).json()
    checks = (
        await client.get(f"/v1/applications/{app_id}/eligibility", headers=tokens.officer)
    ).json()["items"]
    return body, checks


async def test_a_verified_contract_passes_and_the_assessment_shows_its_coverage(
    app, client, tokens, fake_registry, fake_marketplace
) -> None:
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    today = date.today()
    contract = fake_marketplace.add(
        coop,
        unit_price="5000.00",
        payment_days=14,
        milestones=[
            (today + timedelta(days=30), "1000.000"),  # paid within the tenor
            (today + timedelta(days=60), "1000.000"),
            (today + timedelta(days=365 * 5), "1000.000"),  # paid after the tenor: not counted
        ],
    )
    app_id = await _submit(client, tokens, fake_registry, product["id"], coop, [contract["id"]])
    body, [check] = await _state(client, tokens, app_id)
    assert body["status"] == "desk_review"
    [rule] = [r for r in check["rules"] if r["rule"] == "offtake_contract"]
    assert rule["passed"] is True and rule["contract_id"] == contract["id"]
    assert rule["observed"]["remaining_value"] == "15000000.00"
    assert "PT Kopi Nusantara" in rule["reason"]
    assert check["offtake_contracts"][0]["id"] == contract["id"]

    resp = await client.post(
        f"/v1/applications/{app_id}/assessments",
        json={"recommendation": "approve"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    figures = {f["name"]: f for f in resp.json()["figures"]}
    coverage = figures["offtake_coverage"]
    inputs = coverage["inputs"]
    assert inputs["contract_receipts_in_tenor"] == "10000000.00"
    [line] = inputs["contracts"]
    assert line["contract_id"] == contract["id"]
    assert [m["seq"] for m in line["milestones"]] == [1, 2]
    total = Decimal(inputs["total_repayments"])
    assert total > Decimal("30000000.00")  # principal plus interest over the tenor
    expected = (Decimal("10000000.00") / total).quantize(Decimal("0.0001"))
    assert Decimal(coverage["value"]) == expected
    assert coverage["formula"] == "contract_receipts_in_tenor / total_repayments"


async def test_a_contract_of_another_cooperative_or_not_active_is_refused_with_its_reason(
    app, client, tokens, fake_registry, fake_marketplace
) -> None:
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    cases = [
        (fake_marketplace.add(uuid.uuid4())["id"], "not the applicant"),
        (None, "is completed, not active"),
        (None, "no value left to deliver"),
        (str(uuid.uuid4()), "knows no contract"),
    ]
    for contract_id, reason in cases:
        coop = uuid.uuid4()
        if reason == "is completed, not active":
            contract_id = fake_marketplace.add(coop, status="completed")["id"]
        elif reason == "no value left to deliver":
            contract_id = fake_marketplace.add(coop, remaining_value="0.00")["id"]
        app_id = await _submit(client, tokens, fake_registry, product["id"], coop, [contract_id])
        body, [check] = await _state(client, tokens, app_id)
        assert body["status"] == "rejected", (reason, body)
        assert check["passed"] is False
        [rule] = [r for r in check["rules"] if r["rule"] == "offtake_contract"]
        assert rule["passed"] is False and rule["contract_id"] == contract_id
        assert reason in rule["reason"], rule
        # Every other rule passed: the contract alone refused the application.
        assert all(r["passed"] for r in check["rules"] if r["rule"] != "offtake_contract")


async def test_marketplace_down_the_application_waits_and_is_never_passed_unverified(
    app, client, tokens, fake_registry, fake_marketplace
) -> None:
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    contract = fake_marketplace.add(coop)
    deps = EligibilityDeps.from_app(app)
    for mode in ("unavailable", "unreachable"):
        fake_marketplace.mode = mode
        app_id = await _submit(client, tokens, fake_registry, product["id"], coop, [contract["id"]])
        body, checks = await _state(client, tokens, app_id)
        assert body["status"] == "eligibility_check"
        assert checks == []
        assert body["eligibility_last_error"].startswith("marketplace")
        assert datetime.fromisoformat(body["eligibility_next_at"]) > datetime.now(UTC)

        later = datetime.now(UTC) + timedelta(hours=2)
        assert await run_eligibility_retries(deps, now=later) == {"waiting": 1}
        fake_marketplace.mode = "up"
        assert await run_eligibility_retries(deps, now=later) == {"desk_review": 1}
        body, [check] = await _state(client, tokens, app_id)
        assert body["status"] == "desk_review" and body["eligibility_last_error"] is None
        assert [r["passed"] for r in check["rules"] if r["rule"] == "offtake_contract"] == [True]
