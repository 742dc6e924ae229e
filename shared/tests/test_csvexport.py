"""The one CSV writer: formula-looking text is made inert, numbers stay numbers."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kopmod_shared.csvexport import (
    FORMULA_TRIGGERS,
    PLAIN_NUMBER,
    cell,
    csv_response,
    neutralise,
    write_csv,
)


def _read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1+1", "'+1+1"),
        ("-A1", "'-A1"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("-1+1", "'-1+1"),
        ("-", "'-"),
        ("+100.00", "'+100.00"),
        ("TRF-0001", "TRF-0001"),
        ("plain text", "plain text"),
        ("", ""),
        ("-100.00", "-100.00"),  # a number: not a formula, kept numeric
        ("-7", "-7"),
    ],
)
def test_neutralise(text: str, written: str) -> None:
    assert neutralise(text) == written


def test_neutralised_cells_are_quoted_and_everything_reads_back() -> None:
    text = write_csv(
        ["reference", "amount", "note", "plain"],
        [["@SUM(A1:A9)", Decimal("-100.00"), 'say "hi", then\nleave', "BRI-77"]],
    )
    assert text == (
        'reference,amount,note,plain\n"\'@SUM(A1:A9)",-100.00,"say ""hi"", then\nleave",BRI-77\n'
    )
    assert _read(text) == [
        ["reference", "amount", "note", "plain"],
        ["'@SUM(A1:A9)", "-100.00", 'say "hi", then\nleave', "BRI-77"],
    ]


class Kind(StrEnum):
    odd = "=odd"


def test_cell_types() -> None:
    assert cell(None) == ""
    assert cell(True) == "True" and cell(False) == "False"
    assert cell(Decimal("100.00")) == "100.00"
    assert cell(Decimal("1E+3")) == "1000"  # never an exponent
    assert cell(Decimal("-0.00")) == "0.00"
    assert cell(-5) == "-5"
    assert cell(date(2026, 12, 2)) == "2026-12-02"
    assert cell(UUID(int=1)) == "00000000-0000-0000-0000-000000000001"
    assert cell(Kind.odd) == "'=odd"
    with pytest.raises(TypeError):
        cell(0.1)
    with pytest.raises(ValueError):
        cell(Decimal("NaN"))
    with pytest.raises(TypeError):
        cell(object())


def test_rows_as_mappings_and_their_checks() -> None:
    text = write_csv(["a", "b"], [{"a": "=x"}, {"b": 2, "a": "y"}])
    assert _read(text) == [["a", "b"], ["'=x", ""], ["y", "2"]]
    with pytest.raises(ValueError):
        write_csv(["a"], [{"a": 1, "z": 2}])
    with pytest.raises(ValueError):
        write_csv(["a", "b"], [[1]])


def test_header_cells_are_neutralised_too() -> None:
    assert _read(write_csv(["=cmd"], []))[0] == ["'=cmd"]


def test_csv_response() -> None:
    response = csv_response("x\n", "loan.csv")
    assert response.media_type == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="loan.csv"'
    assert response.body == b"x\n"


@settings(deadline=None)  # no timing: a busy machine must not fail it
@given(st.text(max_size=30))
def test_no_written_text_cell_can_start_a_formula(text: str) -> None:
    rows = _read(write_csv(["c"], [[text]]))[1:]
    # a one-column row holding "" is an empty line, which readers return as no row or []
    written = rows[0][0] if rows and rows[0] else ""
    if written.startswith(FORMULA_TRIGGERS):
        assert PLAIN_NUMBER.fullmatch(written)  # only a plain number may start with "-"
    assert written in (text, "'" + text)
