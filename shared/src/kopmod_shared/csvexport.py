"""The one CSV writer of the platform: every CSV a service answers is written here.

Spreadsheets execute a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and some strip a leading
tab or carriage return first), so a loan's external reference ``@SUM(A1:A9)`` or a note ``-A1``
would run as a formula on the fund officer's machine (CSV injection). Following OWASP's rule, a
text cell that starts with one of those characters is prefixed with a single quote and quoted,
so the spreadsheet shows the text and runs nothing. Other cells are quoted only where RFC 4180
needs it (a comma, a double quote or a line break inside), so plain rows read as before.

Numbers stay numbers (docs/numbers.md): a ``Decimal`` or ``int`` cell, and a text cell that is a
plain decimal number (``-?[0-9]+(.[0-9]+)?``: ASCII digits, at most one leading minus and one
point, nothing else), is written as it is. Such a cell cannot reference a cell or call a
function, and prefixing ``-100.00`` would turn a reversal's amount into text that no sum adds up.
Decimals are written in plain notation (``format(value, "f")``, never an exponent); the schema
types already hold them at their canonical scale (``kopmod_shared.money``). Floats are refused.
"""

from __future__ import annotations

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


def _text(value: str) -> tuple[str, bool]:
    inert = neutralise(value)
    return inert, inert is not value


def _render(value: Any) -> tuple[str, bool]:
    """One cell's text and whether it was neutralised: numbers plain, text made inert."""
    if value is None:
        return "", False
    if isinstance(value, bool):
        return ("True" if value else "False"), False  # what spreadsheets read as booleans
    if isinstance(value, float):
        raise TypeError("a CSV cell takes a Decimal, never a float")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("a CSV cell takes a finite Decimal")
        return format(value.copy_abs() if value == 0 else value, "f"), False
    if isinstance(value, int):
        return str(value), False
    if isinstance(value, datetime | date):
        return value.isoformat(), False
    if isinstance(value, UUID):
        return str(value), False
    if isinstance(value, Enum):
        return _text(str(value.value))
    if isinstance(value, str):
        return _text(value)
    raise TypeError(f"a CSV cell does not take {type(value).__name__}")


def cell(value: Any) -> str:
    """One cell's text (unquoted): numbers plain, text neutralised, ``None`` empty."""
    return _render(value)[0]


def _line(values: Sequence[Any]) -> str:
    fields = []
    for value in values:
        text, neutralised = _render(value)
        # RFC 4180 quoting where needed; a neutralised cell is always quoted (OWASP).
        if neutralised or any(c in text for c in ',"\r\n'):
            text = '"' + text.replace('"', '""') + '"'
        fields.append(text)
    return ",".join(fields) + "\n"


def write_csv(header: Sequence[str], rows: Iterable[Sequence[Any] | Mapping[str, Any]]) -> str:
    """The CSV text: a header row, then one row per item (a sequence in header order, or a
    mapping by column name; a mapping's missing columns are empty, unknown ones an error).
    Lines end with ``\n``."""
    out = [_line(list(header))]
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
        out.append(_line(values))
    return "".join(out)


def csv_response(text: str, filename: str) -> Response:
    """A CSV download: UTF-8, offered as ``filename``."""
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
