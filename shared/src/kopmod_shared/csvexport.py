"""The one CSV writer of the platform: every CSV a service answers is written here.

Spreadsheets execute a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and some strip a leading
tab or carriage return first), so a loan's external reference ``@SUM(A1:A9)`` or a note ``-A1``
would run as a formula on the fund officer's machine (CSV injection). Following OWASP's rule, a
text cell that starts with one of those characters is prefixed with a single quote, and every
cell is quoted, so the spreadsheet shows the text and runs nothing.

Numbers stay numbers (docs/numbers.md): a ``Decimal`` or ``int`` cell, and a text cell that is a
plain decimal number (``-?[0-9]+(.[0-9]+)?``: ASCII digits, at most one leading minus and one
point, nothing else), is written as it is. Such a cell cannot reference a cell or call a
function, and prefixing ``-100.00`` would turn a reversal's amount into text that no sum adds up.
Decimals are written in plain notation (``format(value, "f")``, never an exponent); the schema
types already hold them at their canonical scale (``kopmod_shared.money``). Floats are refused.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from fastapi import Response

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?", re.ASCII)


def neutralise(text: str) -> str:
    """``text`` made inert for a spreadsheet: a leading ``'`` if it could start a formula."""
    if text.startswith(FORMULA_TRIGGERS) and PLAIN_NUMBER.fullmatch(text) is None:
        return "'" + text
    return text


def cell(value: Any) -> str:
    """One cell's text: numbers plain, text neutralised, ``None`` empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        raise TypeError("a CSV cell takes a Decimal, never a float")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("a CSV cell takes a finite Decimal")
        return format(value.copy_abs() if value == 0 else value, "f")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, Enum):
        return neutralise(str(value.value))
    if isinstance(value, str):
        return neutralise(value)
    raise TypeError(f"a CSV cell does not take {type(value).__name__}")


def write_csv(header: Sequence[str], rows: Iterable[Sequence[Any] | Mapping[str, Any]]) -> str:
    """The CSV text: a header row, then one row per item (a sequence in header order, or a
    mapping by column name; a mapping's missing columns are empty, unknown ones an error)."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow([neutralise(name) for name in header])
    for row in rows:
        if isinstance(row, Mapping):
            unknown = set(row) - set(header)
            if unknown:
                raise ValueError(f"columns not in the header: {sorted(unknown)}")
            values: Sequence[Any] = [row.get(name) for name in header]
        else:
            values = row
            if len(values) != len(header):
                raise ValueError(f"a row has {len(values)} cells for {len(header)} columns")
        writer.writerow([cell(v) for v in values])
    return out.getvalue()


def csv_response(text: str, filename: str) -> Response:
    """A CSV download: UTF-8, offered as ``filename``."""
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
