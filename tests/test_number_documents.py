"""The published documents use only the shared number grammars (docs/numbers.md): every decimal
pattern in `openapi/*.json` is one of `kopmod_shared.money.FORMATS`, and JSON numbers (floats)
appear only where the platform means a float (coordinates, distances, matching scores)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kopmod_shared.money import FORMATS
from kopmod_shared.testing import REPO_ROOT

DOCUMENTS = sorted((REPO_ROOT / "openapi").glob("*.json"))
PUBLISHED = {fmt.pattern for fmt in FORMATS.values()}
# Properties that are JSON numbers today: geography, the matching engine's scores, and three
# statistics rounded to 4 places (docs/numbers.md, "Floats that remain"). A money, rate or
# quantity field published as a JSON number would fail here.
FLOATS = {
    "on_time_share",
    "target_reached_share",
    "latitude",
    "longitude",
    "distance_km",
    "max_distance_km",
    "score",
    "breakdown",
    "weights",
    "fulfilment_rate",
}


def _properties(node: Any, name: str = "") -> Any:
    if isinstance(node, dict):
        yield name, node
        for key, value in node.items():
            child = (
                key
                if isinstance(node.get("properties"), dict) and key in node["properties"]
                else name
            )
            if key == "properties" and isinstance(value, dict):
                for prop, schema in value.items():
                    yield from _properties(schema, prop)
            else:
                yield from _properties(value, child)
    elif isinstance(node, list):
        for item in node:
            yield from _properties(item, name)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_decimal_patterns_are_the_shared_ones(path: Path) -> None:
    doc = json.loads(path.read_text())
    numeric = [
        (name, schema["pattern"])
        for name, schema in _properties(doc)
        if isinstance(schema.get("pattern"), str)
        and "\\." in schema["pattern"]
        and ("[0-9]" in schema["pattern"] or "\\d" in schema["pattern"])
        and "@" not in schema["pattern"]
    ]
    assert numeric, "the document publishes no decimal at all"
    strays = [(n, p) for n, p in numeric if p not in PUBLISHED and not p.startswith("^\\d{2}(\\.")]
    assert strays == [], strays  # (a region code `^\d{2}(\.\d{2}...)` is not a number)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_floats_only_where_meant(path: Path) -> None:
    doc = json.loads(path.read_text())
    floats = {name for name, schema in _properties(doc) if schema.get("type") == "number"}
    assert floats <= FLOATS, floats - FLOATS
