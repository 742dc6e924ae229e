"""The dashboard's SVG bar charts read on a 360 px phone: labels wrap and never overlap (months
every other one, the five OJK classes all named, on two tiers), the legend is one line per
entry, and nothing is drawn outside the picture."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from decimal import Decimal

from console.funds.charts import FONT, GLYPH, RIGHT, WIDTH, Series, bar_chart

NS = "{http://www.w3.org/2000/svg}"
MONTHS = [
    f"{m} 2026"
    for m in ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
]
CLASSES = ["Lancar", "Dalam Perhatian Khusus", "Kurang Lancar", "Diragukan", "Macet"]


def parse(markup: object) -> ET.Element:
    svg = str(markup).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return ET.fromstring(svg)


def axis_labels(root: ET.Element) -> list[tuple[float, float, list[str]]]:
    """(x, y, lines) of each text under the axis that has tspans."""
    out = []
    for text in root.iter(f"{NS}text"):
        spans = text.findall(f"{NS}tspan")
        if spans:
            out.append(
                (
                    float(spans[0].get("x", 0)),
                    float(text.get("y", 0)),
                    [s.text or "" for s in spans],
                )
            )
    return out


def overlaps(a: tuple[float, float, list[str]], b: tuple[float, float, list[str]]) -> bool:
    (xa, ya, la), (xb, yb, lb) = a, b
    half = (max(map(len, la)) + max(map(len, lb))) * GLYPH / 2
    rows_a, rows_b = (ya, ya + len(la) * FONT), (yb, yb + len(lb) * FONT)
    return abs(xa - xb) < half and rows_a[0] < rows_b[1] and rows_b[0] < rows_a[1]


def chart(labels: list[str], series: int = 2) -> ET.Element:
    values = [Decimal(i + 1) for i in range(len(labels))]
    return parse(
        bar_chart(
            "c", "t", "s", labels, [Series(f"seri {n}", values) for n in range(series)], "kosong"
        )
    )


def test_twelve_months_are_labelled_every_other_month_without_overlap() -> None:
    labels = axis_labels(chart(MONTHS))
    assert [lines for _, _, lines in labels] == [
        ["Jan", "2026"],
        ["Mar", "2026"],
        ["Mei", "2026"],
        ["Jul", "2026"],
        ["Sep", "2026"],
        ["Nov", "2026"],
    ]
    assert not any(overlaps(a, b) for a, b in itertools.pairwise(labels))


def test_the_five_classes_are_all_named_on_two_tiers() -> None:
    labels = axis_labels(chart(CLASSES, series=1))
    assert [" ".join(lines) for _, _, lines in labels] == CLASSES
    tiers = sorted({y for _, y, _ in labels})
    assert len(tiers) == 2 and [y for _, y, _ in labels][1::2] == [tiers[1]] * 2
    assert not any(overlaps(a, b) for i, a in enumerate(labels) for b in labels[i + 1 :])


def test_everything_is_inside_the_picture_and_the_legend_has_a_line_per_entry() -> None:
    root = chart(MONTHS, series=3)
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    assert width == WIDTH
    legend = [t for t in root.iter(f"{NS}text") if not t.findall(f"{NS}tspan")]
    assert [t.text for t in legend] == ["seri 0", "seri 1", "seri 2"]
    ys = [float(t.get("y", 0)) for t in legend]
    assert all(b - a >= FONT for a, b in itertools.pairwise(ys))
    assert max(ys) + 4 <= height  # descenders stay inside
    for text in legend:
        assert float(text.get("x", 0)) + len(text.text or "") * GLYPH <= WIDTH - RIGHT
    for _, y, lines in axis_labels(root):
        assert y + (len(lines) - 1) * FONT < min(ys) - FONT
