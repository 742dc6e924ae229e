"""Horizontal bar charts as accessible SVG, drawn on the server: a title and a description
(the figures in words) for screen readers, the value printed at each bar, presentation
attributes only (no inline style: the console's CSP). The page shows the same figures as a
table beside each chart."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

# Each row is its label on a line of its own, then the bar and its value: a label has the
# picture's whole width (no truncation of a long province name), and the 400-unit drawing is
# shown at about 0.8 of its size on a 360 px phone, so its text stays about 12 px there.
WIDTH, BAR_MAX, ROW_H, PAD, FONT = 400, 320, 46, 8, 15
FILL = "#1d70b8"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def bar_chart(chart_id: str, title: str, summary: str, bars: list[Bar]) -> str:
    top = max((b.value for b in bars), default=0) or 1
    height = PAD * 2 + max(1, len(bars)) * ROW_H
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(summary)}</desc>',
    ]
    for i, b in enumerate(bars):
        y = PAD + i * ROW_H
        length = max(round(BAR_MAX * b.value / top), 1)
        parts.append(
            f'<text x="0" y="{y + FONT}" font-size="{FONT}" fill="#0b0c0c">{escape(b.label)}</text>'
            f'<rect x="0" y="{y + FONT + 5}" width="{length}" height="{ROW_H - FONT - 14}" '
            f'fill="{FILL}"/>'
            f'<text x="{length + 6}" y="{y + ROW_H - 12}" font-size="{FONT}" '
            f'fill="#0b0c0c">{b.value}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def progress(chart_id: str, title: str, summary: str, done: int, target: int) -> str:
    """One bar of the target with the part reached."""
    share = min(1.0, done / target) if target else 0.0
    width, bar = 460, 420
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} 50" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(summary)}</desc>'
        f'<rect x="10" y="10" width="{bar}" height="26" fill="#ffffff" stroke="#0b0c0c"/>'
        f'<rect x="10" y="10" width="{max(1, round(bar * share))}" height="26" fill="#00703c"/>'
        "</svg>"
    )
