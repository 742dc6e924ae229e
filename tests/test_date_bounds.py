"""Every date a caller can send, in every service, is bounded (``kopmod_shared.dates``).

Read from the published OpenAPI documents (CI checks they match the apps): each request
parameter and each request body field, followed through ``$ref``s, arrays and unions, whose
format is ``date`` must carry the shared bounds. A new unbounded date input fails here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kopmod_shared.dates import MAX_DATE, MAX_DATETIME, MIN_DATE, MIN_DATETIME

OPENAPI = Path(__file__).resolve().parents[1] / "openapi"


def _dates(doc: dict[str, Any], schema: Any, where: str, seen: frozenset[str]) -> list[tuple]:
    if not isinstance(schema, dict):
        return []
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return []
        return _dates(doc, doc["components"]["schemas"][name], f"{where}<{name}>", seen | {name})
    found: list[tuple] = []
    if schema.get("format") in {"date", "date-time"}:
        found.append((where, schema))
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key, []):
            found += _dates(doc, sub, where, seen)
    for name, sub in (schema.get("properties") or {}).items():
        found += _dates(doc, sub, f"{where}.{name}", seen)
    for key in ("items", "additionalProperties"):
        found += _dates(doc, schema.get(key), f"{where}[]", seen)
    return found


def request_dates(service: str) -> list[tuple[str, dict[str, Any]]]:
    doc = json.loads((OPENAPI / f"{service}.json").read_text())
    out = []
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if not isinstance(op, dict):
                continue
            label = f"{service} {method.upper()} {path}"
            for param in op.get("parameters", []):
                where = f"{label} {param['in']}.{param['name']}"
                out += _dates(doc, param.get("schema"), where, frozenset())
            for content in op.get("requestBody", {}).get("content", {}).values():
                out += _dates(doc, content.get("schema"), f"{label} body", frozenset())
    return out


def test_every_date_input_of_every_service_is_bounded():
    unbounded = []
    count = 0
    for service in ("registry", "financing", "marketplace"):
        for where, schema in request_dates(service):
            count += 1
            bounds = (schema.get("formatMinimum"), schema.get("formatMaximum"))
            expected = (
                (MIN_DATETIME, MAX_DATETIME)
                if schema.get("format") == "date-time"
                else (MIN_DATE.isoformat(), MAX_DATE.isoformat())
            )
            if bounds != expected:
                unbounded.append(f"{where} ({schema.get('format')})")
    assert count >= 50, "the walk found the date inputs"
    assert unbounded == []
