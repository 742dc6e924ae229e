"""A body that cannot be parsed is a 400 and a body in the wrong content type a 415, both
problem+json, with nothing written (docs/limits.md, "Bodies")."""

from __future__ import annotations

import json

import httpx
from sqlalchemy import text

from .conftest import cooperative_body


async def _cooperatives(app) -> int:
    async with app.state.engine.connect() as conn:
        return int((await conn.execute(text("SELECT count(*) FROM cooperatives"))).scalar_one())


async def test_truncated_json_is_a_400_naming_the_parse_error(
    app, client: httpx.AsyncClient, ministry_headers
) -> None:
    before = await _cooperatives(app)
    raw = json.dumps(cooperative_body())[:29]
    resp = await client.post(
        "/v1/cooperatives",
        content=raw,
        headers={**ministry_headers, "Content-Type": "application/json"},
    )
    assert resp.status_code == 400, resp.text
    assert resp.headers["content-type"] == "application/problem+json"
    problem = resp.json()
    assert problem["type"] == "https://kopmod.dev/problems/malformed-body"
    assert problem["detail"].startswith("the body is not valid JSON")
    assert "errors" not in problem
    assert await _cooperatives(app) == before


async def test_a_text_plain_body_is_a_415_naming_the_content_type(
    app, client: httpx.AsyncClient, ministry_headers
) -> None:
    before = await _cooperatives(app)
    resp = await client.post(
        "/v1/cooperatives",
        content=json.dumps(cooperative_body()),
        headers={**ministry_headers, "Content-Type": "text/plain"},
    )
    assert resp.status_code == 415, resp.text
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["type"] == "https://kopmod.dev/problems/unsupported-media-type"
    assert resp.json()["detail"] == "send the body as application/json, not text/plain"
    assert await _cooperatives(app) == before


async def test_json_to_the_form_token_endpoint_is_a_415(client: httpx.AsyncClient) -> None:
    resp = await client.post(
        "/v1/oauth/token", json={"grant_type": "client_credentials", "client_id": "x"}
    )
    assert resp.status_code == 415, resp.text
    assert "application/x-www-form-urlencoded" in resp.json()["detail"]


async def test_a_json_suffix_type_is_json_and_a_valid_body_still_validates_per_field(
    client: httpx.AsyncClient, ministry_headers
) -> None:
    resp = await client.post(
        "/v1/cooperatives",
        content=json.dumps(cooperative_body(nib="12")),
        headers={**ministry_headers, "Content-Type": "application/merge-patch+json"},
    )
    assert resp.status_code == 422, resp.text
    assert [e["field"] for e in resp.json()["errors"]] == ["body.nib"]
