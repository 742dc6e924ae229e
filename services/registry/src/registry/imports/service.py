"""Bulk import: validate every row, report each problem (row, field, reason), write nothing when
a row fails unless partial acceptance was asked for, then COPY the rows in one go.

Rows are validated with the same field types and cross-field rules as ``POST /v1/cooperatives``;
identifiers (NIB, NIK koperasi, external id) must be unique within the file and new to the
registry. Parsing and validating run in worker processes (``workers``, ``validate``), so the
event loop keeps answering while an upload is checked; what remains here is the database, on
the request's own connection (one transaction with the batch row).

The rows are written while the workers still check the later ones: each block of valid rows,
in row order, is COPYed into a staging table as it arrives, and every ``FLUSH_ROWS`` one
INSERT ... SELECT each writes the cooperatives and their ``cooperative.registered`` events
from it, after a savepoint. The unique indexes check the identifiers as they go. When a row
fails (and partial acceptance is off) or an identifier clashes (repeated in the file, or
already registered), everything since the savepoint is undone and the upload takes the
checking path once all of it is checked: duplicates in the file, identifiers already
registered, then the report or the writes, as before. Either way the answer and what is
written are the same.
"""

from __future__ import annotations

import asyncio
from contextlib import aclosing
from datetime import UTC, date, datetime

from asgi_correlation_id import correlation_id

from kopmod_shared.errors import Conflict, FieldError, ValidationProblem
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
# Staged rows written to the cooperatives and the outbox at a time while the upload is checked.
FLUSH_ROWS = 10_000


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
    checked = Checked()
    # Write the rows as their blocks arrive until a row fails (not partial) or a key clashes.
    ahead = True
    staged = 0
    await repo.mark()
    await repo.create_staging()
    async with aclosing(workers.blocks(job)) as blocks:
        async for block in blocks:
            checked.total = max(checked.total, block.total)
            checked.errors.extend(block.errors)
            checked.rows.extend(block.rows)
            if not ahead:
                continue
            if block.errors and not partial:
                ahead = False
                await repo.undo()
                continue
            await _stage(repo, block.rows)
            staged += len(block.rows)
            if staged >= FLUSH_ROWS:
                ahead = await _write_staged(repo, job)
                staged = 0
    if ahead and staged:
        ahead = await _write_staged(repo, job)
    total = checked.total
    if total == 0:
        raise ValidationProblem.for_field("body", "the upload has no rows", "empty")
    if ahead:
        # Every valid row is written and no identifier clashed: what is left is the batch
        # row and the answer.
        return await _result(repo, job, checked, checked.rows, partial=partial, write=False)
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

    return await _result(repo, job, checked, rows, partial=partial, write=True)


async def _stage(
    repo: ImportRepository, rows: list[tuple[int, tuple[str | None, ...], str]]
) -> None:
    for start in range(0, len(rows), COPY_SLICE_ROWS):
        piece = rows[start : start + COPY_SLICE_ROWS]
        await repo.copy_staging_csv("".join(r[2] for r in piece))


async def _write_staged(repo: ImportRepository, job: Job) -> bool:
    """The staged rows into the cooperatives and the outbox; False (and everything since the
    savepoint undone) when an identifier clashes."""
    try:
        await repo.insert_staged(
            event_type=EventType.COOPERATIVE_REGISTERED,
            source=SOURCE,
            occurred_at=job.occurred_at,
            correlation_id=job.request_id,
        )
    except Conflict:
        await repo.undo()
        return False
    await repo.clear_staging()
    return True


async def _result(
    repo: ImportRepository,
    job: Job,
    checked: Checked,
    rows: list[tuple[int, tuple[str | None, ...], str]],
    *,
    partial: bool,
    write: bool,
) -> ImportResult:
    """The report, or the batch row (and with ``write`` the rows) and the answer."""
    total = checked.total
    fmt = job.fmt
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
                id=job.batch_id,
                format=fmt.value,
                total_rows=total,
                accepted=len(rows),
                rejected=rejected_rows,
                partial=partial,
                created_by=job.actor,
            )
        )
    if rows and write:
        await repo.create_staging()
        await _stage(repo, rows)
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
