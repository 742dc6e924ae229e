"""Issue 12's probes against real money routes: each is a 422 naming the field, nothing written."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from .helpers import funded_fund, product_body
from .ledger.test_ledger import make_fund

# What the documents publish is ``^[0-9]{1,18}(?:\.[0-9]{1,2})?$``; each of these is outside it.
MONEY_PROBES: list[Any] = [
    "1e9",
    "1E3",
    "+100.00",
    " 100.00",
    "100.00 ",
    "100.",
    "1_000",
    "\u0661\u0660\u0660",  # Arabic-Indic digits
    "\u0967\u0966\u0966",  # Devanagari digits
    "NaN",
    "Infinity",
    "-Infinity",
    "100.001",
    "1234567890123456789",
    True,
    100.5,
    1e9,
]

COUNTED = ("journal_entries", "journal_lines", "outbox_events", "products", "product_tariffs")


async def _counts(app: Any) -> dict[str, int]:
    async with app.state.engine.connect() as conn:
        return {
            table: (await conn.execute(text(f"SELECT count(*) FROM {table}"))).scalar_one()
            for table in COUNTED
        }


def _assert_refused(resp: Any, field: str) -> None:
    assert resp.status_code == 422, resp.text
    body = resp.json()
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in body["errors"]] == [field], body


@pytest.mark.parametrize("probe", MONEY_PROBES, ids=repr)
async def test_capital_injection_refuses_probe(client, tokens, app, probe: Any) -> None:
    fund = await make_fund(client, tokens, capital=None)
    before = await _counts(app)
    resp = await client.post(
        f"/v1/funds/{fund['id']}/capital-injections",
        json={"amount": probe, "entry_date": "2026-01-02", "memo": "probe"},
        headers=tokens.committee,
    )
    _assert_refused(resp, "body.amount")
    assert await _counts(app) == before
    position = await client.get(f"/v1/funds/{fund['id']}/position", headers=tokens.officer)
    assert position.json()["cash"] == "0.00"


async def test_capital_injection_takes_the_grammar_and_answers_canonically(
    client, tokens, app
) -> None:
    fund = await make_fund(client, tokens, capital=None)
    for amount in ("100000000", 100000000, "0.5"):
        resp = await client.post(
            f"/v1/funds/{fund['id']}/capital-injections",
            json={"amount": amount, "entry_date": "2026-01-02", "memo": "canonical"},
            headers=tokens.committee,
        )
        assert resp.status_code == 201, resp.text
        debit = resp.json()["lines"][0]["debit"]
        assert debit in ("100000000.00", "0.50")
    position = await client.get(f"/v1/funds/{fund['id']}/position", headers=tokens.officer)
    assert position.json()["cash"] == "200000000.50"


RATE_PROBES: list[Any] = [
    "3e-2",
    "+0.03",
    "0.03 ",
    "0.",
    "0_03",
    "\u0660.\u0660\u0663",
    "NaN",
    "0.030000001",
    "12345.0",
    False,
    0.03,
]


@pytest.mark.parametrize("probe", RATE_PROBES, ids=repr)
async def test_product_rate_refuses_probe(client, tokens, app, probe: Any) -> None:
    fund = await funded_fund(client, tokens)
    before = await _counts(app)
    resp = await client.post(
        "/v1/products",
        json=product_body(fund["id"], initial_rate=probe),
        headers=tokens.committee,
    )
    _assert_refused(resp, "body.initial_rate")
    assert await _counts(app) == before


async def test_product_answers_rates_and_amounts_at_their_scale(client, tokens) -> None:
    fund = await funded_fund(client, tokens)
    resp = await client.post(
        "/v1/products",
        json=product_body(
            fund["id"],
            initial_rate="0.03",
            amount_min=1000000,
            amount_max="2000000000",
            rounding="1",
            closed_loop_share="0.5",
            eligibility={"max_equity_multiple": "10"},
        ),
        headers=tokens.committee,
    )
    assert resp.status_code == 201, resp.text
    product = resp.json()
    assert product["current_rate"] == "0.03000000"
    assert product["amount_min"] == "1000000.00" and product["amount_max"] == "2000000000.00"
    assert product["rounding"] == "1.00"
    assert product["closed_loop_share"] == "0.5000"
    assert product["eligibility"]["max_equity_multiple"] == "10.00"
