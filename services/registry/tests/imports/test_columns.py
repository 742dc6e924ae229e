"""The column-wise fast path accepts only rows ``ImportRow`` accepts, with the same values.

Generated rows mix valid cells with the ones pydantic treats in its own way (spaces, other
digits, exponents, impossible or future dates, merged and secondary, codes without dots,
lists with empty parts ...). For every row the fast path accepts, ``ImportRow`` must accept it
too and give the same values, of the same types; a row it declines goes to ``ImportRow``, which
writes the error report, so the report cannot differ.
"""

from __future__ import annotations

import gc
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registry.imports import columns, validate
from registry.imports.schemas import ImportFormat

TODAY = date.today()
FIELDS = list(columns.VALUE_FIELDS)

CELLS: dict[str, list[str]] = {
    "name": ["Koperasi Maju", "  Koperasi Spasi  ", "x" * 200, "x" * 201, " ", "Ünïcode ✓"],
    "type": ["konsumen", "produsen", "simpan_pinjam", " konsumen", "Konsumen", "kud", ""],
    "level": ["", "primary", "secondary", "Primary", " primary"],
    "legal_decree_number": ["AHU-1", "", " AHU-2 ", "y" * 100, "y" * 101],
    "legal_decree_date": [
        "2010-09-01",
        "",
        "2010-02-30",
        "1899-12-31",
        "1900-01-01",
        (TODAY + timedelta(days=1)).isoformat(),
        TODAY.isoformat(),
        "2010-09-01T00:00:00",
        "20100901",
        " 2010-09-01",
        "2009-01-01",
    ],
    "nib": ["8100000000001", "", " 8100000000002 ", "12345", "٨١٠٠٠٠٠٠٠٠٠٠٣", "81000000000045"],
    "nik_koperasi": ["3273000001", "", "00", " 42 ", "4x2", "1" * 30, "1" * 31],
    "founded_on": ["2010-06-01", "", "2999-01-01", "2010-13-01", "1975-01-31", "2011-06-01"],
    "address": ["Jl. Koperasi 1", "", "a" * 500, "a" * 501, "  "],
    "region_code": [
        "3273011001",
        "32.73.01.1001",
        " 32.73 ",
        "32",
        "99.01",
        "32.70",
        "32.73.00",
        "32.73.01.3001",
        "3273",
        "",
    ],
    "latitude": ["-6.9", "", "6", "-11", "-11.000001", "30", "1e0", " -6.9", "nan", "-0", "+1"],
    "longitude": ["107.6", "", "95", "141", "141.5", "1.07e2", "107.60000000000000001"],
    "business_sectors": ["", "pertanian;perikanan", ";;", " a ; b ", "z" * 101, ";".join("s" * 21)],
    "commodities": ["", "100630;090111", "0901", "09011", "090111;", "1006301234", "x;0901"],
    "membership_area": ["", "regency", "national", "kota"],
    "scale_band": ["", "mikro", "besar", "raksasa"],
    "member_count": ["", "20", "0", "007", "-1", " 5", "1_000", "2.0", "999999999", "1000000000"],
    "status": ["", "active", "inactive", "dissolved", "merged", "Active"],
    "external_id": ["DINAS-1", "", " x ", "e" * 100, "e" * 101],
}
VALID: dict[str, str] = {
    "name": "Koperasi Maju",
    "type": "konsumen",
    "level": "",
    "legal_decree_number": "AHU-1",
    "legal_decree_date": "2010-09-01",
    "nib": "8100000000001",
    "nik_koperasi": "3273000001",
    "founded_on": "2010-06-01",
    "address": "Jl. Koperasi 1",
    "region_code": "3273011001",
    "latitude": "-6.9",
    "longitude": "107.6",
    "business_sectors": "pertanian;perikanan",
    "commodities": "100630;090111",
    "membership_area": "",
    "scale_band": "",
    "member_count": "20",
    "status": "",
    "external_id": "DINAS-1",
}


@st.composite
def rows(draw: st.DrawFn) -> list[str]:
    """A row that is valid but for a few cells drawn from the tricky ones."""
    changed = draw(st.sets(st.sampled_from(FIELDS), max_size=4))
    return [draw(st.sampled_from(CELLS[f])) if f in changed else VALID[f] for f in FIELDS]


def _slow(fields: list[str], cells: list[str]) -> Any:
    return validate._validate(1, validate._record(fields, cells))


def _typed(values: tuple[Any, ...]) -> list[tuple[type, Any]]:
    return [(type(v), repr(v)) for v in values]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(rows(), min_size=1, max_size=12))
def test_what_the_fast_path_accepts_importrow_accepts_with_the_same_values(batch):
    accepted = columns.accept(FIELDS, batch, TODAY)
    assert len(accepted) == len(batch)
    for cells, values in zip(batch, accepted, strict=True):
        slow = _slow(FIELDS, cells)
        if values is None:
            continue
        assert not isinstance(slow, list), (cells, slow)
        assert _typed(values) == _typed(validate.values_of(slow)), cells


def test_ordinary_rows_take_the_fast_path():
    """Every cell of the valid set, one field at a time, in a row otherwise valid: each row
    that ImportRow accepts with a plain cell is accepted here too (not a timing: without it
    the fast path would silently send every row the slow way)."""
    plain = [
        ("type", "produsen"),
        ("level", "primary"),
        ("legal_decree_date", TODAY.isoformat()),
        ("region_code", "32.73"),
        ("latitude", "-11"),
        ("longitude", "141"),
        ("commodities", "0901"),
        ("business_sectors", ""),
        ("member_count", "0"),
        ("status", "dissolved"),
        ("scale_band", "besar"),
        ("address", ""),
        ("nib", ""),
    ]
    batch = [[VALID[f] for f in FIELDS]]
    for field, cell in plain:
        batch.append([cell if f == field else VALID[f] for f in FIELDS])
    accepted = columns.accept(FIELDS, batch, TODAY)
    assert all(values is not None for values in accepted)
    for cells, values in zip(batch, accepted, strict=True):
        assert _typed(values) == _typed(validate.values_of(_slow(FIELDS, cells)))


def test_columns_absent_repeated_or_in_another_order():
    fields = ["founded_on", "region_code", "type", "name", "name"]
    cells = ["2010-06-01", "32.73", "jasa", "ignored: the later column wins", "Koperasi Akhir"]
    [values] = columns.accept(fields, [cells], TODAY)
    assert values is not None
    assert _typed(values) == _typed(validate.values_of(_slow(fields, cells)))
    assert values[0] == "Koperasi Akhir" and values[2] == "primary" and values[17] == "active"
    # A required column that is absent or blank: the row goes to ImportRow for its error.
    assert columns.accept(["name", "type", "region_code"], [["K", "jasa", "32.73"]], TODAY) == [
        None
    ]
    assert columns.accept(fields, [[*cells[:4], " "]], TODAY) == [None]


def test_cross_field_rules_send_the_row_to_importrow():
    def row(**cells: str) -> list[str]:
        return [cells.get(f, VALID[f]) for f in FIELDS]

    batch = [
        row(latitude=""),
        row(longitude=""),
        row(legal_decree_number=""),
        row(legal_decree_date=""),
        row(legal_decree_date="2009-01-01"),
        row(latitude="", longitude="", legal_decree_number="", legal_decree_date=""),
    ]
    accepted = columns.accept(FIELDS, batch, TODAY)
    assert accepted[:5] == [None] * 5 and accepted[5] is not None
    codes = [[e.code for e in _slow(FIELDS, cells)] for cells in batch[:5]]
    assert codes == [
        ["coordinates_pair"],
        ["coordinates_pair"],
        ["legal_decree_pair"],
        ["legal_decree_pair"],
        ["decree_before_founding"],
    ]


def test_run_pauses_the_garbage_collector_and_turns_it_back_on(monkeypatch):
    """The rows form no cycles; the collector's passes over them were a third of the workers'
    CPU. Paused while an upload is checked, on again afterwards, refused upload or not."""
    seen: list[bool] = []
    check = validate._check

    def watched(job: validate.Job) -> validate.Checked:
        seen.append(gc.isenabled())
        return check(job)

    monkeypatch.setattr(validate, "_check", watched)
    assert gc.isenabled()
    for body in (
        b"name,type,founded_on,region_code\nKoperasi Maju,konsumen,2001-02-03,32.73\n",
        b"not,a,header\n",
    ):
        job = validate.Job(
            body=body,
            fmt=ImportFormat.csv,
            max_rows=10,
            batch_id=uuid4(),
            actor="test",
            occurred_at=datetime.now(UTC),
            request_id=None,
        )
        checked = validate.run(job)
        assert gc.isenabled()
    assert seen == [False, False]
    assert checked.refused is not None
