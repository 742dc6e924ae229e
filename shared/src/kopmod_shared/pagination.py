"""Cursor pagination with a hard page limit: the one way every list of the platform is answered.

Every ``GET`` that lists things answers a :class:`Page` (``items`` and ``next_cursor``) and takes
``limit`` and ``cursor`` (:func:`page_params`); none answers a bare JSON array
(``tests/test_openapi_contract.py`` checks the documents). A cursor is an opaque, URL-safe token
holding the sort key of the last item returned; clients pass it back as ``cursor`` and never build
one themselves. ``limit`` above the maximum (the service's ``max_page_size`` setting, 100 by
default) is a 422.

A repository pages a query with :func:`fetch_page` (keyset pagination: ``ORDER BY`` the key
columns, ``WHERE (key) > (cursor)``, ``LIMIT limit + 1``), so a page costs one indexed range
scan however deep it is, and rows written meanwhile never shift a page.
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

from fastapi import Depends, Query, Request
from pydantic import BaseModel, Field
from sqlalchemy import Select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

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


async def page_params(
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


PageDep = Annotated[PageParams, Depends(page_params)]
"""``limit`` and ``cursor`` of a list route, checked (``page: PageDep``)."""


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


# --- keyset pagination over a query ---------------------------------------------------------

Slice = tuple[list[T], str | None]
"""One page of rows and the cursor of the next page (None on the last)."""


def _cursor_value(column: InstrumentedAttribute[Any], raw: Any) -> Any:
    kind = column.type.python_type
    if kind is datetime:
        return datetime.fromisoformat(raw)
    if kind is date:
        return date.fromisoformat(raw)
    if kind in (int, str, Decimal) and not isinstance(raw, bool | list | dict):
        return kind(raw)
    if kind is UUID:
        return UUID(raw)
    raise TypeError(kind)


def keyset(
    stmt: Select[Any],
    page: PageParams,
    *columns: InstrumentedAttribute[Any],
    descending: bool = False,
) -> Select[Any]:
    """``stmt`` ordered by ``columns`` (the last one unique, usually the id), continuing after
    the page's cursor, fetching ``limit + 1`` rows (the extra one says a next page exists).
    A cursor that does not decode to the key's types is a 422."""
    if page.cursor:
        if len(page.cursor) != len(columns):
            raise _bad_cursor()
        try:
            after = [_cursor_value(c, v) for c, v in zip(columns, page.cursor, strict=True)]
        except (ValueError, TypeError, AttributeError) as exc:
            raise _bad_cursor() from exc
        key, bound = tuple_(*columns), tuple_(*after)
        stmt = stmt.where(key < bound if descending else key > bound)
    order = [c.desc() if descending else c.asc() for c in columns]
    return stmt.order_by(None).order_by(*order).limit(page.limit + 1)


async def fetch_page(
    session: AsyncSession,
    stmt: Select[Any],
    page: PageParams,
    *columns: InstrumentedAttribute[Any],
    descending: bool = False,
) -> Slice[Any]:
    """Run ``stmt`` (selecting one ORM entity) as one keyset page ordered by ``columns``."""
    rows = (await session.scalars(keyset(stmt, page, *columns, descending=descending))).all()
    return make_page(rows, page.limit, lambda r: [getattr(r, c.key) for c in columns])


def first_page(limit: int = MAX_LIMIT) -> PageParams:
    """The first page of ``limit`` items, for code that lists outside a request."""
    return PageParams(limit=limit, cursor=None)
