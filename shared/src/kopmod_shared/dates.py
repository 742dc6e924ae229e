"""The one date type of every date a caller sends: a calendar date between 1900 and 2200.

Real dates of this platform (decrees, meetings, loans, harvests) fall well inside; far dates
only break arithmetic (``9999-12-01`` plus a month is past ``date.max``, a 500) or fill
schedules with centuries. Out of range is a 422 naming the field, like any invalid input. The
bounds are published in the OpenAPI documents as ``formatMinimum``/``formatMaximum``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2200, 12, 31)


MIN_DATETIME = f"{MIN_DATE.isoformat()}T00:00:00Z"
MAX_DATETIME = f"{MAX_DATE.isoformat()}T23:59:59Z"


def _in_range(value: date) -> date:
    day = value.date() if isinstance(value, datetime) else value
    if not MIN_DATE <= day <= MAX_DATE:
        raise ValueError(f"must be between {MIN_DATE.isoformat()} and {MAX_DATE.isoformat()}")
    return value


class _DateRange:
    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(_in_range, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        out = handler(schema)
        timed = out.get("format") == "date-time"
        out["formatMinimum"] = MIN_DATETIME if timed else MIN_DATE.isoformat()
        out["formatMaximum"] = MAX_DATETIME if timed else MAX_DATE.isoformat()
        return out


BoundedDate = Annotated[date, _DateRange()]
BoundedDateTime = Annotated[datetime, _DateRange()]
"""A moment whose calendar date lies in the same bounds (published as ``date-time`` bounds)."""
