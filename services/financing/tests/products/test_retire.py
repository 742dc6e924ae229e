"""Retiring a product (fund committee): new drafts and submissions on it are refused with nothing
written, applications already under way and their loans carry on, reactivating reopens it, the
state shows in reads and filters the list, and every command leaves an audit row."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from financing.applications.models import Application, ApplicationEvent
from financing.audit.models import AuditRecord
from financing.models import outbox_events

from ..helpers import application_body, draft, funded_fund, in_committee, make_product


async def _retire(client, tokens, product_id: str, **headers: str) -> Any:  # type: ignore[no-untyped-def]
    return await client.post(
        f"/v1/products/{product_id}/deactivate",
        json={"reason": "decree 7/2026 ends the scheme"},
        headers={**tokens.committee, **headers},
    )


async def _counts(app: Any) -> tuple[int, int, int]:
    async with app.state.sessionmaker() as session:
        return (
            int(await session.scalar(select(func.count()).select_from(Application)) or 0),
            int(await session.scalar(select(func.count()).select_from(ApplicationEvent)) or 0),
            int(await session.scalar(select(func.count()).select_from(outbox_events)) or 0),
        )


async def _audits(app: Any, action: str) -> list[tuple[str, int, dict[str, Any]]]:
    async with app.state.sessionmaker() as session:
        rows = await session.execute(
            select(AuditRecord.outcome, AuditRecord.status_code, AuditRecord.request)
            .where(AuditRecord.action == action)
            .order_by(AuditRecord.at)
        )
        return [(r.outcome, r.status_code, r.request) for r in rows]


def _is_retired_problem(resp: Any, product: dict[str, Any]) -> None:
    assert resp.status_code == 409, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    problem = resp.json()
    assert problem["type"].endswith("/product-retired")
    assert problem["product_id"] == product["id"]
    assert problem["product_code"] == product["code"]
    assert problem["product_state"] == "retired"
    assert "retired" in problem["detail"]


async def test_a_retired_product_takes_no_draft_or_submission_and_nothing_is_written(
    app, client, tokens, fake_registry
) -> None:
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    other = await make_product(client, tokens, fund["id"], code="INV-KSP")
    coop = uuid.uuid4()
    fake_registry.add(coop)
    made_before = await draft(client, tokens, product["id"], coop)

    resp = await _retire(client, tokens, product["id"])
    assert resp.status_code == 200, resp.text
    retired = resp.json()
    assert retired["active"] is False
    assert {k: v for k, v in retired.items() if k != "active"} == {
        k: v for k, v in product.items() if k != "active"
    }
    read = await client.get(f"/v1/products/{product['id']}", headers=tokens.cooperative(coop))
    assert read.status_code == 200 and read.json() == retired
    for active, codes in (
        (None, ["INV-KSP", "MK-KSP"]),
        ("true", ["INV-KSP"]),
        ("false", ["MK-KSP"]),
    ):
        params = {"fund_id": fund["id"], **({"active": active} if active else {})}
        listed = await client.get("/v1/products", params=params, headers=tokens.officer)
        assert listed.status_code == 200, listed.text
        assert [p["code"] for p in listed.json()["items"]] == codes
    assert [p["active"] for p in listed.json()["items"]] == [False]
    bad = await client.get("/v1/products", params={"active": "maybe"}, headers=tokens.officer)
    assert bad.status_code == 422

    before = await _counts(app)
    me = tokens.cooperative(coop)
    refused = await client.post(
        "/v1/applications", json=application_body(product["id"]), headers=me
    )
    _is_retired_problem(refused, product)
    url = f"/v1/applications/{made_before['id']}"
    _is_retired_problem(await client.post(f"{url}/submit", headers=me), product)
    _is_retired_problem(await client.patch(url, json={"tenor_periods": 24}, headers=me), product)
    assert await _counts(app) == before
    still = (await client.get(url, headers=me)).json()
    assert still["status"] == "draft" and still["tenor_periods"] == 36
    # The other product is untouched.
    assert (await draft(client, tokens, other["id"], coop))["status"] == "draft"

    assert await _audits(app, "product.deactivate") == [
        (
            "succeeded",
            200,
            {"query": {}, "body": {"reason": "decree 7/2026 ends the scheme"}},
        )
    ]
    refusals = [
        (outcome, status)
        for action in ("application.create", "application.submit", "application.update")
        for outcome, status, _ in await _audits(app, action)
        if outcome == "refused"
    ]
    assert refusals == [("refused", 409)] * 3


async def test_applications_under_way_on_a_retired_product_carry_on(
    app, client, tokens, fake_registry
) -> None:
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    application = await in_committee(client, tokens, fake_registry, product["id"])
    assert (await _retire(client, tokens, product["id"])).status_code == 200

    url = f"/v1/applications/{application['id']}"
    approved = await client.post(
        url + "/approve", json={"reason": "sound"}, headers=tokens.committee
    )
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "approved"
    assert approved.json()["tariff_rate"] == "0.03000000"
    # In the future, always (a fixed date would fail once it has passed).
    first_due = (datetime.now(UTC).date() + timedelta(days=45)).isoformat()
    signed = await client.post(
        url + "/sign", json={"first_due_date": first_due, "note": "akad"}, headers=tokens.officer
    )
    assert signed.status_code == 201, signed.text
    loan = signed.json()
    assert loan["product_id"] == product["id"] and loan["status"] == "pending_disbursement"
    resp = await client.post(
        f"/v1/funds/{fund['id']}/business-date",
        json={"business_date": "2026-12-15"},
        headers=tokens.officer,
    )
    assert resp.status_code == 200, resp.text
    disbursed = await client.post(
        f"/v1/loans/{loan['id']}/disbursements",
        json={"amount": "500000000.00", "reference": "SP2D-1"},
        headers=tokens.officer,
    )
    assert disbursed.status_code == 201, disbursed.text
    got = (await client.get(f"/v1/loans/{loan['id']}", headers=tokens.officer)).json()
    assert got["status"] == "active"
    assert got["principal_outstanding"] == "500000000.00"
    final = (await client.get(url, headers=tokens.officer)).json()
    assert final["status"] == "signed" and final["loan_id"] == loan["id"]


async def test_reactivating_reopens_the_product(app, client, tokens, fake_registry) -> None:
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    fake_registry.add(coop)
    made_before = await draft(client, tokens, product["id"], coop)
    assert (await _retire(client, tokens, product["id"])).status_code == 200

    resp = await client.post(
        f"/v1/products/{product['id']}/activate", json={}, headers=tokens.committee
    )
    assert resp.status_code == 200, resp.text
    assert resp.json() == product
    listed = await client.get("/v1/products", params={"active": "true"}, headers=tokens.officer)
    assert [p["id"] for p in listed.json()["items"]] == [product["id"]]
    me = tokens.cooperative(coop)
    submitted = await client.post(f"/v1/applications/{made_before['id']}/submit", headers=me)
    assert submitted.status_code == 200, submitted.text
    assert (await draft(client, tokens, product["id"], coop))["status"] == "draft"
    assert [(o, s) for o, s, _ in await _audits(app, "product.activate")] == [("succeeded", 200)]


async def test_only_the_fund_committee_retires_a_product(app, client, tokens) -> None:
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    outsiders = {
        "fund officer": tokens.officer,
        "cooperative (another organisation)": tokens.cooperative(uuid.uuid4()),
        "offtaker (another organisation)": tokens("offtaker", org=uuid.uuid4()),
        "partner": tokens("partner", scopes=["applications:read"]),
        "service": tokens("service", sub="marketplace"),
    }
    for who, headers in outsiders.items():
        for command in ("deactivate", "activate"):
            resp = await client.post(
                f"/v1/products/{product['id']}/{command}", json={}, headers=headers
            )
            assert resp.status_code == 403, (who, command, resp.text)
            assert resp.headers["content-type"].startswith("application/problem+json")
    got = await client.get(f"/v1/products/{product['id']}", headers=tokens.officer)
    assert got.json()["active"] is True
    missing = await client.post(
        f"/v1/products/{uuid.uuid4()}/deactivate", json={}, headers=tokens.committee
    )
    assert missing.status_code == 404, missing.text
    unknown_field = await client.post(
        f"/v1/products/{product['id']}/deactivate", json={"active": False}, headers=tokens.committee
    )
    assert unknown_field.status_code == 422, unknown_field.text
    # The platform operator is not the fund committee (separation of duties).
    by_admin = await _retire(client, tokens, product["id"], **tokens.admin)
    assert by_admin.status_code == 403, by_admin.text
    assert by_admin.json()["detail"] == "role admin may not do this"


async def test_retiring_is_idempotent(app, client, tokens) -> None:
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    key = {"Idempotency-Key": f"retire-{product['id']}"}
    first = await _retire(client, tokens, product["id"], **key)
    assert first.status_code == 200, first.text
    replay = await _retire(client, tokens, product["id"], **key)
    assert replay.status_code == 200, replay.text
    assert replay.json() == first.json()
    # The same key with another body is a misuse of the key, not a second command.
    reused = await client.post(
        f"/v1/products/{product['id']}/deactivate",
        json={"reason": "something else"},
        headers={**tokens.committee, **key},
    )
    assert reused.status_code == 422, reused.text
    # Without a key, retiring a retired product changes nothing and answers the product.
    again = await _retire(client, tokens, product["id"])
    assert again.status_code == 200, again.text
    assert again.json() == first.json()
    got = await client.get(f"/v1/products/{product['id']}", headers=tokens.officer)
    assert got.json()["active"] is False
