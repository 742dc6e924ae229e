"""Horizontal bar charts as accessible SVG, drawn on the server: a title and a description
(the figures in words) for screen readers, the value printed at each bar, presentation
attributes only (no inline style: the console's CSP). The page shows the same figures as a
table beside each chart."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

LABEL_W, BAR_MAX, ROW_H, PAD = 170, 260, 28, 8
FILL = "#1d70b8"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def bar_chart(chart_id: str, title: str, summary: str, bars: list[Bar]) -> str:
    top = max((b.value for b in bars), default=0) or 1
    width = LABEL_W + BAR_MAX + 60
    height = PAD * 2 + max(1, len(bars)) * ROW_H
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(summary)}</desc>',
    ]
    for i, b in enumerate(bars):
        y = PAD + i * ROW_H
        length = round(BAR_MAX * b.value / top)
        label = b.label if len(b.label) <= 24 else b.label[:23] + "…"
        parts.append(
            f'<text x="{LABEL_W - 6}" y="{y + 18}" font-size="13" text-anchor="end" '
            f'fill="#0b0c0c">{escape(label)}</text>'
            f'<rect x="{LABEL_W}" y="{y + 4}" width="{max(length, 1)}" height="{ROW_H - 10}" '
            f'fill="{FILL}"/>'
            f'<text x="{LABEL_W + max(length, 1) + 6}" y="{y + 18}" font-size="13" '
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
