"""Cursor pagination with a hard page limit.

A cursor is an opaque, URL-safe token holding the sort key of the last item returned; clients
pass it back as ``cursor`` and never build one themselves. ``limit`` above the maximum (the
service's ``max_page_size`` setting, 100 by default) is a 422.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from types import UnionType
from typing import Annotated, Any, Generic, TypeVar, Union, get_args, get_origin
from uuid import UUID

from fastapi import Query, Request
from pydantic import BaseModel, Field

from kopmod_shared.errors import ValidationProblem

T = TypeVar("T")

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


class Page(BaseModel, Generic[T]):
    """One page of a list: the items and the cursor of the next page."""

    items: list[T]
    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` to get the next page; null on the last page."
    )

    @classmethod
    def model_parametrized_name(cls, params: tuple[Any, ...]) -> str:
        """``ApplicationOutPage`` (a plain component name for generated clients), and for a
        union of views ``CooperativeOutOrCooperativePublicPage``."""
        return "".join(_type_name(p) for p in params) + "Page"


def _type_name(tp: Any) -> str:
    if get_origin(tp) is Annotated:
        return _type_name(get_args(tp)[0])
    if get_origin(tp) in (Union, UnionType):
        return "Or".join(_type_name(a) for a in get_args(tp) if a is not type(None))
    return str(getattr(tp, "__name__", "Item"))


class PageParams(BaseModel):
    limit: int
    cursor: list[Any] | None


def _default(value: Any) -> Any:
    if isinstance(value, UUID | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps(list(values), default=_default, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationProblem.for_field("query.cursor", "cursor is not valid", "cursor") from exc
    if not isinstance(values, list):
        raise ValidationProblem.for_field("query.cursor", "cursor is not valid", "cursor")
    return values


def page_params(
    request: Request,
    limit: Annotated[
        int,
        Query(
            ge=1,
            # Checked below against the service's ``max_page_size``; the OpenAPI document shows
            # the configured value (``kopmod_shared.app``).
            json_schema_extra={"maximum": MAX_LIMIT},
            description=f"Page size, at most {MAX_LIMIT}.",
        ),
    ] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None, Query(max_length=500, description="`next_cursor` of the previous page.")
    ] = None,
) -> PageParams:
    settings = getattr(request.app.state, "settings", None)
    maximum = getattr(settings, "max_page_size", MAX_LIMIT)
    if limit > maximum:
        raise ValidationProblem.for_field(
            "query.limit", f"Input should be less than or equal to {maximum}", "less_than_equal"
        )
    return PageParams(limit=limit, cursor=decode_cursor(cursor) if cursor else None)


def _bad_cursor() -> ValidationProblem:
    return ValidationProblem.for_field("query.cursor", "cursor is not valid", "cursor")


def cursor_id(page: PageParams) -> UUID | None:
    """The id a page keyed by id continues after (None on the first page); 422 if garbled."""
    if not page.cursor:
        return None
    try:
        return UUID(str(page.cursor[0]))
    except (ValueError, IndexError, TypeError) as exc:
        raise _bad_cursor() from exc


def cursor_time_id(page: PageParams) -> tuple[datetime, UUID] | None:
    """The (timestamp, id) a page keyed by both continues after; 422 if garbled."""
    if not page.cursor:
        return None
    try:
        return datetime.fromisoformat(page.cursor[0]), UUID(page.cursor[1])
    except (ValueError, IndexError, TypeError) as exc:
        raise _bad_cursor() from exc


def make_page(rows: Sequence[T], limit: int, key: Any) -> tuple[list[T], str | None]:
    """Split ``limit + 1`` fetched rows into a page and the cursor of the next one."""
    items = list(rows[:limit])
    next_cursor = encode_cursor(key(items[-1])) if len(rows) > limit and items else None
    return items, next_cursor
