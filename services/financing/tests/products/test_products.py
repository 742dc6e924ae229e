"""Products, dated tariffs (the rate in force on the approval date) and schedule previews."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ..helpers import funded_fund, in_committee, make_product, product_body


async def test_create_and_read_a_product(client, tokens):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"], penalty_rate="0.06")
    assert product["code"] == "MK-KSP"
    assert product["current_rate"] == "0.03000000"
    assert product["allocation_order"] == ["penalties", "fees", "interest", "principal"]
    assert product["eligibility"]["min_health"] == "cukup_sehat"
    assert product["eligibility"]["max_equity_multiple"] == "10.00"
    coop_view = await client.get(
        f"/v1/products/{product['id']}",
        headers=tokens.cooperative("0190b7a4-0000-7000-8000-0000000000aa"),
    )
    assert coop_view.status_code == 200 and coop_view.json() == product
    listed = await client.get(
        "/v1/products", params={"fund_id": fund["id"]}, headers=tokens.officer
    )
    assert [p["code"] for p in listed.json()["items"]] == ["MK-KSP"]
    dup = await client.post("/v1/products", json=product_body(fund["id"]), headers=tokens.committee)
    assert dup.status_code == 409
    officer = await client.post(
        "/v1/products", json=product_body(fund["id"], code="X"), headers=tokens.officer
    )
    assert officer.status_code == 403


async def test_inconsistent_products_are_refused(client, tokens):
    fund = await funded_fund(client, tokens)
    cases = [
        ({"amount_min": "5000000000.00"}, "amount_min must not exceed amount_max"),
        ({"grace_max_periods": 60}, "grace_max_periods must be below tenor_max_periods"),
        ({"pattern": "syariah"}, "a syariah product needs its akad"),
        (
            {"pattern": "syariah", "akad": "murabahah"},
            "murabahah fixes the margin up front: method must be flat",
        ),
        (
            {"pattern": "syariah", "akad": "mudharabah"},
            "mudharabah needs profit_share_ratio (nisbah)",
        ),
        ({"akad": "musyarakah"}, "a conventional product has no akad or profit share ratio"),
        ({"allocation_order": ["interest", "principal"]}, "allocation_order must name"),
    ]
    for change, message in cases:
        resp = await client.post(
            "/v1/products", json=product_body(fund["id"], **change), headers=tokens.committee
        )
        assert resp.status_code == 422, change
        assert message in resp.json()["errors"][0]["message"], resp.text
    listed = await client.get("/v1/products", headers=tokens.officer)
    assert listed.json()["items"] == []


async def test_the_rate_in_force_on_the_approval_date_applies(client, tokens, fake_registry):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    today = datetime.now(UTC).date()
    url = f"/v1/products/{product['id']}/tariffs"
    for when, rate in ((today - timedelta(days=30), "0.045"), (today + timedelta(days=30), "0.07")):
        resp = await client.post(
            url,
            json={"effective_from": when.isoformat(), "annual_rate": rate, "note": "PMK"},
            headers=tokens.committee,
        )
        assert resp.status_code == 201, resp.text
    dup = await client.post(
        url,
        json={"effective_from": today.isoformat(), "annual_rate": "0.05"},
        headers=tokens.committee,
    )
    assert dup.status_code == 201
    again = await client.post(
        url,
        json={"effective_from": today.isoformat(), "annual_rate": "0.06"},
        headers=tokens.committee,
    )
    assert again.status_code == 409
    history = (await client.get(url, headers=tokens.officer)).json()["items"]
    assert [t["annual_rate"] for t in history] == [
        "0.03000000",
        "0.04500000",
        "0.05000000",
        "0.07000000",
    ]
    assert (await client.get(f"/v1/products/{product['id']}", headers=tokens.officer)).json()[
        "current_rate"
    ] == "0.05000000"

    application = await in_committee(client, tokens, fake_registry, product["id"])
    resp = await client.post(
        f"/v1/applications/{application['id']}/approve",
        json={"reason": "ok"},
        headers=tokens.committee,
    )
    body = resp.json()
    assert body["tariff_rate"] == "0.05000000" and body["approved_on"] == today.isoformat()


async def test_published_case_through_the_preview_and_csv(client, tokens):
    fund = await funded_fund(client, tokens)
    product = await make_product(
        client,
        tokens,
        fund["id"],
        code="PUB",
        amount_min="1000.00",
        initial_rate="0.12",
        rounding="1",
    )
    params = {"amount": "5000", "tenor_periods": 18, "start_date": "2026-01-15"}
    resp = await client.get(
        f"/v1/products/{product['id']}/schedule-preview", params=params, headers=tokens.officer
    )
    assert resp.status_code == 200, resp.text
    s = resp.json()
    assert s["total_interest"] == "488.22" and s["total_principal"] == "5000.00"
    assert s["installments"][0] == {
        "number": 1,
        "due_date": "2026-02-15",
        "principal": "255.00",
        "interest": "50.00",
        "total": "305.00",
        "balance_after": "4745.00",
    }
    assert s["installments"][1]["interest"] == "47.45"
    assert s["installments"][1]["balance_after"] == "4487.45"
    assert s["installments"][-1]["total"] == "303.22"
    csv = await client.get(
        f"/v1/products/{product['id']}/schedule-preview.csv", params=params, headers=tokens.officer
    )
    assert csv.status_code == 200
    assert csv.headers["content-type"].startswith("text/csv")
    lines = csv.text.strip().splitlines()
    assert lines[0] == "number,due_date,principal,interest,total,balance_after"
    assert lines[1] == "1,2026-02-15,255.00,50.00,305.00,4745.00"
    assert lines[18] == "18,2027-07-15,300.22,3.00,303.22,0.00"
    assert lines[19] == "total,,5000.00,488.22,5488.22,"

    out_of_range = await client.get(
        f"/v1/products/{product['id']}/schedule-preview",
        params={**params, "tenor_periods": 61, "grace_periods": 13},
        headers=tokens.officer,
    )
    assert out_of_range.status_code == 422
    assert [e["code"] for e in out_of_range.json()["errors"]] == [
        "tenor_above_maximum",
        "grace_above_maximum",
    ]
    before_tariffs = await client.get(
        f"/v1/products/{product['id']}/schedule-preview",
        params={**params, "rate_date": "2019-01-01"},
        headers=tokens.officer,
    )
    assert before_tariffs.status_code == 422
    assert before_tariffs.json()["type"] == "https://kopmod.dev/problems/no-tariff"


async def test_syariah_products(client, tokens):
    fund = await funded_fund(client, tokens)
    murabahah = await make_product(
        client,
        tokens,
        fund["id"],
        code="MRB",
        pattern="syariah",
        akad="murabahah",
        method="flat",
        amount_min="1000.00",
        initial_rate="0.12",
    )
    s = (
        await client.get(
            f"/v1/products/{murabahah['id']}/schedule-preview",
            params={"amount": "5000", "tenor_periods": 18, "start_date": "2026-01-15"},
            headers=tokens.officer,
        )
    ).json()
    # The margin is fixed up front: the published flat case.
    assert s["total_payable"] == "5900.00" and s["installments"][-1]["total"] == "324.00"
    mudharabah = await make_product(
        client,
        tokens,
        fund["id"],
        code="MDH",
        pattern="syariah",
        akad="mudharabah",
        profit_share_ratio="0.4",
        method="declining_equal_principal",
        amount_min="1000.00",
        initial_rate="0.15",
    )
    s = (
        await client.get(
            f"/v1/products/{mudharabah['id']}/schedule-preview",
            params={"amount": "1200", "tenor_periods": 12, "start_date": "2026-01-15"},
            headers=tokens.officer,
        )
    ).json()
    # 40% of a projected 15% return: 6% a year expected profit share.
    assert s["tariff_rate"] == "0.15000000" and s["annual_rate"] == "0.06000000"
    assert s["installments"][0]["interest"] == "6.00"
