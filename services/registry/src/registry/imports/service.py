"""Bulk import: validate every row, report each problem (row, field, reason), write nothing when
a row fails unless partial acceptance was asked for, then COPY the rows in one go.

Rows are validated with the same field types and cross-field rules as ``POST /v1/cooperatives``;
identifiers (NIB, NIK koperasi, external id) must be unique within the file and new to the
registry. Parsing and validating run in worker processes (``workers``, ``validate``), so the
event loop keeps answering while an upload is checked; what remains here is the database: the
identifiers already registered, the batch row, COPY of the valid rows into a staging table and
one INSERT ... SELECT each for the cooperatives and their ``cooperative.registered`` events, on
the request's own connection (same transaction as the batch row).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

from asgi_correlation_id import correlation_id

from kopmod_shared.errors import FieldError, ValidationProblem
from kopmod_shared.events import EventType
from kopmod_shared.ids import new_id
from registry.cooperatives.service import SOURCE
from registry.imports.models import ImportBatch
from registry.imports.repository import ImportRepository
from registry.imports.schemas import ImportFormat, ImportResult, RowError
from registry.imports.validate import UNIQUE_FIELDS, Checked, Job
from registry.imports.workers import ImportWorkers

MAX_REPORTED_ERRORS = 1000
# COPY in slices: between two the loop serves other requests (encoding 100,000 rows in one
# call would hold it).
COPY_SLICE_ROWS = 5000


class ImportRejected(ValidationProblem):
    """The upload had invalid rows and partial acceptance was not asked for: nothing written."""

    slug, title = "import-rejected", "Import rejected: some rows are not valid"


def _unique_in_file(checked: Checked) -> None:
    """Rows repeating an identifier of an earlier valid row are errors (first one wins), in
    place. Runs in a thread: 100,000 rows of dictionary work is too long for the loop."""
    checked.rows.sort(key=lambda row: row[0])
    first_seen: dict[str, dict[str, int]] = {f: {} for f in UNIQUE_FIELDS}
    kept = []
    for row in checked.rows:
        number, keys = row[0], row[1]
        clash = False
        for field, value in zip(UNIQUE_FIELDS, keys, strict=True):
            if value is None:
                continue
            earlier = first_seen[field].setdefault(value, number)
            if earlier != number:
                checked.errors.append(
                    (number, field, f"same {field} as row {earlier}", "duplicate")
                )
                clash = True
        if not clash:
            kept.append(row)
    checked.rows = kept


async def import_cooperatives(
    repo: ImportRepository,
    workers: ImportWorkers,
    body: bytes,
    fmt: ImportFormat,
    *,
    partial: bool,
    max_rows: int,
    actor: str,
) -> ImportResult:
    batch_id = new_id()
    job = Job(
        body=body,
        fmt=fmt,
        max_rows=max_rows,
        batch_id=batch_id,
        actor=actor,
        occurred_at=datetime.now(UTC),
        request_id=correlation_id.get(),
    )
    checked = await workers.check(job)
    total = checked.total
    if total == 0:
        raise ValidationProblem.for_field("body", "the upload has no rows", "empty")
    await asyncio.to_thread(_unique_in_file, checked)

    rows = checked.rows
    for i, field in enumerate(UNIQUE_FIELDS):
        taken = await repo.taken(field, [v for v in (r[1][i] for r in rows) if v is not None])
        if not taken:
            continue
        kept = []
        for r in rows:
            if r[1][i] in taken:
                checked.errors.append((r[0], field, "already registered", "already_registered"))
            else:
                kept.append(r)
        rows = kept

    errors = sorted(checked.errors, key=lambda e: (e[0], e[1]))
    rejected_rows = len({e[0] for e in errors})
    shown = [
        RowError(row=r, field=f, reason=m, code=c) for r, f, m, c in errors[:MAX_REPORTED_ERRORS]
    ]
    if errors and not partial:
        raise ImportRejected(
            f"{rejected_rows} of {total} rows are not valid; nothing was written "
            "(send partial=true to accept the valid rows)",
            errors=[
                FieldError(field=f"rows.{e.row}.{e.field}", message=e.reason, code=e.code)
                for e in shown
            ],
            row_errors=[e.model_dump() for e in shown],
            errors_truncated=len(errors) > len(shown),
            total_rows=total,
            rejected=rejected_rows,
        )

    written: ImportBatch | None = None
    if rows:
        written = await repo.add_batch(
            ImportBatch(
                id=batch_id,
                format=fmt.value,
                total_rows=total,
                accepted=len(rows),
                rejected=rejected_rows,
                partial=partial,
                created_by=actor,
            )
        )
        await repo.create_staging()
        for start in range(0, len(rows), COPY_SLICE_ROWS):
            piece = rows[start : start + COPY_SLICE_ROWS]
            await repo.copy_staging_csv("".join(r[2] for r in piece))
        await repo.insert_staged(
            event_type=EventType.COOPERATIVE_REGISTERED,
            source=SOURCE,
            occurred_at=job.occurred_at,
            correlation_id=job.request_id,
        )
    return ImportResult(
        import_id=written.id if written is not None else None,
        format=fmt,
        partial=partial,
        total_rows=total,
        accepted=len(rows),
        rejected=rejected_rows,
        errors=shown,
        errors_truncated=len(errors) > len(shown),
        as_of=date.today(),
    )
