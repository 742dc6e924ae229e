"""The CPU half of a bulk import: parse the upload, validate every row, build what COPY writes.

Runs in a worker process (``registry.imports.workers``), never on the event loop: validating
100,000 rows is seconds of Python, and the registry also issues every token. The functions here
take and return plain, picklable values; the database half (identifiers already registered, the
batch row, COPY) stays in ``service``.

A large upload is shared between workers by blocks of rows: each worker reads the whole file
(the csv module, in C) a block at a time and validates the blocks ``part``, ``part + parts``,
... of it as it reaches them, sending each CSV block's result ahead as soon as it is ready
(``init_worker``'s channel), so the database can write it while later blocks are read and
checked. A CSV
row with a cell for every column is validated column-wise first (``columns``, the same rules
over whole columns); a row that path does not accept, a short row and every JSON line go
through ``ImportRow`` one by one, which writes the per-row errors.
"""

from __future__ import annotations

import csv
import gc
import io
import itertools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import UUID

from pydantic import ValidationError

from kopmod_shared.errors import FieldError, PayloadTooLarge, ProblemError, ValidationProblem
from kopmod_shared.ids import new_ids_hex
from registry.cooperatives.service import cross_field_errors
from registry.imports import columns
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
    # Send each CSV block's result ahead on the channel ``init_worker`` was given (if any) as
    # soon as it is ready, instead of with the rest at the end.
    stream: bool = False


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
    sent: int = 0  # blocks sent ahead on the channel (their rows and errors are not here)


# In a worker process: the channel each block's ``Checked`` is sent ahead on, as
# (batch id, block number, Checked); set when the process starts (``init_worker``).
_ahead: Any = None


def init_worker(ahead: Any) -> None:
    global _ahead
    _ahead = ahead


def run(job: Job) -> Checked:
    """Entry point in the worker: refusals come back as values (they are answers, not crashes).

    The cyclic garbage collector is paused meanwhile: an upload is hundreds of thousands of
    lists, tuples and strings that form no cycle (reference counting frees them), and its
    passes over them were a third of the CPU (2.4-2.9 against 3.5-4.0 s per 100,000 rows in
    one process). It is on again when ``run`` returns, for whatever the rest of the process
    makes."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _check(job)
    except ProblemError as exc:
        return Checked(refused=exc)
    finally:
        if paused:
            gc.enable()


def _check(job: Job) -> Checked:
    out = Checked()
    text = _text(job.body)
    if job.fmt is ImportFormat.csv:
        fields, reader = _csv_header(text)
        width = len(fields)
        # This worker's blocks of rows: the ``part``-th, then every ``parts``-th, each checked
        # as soon as it is read (the first is sent before the rest of the file is parsed).
        for index, records in enumerate(_csv_blocks(reader, job.max_rows)):
            start = index * BLOCK_ROWS
            out.total = start + len(records)
            if index % job.parts != job.part:
                continue
            block = Checked(total=out.total)
            valid: list[tuple[int, tuple[Any, ...]]] = []
            full: list[tuple[int, list[str]]] = []  # CSV rows with a cell for every column
            for number, cells in enumerate(records, start + 1):
                if len(cells) == width:
                    full.append((number, cells))
                elif len(cells) > width:
                    block.errors.append((number, "row", "more cells than columns", "csv_cells"))
                else:
                    _one(number, _record(fields, cells), valid, block)
            _finish(job, fields, full, valid, block)
            if job.stream and _ahead is not None:
                _ahead.put((job.batch_id, start // BLOCK_ROWS, block))
                out.sent += 1
            else:
                out.errors += block.errors
                out.rows += block.rows
        return out
    valid = []
    mine = _blocks(job.part, job.parts)
    for number, record in _json_records(text, mine):
        out.total = number
        if number > job.max_rows:
            raise PayloadTooLarge(f"at most {job.max_rows} rows per upload; split the file")
        if record is None:
            continue
        if isinstance(record, RowError):
            out.errors.append((record.row, record.field, record.reason, record.code))
            continue
        _one(number, record, valid, out)
    _finish(job, [], [], valid, out)
    return out


def _finish(
    job: Job,
    fields: list[str],
    full: list[tuple[int, list[str]]],
    valid: list[tuple[int, tuple[Any, ...]]],
    out: Checked,
) -> None:
    """The valid rows of one block as COPY lines in ``out.rows``: the full CSV rows checked
    column-wise first (those it does not accept go through ImportRow one by one)."""
    if full:
        # Whole columns at once; the rows it does not accept go through ImportRow one by one.
        accepted = columns.accept(fields, [cells for _, cells in full], date.today())
        for (number, cells), values in zip(full, accepted, strict=True):
            if values is not None:
                valid.append((number, values))
            else:
                _one(number, _record(fields, cells), valid, out)
        valid.sort(key=lambda item: item[0])
    # Ids for every valid row at once (a cooperative and its event each): one clock read.
    ids = new_ids_hex(2 * len(valid))
    tail = (str(job.batch_id), job.actor)
    arrays: dict[tuple[str, ...], str] = {}
    records = [
        (
            number,
            ids[2 * k],
            ids[2 * k + 1],
            *values[:_LISTS_AT],
            _array_of(values[_LISTS_AT], arrays),
            _array_of(values[_LISTS_AT + 1], arrays),
            *values[_LISTS_AT + 2 :],
            *tail,
        )
        for k, (number, values) in enumerate(valid)
    ]
    lines = _copy_lines(records)
    for (number, values), text in zip(valid, lines, strict=True):
        keys = (values[_NIB_AT], values[_NIK_AT], values[_EXTERNAL_AT])
        out.rows.append((number, keys, text))


_NIB_AT = columns.VALUE_FIELDS.index("nib")
_NIK_AT = columns.VALUE_FIELDS.index("nik_koperasi")
_EXTERNAL_AT = columns.VALUE_FIELDS.index("external_id")
_LISTS_AT = columns.VALUE_FIELDS.index("business_sectors")  # then commodities
assert columns.VALUE_FIELDS[_LISTS_AT + 1] == "commodities"


def _array_of(value: list[str], seen: dict[tuple[str, ...], str]) -> str:
    """A list as a Postgres array literal, each distinct list written once."""
    key = tuple(value)
    text = seen.get(key)
    if text is None:
        text = seen[key] = _array(value)
    return text


def _copy_lines(records: list[tuple[Any, ...]]) -> list[str]:
    """Each record as one line of COPY CSV: all written by one ``writerows`` (C) and split at
    the line ends, unless a cell holds a line break or an empty string (then a line each)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(records)
    parts = buffer.getvalue().split("\n")
    if len(parts) != len(records) + 1:  # a line break inside a cell
        line = _CopyLine()
        return [line(r) for r in records]
    lines = [p + "\n" for p in parts[:-1]]
    for k, r in enumerate(records):
        if "" in r:  # an empty string reads back as NULL unquoted (JSON lines may hold one)
            lines[k] = copy_line(r)
    return lines


def _one(
    number: int, record: dict[str, Any], valid: list[tuple[int, tuple[Any, ...]]], out: Checked
) -> None:
    """One record through ``ImportRow``: its values, or its errors."""
    checked = _validate(number, record)
    if isinstance(checked, list):
        out.errors.extend((e.row, e.field, e.reason, e.code) for e in checked)
    else:
        valid.append((number, values_of(checked)))


def _record(fields: list[str], cells: list[str]) -> dict[str, Any]:
    """A row as ``ImportRow`` reads it: a later repeated column wins, blank cells are absent."""
    record = dict(zip(fields, cells, strict=False))
    return {k: v for k, v in record.items() if v.strip() != ""}


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


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationProblem.for_field(
            "body", "the upload is not UTF-8 text", "encoding"
        ) from exc


def _csv_header(text: str) -> tuple[list[str], Iterator[list[str]]]:
    """The header's names (checked) and the reader, positioned at the first record."""
    # newline="": the csv module handles line ends itself (a bare \r inside a field is data).
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        fields = next(reader, [])
    except csv.Error as exc:
        raise _not_csv(exc) from exc
    header = set(fields)
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
    return fields, reader


def _csv_blocks(reader: Iterator[list[str]], max_rows: int) -> Iterator[list[list[str]]]:
    """Every record's cells in blocks of ``BLOCK_ROWS``, each as soon as it is read (blank
    lines are not records, as ``DictReader`` skips them); more than ``max_rows`` records is
    refused before any record after them is read. A refusal may come after blocks were given
    out: the upload is refused whole all the same (the request's transaction undoes what was
    written of them)."""
    block: list[list[str]] = []
    read = 0
    while True:
        # The csv module in C reads a slice at a time, not a step per record.
        wanted = min(BLOCK_ROWS - len(block), max_rows + 1 - read)
        try:
            chunk = list(itertools.islice(reader, wanted))
        except csv.Error as exc:
            raise _not_csv(exc) from exc
        if not chunk:
            break
        records = [r for r in chunk if r]
        read += len(records)
        if read > max_rows:
            raise PayloadTooLarge(f"at most {max_rows} rows per upload; split the file")
        block += records
        if len(block) == BLOCK_ROWS:
            yield block
            block = []
    if block:
        yield block


def _blocks(part: int, parts: int) -> Callable[[int], bool]:
    def mine(number: int) -> bool:
        return ((number - 1) // BLOCK_ROWS) % parts == part

    return mine


def _json_records(
    text: str, mine: Callable[[int], bool]
) -> Iterator[tuple[int, dict[str, Any] | RowError | None]]:
    """Every JSON line with its row number; only rows ``mine`` accepts are decoded (the others
    come as None: counted, not read)."""
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


def values_of(r: ImportRow) -> tuple[Any, ...]:
    """A valid row's values in ``columns.VALUE_FIELDS`` order (what the staging table takes
    after the row number and the ids of the cooperative and its event)."""
    return (
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
    )
