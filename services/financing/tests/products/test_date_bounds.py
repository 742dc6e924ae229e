"""Far dates are a 422 naming the field, never a 500 (``9999-12-01`` plus a month is past
``date.max``): every date a caller sends is a ``BoundedDate`` (1900-01-01 .. 2200-12-31)."""

from __future__ import annotations

import pytest

from ..helpers import funded_fund, make_product


def assert_out_of_range(resp, field: str) -> None:
    assert resp.status_code == 422, resp.text
    assert resp.headers["content-type"] == "application/problem+json"
    errors = resp.json()["errors"]
    assert [e["field"] for e in errors] == [field]
    assert "between 1900-01-01 and 2200-12-31" in errors[0]["message"]


@pytest.mark.parametrize("start", ["9999-12-01", "2201-01-01", "1899-12-31", "0001-01-01"])
async def test_schedule_preview_with_a_far_start_date_is_422(client, tokens, start):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    resp = await client.get(
        f"/v1/products/{product['id']}/schedule-preview",
        params={"amount": "100000000.00", "tenor_periods": 12, "start_date": start},
        headers=tokens.officer,
    )
    assert_out_of_range(resp, "query.start_date")


async def test_schedule_preview_at_the_last_bounded_date_answers(client, tokens):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    resp = await client.get(
        f"/v1/products/{product['id']}/schedule-preview",
        params={
            "amount": "100000000.00",
            "tenor_periods": 12,
            "start_date": "2200-12-31",
            "rate_date": "2026-06-01",
        },
        headers=tokens.officer,
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["installments"][-1]["due_date"] == "2201-12-31"


async def test_a_far_date_in_a_body_is_422(client, tokens):
    fund = await funded_fund(client, tokens, capital="0")
    resp = await client.post(
        f"/v1/funds/{fund['id']}/capital-injections",
        json={"amount": "1000.00", "entry_date": "9999-12-31", "memo": "far"},
        headers=tokens.committee,
    )
    assert_out_of_range(resp, "body.entry_date")
