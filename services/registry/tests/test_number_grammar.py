"""Issue 12's probes against a registry amount (a RAT's net surplus, signed money): 422 naming
the field, nothing written; accepted amounts answered with two decimals."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from .conftest import create_cooperative

PROBES: list[Any] = [
    "1e9",
    "1E3",
    "+100.00",
    " 100.00",
    "100.",
    "1_000",
    "\u0661\u0660\u0660",
    "NaN",
    "-Infinity",
    "--5",
    "100.001",
    "1234567890123456789",
    False,
    -5.5,
]


async def _counts(app: Any) -> tuple[int, int]:
    async with app.state.engine.connect() as conn:
        rats = (await conn.execute(text("SELECT count(*) FROM annual_meetings"))).scalar_one()
        events = (await conn.execute(text("SELECT count(*) FROM outbox_events"))).scalar_one()
    return rats, events


@pytest.mark.parametrize("probe", PROBES, ids=repr)
async def test_rat_net_surplus_refuses_probe(client, ministry_headers, app, probe: Any) -> None:
    coop = await create_cooperative(client, ministry_headers, founded_on="2015-01-20")
    before = await _counts(app)
    resp = await client.post(
        f"/v1/cooperatives/{coop['id']}/rats",
        json={
            "year": 2022,
            "held_on": "2023-03-20",
            "attendance": 210,
            "members_total": 400,
            "net_surplus": probe,
        },
        headers=ministry_headers,
    )
    assert resp.status_code == 422, resp.text
    assert [e["field"] for e in resp.json()["errors"]] == ["body.net_surplus"], resp.text
    assert await _counts(app) == before


async def test_rat_amounts_answer_with_two_decimals(client, ministry_headers) -> None:
    coop = await create_cooperative(client, ministry_headers, founded_on="2015-01-20")
    resp = await client.post(
        f"/v1/cooperatives/{coop['id']}/rats",
        json={
            "year": 2022,
            "held_on": "2023-03-20",
            "attendance": 210,
            "members_total": 400,
            "net_surplus": -5000,
            "financials": {
                "assets": "1000.5",
                "liabilities": 400,
                "equity": "600.5",
                "revenue": "0",
            },
        },
        headers=ministry_headers,
    )
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["net_surplus"] == "-5000.00"
    assert body["financials"] == {
        "assets": "1000.50",
        "liabilities": "400.00",
        "equity": "600.50",
        "revenue": "0.00",
    }
