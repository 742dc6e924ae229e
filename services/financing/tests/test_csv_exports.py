"""Every CSV financing answers goes through kopmod_shared.csvexport: text that would start a
formula is made inert, amounts are canonical numbers."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date

from .helpers import draft, funded_fund, make_product
from .loans.conftest import eod, make_fund, signed_loan


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


async def test_loan_statement_neutralises_formula_text(app, client, tokens) -> None:
    fund = await make_fund(client, tokens, "12000000.00")
    loan_id = await signed_loan(app, fund, max_tranches=1)
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements",
        json={"amount": "12000000.00", "note": "@SUM(A1:A9)"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    await eod(client, tokens, fund, date(2026, 2, 4))
    bank = tokens("partner", sub="bank-bri", scopes=["repayments"])
    resp = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "1500000", "external_reference": "-A1"},
        headers=bank,
    )
    assert resp.status_code == 201, resp.text

    resp = await client.get(f"/v1/loans/{loan_id}/statement?format=csv", headers=tokens.officer)
    assert resp.status_code == 200
    assert resp.headers["content-type"] == "text/csv; charset=utf-8"
    # Quoted and prefixed in the raw text, as OWASP asks ...
    assert '"\'@SUM(A1:A9)"' in resp.text and '"\'-A1"' in resp.text
    disbursement, repayment = _rows(resp.text)
    # ... and read back by a CSV reader as inert text.
    assert disbursement["note"] == "'@SUM(A1:A9)"
    assert repayment["external_reference"] == "'-A1"
    assert repayment["amount"] == "1500000.00"  # sent as an integer, answered canonically
    assert disbursement["amount"] == "12000000.00"
    assert repayment["principal_outstanding_after"] == "10740000.00"
    for row in (disbursement, repayment):
        for name, value in row.items():
            assert not value.startswith(("=", "+", "@", "\t", "\r")), (name, value)
            if value.startswith("-"):
                float(value)  # only a plain negative number may start with "-"

    resp = await client.get(f"/v1/loans/{loan_id}/schedule?format=csv", headers=tokens.officer)
    assert resp.status_code == 200
    assert resp.headers["content-type"] == "text/csv; charset=utf-8"
    first = _rows(resp.text)[0]
    assert first["status"] == "paid" and first["unpaid"] == "0.00"


async def test_schedule_csvs_are_canonical_numbers(client, tokens) -> None:
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"], rounding="1")
    params = {"amount": 15000000, "tenor_periods": 3, "start_date": "2026-01-15"}
    resp = await client.get(
        f"/v1/products/{product['id']}/schedule-preview.csv", params=params, headers=tokens.officer
    )
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"] == "text/csv; charset=utf-8"
    rows = _rows(resp.text)
    assert [r["number"] for r in rows] == ["1", "2", "3", "total"]
    assert rows[-1]["principal"] == "15000000.00"
    for row in rows:
        for name in ("principal", "interest", "total"):
            integer, point, cents = row[name].partition(".")
            assert point == "." and len(cents) == 2 and integer.isdigit(), (name, row[name])

    coop = uuid.uuid4()
    application = await draft(client, tokens, product["id"], coop, amount="20000000")
    resp = await client.get(
        f"/v1/applications/{application['id']}/schedule.csv",
        params={"start_date": "2026-01-15"},
        headers=tokens.cooperative(coop),
    )
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"] == "text/csv; charset=utf-8"
    assert resp.headers["content-disposition"].endswith(f'schedule-{application["id"]}.csv"')
    rows = _rows(resp.text)
    assert rows[-1]["number"] == "total" and rows[-1]["principal"] == "20000000.00"
    assert all(
        r["interest"].count(".") == 1 and len(r["interest"].split(".")[1]) == 2 for r in rows
    )
