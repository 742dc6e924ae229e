"""Examples for the OpenAPI documents, built from the schemas themselves.

A model may carry its own example (``model_config = ConfigDict(json_schema_extra={"examples":
[...]})``) and fields theirs (``Field(examples=[...])``); those win. Anything else gets a value
from its type, format, enum or pattern. Optional fields appear only when they carry an example,
so a built example shows the smallest request that makes sense. ``tests`` validate every example
in every document against its own schema, so a hand-written one cannot rot and a pattern this
module cannot satisfy fails loudly (give that field an example).
"""

from __future__ import annotations

import re
from typing import Any

_REF = "#/components/schemas/"

# Values tried, in order, against a ``pattern`` the field does not explain with an example.
_PATTERN_CANDIDATES = [
    "1500000.00",
    "officer@example.org",
    "1500000",
    "1500.000",
    "0.1200",
    "0.12",
    "12",
    "2025-01-15",
    "2025-01",
    "ID-JB",
    "ID-JB-3273",
    "3273",
    "32",
    "1234567890123",
    "abc123",
    "partner-client",
    "kopmod",
    "A",
    "a",
]

_FORMATS = {
    "date": "2025-01-15",
    "date-time": "2025-01-15T08:00:00Z",
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "email": "officer@example.org",
    "uri": "https://partner.example/kopmod/webhooks",
    "binary": "",
    "password": "s3cret-value",
}


def _string(schema: dict[str, Any]) -> str:
    fmt = schema.get("format")
    if fmt in _FORMATS:
        return _FORMATS[fmt]
    low = schema.get("minLength", 0)
    high = schema.get("maxLength", 10_000)
    pattern = schema.get("pattern")
    if pattern:
        regex = re.compile(pattern)
        for candidate in _PATTERN_CANDIDATES:
            if regex.search(candidate) and low <= len(candidate) <= high:
                return candidate
    value = "example"
    if len(value) < low:
        value = value + "x" * (low - len(value))
    return value[:high]


def _number(schema: dict[str, Any], integer: bool) -> int | float:
    low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
    if "exclusiveMinimum" in schema:
        low = low + 1
    value = max(low, 1)
    if "maximum" in schema:
        value = min(value, schema["maximum"])
    return int(value) if integer else value


def example_for(schema: dict[str, Any], components: dict[str, Any], depth: int = 0) -> Any:
    """An example value for ``schema`` (``$ref`` resolved against ``components``)."""
    if depth > 12:
        return None
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(_REF):
        return example_for(components.get(ref[len(_REF) :], {}), components, depth + 1)
    if "example" in schema:
        return schema["example"]
    if schema.get("examples"):
        return schema["examples"][0]
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    for key in ("oneOf", "anyOf"):
        if key in schema:
            options = [o for o in schema[key] if o.get("type") != "null"]
            # Prefer the string form of a Decimal (`number | string`): money travels as strings.
            options.sort(key=lambda o: 0 if o.get("type") == "string" else 1)
            return example_for(options[0], components, depth + 1) if options else None
    if "allOf" in schema:
        return example_for(schema["allOf"][0], components, depth + 1)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        required = set(schema.get("required", []))
        out: dict[str, Any] = {}
        for name, prop in schema.get("properties", {}).items():
            if name in required or _has_example(prop, components):
                out[name] = example_for(prop, components, depth + 1)
        return out
    if kind == "array":
        item = example_for(schema.get("items", {}), components, depth + 1)
        return [item] * max(1, schema.get("minItems", 1))
    if kind == "string":
        return _string(schema)
    if kind == "integer":
        return _number(schema, integer=True)
    if kind == "number":
        return _number(schema, integer=False)
    if kind == "boolean":
        return True
    return None


def _has_example(schema: dict[str, Any], components: dict[str, Any]) -> bool:
    if "example" in schema or schema.get("examples"):
        return True
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(_REF):
        target = components.get(ref[len(_REF) :], {})
        return bool(target.get("examples") or target.get("example"))
    return False
