"""Separation of duties: the platform operator (``admin``) runs the platform, it is not the fund.

From the route table (``kopmod_shared.testing_authz.route_roles``): among financing's role-checked
routes admin may only create a fund and read the audit trail; no route a fund officer or the
committee may call admits admin. Over HTTP: admin's fund decisions are refused, its own duties
answer. docs/security.md has the whole table.
"""

from __future__ import annotations

import uuid

from kopmod_shared.auth import Role
from kopmod_shared.testing_authz import route_roles

from .helpers import funded_fund, make_product, product_body

ADMIN_ROUTES = {"POST /v1/funds", "GET /v1/audit-records"}


def test_admin_is_admitted_only_to_platform_routes(app):
    table = route_roles(app)
    admitted = {key for key, r in table.items() if r.roles is not None and Role.admin in r.roles}
    assert admitted == ADMIN_ROUTES
    fund_routes = [
        key
        for key, r in table.items()
        if r.roles is not None and r.roles & {Role.fund_officer, Role.fund_committee}
    ]
    assert len(fund_routes) >= 40
    assert [k for k in fund_routes if Role.admin in table[k].roles and k not in ADMIN_ROUTES] == []


async def test_admin_decides_nothing_for_the_fund(app, client, tokens):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    refused = [
        await client.post("/v1/products", json=product_body(fund["id"]), headers=tokens.admin),
        await client.post(
            f"/v1/funds/{fund['id']}/capital-injections",
            json={"amount": "1000.00", "entry_date": "2026-01-05", "memo": "x"},
            headers=tokens.admin,
        ),
        await client.post(
            f"/v1/products/{product['id']}/deactivate", json={}, headers=tokens.admin
        ),
        await client.get(f"/v1/funds/{fund['id']}/position", headers=tokens.admin),
        await client.post(
            f"/v1/applications/{uuid.uuid4()}/approve", json={"reason": "x"}, headers=tokens.admin
        ),
    ]
    for resp in refused:
        assert resp.status_code == 403, (resp.request.url, resp.text)
        assert resp.json()["detail"] == "role admin may not do this"


async def test_admin_runs_the_platform(app, client, tokens):
    created = await client.post(
        "/v1/funds", json={"code": "DB-OPS", "name": "Dana Bergulir Ops"}, headers=tokens.admin
    )
    assert created.status_code == 201, created.text
    audit = await client.get(
        "/v1/audit-records", params={"action": "fund.create"}, headers=tokens.admin
    )
    assert audit.status_code == 200
    assert [r["target_id"] for r in audit.json()["items"]] == [created.json()["id"]]
    hooks = await client.get("/v1/webhooks", headers=tokens.admin)
    assert hooks.status_code == 200 and hooks.json()["items"] == []
