from __future__ import annotations

import uuid

from ..conftest import token_for


async def test_admin_creates_client_and_secret_is_shown_once(client, admin_headers):
    org = str(uuid.uuid4())
    resp = await client.post(
        "/v1/clients",
        json={"name": "Koperasi Sejahtera app", "role": "cooperative", "org_id": org},
        headers=admin_headers,
    )
    assert resp.status_code == 201, resp.text
    created = resp.json()
    assert created["client_secret"].startswith("kms_")
    assert created["role"] == "cooperative" and created["org_id"] == org
    assert resp.headers["location"] == f"/v1/clients/{created['id']}"

    fetched = await client.get(f"/v1/clients/{created['id']}", headers=admin_headers)
    assert fetched.status_code == 200
    assert "client_secret" not in fetched.json()
    assert fetched.json()["client_id"] == created["client_id"]

    # The shown secret works.
    token = await token_for(client, created["client_id"], created["client_secret"])
    assert token.count(".") == 2


async def test_rotating_a_secret_retires_the_old_one(client, admin_headers):
    created = (
        await client.post(
            "/v1/clients", json={"name": "rotator", "role": "ministry"}, headers=admin_headers
        )
    ).json()
    rotated = await client.post(f"/v1/clients/{created['id']}/secret", headers=admin_headers)
    assert rotated.status_code == 200
    new_secret = rotated.json()["client_secret"]
    assert new_secret != created["client_secret"]
    old = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(created["client_id"], created["client_secret"]),
    )
    assert old.status_code == 401
    assert await token_for(client, created["client_id"], new_secret)


async def test_org_binding_rules_are_validated(client, admin_headers):
    resp = await client.post(
        "/v1/clients", json={"name": "x", "role": "offtaker"}, headers=admin_headers
    )
    assert resp.status_code == 422
    body = resp.json()
    assert body["type"].endswith("/validation-error")
    assert body["errors"][0]["field"] == "body"
    assert "must be bound to an org_id" in body["errors"][0]["message"]

    resp = await client.post(
        "/v1/clients",
        json={"name": "x", "role": "ministry", "org_id": str(uuid.uuid4())},
        headers=admin_headers,
    )
    assert resp.status_code == 422


async def test_validation_problem_lists_each_offending_field(client, admin_headers):
    resp = await client.post(
        "/v1/clients", json={"name": "", "role": "emperor"}, headers=admin_headers
    )
    assert resp.status_code == 422
    assert resp.headers["content-type"] == "application/problem+json"
    fields = {e["field"]: e["code"] for e in resp.json()["errors"]}
    assert fields == {"body.name": "string_too_short", "body.role": "enum"}


async def test_duplicate_client_id_is_409(client, admin_headers):
    body = {"name": "a", "role": "ministry", "client_id": "prov-jabar"}
    assert (await client.post("/v1/clients", json=body, headers=admin_headers)).status_code == 201
    again = await client.post("/v1/clients", json=body, headers=admin_headers)
    assert again.status_code == 409
    assert again.json()["detail"] == "client id prov-jabar is taken"


async def test_unknown_client_and_unknown_route_are_404_problems(client, admin_headers):
    missing = uuid.uuid4()
    resp = await client.get(f"/v1/clients/{missing}", headers=admin_headers)
    assert resp.status_code == 404
    assert resp.json() == {
        "type": "https://kopmod.dev/problems/not-found",
        "title": "Not found",
        "status": 404,
        "detail": f"no API client {missing}",
        "instance": f"/v1/clients/{missing}",
    }
    resp = await client.get("/v1/nothing-here")
    assert resp.status_code == 404
    assert resp.headers["content-type"] == "application/problem+json"


async def test_list_is_cursor_paginated_with_a_hard_limit(client, admin_headers):
    for i in range(5):
        await client.post(
            "/v1/clients", json={"name": f"c{i}", "role": "ministry"}, headers=admin_headers
        )
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/v1/clients", params=params, headers=admin_headers)).json()
        seen += [c["name"] for c in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert [n for n in seen if n.startswith("c")] == ["c0", "c1", "c2", "c3", "c4"]
    assert len(seen) == 6  # plus the admin itself
    too_big = await client.get("/v1/clients", params={"limit": 101}, headers=admin_headers)
    assert too_big.status_code == 422
    assert too_big.json()["errors"][0]["field"] == "query.limit"
    bad_cursor = await client.get("/v1/clients", params={"cursor": "%%%"}, headers=admin_headers)
    assert bad_cursor.status_code == 422
