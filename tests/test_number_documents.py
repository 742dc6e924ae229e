"""The published documents use only the shared number grammars (docs/numbers.md): every decimal
pattern in `openapi/*.json` is one of `kopmod_shared.money.FORMATS`, and a JSON number (a float)
appears only where the platform means a float (coordinates, distances, matching scores), each
saying why in `x-float-reason`. A ratio, an amount, a rate or a quantity as a float fails here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kopmod_shared.money import FLOAT_REASON, FORMATS
from kopmod_shared.testing import REPO_ROOT

DOCUMENTS = sorted((REPO_ROOT / "openapi").glob("*.json"))
PUBLISHED = {fmt.pattern for fmt in FORMATS.values()}


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


def floats_without_a_reason(doc: Any) -> list[str]:
    """Every `number` schema (a JSON float) that does not say why it is one, on itself or on
    the property holding it (`latitude: {anyOf: [{type: number}, {type: null}]}`)."""
    out = []

    def walk(node: Any, where: str, reason: bool) -> None:
        if isinstance(node, dict):
            reason = reason or isinstance(node.get(FLOAT_REASON), str)
            kind = node.get("type")
            if (kind == "number" or (isinstance(kind, list) and "number" in kind)) and not reason:
                out.append(where)
            for key, value in node.items():
                # A property's reason covers what it holds, never its siblings.
                inherit = reason and key in ("anyOf", "oneOf", "allOf", "additionalProperties")
                walk(value, f"{where}/{key}", inherit)
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, f"{where}[{i}]", reason)

    walk(doc, "", False)
    return out


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_every_float_says_why_it_is_one(path: Path) -> None:
    doc = json.loads(path.read_text())
    assert floats_without_a_reason(doc) == []
    reasons = {s[FLOAT_REASON] for _, s in _properties(doc) if FLOAT_REASON in s}
    assert all(len(r) > 40 for r in reasons), reasons


def test_the_float_check_fails_on_a_ratio_published_as_a_float() -> None:
    doc = {
        "components": {
            "schemas": {
                "Summary": {
                    "properties": {
                        "fulfilment_rate": {"anyOf": [{"type": "number"}, {"type": "null"}]},
                        "latitude": {"type": "number", FLOAT_REASON: "a GPS coordinate"},
                        "weights": {"additionalProperties": {"type": "number"}},
                    }
                }
            }
        }
    }
    assert floats_without_a_reason(doc) == [
        "/components/schemas/Summary/properties/fulfilment_rate/anyOf[0]",
        "/components/schemas/Summary/properties/weights/additionalProperties",
    ]
