"""POST /v1/schedule-calculations: the published cases of the domain handbook (section 4) for any
authenticated caller without a product, and bad input refused by name."""

from __future__ import annotations

from decimal import Decimal as D
from uuid import uuid4

import pytest

URL = "/v1/schedule-calculations"
PUBLISHED = {
    "principal": "5000.00",
    "annual_rate": "0.12",
    "tenor_periods": 18,
    "frequency": "monthly",
    "grace_periods": 0,
    "rounding": "1",
    "start_date": "2026-01-15",
}


async def test_equal_installments_give_the_published_emi_305_for_a_partner(client, tokens):
    # A partner without any scope: the calculator needs no product and no role.
    resp = await client.post(
        URL,
        json={**PUBLISHED, "method": "declining_equal_installment"},
        headers=tokens("partner", sub="bank-jabar"),
    )
    assert resp.status_code == 200, resp.text
    out = resp.json()
    rows = out["installments"]
    assert len(rows) == 18
    assert rows[0] == {
        "number": 1,
        "due_date": "2026-02-15",
        "principal": "255.00",
        "interest": "50.00",
        "total": "305.00",
        "balance_after": "4745.00",
    }
    assert (rows[1]["interest"], rows[1]["principal"], rows[1]["balance_after"]) == (
        "47.45",
        "257.55",
        "4487.45",
    )
    assert all(r["total"] == "305.00" for r in rows[:17])
    assert (rows[17]["interest"], rows[17]["principal"], rows[17]["total"]) == (
        "3.00",
        "300.22",
        "303.22",
    )
    assert rows[17]["due_date"] == "2027-07-15" and rows[17]["balance_after"] == "0.00"
    assert out["total_interest"] == "488.22"
    assert out["total_principal"] == "5000.00"
    assert out["total_payable"] == "5488.22"
    assert D(out["periodic_rate"]) == D("0.01")


async def test_flat_gives_the_published_last_installment_and_total(client, tokens):
    resp = await client.post(
        URL, json={**PUBLISHED, "method": "flat"}, headers=tokens.cooperative(uuid4())
    )
    assert resp.status_code == 200, resp.text
    rows = resp.json()["installments"]
    assert {r["interest"] for r in rows} == {"50.00"}
    assert {r["principal"] for r in rows[:17]} == {"278.00"}
    assert (rows[17]["principal"], rows[17]["total"]) == ("274.00", "324.00")
    assert resp.json()["total_payable"] == "5900.00"


async def test_grace_quarterly_and_a_short_first_period(client, tokens):
    body = {
        **PUBLISHED,
        "method": "declining_equal_principal",
        "frequency": "quarterly",
        "tenor_periods": 4,
        "grace_periods": 1,
        "rounding": "0.01",
        "start_date": "2026-01-31",
    }
    out = (await client.post(URL, json=body, headers=tokens.officer)).json()
    rows = out["installments"]
    assert [r["due_date"] for r in rows] == ["2026-04-30", "2026-07-31", "2026-10-31", "2027-01-31"]
    # Grace: interest only (5000 x 12% / 4 = 150.00), then equal principal over three quarters.
    assert (rows[0]["principal"], rows[0]["interest"]) == ("0.00", "150.00")
    assert [r["principal"] for r in rows[1:]] == ["1666.67", "1666.67", "1666.66"]
    # 59 of the 90 days of the quarter ending 31 Mar
    short = {**body, "first_due_date": "2026-03-31"}
    first = (await client.post(URL, json=short, headers=tokens.officer)).json()["installments"][0]
    assert first["due_date"] == "2026-03-31"
    assert first["interest"] == str((D("150") * 59 / 90).quantize(D("0.01")))


async def test_without_a_token_it_is_a_401(client):
    resp = await client.post(URL, json={**PUBLISHED, "method": "flat"})
    assert resp.status_code == 401
    assert resp.json()["type"] == "https://kopmod.dev/problems/unauthorized"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"principal": "0"}, "body.principal"),
        ({"principal": 12.5}, "body.principal"),
        ({"annual_rate": "-0.01"}, "body.annual_rate"),
        ({"tenor_periods": 0}, "body.tenor_periods"),
        ({"tenor_periods": 481}, "body.tenor_periods"),
        ({"grace_periods": 18}, "body.grace_periods"),
        ({"rounding": "0"}, "body.rounding"),
        ({"rounding": "0.001"}, "body.rounding"),
        ({"method": "balloon"}, "body.method"),
        ({"frequency": "weekly"}, "body.frequency"),
        ({"start_date": "9999-12-31"}, "body.start_date"),
        ({"start_date": "1900-01-01"}, "body.start_date"),
        ({"first_due_date": "2026-01-15"}, "body.first_due_date"),
        ({"first_due_date": "2028-01-15"}, "body.first_due_date"),
        ({"product_id": str(uuid4())}, "body.product_id"),
    ],
)
async def test_bad_terms_are_a_422_naming_the_field(client, tokens, change, field):
    resp = await client.post(URL, json={**PUBLISHED, **change}, headers=tokens.officer)
    assert resp.status_code == 422, resp.text
    assert resp.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in resp.json()["errors"]] == [field]


async def test_a_schedule_above_what_money_can_carry_is_refused_not_a_500(client, tokens):
    huge = {
        **PUBLISHED,
        "method": "flat",
        "principal": "999999999999999999.00",
        "annual_rate": "10",
        "tenor_periods": 480,
    }
    resp = await client.post(URL, json=huge, headers=tokens.officer)
    assert resp.status_code == 422, resp.text
    assert resp.json()["type"] == "https://kopmod.dev/problems/business-rule"


async def test_broken_json_is_a_400(client, tokens):
    resp = await client.post(
        URL,
        content=b'{"principal": "5000.00", "annual_',
        headers={**tokens.officer, "Content-Type": "application/json"},
    )
    assert resp.status_code == 400
    assert resp.json()["type"] == "https://kopmod.dev/problems/malformed-body"
