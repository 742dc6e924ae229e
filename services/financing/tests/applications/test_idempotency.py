"""Retried commands replay their first answer and change nothing twice."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from ..helpers import application_body, funded_fund, in_committee, make_product


async def test_a_retried_application_creates_one_draft(app, client, tokens):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    headers = {**tokens.cooperative(coop), "Idempotency-Key": "apply-2026-001"}
    body = application_body(product["id"])
    first = await client.post("/v1/applications", json=body, headers=headers)
    again = await client.post("/v1/applications", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert again.headers["location"] == first.headers["location"]
    listed = await client.get("/v1/applications", headers=tokens.cooperative(coop))
    assert len(listed.json()["items"]) == 1
    changed = await client.post(
        "/v1/applications", json={**body, "purpose": "something else"}, headers=headers
    )
    assert changed.status_code == 422
    assert changed.json()["type"] == "https://kopmod.dev/problems/idempotency-key-reused"


async def test_a_retried_approval_commits_once(app, client, tokens, fake_registry):
    fund = await funded_fund(client, tokens, capital="1000000000.00")
    product = await make_product(client, tokens, fund["id"])
    application = await in_committee(client, tokens, fake_registry, product["id"])
    headers = {**tokens.committee, "Idempotency-Key": "approve-1"}
    url = f"/v1/applications/{application['id']}/approve"
    first = await client.post(url, json={"reason": "ok"}, headers=headers)
    again = await client.post(url, json={"reason": "ok"}, headers=headers)
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    pos = (await client.get(f"/v1/funds/{fund['id']}/position", headers=tokens.officer)).json()
    assert pos["committed"] == "500000000.00"
    async with app.state.engine.connect() as conn:
        approvals = await conn.scalar(
            text("SELECT count(*) FROM outbox_events WHERE type = 'financing.application.approved'")
        )
    assert approvals == 1
    # Without the key a second approval is a plain state conflict.
    plain = await client.post(url, json={"reason": "ok"}, headers=tokens.committee)
    assert plain.status_code == 409


async def test_a_retried_capital_injection_posts_once(client, tokens):
    fund = await funded_fund(client, tokens, capital="0")
    headers = {**tokens.committee, "Idempotency-Key": "inject-1"}
    body = {"amount": "100.00", "entry_date": "2026-01-02", "memo": "grant"}
    url = f"/v1/funds/{fund['id']}/capital-injections"
    first = await client.post(url, json=body, headers=headers)
    again = await client.post(url, json=body, headers=headers)
    assert first.status_code == 201 and again.json()["id"] == first.json()["id"]
    pos = (await client.get(f"/v1/funds/{fund['id']}/position", headers=tokens.officer)).json()
    assert pos["cash"] == "100.00"


async def test_a_retried_signing_creates_one_loan(app, client, tokens, fake_registry):
    from ..helpers import approved

    fund = await funded_fund(client, tokens, capital="1000000000.00")
    product = await make_product(client, tokens, fund["id"])
    application = await approved(client, tokens, fake_registry, product["id"])
    headers = {**tokens.officer, "Idempotency-Key": "sign-1"}
    url = f"/v1/applications/{application['id']}/sign"
    first = await client.post(url, json={}, headers=headers)
    again = await client.post(url, json={}, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    async with app.state.engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM loans")) == 1
