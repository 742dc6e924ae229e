"""Bar charts as SVG drawn on the server: no script, no request elsewhere. Each chart is an
``<svg role="img">`` named by its title and described by its summary (``<title>``, ``<desc>``);
the page puts the same figures in a table beside it, so nothing is only in the picture.
Colours are presentation attributes (the page's CSP allows no inline style)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from markupsafe import Markup

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 8, 8, 12, 36
# Colours with at least 3:1 contrast on white, told apart by pattern-free position too.
PALETTE = ("#1d70b8", "#00703c", "#d4351c", "#4c2c92", "#b58840")


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Decimal | None]  # None: no data for that label (not zero)


def bar_chart(
    chart_id: str,
    title: str,
    summary: str,
    labels: Sequence[str],
    series: Sequence[Series],
    no_data: str = "",
) -> Markup:
    """Grouped bars, one group per label, one bar per series; the axis is zero-based. A group
    whose values are all None is drawn as a dashed empty column marked ``no_data`` (and the
    legend says what that means), never as a zero bar."""
    top = max(
        (max((abs(v) for v in s.values if v is not None), default=Decimal(0)) for s in series),
        default=Decimal(0),
    )
    scale = float(top) or 1.0
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    group_w = plot_w / max(len(labels), 1)
    bar_w = max(group_w * 0.8 / max(len(series), 1), 1.0)
    parts = [
        f'<svg class="chart" id="{chart_id}" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(summary)}</desc>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" '
        'stroke="#0b0c0c" stroke-width="1"/>',
    ]
    missing = [
        g
        for g in range(len(labels))
        if series and all(g >= len(s.values) or s.values[g] is None for s in series)
    ]
    for g, label in enumerate(labels):
        x0 = LEFT + g * group_w + group_w * 0.1
        if g in missing:
            parts.append(
                f'<rect x="{x0:.1f}" y="{TOP}" width="{group_w * 0.8:.1f}" height="{plot_h}" '
                'fill="none" stroke="#505a5f" stroke-width="1" stroke-dasharray="4 3"/>'
            )
        for s_index, s in enumerate(series):
            known = s.values[g] if g < len(s.values) else None
            value = float(abs(known)) if known is not None else 0.0
            h = plot_h * value / scale
            x = x0 + s_index * bar_w
            parts.append(
                f'<rect x="{x:.1f}" y="{TOP + plot_h - h:.1f}" width="{bar_w * 0.9:.1f}" '
                f'height="{h:.1f}" fill="{PALETTE[s_index % len(PALETTE)]}"/>'
            )
        if len(labels) <= 12 or g % max(len(labels) // 12, 1) == 0:
            parts.append(
                f'<text x="{LEFT + g * group_w + group_w / 2:.1f}" y="{HEIGHT - 18}" '
                f'font-size="12" text-anchor="middle" fill="#0b0c0c">{escape(label)}</text>'
            )
    for s_index, s in enumerate(series):
        x = LEFT + s_index * 150
        parts.append(
            f'<rect x="{x}" y="{HEIGHT - 11}" width="10" height="10" '
            f'fill="{PALETTE[s_index % len(PALETTE)]}"/>'
            f'<text x="{x + 14}" y="{HEIGHT - 1}" font-size="11" fill="#0b0c0c">'
            f"{escape(s.name)}</text>"
        )
    if missing and no_data:
        x = LEFT + len(series) * 150
        parts.append(
            f'<rect x="{x}" y="{HEIGHT - 11}" width="10" height="10" fill="none" '
            'stroke="#505a5f" stroke-dasharray="2 2"/>'
            f'<text x="{x + 14}" y="{HEIGHT - 1}" font-size="11" fill="#0b0c0c">'
            f"{escape(no_data)}</text>"
        )
    parts.append("</svg>")
    # Every text in it went through escape(); the rest is numbers and fixed markup.
    return Markup("".join(parts))  # noqa: S704
