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

# A narrow drawing, so that on a 360 px phone it is drawn at about 0.8 of its size and its text
# stays readable (15 user units, about 12 px); the stylesheet caps its width on wide screens.
WIDTH, PLOT_H = 400, 180
LEFT, RIGHT, TOP = 8, 8, 12
FONT, LINE = 15, 17
# A glyph of the chart's sans-serif font at FONT is at most about this wide, on average.
GLYPH = 0.6 * FONT
# Up to this many groups, labels too wide for one group each are staggered, not skipped.
STAGGER_UP_TO = 6
# Colours with at least 3:1 contrast on white, told apart by pattern-free position too.
PALETTE = ("#1d70b8", "#00703c", "#d4351c", "#4c2c92", "#b58840")


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Decimal | None]  # None: no data for that label (not zero)


def _lines(label: str, width: float) -> list[str]:
    """``label`` broken at spaces into lines of at most ``width`` user units (a word longer
    than that stays whole)."""
    out: list[str] = []
    for word in label.split():
        if out and (len(out[-1]) + 1 + len(word)) * GLYPH <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    return out or [""]


def _label_step(labels: Sequence[str], group_w: float) -> int:
    """Label every n-th group, n the smallest for which each label's longest word fits the
    width of n groups (months on a phone: every other one; the table beside has them all)."""
    widest = max((len(w) for label in labels for w in label.split()), default=1) * GLYPH
    step = 1
    while step < len(labels) and widest > group_w * step - 4:
        step += 1
    return step


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
    legend says what that means), never as a zero bar. Labels wrap at spaces; where they would
    touch, a few categories are staggered on two tiers and a long run (months) is labelled
    every n-th group; the legend has one line per entry."""
    top = max(
        (max((abs(v) for v in s.values if v is not None), default=Decimal(0)) for s in series),
        default=Decimal(0),
    )
    scale = float(top) or 1.0
    plot_w = WIDTH - LEFT - RIGHT
    group_w = plot_w / max(len(labels), 1)
    bar_w = max(group_w * 0.8 / max(len(series), 1), 1.0)
    step = _label_step(labels, group_w)
    wrapped = [_lines(label, group_w * step - 4) for label in labels]
    # A few categories (the OJK classes) are all named: every other one a tier lower.
    stagger = step == 2 and len(labels) <= STAGGER_UP_TO
    shown = range(len(labels)) if stagger else range(0, len(labels), step)
    upper = max((len(wrapped[g]) for g in shown if not (stagger and g % 2)), default=1)
    lower = max((len(wrapped[g]) for g in shown if stagger and g % 2), default=0)
    label_rows = upper + lower
    missing = [
        g
        for g in range(len(labels))
        if series and all(g >= len(s.values) or s.values[g] is None for s in series)
    ]
    keys = [(PALETTE[i % len(PALETTE)], s.name, False) for i, s in enumerate(series)]
    if missing and no_data:
        keys.append(("none", no_data, True))
    axis = TOP + PLOT_H
    legend_top = axis + 6 + label_rows * LINE + 8
    height = legend_top + len(keys) * LINE + 4
    parts = [
        f'<svg class="chart" id="{chart_id}" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(summary)}</desc>',
        f'<line x1="{LEFT}" y1="{axis}" x2="{WIDTH - RIGHT}" y2="{axis}" '
        'stroke="#0b0c0c" stroke-width="1"/>',
    ]
    for g in range(len(labels)):
        x0 = LEFT + g * group_w + group_w * 0.1
        if g in missing:
            parts.append(
                f'<rect x="{x0:.1f}" y="{TOP}" width="{group_w * 0.8:.1f}" height="{PLOT_H}" '
                'fill="none" stroke="#505a5f" stroke-width="1" stroke-dasharray="4 3"/>'
            )
        for s_index, s in enumerate(series):
            known = s.values[g] if g < len(s.values) else None
            value = float(abs(known)) if known is not None else 0.0
            h = PLOT_H * value / scale
            x = x0 + s_index * bar_w
            parts.append(
                f'<rect x="{x:.1f}" y="{axis - h:.1f}" width="{bar_w * 0.9:.1f}" '
                f'height="{h:.1f}" fill="{PALETTE[s_index % len(PALETTE)]}"/>'
            )
        if g in shown:
            cx = LEFT + g * group_w + group_w / 2
            y = axis + 6 + FONT + (upper * LINE if stagger and g % 2 else 0)
            rows = "".join(
                f'<tspan x="{cx:.1f}" dy="{0 if i == 0 else LINE}">{escape(line)}</tspan>'
                for i, line in enumerate(wrapped[g])
            )
            parts.append(
                f'<text y="{y}" font-size="{FONT}" text-anchor="middle" '
                f'fill="#0b0c0c">{rows}</text>'
            )
    for k, (fill, name, dashed) in enumerate(keys):
        y = legend_top + k * LINE
        stroke = ' stroke="#505a5f" stroke-dasharray="2 2"' if dashed else ""
        parts.append(
            f'<rect x="{LEFT}" y="{y + 2}" width="12" height="12" fill="{fill}"{stroke}/>'
            f'<text x="{LEFT + 18}" y="{y + FONT - 1}" font-size="{FONT}" fill="#0b0c0c">'
            f"{escape(name)}</text>"
        )
    parts.append("</svg>")
    # Every text in it went through escape(); the rest is numbers and fixed markup.
    return Markup("".join(parts))  # noqa: S704
