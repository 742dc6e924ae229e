"""A lineage drawn on the server as an accessible SVG: cooperatives as boxes in columns by
generation (predecessors left, successors right), an arrow per restructuring step, a title and a
text description for screen readers, and the same steps as a list beside it (``steps``). Only
presentation attributes, no inline style (the console's CSP forbids it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from console.i18n import N_, gettext

BOX_W, BOX_H = 190, 54
COL_GAP, ROW_GAP, PAD = 70, 22, 12
STATUSES = {
    "active": N_("active"),
    "inactive": N_("inactive"),
    "dissolved": N_("dissolved"),
    "merged": N_("merged"),
}


@dataclass(frozen=True)
class Step:
    source: str
    target: str
    kind: str
    proposed: bool
    effective_on: str | None


def _generations(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, int]:
    """Longest path from a cooperative with no predecessor (lineages are acyclic)."""
    level = {n["id"]: 0 for n in nodes}
    for _ in range(len(nodes)):
        changed = False
        for e in edges:
            if level.get(e["target"], 0) < level.get(e["source"], 0) + 1:
                level[e["target"]] = level.get(e["source"], 0) + 1
                changed = True
        if not changed:
            break
    return level


def _label(kind: str) -> str:
    return {
        "merger": gettext("merger"),
        "fusion": gettext("fusion"),
        "spin_off": gettext("spin-off"),
    }.get(kind, kind)


def _short(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def steps(graph: dict[str, Any]) -> list[dict[str, Any]]:
    """Each step in words for the list beside the drawing."""
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    return [
        {
            "source": names.get(e["source"], e["source"]),
            "target": names.get(e["target"], e["target"]),
            "kind": _label(e["kind"]),
            "proposed": e["proposed"],
            "effective_on": e.get("effective_on"),
        }
        for e in graph["edges"]
    ]


def svg(graph: dict[str, Any], title: str, graph_id: str = "lineage") -> str:
    nodes, edges = graph["nodes"], graph["edges"]
    level = _generations(nodes, edges)
    columns: dict[int, list[dict[str, Any]]] = {}
    for n in sorted(nodes, key=lambda n: (level[n["id"]], n["name"])):
        columns.setdefault(level[n["id"]], []).append(n)
    place: dict[str, tuple[int, int]] = {}
    for col, members in columns.items():
        for row, n in enumerate(members):
            place[n["id"]] = (PAD + col * (BOX_W + COL_GAP), PAD + row * (BOX_H + ROW_GAP))
    width = PAD * 2 + max(1, len(columns)) * (BOX_W + COL_GAP) - COL_GAP
    tallest = max((len(m) for m in columns.values()), default=1)
    height = PAD * 2 + tallest * (BOX_H + ROW_GAP) - ROW_GAP
    described = "; ".join(
        gettext(
            "%(source)s to %(target)s (%(kind)s%(proposed)s)",
            source=s["source"],
            target=s["target"],
            kind=s["kind"],
            proposed=", " + gettext("proposed") if s["proposed"] else "",
        )
        for s in steps(graph)
    ) or gettext("No restructuring recorded.")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="graph" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{graph_id}-title {graph_id}-desc">',
        f'<title id="{graph_id}-title">{escape(title)}</title>',
        f'<desc id="{graph_id}-desc">{escape(described)}</desc>',
        f'<defs><marker id="{graph_id}-arrow" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z" fill="#0b0c0c"/></marker></defs>',
    ]
    for e in edges:
        if e["source"] not in place or e["target"] not in place:
            continue
        (x1, y1), (x2, y2) = place[e["source"]], place[e["target"]]
        dash = ' stroke-dasharray="6 4"' if e["proposed"] else ""
        parts.append(
            f'<line x1="{x1 + BOX_W}" y1="{y1 + BOX_H // 2}" x2="{x2 - 2}" y2="{y2 + BOX_H // 2}" '
            f'stroke="#0b0c0c" stroke-width="2"{dash} marker-end="url(#{graph_id}-arrow)"/>'
        )
    for n in nodes:
        x, y = place[n["id"]]
        fill = "#fff7bf" if n["proposed"] else "#ffffff"
        stroke = "#505a5f" if n["status"] == "merged" else "#0b0c0c"
        parts.append(
            f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="4" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="2"/>'
            f'<text x="{x + 8}" y="{y + 22}" font-size="14" fill="#0b0c0c">'
            f"{escape(_short(n['name']))}</text>"
            f'<text x="{x + 8}" y="{y + 42}" font-size="12" fill="#383f43">'
            f"{escape(gettext(STATUSES.get(n['status'], n['status'])))}"
            f"{' · ' + escape(n['province_code']) if n.get('province_code') else ''}"
            "</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
