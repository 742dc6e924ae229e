"""The cooperative list as Postgres writes it: one statement for a page of cooperatives, each
row carrying the JSON text of its view (full record or public profile) without the derived part,
and the RAT and health history that part is computed from. The history (with the member groups
and member cooperatives) is read from one ``cooperative_history`` row per cooperative, kept by
triggers in the transaction of each change (``models.CooperativeHistory``), not from five
lookups per row.

The derived facts (active, age, latest health, RAT compliance) stay the service's rules
(``service._derived``); only the record's own fields are written by Postgres, in the field order
and the formats the pydantic views answer (timestamps in UTC with ``Z``, percentages with two
decimals). ``tests/cooperatives/test_list_json.py`` compares every item with the pydantic view.

Why: a page of 100 full records built as pydantic models, then dumped, validated again and
serialised by FastAPI's response model cost about 15 ms of the service's CPU (in-process profile,
2026-12-03); at 16 connections on one worker that queue alone was several times the 50 ms goal.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple
from uuid import UUID

from sqlalchemy import Select, String, literal_column, select, type_coerce
from sqlalchemy.ext.asyncio import AsyncConnection

from kopmod_shared.db import DriverQuery
from kopmod_shared.schemas.registry import CooperativeStatus, HealthCategory
from registry.cooperatives.derived import HealthRecord, RatRecord
from registry.cooperatives.models import CooperativeHistory
from registry.cooperatives.repository import _RECORD_COLUMNS
from registry.cooperatives.schemas import CooperativeFilters, SortKey
from registry.cooperatives.search import PageShape, name_match, page_select, search_values
from registry.regions import PROVINCES

_PROVINCES = "'" + json.dumps(PROVINCES).replace("'", "''") + "'::jsonb"


def _utc(column: str) -> str:
    """A timestamp as pydantic writes an aware UTC datetime: microseconds only when there are
    any, then ``Z``."""
    at = f"({column} AT TIME ZONE 'UTC')"
    return (
        f"to_char({at}, 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN date_part('microseconds', "
        f"{at})::int % 1000000 = 0 THEN '' ELSE to_char({at}, '.US') END || 'Z'"
    )


# The member groups and member cooperatives as the history row keeps them (``json``, written
# by the trigger in the views' formats); a cooperative without a row has no history.
_MEMBER_GROUPS = "coalesce(h.member_groups, '[]'::json)"
_MEMBERS = "coalesce(h.member_cooperative_ids, '[]'::json)"
_PROVINCE = f"""'province_code', left(p.region_code, 2),
    'province_name', {_PROVINCES} ->> left(p.region_code, 2)"""

# In ``CooperativeOut`` field order, ``derived`` (the last field) left out.
FULL_JSON = f"""json_build_object(
    'view', 'full', 'id', p.id, 'name', p.name, 'type', p.type, 'level', p.level,
    'status', p.status, 'legal_decree_number', p.legal_decree_number,
    'legal_decree_date', p.legal_decree_date, 'nib', p.nib, 'nik_koperasi', p.nik_koperasi,
    'founded_on', p.founded_on, 'address', p.address, 'region_code', p.region_code, {_PROVINCE},
    'latitude', p.latitude, 'longitude', p.longitude, 'business_sectors', p.business_sectors,
    'commodities', p.commodities, 'membership_area', p.membership_area,
    'scale_band', p.scale_band, 'member_count', p.member_count, 'external_id', p.external_id,
    'cohort_year', p.cohort_year, 'phase', p.phase, 'member_cooperative_ids', {_MEMBERS},
    'member_groups', {_MEMBER_GROUPS},
    'multi_stakeholder', coalesce(h.member_group_count, 0) >= 2,
    'import_batch_id', p.import_batch_id, 'created_at', {_utc("p.created_at")},
    'updated_at', {_utc("p.updated_at")})::text"""
# In ``CooperativePublic`` field order, ``active`` and ``age_years`` (the last two) left out.
PUBLIC_JSON = f"""json_build_object(
    'view', 'public', 'id', p.id, 'name', p.name, 'type', p.type, 'level', p.level,
    'status', p.status, 'region_code', p.region_code, {_PROVINCE}, 'address', p.address,
    'latitude', p.latitude, 'longitude', p.longitude, 'founded_on', p.founded_on,
    'business_sectors', p.business_sectors, 'commodities', p.commodities,
    'cohort_year', p.cohort_year, 'phase', p.phase)::text"""


class ListedRow(NamedTuple):
    """One cooperative of a page: its view as JSON text without the closing brace and the
    derived part, and what that part and the next cursor are computed from: the history row's
    arrays as the driver decoded them (a tuple of them, not records: a page of 100 made several
    hundred objects only to read them once)."""

    head: str
    id: UUID
    name: str
    founded_on: date
    status: CooperativeStatus
    rat_years: list[int] | None
    rat_dates: list[date] | None
    health_years: list[int] | None = None
    health_categories: list[str] | None = None
    health_scores: list[Decimal] | None = None
    health_dates: list[date] | None = None

    @property
    def rats(self) -> list[RatRecord]:
        """The RATs (latest year first) as records."""
        return _rats(self.rat_years, self.rat_dates)

    @property
    def health(self) -> list[HealthRecord]:
        """The health assessments (earliest year first) as records."""
        return _health(
            self.health_years, self.health_categories, self.health_scores, self.health_dates
        )


_STATUSES = {s.value: s for s in CooperativeStatus}


def _order(p: Any, sort: SortKey) -> list[Any]:
    column = {
        SortKey.created: None,
        SortKey.created_desc: None,
        SortKey.name: p.c.name,
        SortKey.name_desc: p.c.name,
        SortKey.founded_on: p.c.founded_on,
        SortKey.founded_on_desc: p.c.founded_on,
    }[sort]
    descending = sort.value.startswith("-")
    keys = [p.c.id] if column is None else [column, p.c.id]
    return [k.desc() for k in keys] if descending else keys


def page_json_statement(shape: PageShape, full: bool) -> Select[Any]:
    """The list page (``repository.page_select``, whose plan the tests check) wrapped: each
    row's view JSON and its facts."""
    inner = page_select(shape)
    p = inner.with_only_columns(*_RECORD_COLUMNS).subquery("p")
    h = CooperativeHistory.__table__.alias("h")
    history = [h.c.rat_years, h.c.rat_dates]
    if full:
        history += [h.c.health_years, h.c.health_categories, h.c.health_scores, h.c.health_dates]
    return (
        select(
            literal_column(FULL_JSON if full else PUBLIC_JSON).label("view"),
            p.c.id,
            p.c.name,
            p.c.founded_on,
            type_coerce(p.c.status, String()).label("status"),
            *history,
        )
        .select_from(p.outerjoin(h, h.c.cooperative_id == p.c.id))
        .order_by(*_order(p, shape.sort))
    )


@lru_cache(maxsize=512)
def _page_query(shape: PageShape, full: bool) -> DriverQuery:
    """Built and compiled once per shape; asyncpg prepares it once per connection."""
    return DriverQuery(page_json_statement(shape, full))


class CooperativeLister:
    """The list on a pooled connection without a session (``db.ReadConnectionDep``): the name
    probe and the page, each one statement on the driver."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def page_json(
        self,
        f: CooperativeFilters,
        sort: SortKey,
        limit: int,
        after: tuple[Any, UUID] | None,
        as_of: date,
        full: bool,
    ) -> list[ListedRow]:
        """Up to ``limit + 1`` rows (one more tells there is a next page)."""
        names = await name_match(self.conn, f)
        values = search_values(f, sort, after, as_of, names)
        query = _page_query(PageShape.of(values, f, sort, limit), full)
        rows = await query.fetch_records(self.conn, **values)
        statuses = _STATUSES
        return [
            ListedRow(row[0][:-1], row[1], row[2], row[3], statuses[row[4]], *row[5:])
            for row in rows
        ]


def _rats(years: list[int] | None, dates: list[date] | None) -> list[RatRecord]:
    """The history row's RATs (latest year first) as records."""
    return [RatRecord(y, d) for y, d in zip(years or (), dates or (), strict=True)]


def _health(
    years: list[int] | None,
    categories: list[str] | None,
    scores: list[Decimal] | None,
    dates: list[date] | None,
) -> list[HealthRecord]:
    """The history row's health assessments (earliest year first) as records."""
    if not years:
        return []
    return [
        HealthRecord(y, HealthCategory(c), s, d)
        for y, c, s, d in zip(years, categories or (), scores or (), dates or (), strict=True)
    ]
