"""The identifiers (NIB, NIK koperasi, external id) are compared as bytes (collation "C"): only
ever for equality, never sorted, so their unique indexes compare with ``memcmp`` instead of the
locale's ``strcoll`` (cheaper for every row a bulk import writes, docs/performance.md). What
they mean does not change: the lookups still find them through the unique indexes, and an equal
identifier is still refused."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import String, any_, bindparam, select, text
from sqlalchemy.dialects.postgresql import ARRAY

from registry.cooperatives.models import Cooperative

from ..conftest import cooperative_body, create_cooperative

IDENTIFIERS = ("nib", "nik_koperasi", "external_id")


async def test_the_identifier_columns_compare_as_bytes(app):
    async with app.state.engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT column_name, collation_name FROM information_schema.columns "
                "WHERE table_name = 'cooperatives' AND column_name = ANY(:names)"
            ),
            {"names": list(IDENTIFIERS)},
        )
        assert dict(rows.all()) == dict.fromkeys(IDENTIFIERS, "C")


async def _index_of(app, statement: Any) -> set[str]:
    """The indexes the plan of ``statement`` reads (sequential scans off: which index *can*
    serve it, on a table this small)."""
    compiled = statement.compile(
        dialect=app.state.engine.dialect, compile_kwargs={"render_postcompile": True}
    )
    params = tuple(compiled.params[k] for k in compiled.positiontup or [])
    async with app.state.engine.connect() as conn:
        await conn.exec_driver_sql("SET enable_seqscan = off")
        raw = (
            await conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + compiled.string, params)
        ).scalar_one()
        await conn.exec_driver_sql("RESET enable_seqscan")
    plan = (json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]
    found: set[str] = set()
    stack = [plan]
    while stack:
        node = stack.pop()
        if "Index Name" in node:
            found.add(node["Index Name"])
        stack += node.get("Plans", [])
    return found


async def test_lookups_use_the_unique_indexes_and_equal_identifiers_clash(
    app, client, ministry_headers
):
    existing = await create_cooperative(client, ministry_headers, external_id="DINAS-A-1")
    for field in IDENTIFIERS:
        column = getattr(Cooperative, field)
        # The import's already-registered check (ImportRepository.taken) and an equality filter.
        wanted = bindparam("wanted", [existing[field]], type_=ARRAY(String()))
        assert await _index_of(app, select(column).where(column == any_(wanted))) == {
            f"uq_cooperatives_{field}"
        }
        assert await _index_of(app, select(Cooperative.id).where(column == existing[field])) == {
            f"uq_cooperatives_{field}"
        }
    listed = await client.get("/v1/cooperatives?external_id=DINAS-A-1", headers=ministry_headers)
    assert [c["id"] for c in listed.json()["items"]] == [existing["id"]]
    for field in IDENTIFIERS:
        clash = await client.post(
            "/v1/cooperatives",
            json=cooperative_body(**{field: existing[field]}),
            headers=ministry_headers,
        )
        assert clash.status_code == 409, (field, clash.text)
        assert clash.headers["content-type"] == "application/problem+json"
        assert [e["field"] for e in clash.json()["errors"]] == [f"body.{field}"]
