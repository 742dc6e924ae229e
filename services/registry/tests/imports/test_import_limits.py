"""Hostile uploads (found by the fuzzer) and the configurable row limit (OWASP API4)."""

from __future__ import annotations

from .test_imports import CSV, URL, row, to_csv


async def test_bytes_that_are_not_csv_are_a_422_not_a_500(client, ministry_headers):
    # A bare carriage return, then bytes the csv module cannot frame: was a 500.
    for body in (b"\r\xf3\x92\xa6\x97\xc3\xb0", b'name,"type\r\n', b"a\rb\r\x00"):
        resp = await client.post(URL, content=body, headers={**ministry_headers, **CSV})
        assert resp.status_code in (422,), (body, resp.text)
        assert resp.headers["content-type"] == "application/problem+json"


async def test_a_quoted_field_may_hold_a_line_break(client, ministry_headers):
    content = to_csv([row(1, external_id="DINAS-JABAR-1\r\nlama")])
    resp = await client.post(URL, content=content, headers={**ministry_headers, **CSV})
    assert resp.status_code == 201, resp.text


async def test_more_rows_than_the_setting_allows_is_a_413(app, client, ministry_headers):
    original = app.state.settings
    app.state.settings = original.model_copy(update={"max_import_rows": 2})
    try:
        resp = await client.post(
            URL, content=to_csv([row(1), row(2), row(3)]), headers={**ministry_headers, **CSV}
        )
    finally:
        app.state.settings = original
    assert resp.status_code == 413
    assert resp.json()["type"].endswith("/payload-too-large")
    assert "at most 2 rows" in resp.json()["detail"]
