"""The cooperative list's query: which filters a request gives and their values
(``search_values``), the statement of each shape of them (``page_select``, built once per shape
by ``listing``; ``tests/cooperatives/test_list_plans.py`` checks its plans) and the name probe
that chooses the plan of a name search."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from cachetools import TTLCache
from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    any_,
    bindparam,
    case,
    exists,
    func,
    literal_column,
    or_,
    select,
    tuple_,
    type_coerce,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.ext.asyncio import AsyncConnection

from kopmod_shared.db import DriverQuery
from registry.cooperatives.derived import ACTIVE_WINDOW_YEARS, years_ago
from registry.cooperatives.models import Cooperative
from registry.cooperatives.schemas import CooperativeFilters, SortKey
from registry.rat.models import AnnualMeeting

_SORT_COLUMNS: dict[SortKey, tuple[Any, bool]] = {
    SortKey.created: (Cooperative.id, False),
    SortKey.created_desc: (Cooperative.id, True),
    SortKey.name: (Cooperative.name, False),
    SortKey.name_desc: (Cooperative.name, True),
    SortKey.founded_on: (Cooperative.founded_on, False),
    SortKey.founded_on_desc: (Cooperative.founded_on, True),
}


def _search_words(text: str) -> list[str]:
    """Words of a name search, safe to put in a tsquery (letters and digits only)."""
    return [w for w in re.findall(r"\w+", text.lower()) if w][:8]


def _tsquery_text(words: list[str]) -> str:
    """Every word as a prefix, all of them required."""
    return " & ".join(f"{w}:*" for w in words)


# A name search with at most this many matches is served from their ids (read through the
# name index); with more, matches are dense enough for a walk in page order.
FEW_NAME_MATCHES = 5000
_UUIDS = ARRAY(PG_UUID(as_uuid=True))


@dataclass(frozen=True)
class NameMatch:
    ids: list[UUID] | None  # None: more than FEW_NAME_MATCHES


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# The list's query is built from named parameters only, so one statement serves every request
# of the same shape (which filters are given, the sort, the page size) and is built and
# compiled once (``listing``): building it per request cost more than Postgres running it.
_BIND_TYPES: dict[str, Any] = {
    "restrict_to": PG_UUID(as_uuid=True),
    "region": String(),
    "region_below": String(),
    "type": String(),
    "type_any": ARRAY(String()),
    "status": String(),
    "status_any": ARRAY(String()),
    "phase": String(),
    "phase_any": ARRAY(String()),
    "level": String(),
    "cohort": Integer(),
    "commodity": ARRAY(String()),
    "name_ids": _UUIDS,
    "tsquery": String(),
    "external_id": String(),
    "import_batch": PG_UUID(as_uuid=True),
    "active_since": Date(),
    "as_of": Date(),
    "after_id": PG_UUID(as_uuid=True),
    "after_name": String(),
    "after_founded_on": Date(),
}


_SIMPLE: ColumnElement[Any] = literal_column(
    "'simple'"
)  # the text search configuration of ``name_search``


def _param(name: str) -> Any:
    return bindparam(name, type_=_BIND_TYPES[name])


def search_values(
    f: CooperativeFilters,
    sort: SortKey,
    after: tuple[Any, UUID] | None,
    as_of: date,
    names: NameMatch | None,
) -> dict[str, Any]:
    """The values of a list request, by parameter name; which names are present is the shape
    of its statement (``page_select``)."""
    v: dict[str, Any] = {}
    if f.restrict_to is not None:
        v["restrict_to"] = f.restrict_to
    if f.region:
        v["region"] = f.region
        v["region_below"] = _escape_like(f.region) + ".%"
    for name, chosen in (("type", f.type), ("status", f.status), ("phase", f.phase)):
        # One value is an equality, so an index on (type, name, id) still gives name order
        # (``= ANY`` of a one-element array does not).
        if len(chosen) == 1:
            v[name] = chosen[0].value
        elif chosen:
            v[f"{name}_any"] = [c.value for c in chosen]
    if f.level is not None:
        v["level"] = f.level.value
    if f.cohort is not None:
        v["cohort"] = f.cohort
    if f.commodity:
        v["commodity"] = [f.commodity]
    if names is not None and names.ids is not None:
        v["name_ids"] = names.ids
    elif f.q and (words := _search_words(f.q)):
        v["tsquery"] = _tsquery_text(words)
    if f.external_id is not None:
        v["external_id"] = f.external_id
    if f.import_batch is not None:
        v["import_batch"] = f.import_batch
    if f.active is not None:
        v["active_since"] = years_ago(as_of, ACTIVE_WINDOW_YEARS)
        v["as_of"] = as_of
    if after is not None:
        column = _SORT_COLUMNS[sort][0]
        if column is not Cooperative.id:
            v[f"after_{column.key}"] = after[0]
        v["after_id"] = after[1]
    return v


@dataclass(frozen=True)
class PageShape:
    """What a list statement's text depends on: the parameters given, the sort, the page size
    and the values written into the text (``IN_TEXT``)."""

    names: frozenset[str]
    active: bool | None
    sort: SortKey
    limit: int
    literals: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(
        cls, values: dict[str, Any], f: CooperativeFilters, sort: SortKey, limit: int
    ) -> PageShape:
        literals = tuple(
            (k, tuple(v) if isinstance(v, list) else v) for k, v in values.items() if k in IN_TEXT
        )
        return cls(frozenset(values), f.active, sort, limit, literals)


# Values written into the statement's text instead of sent as parameters: those the plan
# depends on. Postgres plans a prepared statement for its values five times, then may keep one
# generic plan for every value: for ``status = $1`` that walked the primary key past 9,600
# rows for ``inactive`` (12 ms; 1 % of the table), for ``region_code LIKE $2`` it cannot use the
# region index at all. Each is a closed set or a validated code (enum values, region codes of
# digits and dots, HS codes of digits, a year), so the shapes stay few and nothing needs quoting
# but is quoted anyway. The page size is in the text for the same reason.
IN_TEXT = frozenset(
    {
        "region",
        "region_below",
        "type",
        "type_any",
        "status",
        "status_any",
        "phase",
        "phase_any",
        "level",
        "cohort",
        "commodity",
    }
)


def _sql_text(value: Any) -> str:
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, tuple):
        return "ARRAY[" + ", ".join(_sql_text(v) for v in value) + "]::varchar[]"
    return "'" + str(value).replace("'", "''") + "'"


def page_select(shape: PageShape) -> Select[tuple[Cooperative]]:
    """The list query of one shape: its ``IN_TEXT`` values written in, the others left as
    parameters."""
    given = shape.names
    written = dict(shape.literals)

    def _p(name: str) -> Any:
        return literal_column(_sql_text(written[name])) if name in written else _param(name)

    stmt = select(Cooperative)
    if "restrict_to" in given:
        stmt = stmt.where(Cooperative.id == _p("restrict_to"))
    if "region" in given:
        stmt = stmt.where(
            or_(
                Cooperative.region_code == _p("region"),
                Cooperative.region_code.like(_p("region_below"), escape="\\"),
            )
        )
    for name, column in (
        ("type", Cooperative.type),
        ("status", Cooperative.status),
        ("phase", Cooperative.phase),
        ("level", Cooperative.level),
    ):
        if name in given:
            stmt = stmt.where(type_coerce(column, String()) == _p(name))
        elif f"{name}_any" in given:
            stmt = stmt.where(type_coerce(column, String()) == any_(_p(f"{name}_any")))
    if "cohort" in given:
        stmt = stmt.where(Cooperative.cohort_year == _p("cohort"))
    if "commodity" in given:
        stmt = stmt.where(Cooperative.commodities.contains(_p("commodity")))
    if "name_ids" in given:
        stmt = stmt.where(Cooperative.id == any_(_p("name_ids")))
    elif "tsquery" in given:
        stmt = stmt.where(
            Cooperative.name_search.bool_op("@@")(func.to_tsquery(_SIMPLE, _p("tsquery")))
        )
    if "external_id" in given:
        stmt = stmt.where(Cooperative.external_id == _p("external_id"))
    if "import_batch" in given:
        stmt = stmt.where(Cooperative.import_batch_id == _p("import_batch"))
    if shape.active is not None:
        recent_rat = exists().where(
            AnnualMeeting.cooperative_id == Cooperative.id,
            AnnualMeeting.held_on >= _p("active_since"),
            AnnualMeeting.held_on <= _p("as_of"),
        )
        active = (
            type_coerce(Cooperative.status, String()) == literal_column("'active'")
        ) & recent_rat
        stmt = stmt.where(active if shape.active else ~active)
    column, descending = _SORT_COLUMNS[shape.sort]
    if column is Cooperative.id:
        if "after_id" in given:
            stmt = stmt.where(
                Cooperative.id < _p("after_id") if descending else Cooperative.id > _p("after_id")
            )
        order = [Cooperative.id.desc() if descending else Cooperative.id]
    else:
        if "after_id" in given:
            key = tuple_(column, Cooperative.id)
            bound = tuple_(_p(f"after_{column.key}"), _p("after_id"))
            stmt = stmt.where(key < bound if descending else key > bound)
        if column is Cooperative.name and "tsquery" in given:
            # A common word in name order: sort its matches (found by the name-search
            # index) rather than walk the name index, which meets them only late when the
            # word sits in names that sort late ("Koperasi Simpan Pinjam ..."): 150-190 ms
            # against 400-570 ms for 26,000 matches of 130,000 at load 13. The same order
            # (``name || ''`` is the name); only the plan changes.
            column = column + literal_column("''")
        order = [column.desc(), Cooperative.id.desc()] if descending else [column, Cooperative.id]
    # The page size written into the text (one more row tells there is a next page).
    return stmt.order_by(*order).limit(literal_column(str(int(shape.limit) + 1)))


# The ids only when there are few: a common word's 5,001 ids were decoded in the service for
# nothing but their count (most of the CPU of such a request).
_PROBED = (
    select(Cooperative.id)
    .where(Cooperative.name_search.bool_op("@@")(func.to_tsquery(_SIMPLE, _param("tsquery"))))
    .limit(bindparam("over", type_=Integer()))
    .subquery("m")
)
_NAME_PROBE = DriverQuery(
    select(
        case(
            (func.count() <= bindparam("cap", type_=Integer()), func.array_agg(_PROBED.c.id)),
            else_=None,
        ).label("ids"),
        func.count().label("matches"),
    ).select_from(_PROBED)
)


class CommonWords:
    """The name searches this process found common (more than ``FEW_NAME_MATCHES`` matches)
    in the last ``SECONDS``, so their next requests skip the probe.

    Only a plan is chosen from it, never an answer: a common word's page tests the words
    themselves, which is right whatever the number of matches is now. Were a remembered word
    rare by now, its page would walk further in page order until the memory lapses; a rare
    word is never remembered (its page is served from the ids the probe read, which must be
    current). Why: a common word's probe is the GIN bitmap of every match and the first 5,001
    of them read from the table, 11-13 ms of Postgres for a page that then costs 1.8 ms
    (``q=pinjam``, 26,000 matches of 130,000, ``EXPLAIN (ANALYZE, BUFFERS)`` 2026-12-03)."""

    SECONDS = 60.0
    SIZE = 1024

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        # Least recently used out first when full; an entry lapses SECONDS after it was added.
        self._seen: TTLCache[tuple[str, int], bool] = TTLCache(
            maxsize=self.SIZE, ttl=self.SECONDS, timer=clock
        )

    def __contains__(self, key: tuple[str, int]) -> bool:
        return key in self._seen

    def add(self, key: tuple[str, int]) -> None:
        self._seen[key] = True

    def clear(self) -> None:
        self._seen.clear()


COMMON_WORDS = CommonWords()


async def name_match(conn: AsyncConnection, f: CooperativeFilters) -> NameMatch | None:
    """For a name search: the ids of every match when there are few (read through the
    name index), else a marker that there are many (the page then tests the words as
    before: matches are dense enough for a walk in page order to meet them soon).

    The planner cannot tell a rare word from a common one (a prefix search is always
    estimated at 2 % of the table), so a rare word walked the whole table in page order
    looking for matches that were not there. Asking the name index first, with a cap,
    costs a few milliseconds and tells which plan is right; a word found common is not
    asked again for a while (``CommonWords``).
    """
    words = _search_words(f.q) if f.q else []
    if not words:
        return None
    tsquery = _tsquery_text(words)
    key = (tsquery, FEW_NAME_MATCHES)
    if key in COMMON_WORDS:
        return NameMatch(None)
    row = await _NAME_PROBE.fetchrow(
        conn, tsquery=tsquery, cap=FEW_NAME_MATCHES, over=FEW_NAME_MATCHES + 1
    )
    if row is None or row.matches > FEW_NAME_MATCHES:
        COMMON_WORDS.add(key)
        return NameMatch(None)
    return NameMatch(list(row.ids or []))
