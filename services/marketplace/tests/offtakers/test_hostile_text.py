"""Text Postgres cannot store (a NUL character) is the caller's mistake: a 422, not a 500 (found
by the fuzzer on matching runs; the answer is the same on every route, from the shared handler)."""

from __future__ import annotations


async def test_a_nul_character_in_text_is_a_422(client, actors):
    body = {
        "name": "PT Kopi\x00Nusantara",
        "kind": "processor",
        "region_code": "32.73",
        "latitude": -6.91,
        "longitude": 107.61,
        "contact_name": "Siti",
        "contact_email": "siti@kopinusantara.co.id",
    }
    resp = await client.post("/v1/offtakers", json=body, headers=actors.admin())
    assert resp.status_code == 422, resp.text
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["errors"][0]["code"] == "nul_character"
    listed = await client.get("/v1/offtakers", headers=actors.admin())
    assert listed.json()["items"] == []
