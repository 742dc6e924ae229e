"""Issue 12's probes against marketplace quantities and prices: 422 naming the field, nothing
written; accepted values answered at their scale."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from .conftest import demand_body, offer_body

PROBES: list[Any] = [
    "1e3",
    "1E3",
    "+100",
    " 100",
    "100 ",
    "100.",
    "1_000",
    "\u0661\u0660\u0660",  # Arabic-Indic digits
    "NaN",
    "Infinity",
    "1.0001",  # four decimals: too many for a quantity and for a price
    "123456789012345678",  # 18 digits: too many for a quantity (17)
    True,
    10.5,
]

COUNTED = ("supply_offers", "demands", "outbox_events")


async def _counts(app: Any) -> dict[str, int]:
    async with app.state.engine.connect() as conn:
        return {
            table: (await conn.execute(text(f"SELECT count(*) FROM {table}"))).scalar_one()
            for table in COUNTED
        }


def _assert_refused(resp: Any, field: str) -> None:
    assert resp.status_code == 422, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in resp.json()["errors"]] == [field], resp.text


@pytest.mark.parametrize("probe", PROBES, ids=repr)
@pytest.mark.parametrize("field", ["quantity", "asking_price"])
async def test_offer_refuses_probe(client, actors, registry, app, field: str, probe: Any) -> None:
    if field == "asking_price" and probe == "123456789012345678":
        probe = "1234567890123456789"  # money has 18 digits before the point
    coop = registry.add()
    before = await _counts(app)
    resp = await client.post(
        "/v1/offers", json=offer_body(**{field: probe}), headers=actors.cooperative(coop)
    )
    _assert_refused(resp, f"body.{field}")
    assert await _counts(app) == before


@pytest.mark.parametrize("probe", PROBES, ids=repr)
async def test_demand_quantity_refuses_probe(client, actors, app, probe: Any) -> None:
    before = await _counts(app)
    resp = await client.post(
        "/v1/demands", json=demand_body(quantity=probe), headers=actors.offtaker("1" * 32)
    )
    _assert_refused(resp, "body.quantity")
    assert await _counts(app) == before


async def test_offer_answers_quantities_and_prices_at_their_scale(client, actors, registry):
    coop = registry.add()
    resp = await client.post(
        "/v1/offers",
        json=offer_body(quantity=5, asking_price="50000.5", min_order="0.25", unit="KGM"),
        headers=actors.cooperative(coop),
    )
    assert resp.status_code == 201, resp.text
    offer = resp.json()
    assert offer["quantity"] == "5.000" and offer["min_order"] == "0.250"
    assert offer["asking_price"] == "50000.50"
