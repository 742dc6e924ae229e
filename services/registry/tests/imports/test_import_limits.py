"""Hostile uploads (found by the fuzzer), cells COPY must take with care (line breaks, empty
strings) and the configurable row limit (OWASP API4)."""

from __future__ import annotations

import json

from .test_imports import CSV, JSONL, URL, row, to_csv


async def test_bytes_that_are_not_csv_are_a_422_not_a_500(client, ministry_headers):
    # A bare carriage return, then bytes the csv module cannot frame: was a 500.
    for body in (b"\r\xf3\x92\xa6\x97\xc3\xb0", b'name,"type\r\n', b"a\rb\r\x00"):
        resp = await client.post(URL, content=body, headers={**ministry_headers, **CSV})
        assert resp.status_code in (422,), (body, resp.text)
        assert resp.headers["content-type"] == "application/problem+json"


async def _imported(client, headers, import_id: str) -> dict[str, dict]:
    resp = await client.get(f"/v1/cooperatives?import_batch={import_id}&limit=100", headers=headers)
    return {c["nib"]: c for c in resp.json()["items"]}


async def test_a_quoted_field_may_hold_a_line_break(client, ministry_headers):
    # The COPY lines of all rows are written at once and split at line ends: a cell holding
    # a line break makes every row of the upload take a line of its own, each intact.
    rows = [
        row(1),
        row(2, external_id="DINAS-JABAR-2\r\nlama", name='Koperasi "Dua",\nbaru'),
        row(3),
    ]
    resp = await client.post(URL, content=to_csv(rows), headers={**ministry_headers, **CSV})
    assert resp.status_code == 201, resp.text
    stored = await _imported(client, ministry_headers, resp.json()["import_id"])
    assert [stored[r["nib"]]["external_id"] for r in rows] == [r["external_id"] for r in rows]
    assert stored[rows[1]["nib"]]["name"] == 'Koperasi "Dua",\nbaru'
    assert stored[rows[2]["nib"]]["commodities"] == ["100630", "090111"]


async def test_an_empty_string_is_stored_as_one_not_as_null(client, ministry_headers):
    # A JSON line may hold "" (a CSV cell that is blank is absent): COPY would read an empty
    # unquoted cell back as NULL, so such a row is written with every cell quoted.
    lines = [
        json.dumps({**row(1), "address": "", "commodities": ["180100"]}),
        json.dumps({**row(2), "address": "Jl. Dua", "commodities": []}),
    ]
    resp = await client.post(
        URL, content="\n".join(lines).encode(), headers={**ministry_headers, **JSONL}
    )
    assert resp.status_code == 201, resp.text
    stored = await _imported(client, ministry_headers, resp.json()["import_id"])
    assert stored[row(1)["nib"]]["address"] == ""
    assert stored[row(1)["nib"]]["commodities"] == ["180100"]
    assert stored[row(2)["nib"]]["address"] == "Jl. Dua"
    assert stored[row(2)["nib"]]["commodities"] == []


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
