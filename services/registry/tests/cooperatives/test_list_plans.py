"""Query plans of the cooperative list: no documented filter reads the whole table.

Loads a modest registry (6,000 cooperatives, real statistics from ``ANALYZE``) and asks
Postgres for the plan of every documented filter and sort, exactly as the list route builds
them (``CooperativeRepository.page_statement``, after the name probe for ``q``). A plan that
scans the cooperatives table sequentially, or walks an index while throwing away most of the
table, fails: at 130,000 cooperatives such a plan cost 40-90 ms per page where the fixed ones
cost well under one.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from registry.cooperatives import listing, search
from registry.cooperatives.repository import CooperativeRepository
from registry.cooperatives.schemas import CooperativeFilters, SortKey
from registry.regions import PROVINCES

from ..conftest import copy_cooperatives

ROWS = 6000
PROVINCE_CODES = sorted(PROVINCES)
TYPES = ["konsumen", "produsen", "simpan_pinjam", "pemasaran", "jasa"]
# A walk may discard a few hundred rows before its page is full, never most of the table.
MOST_DISCARDED = ROWS // 4


def _cooperative(i: int, batch: uuid.UUID) -> tuple[Any, ...]:
    kind = TYPES[i % 5]
    return (
        uuid.uuid4(),
        # Names begin with the type, as real ones do: name order and type are correlated.
        f"Koperasi {kind.replace('_', ' ').title()} Plan {i}",
        kind,
        "secondary" if i % 500 == 0 else "primary",
        None,
        None,
        f"{6100000000000 + i:013d}",
        None,
        date(1990 + i % 30, 1, 1),
        None,
        f"{PROVINCE_CODES[i % len(PROVINCE_CODES)]}.01.01.2001",
        None,
        None,
        ["090111"] if i % 3 == 0 else ["100630"],
        ["090111"] if i % 3 == 0 else ["100630"],
        None,
        None,
        100,
        "inactive" if i % 97 == 0 else "active",
        f"PLAN-{i}",
        batch if i < 50 else None,
        "plans-test",
    )


@pytest.fixture
async def big_registry(app, client):
    """``ROWS`` cooperatives with statistics; emptied by the ``client`` fixture afterwards."""
    batch = uuid.uuid4()
    await copy_cooperatives(app, (_cooperative(i, batch) for i in range(ROWS)))
    return batch


CASES = [
    ("no filter", {}, SortKey.created),
    ("region", {"region": "32"}, SortKey.created),
    ("region by name", {"region": "32"}, SortKey.name),
    ("region by founding", {"region": "32"}, SortKey.founded_on),
    ("type", {"type": ["produsen"]}, SortKey.created),
    ("type by name", {"type": ["produsen"]}, SortKey.name),
    ("region and type by name", {"region": "32", "type": ["produsen"]}, SortKey.name),
    ("status", {"status": ["inactive"]}, SortKey.created),
    ("status by founding", {"status": ["inactive"]}, SortKey.founded_on),
    ("type and status", {"type": ["produsen"], "status": ["inactive"]}, SortKey.created),
    ("type and status by name", {"type": ["produsen"], "status": ["active"]}, SortKey.name),
    ("level", {"level": "secondary"}, SortKey.created),
    ("phase", {"phase": ["replikasi"]}, SortKey.created),
    ("cohort", {"cohort": 2024}, SortKey.created),
    ("commodity", {"commodity": "090111"}, SortKey.created),
    ("name, common word", {"q": "pinjam"}, SortKey.created),
    ("name, rare word", {"q": "4242"}, SortKey.created),
    ("name, rare word by name", {"q": "4242"}, SortKey.name_desc),
    ("external id", {"external_id": "PLAN-77"}, SortKey.created),
    ("active", {"active": True}, SortKey.created),
    ("not active", {"active": False}, SortKey.created),
]


def _nodes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    out = [plan]
    for child in plan.get("Plans", []):
        out += _nodes(child)
    return out


def _reads_no_whole_table(label: str, plan: dict[str, Any]) -> None:
    on_table = [n for n in _nodes(plan) if n.get("Relation Name") == "cooperatives"]
    assert on_table, plan
    for node in on_table:
        assert node["Node Type"] != "Seq Scan", (label, node)
        discarded = node.get("Rows Removed by Filter", 0) * node.get("Actual Loops", 1)
        assert discarded < MOST_DISCARDED, (label, node["Node Type"], node.get("Index Name"))


async def _plan(app, f: CooperativeFilters, sort: SortKey) -> dict[str, Any]:
    async with app.state.engine.connect() as conn:
        repo = CooperativeRepository(AsyncSession(bind=conn))
        names = await repo.name_match(f)
        stmt = repo.page_statement(f, sort, 100, None, date.today(), names)
        compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
        params = tuple(compiled.params[k] for k in compiled.positiontup or [])
        rows = await conn.exec_driver_sql(
            "EXPLAIN (ANALYZE, FORMAT JSON) " + compiled.string, params
        )
        raw = rows.scalar_one()
    return (json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]


@pytest.mark.parametrize(("label", "filters", "sort"), CASES, ids=[c[0] for c in CASES])
async def test_no_documented_filter_reads_the_whole_table(
    app, big_registry, label: str, filters: dict[str, Any], sort: SortKey
):
    plan = await _plan(app, CooperativeFilters(**filters), sort)
    _reads_no_whole_table(label, plan)


@pytest.mark.parametrize("few", [5000, 100])
async def test_the_name_probe_and_the_page_agree(
    app, big_registry, client, ministry_headers, monkeypatch, few: int
):
    """Served from the ids or by the words, the list holds every match exactly once."""
    monkeypatch.setattr(search, "FEW_NAME_MATCHES", few)
    for q, expected in (("4242", 1), ("plan 4242", 1), ("pinjam", ROWS // 5)):
        seen: list[str] = []
        cursor = None
        while True:
            url = f"/v1/cooperatives?q={q}&limit=100" + (f"&cursor={cursor}" if cursor else "")
            page = (await client.get(url, headers=ministry_headers)).json()
            seen += [c["external_id"] for c in page["items"]]
            cursor = page.get("next_cursor")
            if not cursor:
                break
        assert len(seen) == len(set(seen)) == expected, (q, len(seen))
    async with app.state.engine.connect() as conn:
        repo = CooperativeRepository(AsyncSession(bind=conn))
        rare = await repo.name_match(CooperativeFilters(q="4242"))
        common = await repo.name_match(CooperativeFilters(q="pinjam"))
    assert rare is not None and rare.ids is not None and len(rare.ids) == 1
    assert common is not None
    assert common.ids is None if few < ROWS // 5 else len(common.ids or []) == ROWS // 5


# The filters whose plan depends on their value: the route's statement must carry no parameter
# for them, so the plan Postgres keeps for a prepared statement is the plan for that value.
VALUE_PLANNED = {
    "region",
    "region by name",
    "region by founding",
    "type",
    "type by name",
    "region and type by name",
    "status",
    "status by founding",
    "level",
    "phase",
    "cohort",
    "commodity",
}


@pytest.mark.parametrize(
    ("label", "filters", "sort"),
    [c for c in CASES if c[0] in VALUE_PLANNED or c[0] == "no filter"],
    ids=[c[0] for c in CASES if c[0] in VALUE_PLANNED or c[0] == "no filter"],
)
async def test_the_plan_postgres_keeps_for_the_route_reads_no_whole_table(
    app, big_registry, label: str, filters: dict[str, Any], sort: SortKey
):
    """The route runs its statement prepared (asyncpg), and after five runs Postgres may keep
    one generic plan for every value: with ``status = $1`` that plan walked the primary key
    past 9,600 rows for ``inactive`` at 130,000, with ``region_code LIKE $2`` it cannot use the
    region index. The generic plan of the route's own statement is checked here."""
    f = CooperativeFilters(**filters)
    values = search.search_values(f, sort, None, date.today(), None)
    query = listing._page_query(search.PageShape.of(values, f, sort, 100), True)
    assert query.params == [], (label, query.params)
    async with app.state.engine.connect() as conn:
        await conn.exec_driver_sql("SET plan_cache_mode = force_generic_plan")
        await conn.exec_driver_sql(f"PREPARE listed AS {query.sql}")
        try:
            raw = (
                await conn.exec_driver_sql("EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE listed")
            ).scalar_one()
        finally:
            await conn.exec_driver_sql("DEALLOCATE listed")
            await conn.exec_driver_sql("RESET plan_cache_mode")
    plan = (json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]
    _reads_no_whole_table(label, plan)
