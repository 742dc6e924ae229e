"""Bulk import's fast path: the rules of ``ImportRow`` applied a whole column at a time.

Validating 100,000 uploaded rows one ``ImportRow.model_validate`` at a time was most of an
import's CPU. Here each column of the file is checked over all its cells at once: a column with
few distinct values (type, status, region code, dates, commodities) is validated once per
distinct value and looked up, the others with one compiled regular expression or comparison per
cell, and the cross-field rules over whole columns.

This path only **accepts**: a row it accepts gets exactly the values ``ImportRow`` would give it
(tests/imports/test_columns.py compares the two on generated valid and invalid rows). A row
with anything it does not accept, or cannot be sure of (a cell pydantic might still coerce, a
short row), goes back to ``ImportRow`` in ``validate``, which writes its errors, so the per-row
error report is the same as before by construction. It is narrower than pydantic on purpose
(ASCII digits in numbers, ISO dates only): whatever it leaves out costs time, never a different
answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from kopmod_shared.dates import MAX_DATE, MIN_DATE
from kopmod_shared.schemas.registry import CooperativeLevel, CooperativeStatus, CooperativeType
from registry.enums import MembershipArea, ScaleBand
from registry.regions import RegionCodeError, parse_region_code
from registry.validation import _DIGITS, _HS, _NIB

# A row's values in the order ``validate.values_of`` gives them (``repository.COOPERATIVE_COLUMNS``
# is built from them).
VALUE_FIELDS = (
    "name",
    "type",
    "level",
    "legal_decree_number",
    "legal_decree_date",
    "nib",
    "nik_koperasi",
    "founded_on",
    "address",
    "region_code",
    "latitude",
    "longitude",
    "business_sectors",
    "commodities",
    "membership_area",
    "scale_band",
    "member_count",
    "status",
    "external_id",
)


class _Bad:
    """A cell this path does not accept (the row goes to ``ImportRow``)."""

    def __repr__(self) -> str:
        return "BAD"


BAD: Any = _Bad()
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Plain decimals only: pydantic also takes exponents, "inf", surrounding spaces ...; those rows
# take the slow path.
_DECIMAL = re.compile(r"-?[0-9]{1,3}(?:\.[0-9]{1,17})?")
_COUNT = re.compile(r"0|[1-9][0-9]{0,8}")
_TYPES = frozenset(t.value for t in CooperativeType)
_STATUSES = frozenset(s.value for s in CooperativeStatus) - {CooperativeStatus.merged.value}
_AREAS = frozenset(a.value for a in MembershipArea)
_BANDS = frozenset(b.value for b in ScaleBand)


def _date(today: date) -> Callable[[str], Any]:
    def parse(cell: str) -> Any:
        if not _ISO_DATE.fullmatch(cell):
            return BAD
        try:
            day = date.fromisoformat(cell)
        except ValueError:
            return BAD
        return day if MIN_DATE <= day <= MAX_DATE and day <= today else BAD

    return parse


def _region(cell: str) -> Any:
    try:
        return parse_region_code(cell.strip(), min_level=2)
    except RegionCodeError:
        return BAD


def _coordinate(low: float, high: float) -> Callable[[str], Any]:
    def parse(cell: str) -> Any:
        if not _DECIMAL.fullmatch(cell):
            return BAD
        value = float(cell)
        return value if low <= value <= high else BAD

    return parse


def _listed(
    item: Callable[[str], bool], most: int
) -> Callable[[str], Any]:  # ``schemas._split`` then each item's rule and the list's length
    def parse(cell: str) -> Any:
        parts = [part.strip() for part in cell.split(";") if part.strip()]
        if len(parts) > most or not all(map(item, parts)):
            return BAD
        return parts

    return parse


def _sector(value: str) -> bool:
    return len(value) <= 100


def _hs(value: str) -> bool:
    return _HS.match(value) is not None


def _text(most: int, *, strip: bool) -> Callable[[str], Any]:
    def parse(cell: str) -> Any:
        value = cell.strip() if strip else cell
        return value if len(value) <= most else BAD

    return parse


def _pattern(pattern: re.Pattern[str]) -> Callable[[str], Any]:
    def parse(cell: str) -> Any:
        value = cell.strip()
        return value if pattern.match(value) else BAD

    return parse


def _count(cell: str) -> Any:
    return int(cell) if _COUNT.fullmatch(cell) else BAD


def _member(allowed: frozenset[str]) -> Callable[[str], Any]:
    def parse(cell: str) -> Any:
        return cell if cell in allowed else BAD

    return parse


# Per field: (required, default when the cell is blank or the column absent, the cell's rule,
# whether the column has few distinct values: then each is checked once and looked up).
def _rules(today: date) -> dict[str, tuple[bool, Any, Callable[[str], Any], bool]]:
    past = _date(today)
    return {
        "name": (True, None, _text(200, strip=True), False),
        "type": (True, None, _member(_TYPES), True),
        "level": (False, "primary", _member(frozenset({CooperativeLevel.primary.value})), True),
        "legal_decree_number": (False, None, _text(100, strip=False), False),
        "legal_decree_date": (False, None, past, True),
        "nib": (False, None, _pattern(_NIB), False),
        "nik_koperasi": (False, None, _pattern(_DIGITS), False),
        "founded_on": (True, None, past, True),
        "address": (False, None, _text(500, strip=False), False),
        "region_code": (True, None, _region, True),
        "latitude": (False, None, _coordinate(-11, 6), False),
        "longitude": (False, None, _coordinate(95, 141), False),
        "business_sectors": (False, [], _listed(_sector, 20), True),
        "commodities": (False, [], _listed(_hs, 50), True),
        "membership_area": (False, None, _member(_AREAS), True),
        "scale_band": (False, None, _member(_BANDS), True),
        "member_count": (False, None, _count, False),
        "status": (False, "active", _member(_STATUSES), True),
        "external_id": (False, None, _text(100, strip=False), False),
    }


def _column(
    cells: Sequence[str], required: bool, default: Any, rule: Callable[[str], Any], few: bool
) -> list[Any]:
    """One column's values; a blank cell (nothing but spaces) is a missing one."""
    if few:
        table = {}
        for cell in set(cells):
            if cell.strip() == "":
                table[cell] = BAD if required else default
            else:
                table[cell] = rule(cell)
        return list(map(table.__getitem__, cells))
    missing = BAD if required else default
    return [rule(c) if c.strip() != "" else missing for c in cells]


def accept(fields: Sequence[str], rows: Sequence[Sequence[str]], today: date) -> list[Any]:
    """For each row of ``rows`` (cells under the header ``fields``, one per column): its values
    in ``VALUE_FIELDS`` order, or None when ``ImportRow`` must look at it.

    Columns outside ``VALUE_FIELDS`` are refused with the header before this runs; a repeated
    column counts with its last cell, as a row read into a dictionary does."""
    count = len(rows)
    where = {name: i for i, name in enumerate(fields)}
    columns: list[list[Any]] = []
    for name in VALUE_FIELDS:
        required, default, rule, few = _rules(today)[name]
        if name not in where:
            columns.append([BAD if required else default] * count)
            continue
        i = where[name]
        columns.append(_column([r[i] for r in rows], required, default, rule, few))
    out: list[Any] = []
    for values in zip(*columns, strict=True):
        if BAD in values:
            out.append(None)
            continue
        number, day, founded = values[3], values[4], values[7]
        latitude, longitude = values[10], values[11]
        if (
            (latitude is None) != (longitude is None)
            or (number is None) != (day is None)
            or (day is not None and day < founded)
        ):
            out.append(None)  # cooperatives.service.cross_field_errors has the words
            continue
        out.append(values)
    return out
