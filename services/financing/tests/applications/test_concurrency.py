"""Committee decisions racing against the same fund never commit more than its cash."""

from __future__ import annotations

import asyncio
import uuid
from decimal import Decimal

from sqlalchemy import text

from ..helpers import funded_fund, in_committee, make_product


async def test_parallel_approvals_never_commit_more_than_cash(app, client, tokens, fake_registry):
    fund = await funded_fund(client, tokens, capital="1000000000.00")
    product = await make_product(client, tokens, fund["id"])
    apps = [
        await in_committee(client, tokens, fake_registry, product["id"], amount="300000000.00")
        for _ in range(8)
    ]
    members = [tokens("fund_committee", sub=f"committee-{n}") for n in range(8)]

    results = await asyncio.gather(
        *(
            client.post(
                f"/v1/applications/{a['id']}/approve",
                json={"reason": "race"},
                headers=members[n],
            )
            for n, a in enumerate(apps)
        )
    )
    statuses = sorted(r.status_code for r in results)
    assert statuses == [200] * 3 + [409] * 5, [r.text for r in results]
    for r in results:
        if r.status_code == 409:
            assert r.json()["type"] == "https://kopmod.dev/problems/insufficient-fund-cash"
            assert Decimal(r.json()["available"]) < Decimal("300000000.00")
    pos = (await client.get(f"/v1/funds/{fund['id']}/position", headers=tokens.officer)).json()
    assert pos["committed"] == "900000000.00"
    assert pos["available_to_commit"] == "100000000.00"
    approved = [r.json()["id"] for r in results if r.status_code == 200]
    async with app.state.engine.connect() as conn:
        in_db = set(
            (
                await conn.execute(text("SELECT application_id::text FROM fund_commitments"))
            ).scalars()
        )
        states = dict((await conn.execute(text("SELECT id::text, status FROM applications"))).all())
    assert in_db == set(approved)
    assert sorted(states.values()) == ["approved"] * 3 + ["committee"] * 5


async def test_the_same_application_approved_twice_at_once_commits_once(
    client, tokens, fake_registry
):
    fund = await funded_fund(client, tokens, capital="1000000000.00")
    product = await make_product(client, tokens, fund["id"])
    application = await in_committee(client, tokens, fake_registry, product["id"])
    url = f"/v1/applications/{application['id']}/approve"
    a, b = await asyncio.gather(
        client.post(url, json={"reason": "a"}, headers=tokens("fund_committee", sub="c-a")),
        client.post(url, json={"reason": "b"}, headers=tokens("fund_committee", sub="c-b")),
    )
    assert sorted([a.status_code, b.status_code]) == [200, 409]
    loser = a if a.status_code == 409 else b
    assert loser.json()["current_state"] == "approved"
    pos = (await client.get(f"/v1/funds/{fund['id']}/position", headers=tokens.officer)).json()
    assert pos["committed"] == "500000000.00"


async def test_approvals_on_two_funds_do_not_block_each_other(client, tokens, fake_registry):
    f1 = await funded_fund(client, tokens, capital="500000000.00", code="F1")
    f2 = await funded_fund(client, tokens, capital="500000000.00", code="F2")
    p1 = await make_product(client, tokens, f1["id"], code="P1")
    p2 = await make_product(client, tokens, f2["id"], code="P2")
    a1 = await in_committee(client, tokens, fake_registry, p1["id"], cooperative_id=uuid.uuid4())
    a2 = await in_committee(client, tokens, fake_registry, p2["id"], cooperative_id=uuid.uuid4())
    r1, r2 = await asyncio.gather(
        client.post(
            f"/v1/applications/{a1['id']}/approve", json={"reason": "x"}, headers=tokens.committee
        ),
        client.post(
            f"/v1/applications/{a2['id']}/approve", json={"reason": "x"}, headers=tokens.committee
        ),
    )
    assert r1.status_code == r2.status_code == 200
