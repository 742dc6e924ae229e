"""Building blocks the financing tests share: a funded fund, a product, an application walked
through the pipeline. Everything goes through the HTTP API."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import httpx

TODAY_RATE_FROM = "2020-01-01"


def product_body(fund_id: str, code: str = "MK-KSP", **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "fund_id": fund_id,
        "code": code,
        "name": "Modal kerja koperasi",
        "purpose": "working_capital",
        "amount_min": "10000000.00",
        "amount_max": "3000000000.00",
        "tenor_max_periods": 60,
        "grace_max_periods": 12,
        "frequency": "monthly",
        "method": "declining_equal_installment",
        "rounding": "1",
        "max_tranches": 3,
        "arrears_tolerance_days": 5,
        "eligibility": {
            "min_age_years": 2,
            "rat_years_required": 2,
            "min_health": "cukup_sehat",
            "max_equity_multiple": "10",
            "require_positive_result": True,
        },
        "initial_rate": "0.03",
        "rate_effective_from": TODAY_RATE_FROM,
    }
    body.update(overrides)
    return body


async def funded_fund(
    client: httpx.AsyncClient, tokens: Any, capital: str = "5000000000.00", code: str = "DB2026"
) -> dict[str, Any]:
    resp = await client.post(
        "/v1/funds", json={"code": code, "name": f"Dana Bergulir {code}"}, headers=tokens.admin
    )
    assert resp.status_code == 201, resp.text
    fund = resp.json()
    if capital != "0":
        inj = await client.post(
            f"/v1/funds/{fund['id']}/capital-injections",
            json={"amount": capital, "entry_date": "2026-01-02", "memo": "APBN allocation"},
            headers=tokens.committee,
        )
        assert inj.status_code == 201, inj.text
    return fund


async def make_product(
    client: httpx.AsyncClient, tokens: Any, fund_id: str, **overrides: Any
) -> dict[str, Any]:
    resp = await client.post(
        "/v1/products", json=product_body(fund_id, **overrides), headers=tokens.committee
    )
    assert resp.status_code == 201, resp.text
    return resp.json()


def application_body(product_id: str, amount: str = "500000000.00", **overrides: Any) -> dict:
    half = (Decimal(amount) / 2).quantize(Decimal("0.01"))
    other = Decimal(amount) - half
    body: dict[str, Any] = {
        "product_id": product_id,
        "amount": amount,
        "tenor_periods": 36,
        "grace_periods": 3,
        "purpose": "Working capital to buy members' coffee cherries for the 2027 harvest",
        "use_of_funds": [
            {"item": "coffee cherry purchase", "amount": str(half)},
            {"item": "drying and hulling", "amount": str(other)},
        ],
        "tranche_plan": [],
        "offtake_contract_ids": [],
    }
    body.update(overrides)
    return body


async def draft(
    client: httpx.AsyncClient,
    tokens: Any,
    product_id: str,
    cooperative_id: uuid.UUID,
    **overrides: Any,
) -> dict[str, Any]:
    resp = await client.post(
        "/v1/applications",
        json=application_body(product_id, **overrides),
        headers=tokens.cooperative(cooperative_id),
    )
    assert resp.status_code == 201, resp.text
    return resp.json()


async def run_eligibility(client: httpx.AsyncClient, **kw: Any) -> dict[str, int]:
    """One round of the eligibility worker (the service's loop does this every second; tests
    run it by hand): every due check runs. ``client`` talks to the app in process."""
    app = client._transport.app  # type: ignore[attr-defined]  # httpx.ASGITransport
    outcomes: dict[str, int] = await app.state.eligibility_worker.run_once(**kw)
    return outcomes


async def submit(
    client: httpx.AsyncClient, application_id: str, headers: dict[str, str]
) -> httpx.Response:
    """POST .../submit (answered in ``eligibility_check``), then one round of the eligibility
    worker, so the application has moved on as it would a second later in a running service."""
    resp = await client.post(f"/v1/applications/{application_id}/submit", headers=headers)
    if resp.status_code == 200:
        assert resp.json()["status"] == "eligibility_check", resp.text
        await run_eligibility(client)
    return resp


async def submitted(
    client: httpx.AsyncClient,
    tokens: Any,
    fake_registry: Any,
    product_id: str,
    cooperative_id: uuid.UUID | None = None,
    **overrides: Any,
) -> dict[str, Any]:
    """A submitted application whose eligibility passed: in desk review."""
    cooperative_id = cooperative_id or uuid.uuid4()
    if cooperative_id not in fake_registry.snapshots:
        fake_registry.add(cooperative_id)
    app = await draft(client, tokens, product_id, cooperative_id, **overrides)
    resp = await submit(client, app["id"], tokens.cooperative(cooperative_id))
    assert resp.status_code == 200, resp.text
    got = await client.get(f"/v1/applications/{app['id']}", headers=tokens.officer)
    assert got.json()["status"] == "desk_review", got.text
    return got.json()


async def in_committee(
    client: httpx.AsyncClient,
    tokens: Any,
    fake_registry: Any,
    product_id: str,
    cooperative_id: uuid.UUID | None = None,
    officer: dict[str, str] | None = None,
    **overrides: Any,
) -> dict[str, Any]:
    officer = officer or tokens.officer
    app = await submitted(client, tokens, fake_registry, product_id, cooperative_id, **overrides)
    url = f"/v1/applications/{app['id']}"
    for step in ("field-survey", "risk-review"):
        resp = await client.post(f"{url}/{step}", json={"note": step}, headers=officer)
        assert resp.status_code == 200, resp.text
    resp = await client.post(
        f"{url}/assessments", json={"recommendation": "approve"}, headers=officer
    )
    assert resp.status_code == 201, resp.text
    resp = await client.post(f"{url}/committee-referral", json={}, headers=officer)
    assert resp.status_code == 200, resp.text
    assert resp.json()["status"] == "committee"
    return resp.json()


async def approved(client, tokens, fake_registry, product_id, **overrides) -> dict[str, Any]:
    app = await in_committee(client, tokens, fake_registry, product_id, **overrides)
    resp = await client.post(
        f"/v1/applications/{app['id']}/approve",
        json={"reason": "good repayment capacity"},
        headers=tokens.committee,
    )
    assert resp.status_code == 200, resp.text
    return resp.json()
