"""The list's items, written by Postgres (``cooperatives.listing``), equal the pydantic views the
single read answers, field by field, for the full record and the public profile."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from kopmod_shared.auth import Role
from kopmod_shared.testing_sql import statements
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
    await _history(
        client,
        headers,
        plain["id"],
        rats=[(year, f"{year + 1}-03-15") for year in (THIS_YEAR - 2, THIS_YEAR - 3)],
        health=(THIS_YEAR - 2, "72.5", f"{THIS_YEAR - 1}-05-01"),
    )
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


async def _history(
    client, headers, id: str, rats: list[tuple[int, str]], health: tuple[int, str, str]
) -> None:
    """RATs (year, held on) and one health assessment (year, score, assessed on)."""
    url = f"/v1/cooperatives/{id}"
    for year, held_on in rats:
        resp = await client.post(
            f"{url}/rats",
            json={
                "year": year,
                "held_on": held_on,
                "attendance": 120,
                "net_surplus": "15000000.00",
            },
            headers=headers,
        )
        assert resp.status_code == 201, resp.text
    year, score, assessed_on = health
    resp = await client.post(
        f"{url}/health-assessments",
        json={"year": year, "score": score, "assessed_on": assessed_on},
        headers=headers,
    )
    assert resp.status_code == 201, resp.text


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


async def test_the_page_json_is_one_statement(app, client, ministry_headers):
    """No query per item, no session: the facts and member groups are part of the page's one
    statement, run on the driver (and a name search asks its probe first)."""
    await _varied(app, client, ministry_headers)
    with statements(app.state.engine, whole=True) as sent:
        await _listed(client, ministry_headers)
    page = _queries(sent)
    assert len(page) == 1, page
    assert listing.FULL_JSON.split("(")[0] in page[0]
    with statements(app.state.engine, whole=True) as sent:
        await client.get("/v1/cooperatives?q=jaya", headers=ministry_headers)
    searched = _queries(sent)
    assert len(searched) == 2, searched
    assert "name_search @@" in searched[0] and "json_build_object" in searched[1]


def _queries(sent: list[str]) -> list[str]:
    """What was sent, without the transaction's own BEGIN and COMMIT or ROLLBACK."""
    return [s for s in sent if s.split(None, 1)[0].upper() not in {"BEGIN", "COMMIT", "ROLLBACK"}]


async def test_cooperatives_alike_in_founding_year_and_rat_years_keep_their_own_facts(
    app, client, ministry_headers
):
    """The list writes the RAT years' part once for every cooperative founded in the same year
    with the same years held (``service._rat_json``); the date of the last RAT, being active,
    and the latest health are still each cooperative's own."""
    founded = 2012  # before the body's decree (2015)
    alike = []
    for month, held, score, status in ((1, "03-15", "72.5", None), (6, "06-20", "88", "inactive")):
        born = f"{founded}-{month:02}-01"
        c = await create_cooperative(client, ministry_headers, founded_on=born)
        url = f"/v1/cooperatives/{c['id']}"
        rats = [(year, f"{year + 1}-{held}") for year in (THIS_YEAR - 2, THIS_YEAR - 4)]
        health = (THIS_YEAR - 2, score, f"{THIS_YEAR - 1}-05-01")
        await _history(client, ministry_headers, c["id"], rats=rats, health=health)
        if status:
            resp = await client.patch(url, json={"status": status}, headers=ministry_headers)
            assert resp.status_code == 200, resp.text
        alike.append(c["id"])
    listed = await _listed(client, ministry_headers)
    for id in alike:
        one = (await client.get(f"/v1/cooperatives/{id}", headers=ministry_headers)).json()
        assert listed[id] == one, id
    first, second = (listed[id]["derived"] for id in alike)
    assert first["rat"]["years_held"] == second["rat"]["years_held"]
    assert first["rat"]["missed_years"] == second["rat"]["missed_years"]
    assert first["rat"]["last_held_on"] != second["rat"]["last_held_on"]
    assert first["active"] and not second["active"]
    assert first["latest_health"] != second["latest_health"]
