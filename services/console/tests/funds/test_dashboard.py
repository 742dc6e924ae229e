"""The fund dashboard's NPL trend: a month end of day never closed is "no data" in the chart
(a dashed empty column and a legend entry, no bar), its summary says which months, and its
last figure comes from the last month with data; never a zero."""

from __future__ import annotations

from decimal import Decimal

from console import i18n
from console.funds.charts import Series, bar_chart
from console.funds.router import _npl_summary


def month(label: str, closed: bool, outstanding: str = "0.00", ratio: str = "0.0000") -> dict:
    return {
        "month": label,
        "closed": closed,
        "outstanding": outstanding,
        "non_performing": "0.00",
        "npl_ratio": ratio,
    }


TREND = [
    month("2025-11", False),
    month("2025-12", False),
    month("2026-01", True, "12000000.00", "0.0000"),
    month("2026-02", True, "11000000.00", "0.1250"),
]


def test_the_summary_says_which_months_have_no_data() -> None:
    token = i18n.current_language.set("id")
    try:
        said = _npl_summary(TREND)
    finally:
        i18n.current_language.reset(token)
    assert said.startswith("NPL 12,5% pada akhir Februari 2026."), said
    assert "2 bulan" in said and "November 2025 sampai Desember 2025" in said
    assert "bukan nol" in said
    everything = _npl_summary([m | {"closed": True} for m in TREND])
    assert "tutup hari" not in everything.lower()


def test_no_data_is_a_dashed_column_not_a_bar() -> None:
    values = [None if not m["closed"] else Decimal(m["outstanding"]) for m in TREND]
    svg = str(
        bar_chart(
            "c",
            "NPL",
            "ringkasan",
            [m["month"] for m in TREND],
            [Series("Pokok", values)],
            no_data="tidak ada data",
        )
    )
    assert svg.count('stroke-dasharray="4 3"') == 2  # the two months without data
    assert svg.count("<rect") == 2 + len(TREND) + 1 + 1  # columns, bars, legend, no-data key
    assert "tidak ada data" in svg
    # A month with data and a zero value is a zero-height bar, not a "no data" column.
    zero = str(bar_chart("z", "t", "s", ["a"], [Series("x", [Decimal(0)])], no_data="n"))
    assert "stroke-dasharray" not in zero and "n</text>" not in zero


def test_months_read_as_indonesians_say_them() -> None:
    token = i18n.current_language.set("id")
    try:
        assert i18n.month_name("2026-08") == "Agustus 2026"
        assert i18n.month_name("2026-08", short=True) == "Agu 2026"
        assert i18n.month_name("not a month") == "not a month"
    finally:
        i18n.current_language.reset(token)
