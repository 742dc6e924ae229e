"""The list's items, written by Postgres (``cooperatives.listing``), equal the pydantic views the
single read answers, field by field, for the full record and the public profile."""

from __future__ import annotations

import uuid

from sqlalchemy import event, text

from kopmod_shared.auth import Role
from kopmod_shared.db import DriverQuery
from registry.cooperatives import listing

from ..conftest import create_cooperative

THIS_YEAR = __import__("datetime").date.today().year


async def _varied(app, client, headers) -> list[str]:
    """Cooperatives covering every shape a view has."""
    plain = await create_cooperative(client, headers)
    bare = await create_cooperative(
        client,
        headers,
        name='Koperasi "Maju" Jaya — Ñusa \\ Tenggara',
        latitude=None,
        longitude=None,
        address=None,
        legal_decree_number=None,
        legal_decree_date=None,
        nib=None,
        business_sectors=[],
        commodities=[],
        membership_area=None,
        scale_band=None,
        member_count=None,
        region_code="53.71.01.1001",
        founded_on=f"{THIS_YEAR - 1}-02-01",
    )
    groups = [
        {"kind": "founder", "name": "Pendiri", "member_count": 9, "voting_share": "40"},
        {"kind": "worker", "name": "Pekerja", "member_count": 30, "voting_share": "60"},
    ]
    multi = await create_cooperative(client, headers, member_groups=groups)
    members = [plain["id"], bare["id"], multi["id"]]
    secondary = await create_cooperative(
        client, headers, level="secondary", member_cooperative_ids=members
    )
    url = f"/v1/cooperatives/{plain['id']}"
    for year in (THIS_YEAR - 2, THIS_YEAR - 3):
        resp = await client.post(
            f"{url}/rats",
            json={
                "year": year,
                "held_on": f"{year + 1}-03-15",
                "attendance": 120,
                "net_surplus": "15000000.00",
            },
            headers=headers,
        )
        assert resp.status_code == 201, resp.text
    resp = await client.post(
        f"{url}/health-assessments",
        json={"year": THIS_YEAR - 2, "score": "72.5", "assessed_on": f"{THIS_YEAR - 1}-05-01"},
        headers=headers,
    )
    assert resp.status_code == 201, resp.text
    ids = [plain["id"], bare["id"], multi["id"], secondary["id"]]
    async with app.state.engine.begin() as conn:
        # A timestamp on a whole second (written without microseconds) and a phase.
        await conn.execute(
            text(
                "UPDATE cooperatives SET updated_at = date_trunc('second', updated_at), "
                "phase = 'replikasi', cohort_year = 2025 WHERE id = :id"
            ),
            {"id": multi["id"]},
        )
    return ids


async def _listed(client, headers) -> dict[str, dict]:
    resp = await client.get("/v1/cooperatives?limit=100", headers=headers)
    assert resp.status_code == 200, resp.text
    return {c["id"]: c for c in resp.json()["items"]}


async def test_listed_items_equal_the_single_read(app, client, ministry_headers, headers_for):
    ids = await _varied(app, client, ministry_headers)
    offtaker = await headers_for(Role.offtaker, org=uuid.uuid4())
    for headers, view in ((ministry_headers, "full"), (offtaker, "public")):
        listed = await _listed(client, headers)
        assert set(ids) <= set(listed)
        for id in ids:
            one = (await client.get(f"/v1/cooperatives/{id}", headers=headers)).json()
            assert one["view"] == view
            assert listed[id] == one, id
            assert list(listed[id]) == list(one)  # the same field order
    itself = await headers_for(Role.cooperative, org=uuid.UUID(ids[2]))
    own = await _listed(client, itself)
    assert list(own) == [ids[2]]
    one = (await client.get(f"/v1/cooperatives/{ids[2]}", headers=itself)).json()
    assert own[ids[2]] == one and one["view"] == "full"
    assert one["member_groups"][0]["voting_share"] == "40.00"
    assert one["phase"] == "replikasi"


async def test_the_page_json_is_one_statement(app, client, ministry_headers, monkeypatch):
    """No query per item, no session: the facts and member groups are part of the page's one
    statement, run on the driver (and a name search asks its probe first)."""
    await _varied(app, client, ministry_headers)
    statements: list[str] = []
    run = DriverQuery._run

    async def count(self, conn, method, params):
        statements.append(self.sql)
        return await run(self, conn, method, params)

    def orm(conn, cursor, statement, *args) -> None:
        # The token deny-list reloads in the background on its own connection (every second),
        # so it can fall inside the request; it is not the page's work.
        if "revoked_subjects" not in statement:
            statements.append(statement)

    monkeypatch.setattr(DriverQuery, "_run", count)
    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", orm)
    try:
        await _listed(client, ministry_headers)
        assert len(statements) == 1, statements
        assert listing.FULL_JSON.split("(")[0] in statements[0]
        statements.clear()
        await client.get("/v1/cooperatives?q=jaya", headers=ministry_headers)
    finally:
        event.remove(engine, "before_cursor_execute", orm)
    assert len(statements) == 2, statements
    assert "name_search @@" in statements[0] and "json_build_object" in statements[1]
