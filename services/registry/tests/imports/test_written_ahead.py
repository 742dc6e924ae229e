"""Rows written while the upload is still being checked: the answer and what is written are
those of checking everything first, also when a clash, a bad row or a refusal of the whole
file comes after rows were already written (they are undone)."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import pytest
from sqlalchemy import text

from kopmod_shared.errors import PayloadTooLarge, ValidationProblem
from registry.imports import service, validate, workers
from registry.imports.schemas import ImportFormat

from ..conftest import create_cooperative
from .test_imports import CSV, URL, _count, row, to_csv

# Four blocks of the workers (2,000 rows each), shared by two workers.
ROWS = 6500


@pytest.fixture(autouse=True)
def small_flushes(monkeypatch):
    """Write after every block, so later blocks arrive after rows were written; both workers."""
    monkeypatch.setattr(service, "FLUSH_ROWS", 1)
    monkeypatch.setattr(workers, "SPLIT_BYTES", 64 * 1024)


async def _subjects_in_event_order(app) -> list[str]:
    async with app.state.engine.connect() as conn:
        return list(
            (await conn.execute(text("SELECT subject FROM outbox_events ORDER BY seq"))).scalars()
        )


async def _external_ids_by_id(app) -> dict[str, str]:
    async with app.state.engine.connect() as conn:
        rows = await conn.execute(text("SELECT id::text, external_id FROM cooperatives"))
        return {r[0]: r[1] for r in rows}


async def test_a_large_upload_is_written_whole_and_in_row_order(app, client, ministry_headers):
    body = to_csv([row(i) for i in range(1, ROWS + 1)])
    resp = await client.post(URL, content=body, headers={**ministry_headers, **CSV})
    assert resp.status_code == 201, resp.text
    assert resp.json()["accepted"] == ROWS
    external = await _external_ids_by_id(app)
    assert [external[s] for s in await _subjects_in_event_order(app)] == [
        row(i)["external_id"] for i in range(1, ROWS + 1)
    ]
    assert await _count(app, "import_batches") == 1


async def test_a_duplicate_after_written_rows_is_reported_as_before(app, client, ministry_headers):
    """Row 6,001 repeats row 10's NIB: the rows written before it are undone, the file is
    checked whole, and with partial acceptance every other row is written once, in order."""
    rows = [row(i) for i in range(1, ROWS + 1)]
    rows[6000]["nib"] = rows[9]["nib"]
    resp = await client.post(
        f"{URL}?partial=true", content=to_csv(rows), headers={**ministry_headers, **CSV}
    )
    assert resp.status_code == 201, resp.text
    result = resp.json()
    assert (result["accepted"], result["rejected"]) == (ROWS - 1, 1)
    assert [(e["row"], e["field"], e["code"]) for e in result["errors"]] == [
        (6001, "nib", "duplicate")
    ]
    assert result["errors"][0]["reason"] == "same nib as row 10"
    assert await _count(app, "cooperatives") == ROWS - 1
    external = await _external_ids_by_id(app)
    assert [external[s] for s in await _subjects_in_event_order(app)] == [
        r["external_id"] for k, r in enumerate(rows) if k != 6000
    ]


async def test_an_identifier_registered_before_rejects_the_whole_file(
    app, client, ministry_headers
):
    existing = await create_cooperative(client, ministry_headers)
    rows = [row(i) for i in range(1, ROWS + 1)]
    rows[5000]["nik_koperasi"] = existing["nik_koperasi"]
    resp = await client.post(URL, content=to_csv(rows), headers={**ministry_headers, **CSV})
    assert resp.status_code == 422, resp.text
    problem = resp.json()
    assert [(e["row"], e["field"], e["code"]) for e in problem["row_errors"]] == [
        (5001, "nik_koperasi", "already_registered")
    ]
    assert await _count(app, "cooperatives") == 1
    assert await _count(app, "outbox_events") == 1  # the registration's own event
    assert await _count(app, "import_batches") == 0


async def test_a_bad_row_in_a_later_block_undoes_the_written_ones(app, client, ministry_headers):
    rows = [row(i) for i in range(1, ROWS + 1)]
    rows[-1]["founded_on"] = "2999-01-01"
    resp = await client.post(URL, content=to_csv(rows), headers={**ministry_headers, **CSV})
    assert resp.status_code == 422, resp.text
    assert [(e["row"], e["field"]) for e in resp.json()["row_errors"]] == [(ROWS, "founded_on")]
    assert await _count(app, "cooperatives") == 0
    assert await _count(app, "outbox_events") == 0
    assert await _count(app, "import_batches") == 0


def _beyond_the_csv_field_limit(rows: list[dict[str, Any]]) -> bytes:
    """The rows, then one whose name is longer than the csv module reads: not valid CSV."""
    return to_csv([*rows, row(len(rows) + 1, name="x" * (csv.field_size_limit() + 1))])


def test_the_first_block_is_checked_before_the_rest_of_the_file_is_read(monkeypatch):
    """A worker reads the file a block at a time: the first blocks are sent ahead before a
    record that cannot be read (the whole file is refused all the same)."""
    sent: list[tuple[Any, ...]] = []

    class Channel:
        def put(self, item: tuple[Any, ...]) -> None:
            sent.append(item)

    monkeypatch.setattr(validate, "_ahead", Channel())
    job = validate.Job(
        body=_beyond_the_csv_field_limit([row(i) for i in range(1, 4001)]),
        fmt=ImportFormat.csv,
        max_rows=10_000,
        batch_id=uuid4(),
        actor="test",
        occurred_at=datetime.now(UTC),
        request_id=None,
        stream=True,
    )
    checked = validate.run(job)
    assert isinstance(checked.refused, ValidationProblem)
    assert "not valid CSV" in str(checked.refused.detail)
    assert [(index, len(block.rows)) for _, index, block in sent] == [(0, 2000), (1, 2000)]


@pytest.mark.parametrize("refusal", ["too many rows", "not csv"])
async def test_a_refusal_after_written_rows_writes_nothing(
    app, client, ministry_headers, monkeypatch, refusal: str
):
    rows = [row(i) for i in range(1, ROWS + 1)]
    writes: list[int] = []
    write = service._write_staged

    async def counted(repo: Any, job: Any) -> bool:
        writes.append(1)
        return await write(repo, job)

    monkeypatch.setattr(service, "_write_staged", counted)
    original = app.state.settings
    if refusal == "too many rows":
        body = to_csv(rows)
        app.state.settings = original.model_copy(update={"max_import_rows": ROWS - 1})
    else:
        body = _beyond_the_csv_field_limit(rows)
    try:
        resp = await client.post(URL, content=body, headers={**ministry_headers, **CSV})
    finally:
        app.state.settings = original
    expected = PayloadTooLarge if refusal == "too many rows" else ValidationProblem
    assert resp.status_code == expected.status, resp.text
    assert writes, "rows were written before the refusal"
    assert await _count(app, "cooperatives") == 0
    assert await _count(app, "outbox_events") == 0
    assert await _count(app, "import_batches") == 0
