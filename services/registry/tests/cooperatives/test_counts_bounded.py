"""Counts a person types (members, attendance) are bounded where Postgres's integer is: a number
past it is a 422 naming the field, never a 500 from the database (found by reading the schema)."""

from __future__ import annotations

import csv
import io

from ..conftest import cooperative_body, create_cooperative
from ..imports.test_imports import CSV, URL, row

TOO_MANY = 3_000_000_000  # past 2**31 - 1, the column's limit


async def test_a_member_count_past_the_limit_is_a_422_not_a_500(client, ministry_headers):
    resp = await client.post(
        "/v1/cooperatives",
        json=cooperative_body(member_count=TOO_MANY),
        headers=ministry_headers,
    )
    assert resp.status_code == 422, resp.text
    assert "member_count" in resp.text
    coop = await create_cooperative(client, ministry_headers)
    resp = await client.patch(
        f"/v1/cooperatives/{coop['id']}", json={"member_count": TOO_MANY}, headers=ministry_headers
    )
    assert resp.status_code == 422, resp.text
    assert "member_count" in resp.text


async def test_an_imported_member_count_past_the_limit_is_a_row_error(client, ministry_headers):
    # Ten digits: the column check declines the cell, so the row-by-row rules must refuse it.
    body = io.StringIO()
    writer = csv.DictWriter(body, fieldnames=[*row(1), "member_count"])
    writer.writeheader()
    writer.writerows([{**row(1), "member_count": "12"}, {**row(2), "member_count": str(TOO_MANY)}])
    resp = await client.post(
        URL, content=body.getvalue().encode(), headers={**ministry_headers, **CSV}
    )
    assert resp.status_code == 422, resp.text
    problem = resp.json()
    assert [(e["row"], e["field"], e["code"]) for e in problem["row_errors"]] == [
        (2, "member_count", "less_than_equal")
    ]
