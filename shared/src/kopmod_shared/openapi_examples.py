"""Examples for the OpenAPI documents, built from the schemas themselves.

A model may carry its own example (``model_config = ConfigDict(json_schema_extra={"examples":
[...]})``) and fields theirs (``Field(examples=[...])``); those win. Anything else gets the
vocabulary's word for its field name (``kopmod_shared.openapi_vocabulary``: one cooperative's
story, so examples read like real calls), and only where there is none a value from its type,
format, enum or pattern. Optional fields appear only when they carry an example,
so a built example shows the smallest request that makes sense. ``tests`` validate every example
in every document against its own schema, so a hand-written one cannot rot and a pattern this
module cannot satisfy fails loudly (give that field an example).
"""

from __future__ import annotations

import re
from typing import Any

from kopmod_shared.openapi_vocabulary import NAMES, entity_of, word_for

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


def _fits(schema: dict[str, Any], value: Any) -> bool:
    """Whether ``value`` keeps the field's own rules (type, pattern, length, bounds)."""
    if isinstance(value, str):
        pattern = schema.get("pattern")
        return (
            schema.get("type") == "string"
            and schema.get("minLength", 0) <= len(value) <= schema.get("maxLength", 10_000)
            and (pattern is None or re.search(pattern, value) is not None)
        )
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if schema.get("type") == "integer" and not isinstance(value, int):
        return False
    low, high = schema.get("minimum"), schema.get("maximum")
    above, below = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    return (
        (low is None or value >= low)
        and (high is None or value <= high)
        and (above is None or value > above)
        and (below is None or value < below)
    )


def _word(schema: dict[str, Any], name: str, entity: str) -> Any:
    kind = schema.get("type")
    if kind == "string" and schema.get("format") in ("uuid", "date"):
        kind = schema["format"]
    if kind not in ("string", "integer", "number", "uuid", "date"):
        return None
    if schema.get("format") not in (None, "uuid", "date", "email", "uri"):
        return None
    if schema.get("enum"):
        return None
    value = word_for(name, entity, kind)
    return value if _fits(schema, value) else None


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


def example_for(
    schema: dict[str, Any],
    components: dict[str, Any],
    depth: int = 0,
    *,
    name: str = "",
    entity: str = "",
) -> Any:
    """An example value for ``schema`` (``$ref`` resolved against ``components``); ``name`` is
    the field it fills and ``entity`` the kind of thing that field belongs to."""
    if depth > 12:
        return None
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(_REF):
        component = ref[len(_REF) :]
        target = components.get(component, {})
        inner = entity if "properties" not in target else entity_of(component)
        if name in NAMES:  # `cooperative: TermsParty` is the cooperative, `fund:` the fund
            inner = name
        return example_for(target, components, depth + 1, name=name, entity=inner)
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
            if not options:
                return None
            return example_for(options[0], components, depth + 1, name=name, entity=entity)
    if "allOf" in schema:
        return example_for(schema["allOf"][0], components, depth + 1, name=name, entity=entity)
    word = _word(schema, name, entity)
    if word is not None:
        return word
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        required = set(schema.get("required", []))
        out: dict[str, Any] = {}
        for field, prop in schema.get("properties", {}).items():
            if field in required or _has_example(prop, components):
                out[field] = example_for(prop, components, depth + 1, name=field, entity=entity)
        return out
    if kind == "array":
        item = example_for(schema.get("items", {}), components, depth + 1, name=name, entity=entity)
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
