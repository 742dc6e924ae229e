"""Cooperatives through the HTTP API: registration, validation, views per caller, search,
partial update, member groups, derived facts, the eligibility snapshot, idempotency."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import text

from kopmod_shared.auth import Role

from ..conftest import cooperative_body, create_cooperative

THIS_YEAR = date.today().year


async def _count(app, table: str) -> int:
    async with app.state.engine.connect() as conn:
        return (await conn.execute(text(f"SELECT count(*) FROM {table}"))).scalar_one()


async def test_register_returns_the_full_record_and_publishes_an_event(
    app, client, ministry_headers
):
    resp = await client.post(
        "/v1/cooperatives",
        json=cooperative_body(name="Koperasi Kopi Gayo", region_code="1104012001"),
        headers=ministry_headers,
    )
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert resp.headers["location"] == f"/v1/cooperatives/{body['id']}"
    assert body["view"] == "full"
    assert body["name"] == "Koperasi Kopi Gayo"
    assert body["region_code"] == "11.04.01.2001"  # stored dotted
    assert body["province_code"] == "11" and body["province_name"] == "Aceh"
    assert body["status"] == "active" and body["level"] == "primary"
    assert body["derived"]["age_years"] == date.today().year - 2015 - (
        (date.today().month, date.today().day) < (1, 20)
    )
    assert body["created_at"] and body["member_groups"] == []
    async with app.state.engine.connect() as conn:
        row = (await conn.execute(text("SELECT type, subject, payload FROM outbox_events"))).one()
    assert row.type == "registry.cooperative.registered"
    assert row.subject == body["id"]
    assert row.payload["data"]["name"] == "Koperasi Kopi Gayo"


async def test_each_bad_input_is_a_422_naming_the_field_and_writes_nothing(
    app, client, ministry_headers
):
    cases = [
        ({"type": "perbankan"}, "body.type", "enum"),
        ({"nib": "12345"}, "body.nib", "nib_format"),
        ({"nib": "12345678901ab"}, "body.nib", "nib_format"),
        ({"nik_koperasi": "11-01"}, "body.nik_koperasi", "nik_koperasi_format"),
        ({"region_code": "99.01.01.2001"}, "body.region_code", "region_unknown_province"),
        ({"region_code": "32.7x"}, "body.region_code", "region_format"),
        ({"region_code": "32.70"}, "body.region_code", "region_format"),
        ({"region_code": "32"}, "body.region_code", "region_too_coarse"),
        ({"latitude": 20.0, "longitude": 100.0}, "body.latitude", "less_than_equal"),
        ({"latitude": -5.0, "longitude": 150.0}, "body.longitude", "less_than_equal"),
        ({"founded_on": f"{THIS_YEAR + 1}-01-01"}, "body.founded_on", "date_in_future"),
        ({"status": "merged"}, "body.status", "status_merged"),
        (
            {
                "member_groups": [
                    {"kind": "founder", "name": "Pendiri", "member_count": 9, "voting_share": "60"},
                    {"kind": "worker", "name": "Pekerja", "member_count": 20, "voting_share": "30"},
                ]
            },
            "body.member_groups",
            "voting_shares_sum",
        ),
        (
            {
                "member_groups": [
                    {"kind": "founder", "name": "Pendiri", "member_count": 9, "voting_share": "100"}
                ]
            },
            "body.member_groups",
            "member_groups_too_few",
        ),
        ({"latitude": 1.0, "longitude": None}, "body.longitude", "coordinates_pair"),
        ({"legal_decree_date": "2014-01-01"}, "body.legal_decree_date", "decree_before_founding"),
        ({"legal_decree_number": None}, "body.legal_decree_number", "legal_decree_pair"),
    ]
    for overrides, field, code in cases:
        body = cooperative_body()
        for key, value in overrides.items():
            if value is None:
                body.pop(key, None)
            else:
                body[key] = value
        resp = await client.post("/v1/cooperatives", json=body, headers=ministry_headers)
        assert resp.status_code == 422, (overrides, resp.text)
        problem = resp.json()
        assert resp.headers["content-type"] == "application/problem+json"
        assert problem["type"].endswith("/validation-error")
        assert {"field": field, "code": code} in [
            {"field": e["field"], "code": e["code"]} for e in problem["errors"]
        ], (overrides, problem)
    assert await _count(app, "cooperatives") == 0
    assert await _count(app, "outbox_events") == 0


async def test_an_identifier_already_registered_is_a_409_naming_it(client, ministry_headers):
    first = await create_cooperative(client, ministry_headers, external_id="PROV-JABAR-1")
    resp = await client.post(
        "/v1/cooperatives",
        json=cooperative_body(nib=first["nib"], external_id="PROV-JABAR-1"),
        headers=ministry_headers,
    )
    assert resp.status_code == 409
    fields = {e["field"] for e in resp.json()["errors"]}
    assert fields == {"body.nib", "body.external_id"}


async def test_who_reads_what(client, ministry_headers, headers_for):
    mine = await create_cooperative(client, ministry_headers)
    other = await create_cooperative(client, ministry_headers)
    url = f"/v1/cooperatives/{mine['id']}"

    assert (await client.get(url)).status_code == 401

    full_readers = [
        ministry_headers,
        await headers_for(Role.admin),
        await headers_for(Role.service),
        await headers_for(Role.partner, scopes=["registry:read"]),
        await headers_for(Role.cooperative, org=uuid.UUID(mine["id"])),
    ]
    for headers in full_readers:
        body = (await client.get(url, headers=headers)).json()
        assert body["view"] == "full" and body["nib"] == mine["nib"]

    public_readers = [
        await headers_for(Role.offtaker, org=uuid.uuid4()),
        await headers_for(Role.fund_officer),
        await headers_for(Role.partner, scopes=["marketplace:read"]),
    ]
    for headers in public_readers:
        resp = await client.get(url, headers=headers)
        assert resp.status_code == 200
        body = resp.json()
        assert body["view"] == "public"
        assert body["name"] == mine["name"] and body["province_name"] == "Aceh"
        assert "nib" not in body and "nik_koperasi" not in body and "derived" not in body

    # A cooperative asking for another cooperative learns nothing, not even that it exists.
    as_mine = await headers_for(Role.cooperative, org=uuid.UUID(mine["id"]))
    resp = await client.get(f"/v1/cooperatives/{other['id']}", headers=as_mine)
    assert resp.status_code == 404
    assert resp.json()["type"].endswith("/not-found")
    assert other["name"] not in resp.text
    listed = (await client.get("/v1/cooperatives", headers=as_mine)).json()["items"]
    assert [c["id"] for c in listed] == [mine["id"]]


async def test_only_writers_register(client, headers_for):
    for headers in [
        await headers_for(Role.fund_officer),
        await headers_for(Role.offtaker, org=uuid.uuid4()),
        await headers_for(Role.cooperative, org=uuid.uuid4()),
        await headers_for(Role.partner, scopes=["registry:read"]),
    ]:
        resp = await client.post("/v1/cooperatives", json=cooperative_body(), headers=headers)
        assert resp.status_code == 403
        assert resp.json()["type"].endswith("/forbidden")
    writer = await headers_for(Role.partner, scopes=["registry:write"])
    created = await create_cooperative(client, writer)
    assert created["view"] == "full"


async def test_search_filters_sort_and_cursor_pagination(client, ministry_headers):
    a = await create_cooperative(
        client,
        ministry_headers,
        name="Koperasi Susu Bandung",
        region_code="32.73.01.1001",
        type="produsen",
        commodities=["040110"],
        latitude=None,
        longitude=None,
    )
    b = await create_cooperative(
        client,
        ministry_headers,
        name="Koperasi Simpan Pinjam Sejahtera Bekasi",
        region_code="32.16.02.2003",
        type="simpan_pinjam",
        commodities=[],
        founded_on="2001-05-05",
        legal_decree_date="2002-01-01",
        latitude=None,
        longitude=None,
    )
    c = await create_cooperative(
        client,
        ministry_headers,
        name="Koperasi Kakao Bali",
        region_code="51.01.01.2001",
        type="pemasaran",
        commodities=["180100"],
        latitude=-8.3,
        longitude=115.1,
    )
    await client.post(
        f"/v1/cooperatives/{c['id']}/modernisation-stages",
        json={"phase": "replikasi", "cohort_year": 2022, "started_on": "2022-02-01"},
        headers=ministry_headers,
    )
    await client.patch(
        f"/v1/cooperatives/{b['id']}", json={"status": "inactive"}, headers=ministry_headers
    )

    async def ids(query: str) -> list[str]:
        resp = await client.get(f"/v1/cooperatives?{query}", headers=ministry_headers)
        assert resp.status_code == 200, resp.text
        return [item["id"] for item in resp.json()["items"]]

    assert await ids("region=32") == [a["id"], b["id"]]
    assert await ids("region=32.73") == [a["id"]]
    assert await ids("region=3216") == [b["id"]]
    assert await ids("type=produsen&type=pemasaran") == [a["id"], c["id"]]
    # One statement per shape serves every value of it (built once, values as parameters).
    assert await ids("type=produsen") == [a["id"]]
    assert await ids("type=pemasaran") == [c["id"]]
    assert await ids("status=active&status=inactive") == [a["id"], b["id"], c["id"]]
    assert await ids("region=51&type=pemasaran&level=primary") == [c["id"]]
    assert await ids("region=32&type=pemasaran&level=primary") == []
    assert await ids("status=inactive") == [b["id"]]
    assert await ids("phase=replikasi") == [c["id"]]
    assert await ids("cohort=2022") == [c["id"]]
    assert await ids("commodity=180100") == [c["id"]]
    assert await ids("q=sejahtera") == [b["id"]]
    assert await ids("q=koperasi&sort=name") == [c["id"], b["id"], a["id"]]
    assert await ids("q=bandung&sort=name") == [a["id"]]
    assert await ids("sort=-name") == [a["id"], b["id"], c["id"]]
    assert await ids("sort=founded_on") == [b["id"], a["id"], c["id"]]
    assert await ids("sort=-created") == [c["id"], b["id"], a["id"]]

    seen = []
    cursor = None
    for _ in range(3):
        query = "sort=name&limit=1" + (f"&cursor={cursor}" if cursor else "")
        page = (await client.get(f"/v1/cooperatives?{query}", headers=ministry_headers)).json()
        seen += [item["name"] for item in page["items"]]
        cursor = page["next_cursor"]
    assert seen == [
        "Koperasi Kakao Bali",
        "Koperasi Simpan Pinjam Sejahtera Bekasi",
        "Koperasi Susu Bandung",
    ]
    assert cursor is None

    bad = await client.get("/v1/cooperatives?region=99", headers=ministry_headers)
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "query.region"
    bad = await client.get("/v1/cooperatives?limit=500", headers=ministry_headers)
    assert bad.status_code == 422
    first = (
        await client.get("/v1/cooperatives?sort=name&limit=1", headers=ministry_headers)
    ).json()
    wrong_sort = await client.get(
        f"/v1/cooperatives?sort=founded_on&cursor={first['next_cursor']}", headers=ministry_headers
    )
    assert wrong_sort.status_code == 422


async def test_partial_update_by_writer_and_by_the_cooperative_itself(
    client, ministry_headers, headers_for
):
    coop = await create_cooperative(client, ministry_headers)
    url = f"/v1/cooperatives/{coop['id']}"
    resp = await client.patch(
        url,
        json={"name": "Koperasi Kopi Gayo Baru", "scale_band": "menengah"},
        headers=ministry_headers,
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["name"] == "Koperasi Kopi Gayo Baru" and body["scale_band"] == "menengah"
    assert body["nib"] == coop["nib"]  # untouched

    itself = await headers_for(Role.cooperative, org=uuid.UUID(coop["id"]))
    resp = await client.patch(
        url,
        json={"address": "Jl. Baru 1", "member_count": 500, "commodities": ["090111", "090112"]},
        headers=itself,
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["member_count"] == 500 and resp.json()["address"] == "Jl. Baru 1"

    resp = await client.patch(
        url, json={"nib": "1234567890123", "name": "Lain", "address": "x"}, headers=itself
    )
    assert resp.status_code == 403
    assert {e["field"] for e in resp.json()["errors"]} == {"body.nib", "body.name"}
    assert (await client.get(url, headers=itself)).json()["name"] == "Koperasi Kopi Gayo Baru"

    other = await create_cooperative(client, ministry_headers)
    resp = await client.patch(
        f"/v1/cooperatives/{other['id']}", json={"address": "x"}, headers=itself
    )
    assert resp.status_code == 404

    offtaker = await headers_for(Role.offtaker, org=uuid.uuid4())
    assert (await client.patch(url, json={"address": "x"}, headers=offtaker)).status_code == 403

    resp = await client.patch(url, json={"name": None}, headers=ministry_headers)
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["field"] == "body.name"


async def test_status_changes_follow_the_rules(client, ministry_headers):
    coop = await create_cooperative(client, ministry_headers)
    url = f"/v1/cooperatives/{coop['id']}"
    resp = await client.patch(url, json={"status": "merged"}, headers=ministry_headers)
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["field"] == "body.status"
    resp = await client.patch(url, json={"status": "dissolved"}, headers=ministry_headers)
    assert resp.json()["status"] == "dissolved"
    resp = await client.patch(url, json={"status": "active"}, headers=ministry_headers)
    assert resp.status_code == 409
    problem = resp.json()
    assert problem["type"].endswith("/invalid-transition")
    assert problem["current_state"] == "dissolved" and problem["allowed"] == []


async def test_member_groups_of_a_multi_stakeholder_cooperative(
    client, ministry_headers, headers_for
):
    groups = [
        {"kind": "founder", "name": "Pendiri muda", "member_count": 9, "voting_share": "40"},
        {"kind": "user_producer", "name": "Petani", "member_count": 300, "voting_share": "45.5"},
        {"kind": "investor", "name": "Investor", "member_count": 3, "voting_share": "14.5"},
    ]
    coop = await create_cooperative(client, ministry_headers, member_groups=groups)
    assert coop["multi_stakeholder"] is True
    assert [(g["kind"], g["voting_share"]) for g in coop["member_groups"]] == [
        ("founder", "40.00"),
        ("user_producer", "45.50"),
        ("investor", "14.50"),
    ]
    url = f"/v1/cooperatives/{coop['id']}/member-groups"
    resp = await client.put(
        url,
        json={
            "groups": [
                {"kind": "founder", "name": "Pendiri", "member_count": 9, "voting_share": "50"},
                {"kind": "worker", "name": "Pekerja", "member_count": 12, "voting_share": "50"},
            ]
        },
        headers=ministry_headers,
    )
    assert resp.status_code == 200, resp.text
    assert [g["name"] for g in resp.json()] == ["Pendiri", "Pekerja"]

    bad = await client.put(
        url,
        json={
            "groups": [
                {"kind": "founder", "name": "Pendiri", "member_count": 9, "voting_share": "50"},
                {"kind": "worker", "name": "Pekerja", "member_count": 12, "voting_share": "49.99"},
            ]
        },
        headers=ministry_headers,
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0] == {
        "field": "body.groups",
        "message": "voting shares must add up to 100, not 99.99",
        "code": "voting_shares_sum",
    }
    listed = (await client.get(url, headers=ministry_headers)).json()["items"]
    assert [g["name"] for g in listed] == ["Pendiri", "Pekerja"]  # nothing written

    itself = await headers_for(Role.cooperative, org=uuid.UUID(coop["id"]))
    assert (await client.get(url, headers=itself)).status_code == 200
    resp = await client.put(url, json={"groups": []}, headers=itself)
    assert resp.status_code in (403, 422)
    offtaker = await headers_for(Role.offtaker, org=uuid.uuid4())
    assert (await client.get(url, headers=offtaker)).status_code == 403


async def test_a_secondary_cooperative_lists_at_least_three_members(client, ministry_headers):
    members = [(await create_cooperative(client, ministry_headers))["id"] for _ in range(3)]
    resp = await client.post(
        "/v1/cooperatives",
        json=cooperative_body(level="secondary", member_cooperative_ids=members[:2]),
        headers=ministry_headers,
    )
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["code"] == "too_few_members"
    secondary = await create_cooperative(
        client, ministry_headers, level="secondary", member_cooperative_ids=members
    )
    assert sorted(secondary["member_cooperative_ids"]) == sorted(members)
    resp = await client.post(
        "/v1/cooperatives",
        json=cooperative_body(member_cooperative_ids=members),
        headers=ministry_headers,
    )
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["code"] == "primary_has_members"


async def test_the_cooperative_keeps_its_member_groups(client, ministry_headers, headers_for):
    coop = await create_cooperative(client, ministry_headers)
    url = f"/v1/cooperatives/{coop['id']}/member-groups"
    groups = [
        {"kind": "founder", "name": "Pendiri", "member_count": 9, "voting_share": "30"},
        {"kind": "user_producer", "name": "Petani kopi", "member_count": 140, "voting_share": "70"},
    ]
    itself = await headers_for(Role.cooperative, org=uuid.UUID(coop["id"]))
    resp = await client.put(url, json={"groups": groups}, headers=itself)
    assert resp.status_code == 200, resp.text
    assert [(g["name"], g["voting_share"]) for g in resp.json()] == [
        ("Pendiri", "30.00"),
        ("Petani kopi", "70.00"),
    ]
    groups[1]["voting_share"] = "69"
    bad = await client.put(url, json={"groups": groups}, headers=itself)
    assert bad.status_code == 422
    groups[1]["voting_share"] = "70"
    other = await headers_for(Role.cooperative, org=uuid.uuid4())
    assert (await client.put(url, json={"groups": groups}, headers=other)).status_code == 404
    offtaker = await headers_for(Role.offtaker, org=uuid.uuid4())
    assert (await client.put(url, json={"groups": groups}, headers=offtaker)).status_code == 403


async def test_derived_facts_come_from_rat_and_health_history(client, ministry_headers):
    coop = await create_cooperative(
        client, ministry_headers, founded_on="2018-02-01", legal_decree_date="2018-06-01"
    )
    url = f"/v1/cooperatives/{coop['id']}"
    assert coop["derived"]["active"] is False
    assert coop["derived"]["rat"]["warning"] is True

    recent = THIS_YEAR - 1
    for year in (recent - 1, recent - 2):
        resp = await client.post(
            f"{url}/rats",
            json={
                "year": year,
                "held_on": f"{year + 1}-03-15",
                "attendance": 120,
                "net_surplus": "15000000.00",
            },
            headers=ministry_headers,
        )
        assert resp.status_code == 201, resp.text
    await client.post(
        f"{url}/health-assessments",
        json={"year": recent - 1, "score": "72.5", "assessed_on": f"{recent}-05-01"},
        headers=ministry_headers,
    )
    derived = (await client.get(url, headers=ministry_headers)).json()["derived"]
    assert derived["active"] is True
    assert derived["rat"]["years_held"] == [recent - 1, recent - 2]
    assert derived["latest_health"] == {
        "year": recent - 1,
        "category": "cukup_sehat",
        "score": "72.50",
    }
    assert 2018 in derived["rat"]["missed_years"]
    assert recent - 1 not in derived["rat"]["missed_years"]

    moved = await client.patch(
        url,
        json={"founded_on": f"{recent - 1}-06-01", "legal_decree_date": f"{recent - 1}-07-01"},
        headers=ministry_headers,
    )
    assert moved.status_code == 422
    assert moved.json()["errors"][0]["code"] == "history_before_founding", moved.json()

    active = (await client.get("/v1/cooperatives?active=true", headers=ministry_headers)).json()
    assert [c["id"] for c in active["items"]] == [coop["id"]]


async def test_eligibility_snapshot_in_one_call(client, ministry_headers, headers_for):
    coop = await create_cooperative(client, ministry_headers, founded_on="2015-01-20")
    url = f"/v1/cooperatives/{coop['id']}"
    year = THIS_YEAR - 1
    await client.post(
        f"{url}/rats",
        json={
            "year": year - 1,
            "held_on": f"{year}-04-10",
            "attendance": 300,
            "net_surplus": "80000000.00",
            "financials": {
                "assets": "2500000000.00",
                "liabilities": "1000000000.00",
                "equity": "1500000000.00",
                "revenue": "900000000.00",
            },
        },
        headers=ministry_headers,
    )
    await client.post(
        f"{url}/health-assessments",
        json={"year": year - 1, "score": "85", "assessed_on": f"{year}-05-01"},
        headers=ministry_headers,
    )
    service = await headers_for(Role.service)
    resp = await client.get(f"{url}/eligibility-snapshot", headers=service)
    assert resp.status_code == 200, resp.text
    snap = resp.json()
    assert snap["cooperative_id"] == coop["id"]
    assert snap["has_legal_entity"] is True and snap["nik_koperasi"] == coop["nik_koperasi"]
    assert snap["status"] == "active" and snap["active"] is True
    assert snap["rat_years"] == [year - 1]
    assert snap["latest_health"] == "sehat" and snap["latest_health_year"] == year - 1
    assert snap["latest_financials"] == {
        "year": year - 1,
        "assets": "2500000000.00",
        "liabilities": "1000000000.00",
        "equity": "1500000000.00",
        "revenue": "900000000.00",
        "net_surplus": "80000000.00",
    }
    assert snap["province_code"] == "11" and snap["as_of"] == date.today().isoformat()

    # At an earlier business date the later RAT and assessment are not yet known.
    earlier = (
        await client.get(f"{url}/eligibility-snapshot?as_of={year}-01-01", headers=service)
    ).json()
    assert earlier["rat_years"] == [] and earlier["latest_health"] is None
    assert earlier["latest_financials"] is None and earlier["as_of"] == f"{year}-01-01"
    future = await client.get(
        f"{url}/eligibility-snapshot?as_of={THIS_YEAR + 1}-01-01", headers=service
    )
    assert future.status_code == 422 and future.json()["errors"][0]["field"] == "query.as_of"

    # The shared contract parses it (what financing's client does).
    from kopmod_shared.schemas.registry import EligibilitySnapshot

    assert EligibilitySnapshot.model_validate(snap).active is True

    offtaker = await headers_for(Role.offtaker, org=uuid.uuid4())
    assert (await client.get(f"{url}/eligibility-snapshot", headers=offtaker)).status_code == 403
    stranger = await headers_for(Role.cooperative, org=uuid.uuid4())
    assert (await client.get(f"{url}/eligibility-snapshot", headers=stranger)).status_code == 404
    missing = await client.get(
        f"/v1/cooperatives/{uuid.uuid4()}/eligibility-snapshot", headers=service
    )
    assert missing.status_code == 404


async def test_idempotent_registration_replays_and_refuses_a_changed_body(
    app, client, ministry_headers
):
    headers = {**ministry_headers, "Idempotency-Key": "register-gayo-1"}
    body = cooperative_body(name="Koperasi Idempoten")
    first = await client.post("/v1/cooperatives", json=body, headers=headers)
    assert first.status_code == 201
    replay = await client.post("/v1/cooperatives", json=body, headers=headers)
    assert replay.status_code == 201
    assert replay.json() == first.json()
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.headers["location"] == first.headers["location"]
    assert await _count(app, "cooperatives") == 1

    changed = await client.post("/v1/cooperatives", json={**body, "name": "Lain"}, headers=headers)
    assert changed.status_code == 422
    assert changed.json()["type"].endswith("/idempotency-key-reused")
    assert await _count(app, "cooperatives") == 1
