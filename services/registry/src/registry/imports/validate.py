"""The CPU half of a bulk import: parse the upload, validate every row, build what COPY writes.

Runs in a worker process (``registry.imports.workers``), never on the event loop: validating
100,000 rows is seconds of Python, and the registry also issues every token. The functions here
take and return plain, picklable values; the database half (identifiers already registered, the
batch row, COPY) stays in ``service``.

A large upload is shared between workers by blocks of rows: each worker parses the whole file
(cheap next to validation) and validates the blocks ``part``, ``part + parts``, ... of it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import ValidationError

from kopmod_shared.errors import FieldError, PayloadTooLarge, ProblemError, ValidationProblem
from kopmod_shared.ids import new_ids
from registry.cooperatives.service import cross_field_errors
from registry.imports.schemas import ImportFormat, ImportRow, RowError

COLUMNS = frozenset(ImportRow.model_fields)
REQUIRED_COLUMNS = frozenset(
    name for name, field in ImportRow.model_fields.items() if field.is_required()
)
UNIQUE_FIELDS = ("nib", "nik_koperasi", "external_id")
BLOCK_ROWS = 2000


@dataclass(frozen=True)
class Job:
    """One worker's share of one upload, and what the rows it builds carry."""

    body: bytes
    fmt: ImportFormat
    max_rows: int
    batch_id: UUID
    actor: str
    occurred_at: datetime
    request_id: str | None
    part: int = 0
    parts: int = 1


@dataclass
class Checked:
    """What a worker found: every row counted, its share of rows validated.

    Plain tuples and strings only: errors as (row, field, reason, code); valid rows in row
    order as (row number, (nib, nik_koperasi, external_id), the row as a line of COPY CSV in
    ``repository.STAGING_COLUMNS`` order: row number, the id of its outbox event, then the
    cooperative in ``COOPERATIVE_COLUMNS`` order; the event itself is built by Postgres).
    Text, not records: the results are unpickled in one call that holds the
    interpreter lock, and 40,000 records of UUIDs and dates held the event loop up to 1.6 s
    (strings unpickle in a fraction of that), though binary COPY of records was a little faster.
    """

    total: int = 0
    errors: list[tuple[int, str, str, str]] = field(default_factory=list)
    rows: list[tuple[int, tuple[str | None, ...], str]] = field(default_factory=list)
    refused: ProblemError | None = None  # the upload as a whole is refused (header, size, ...)


def run(job: Job) -> Checked:
    """Entry point in the worker: refusals come back as values (they are answers, not crashes)."""
    try:
        return _check(job)
    except ProblemError as exc:
        return Checked(refused=exc)


def _check(job: Job) -> Checked:
    out = Checked()

    def mine(number: int) -> bool:
        return ((number - 1) // BLOCK_ROWS) % job.parts == job.part

    valid: list[tuple[int, ImportRow]] = []
    for number, record in _records(job.body, job.fmt, mine):
        out.total = number
        if number > job.max_rows:
            raise PayloadTooLarge(f"at most {job.max_rows} rows per upload; split the file")
        if record is None:
            continue
        if isinstance(record, RowError):
            out.errors.append((record.row, record.field, record.reason, record.code))
            continue
        checked = _validate(number, record)
        if isinstance(checked, list):
            out.errors.extend((e.row, e.field, e.reason, e.code) for e in checked)
            continue
        valid.append((number, checked))
    # Ids for every valid row at once (a cooperative and its event each): one clock read.
    ids = iter(new_ids(2 * len(valid)))
    line = _CopyLine()
    for number, row in valid:
        keys = tuple(getattr(row, f) for f in UNIQUE_FIELDS)
        out.rows.append((number, keys, line(_staging_record(number, row, job, ids))))
    return out


class _CopyLine:
    """Values as one line of COPY CSV, written by the csv module (C): NULL an empty unquoted
    cell, a value quoted only when it must be, a list a Postgres array literal. An empty string
    would read back as NULL unquoted: a row holding one (validation leaves none) takes
    ``copy_line``, which quotes every value."""

    def __init__(self) -> None:
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\n")

    def __call__(self, values: tuple[Any, ...]) -> str:
        cells = [_array(v) if type(v) is list else v for v in values]
        if "" in cells:
            return copy_line(values)
        self.buffer.seek(0)
        self.buffer.truncate()
        self.writer.writerow(cells)
        return self.buffer.getvalue()


def _array(value: list[Any]) -> str:
    items = (str(v).replace("\\", "\\\\").replace('"', '\\"') for v in value)
    return "{" + ",".join(f'"{v}"' for v in items) + "}"


def _cell(value: Any) -> str:
    """One value as a COPY CSV cell: NULL is an empty unquoted cell, anything else is quoted."""
    if value is None:
        return ""
    kind = type(value)
    if kind is str:  # most cells: no isinstance chain
        return '"' + value.replace('"', '""') + '"'
    if kind is list:
        text = _array(value)
    elif isinstance(value, datetime):
        text = value.isoformat()
    elif isinstance(value, float):
        text = repr(value)
    else:
        text = str(value)
    return '"' + text.replace('"', '""') + '"'


def copy_line(values: tuple[Any, ...]) -> str:
    return ",".join(map(_cell, values)) + "\n"


def _not_csv(exc: csv.Error) -> ValidationProblem:
    return ValidationProblem.for_field("body", f"the upload is not valid CSV: {exc}", "csv")


def _records(
    body: bytes, fmt: ImportFormat, mine: Callable[[int], bool] = lambda number: True
) -> Iterator[tuple[int, dict[str, Any] | RowError | None]]:
    """Every record with its row number; only rows ``mine`` accepts are decoded (the others
    come as None: counted, not read)."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationProblem.for_field(
            "body", "the upload is not UTF-8 text", "encoding"
        ) from exc
    if fmt is ImportFormat.csv:
        # newline="": the csv module handles line ends itself (a bare \r inside a field is data).
        reader = csv.DictReader(io.StringIO(text, newline=""))
        try:
            header = set(reader.fieldnames or [])
        except csv.Error as exc:
            raise _not_csv(exc) from exc
        unknown = sorted(header - COLUMNS)
        missing = sorted(REQUIRED_COLUMNS - header)
        if unknown or missing:
            problems = [f"unknown column {c}" for c in unknown]
            problems += [f"missing column {c}" for c in missing]
            raise ValidationProblem(
                "; ".join(problems),
                errors=[
                    FieldError(field="body.header", message=p, code="csv_header") for p in problems
                ],
            )
        fields = reader.fieldnames or []
        width = len(fields)
        cells = reader.reader  # plain lists: DictReader's dict per row is not needed here
        number = 0
        while True:
            try:
                row = next(cells)
            except StopIteration:
                break
            except csv.Error as exc:
                raise _not_csv(exc) from exc
            if not row:
                continue  # a blank line is not a record (as DictReader skips it)
            number += 1
            if not mine(number):
                yield number, None
                continue
            if len(row) > width:
                yield (
                    number,
                    RowError(
                        row=number, field="row", reason="more cells than columns", code="csv_cells"
                    ),
                )
                continue
            record = dict(zip(fields, row, strict=False))  # a later repeated column wins
            yield number, {k: v for k, v in record.items() if v.strip() != ""}
        return
    number = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        number += 1
        if not mine(number):
            yield number, None
            continue
        try:
            value = json.loads(line)
        except ValueError:
            yield number, RowError(row=number, field="row", reason="not valid JSON", code="json")
            continue
        if not isinstance(value, dict):
            yield number, RowError(row=number, field="row", reason="not a JSON object", code="json")
            continue
        yield number, value


def _validate(number: int, raw: dict[str, Any]) -> ImportRow | list[RowError]:
    try:
        row = ImportRow.model_validate(raw)
    except ValidationError as exc:
        out = []
        for err in exc.errors():
            reason = str(err.get("msg", "invalid"))
            if reason.startswith("Value error, "):
                reason = reason[len("Value error, ") :]
            out.append(
                RowError(
                    row=number,
                    field=".".join(str(p) for p in err.get("loc", ())) or "row",
                    reason=reason,
                    code=str(err.get("type", "invalid")),
                )
            )
        return out
    cross = cross_field_errors(row.__dict__, prefix="")
    if cross:
        return [RowError(row=number, field=e.field, reason=e.message, code=e.code) for e in cross]
    return row


def _staging_record(number: int, r: ImportRow, job: Job, ids: Iterator[UUID]) -> tuple[Any, ...]:
    """The row as the staging table takes it: its number, the id of its
    ``cooperative.registered`` event, and the cooperative record."""
    return (
        number,
        next(ids),
        next(ids),
        r.name,
        r.type.value,
        r.level.value,
        r.legal_decree_number,
        r.legal_decree_date,
        r.nib,
        r.nik_koperasi,
        r.founded_on,
        r.address,
        r.region_code,
        r.latitude,
        r.longitude,
        r.business_sectors,
        r.commodities,
        r.membership_area.value if r.membership_area else None,
        r.scale_band.value if r.scale_band else None,
        r.member_count,
        r.status.value,
        r.external_id,
        job.batch_id,
        job.actor,
    )
