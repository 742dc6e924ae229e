"""RAT through the HTTP API."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from kopmod_shared.auth import Role

from ..conftest import create_cooperative, outbox_rows


def rat(year: int, **kw) -> dict:
    body = {
        "year": year,
        "held_on": f"{year + 1}-03-20",
        "attendance": 210,
        "members_total": 400,
        "net_surplus": "45000000.50",
    }
    body.update(kw)
    return body


async def test_record_and_list_rats(client, ministry_headers):
    coop = await create_cooperative(client, ministry_headers, founded_on="2015-01-20")
    url = f"/v1/cooperatives/{coop['id']}/rats"
    resp = await client.post(
        url,
        json=rat(
            2022,
            financials={
                "assets": "1000.00",
                "liabilities": "400.00",
                "equity": "600.00",
                "revenue": "800.00",
            },
        ),
        headers=ministry_headers,
    )
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["year"] == 2022 and body["held_on"] == "2023-03-20"
    assert body["net_surplus"] == "45000000.50"
    assert body["financials"] == {
        "assets": "1000.00",
        "liabilities": "400.00",
        "equity": "600.00",
        "revenue": "800.00",
    }
    assert (
        await client.post(url, json=rat(2023, net_surplus="-5000.00"), headers=ministry_headers)
    ).status_code == 201
    listed = (await client.get(url, headers=ministry_headers)).json()["items"]
    assert [(r["year"], r["net_surplus"]) for r in listed] == [
        (2023, "-5000.00"),
        (2022, "45000000.50"),
    ]
    assert listed[0]["financials"] is None


async def test_a_second_rat_for_the_same_year_is_a_conflict(app, client, ministry_headers):
    coop = await create_cooperative(client, ministry_headers)
    url = f"/v1/cooperatives/{coop['id']}/rats"
    assert (await client.post(url, json=rat(2022), headers=ministry_headers)).status_code == 201
    again = await client.post(url, json=rat(2022, held_on="2023-05-01"), headers=ministry_headers)
    assert again.status_code == 409
    assert again.json()["errors"] == [
        {"field": "body.year", "message": "already recorded", "code": "duplicate"}
    ]
    async with app.state.engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM annual_meetings"))).scalar() == 1


async def test_bad_rats_are_422_naming_the_field(app, client, ministry_headers):
    coop = await create_cooperative(client, ministry_headers, founded_on="2015-01-20")
    url = f"/v1/cooperatives/{coop['id']}/rats"
    cases = [
        (rat(2014, held_on="2014-12-01"), "body.held_on", "rat_before_founding"),
        (rat(2013), "body.year", "rat_before_founding"),
        (rat(2020, held_on="2020-11-01"), "body.held_on", "rat_before_year_end"),
        (rat(2020, attendance=500), "body.attendance", "attendance_above_members"),
        (rat(2020, net_surplus=1.5), "body.net_surplus", "value_error"),
        (
            rat(
                2020,
                financials={
                    "assets": "1000.00",
                    "liabilities": "400.00",
                    "equity": "500.00",
                    "revenue": "1.00",
                },
            ),
            "body.financials.assets",
            "balance_sheet",
        ),
    ]
    for body, field, code in cases:
        resp = await client.post(url, json=body, headers=ministry_headers)
        assert resp.status_code == 422, (body, resp.text)
        assert {"field": field, "code": code} in [
            {"field": e["field"], "code": e["code"]} for e in resp.json()["errors"]
        ], resp.json()
    async with app.state.engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM annual_meetings"))).scalar() == 0


async def test_who_records_and_reads_rats(client, ministry_headers, headers_for):
    coop = await create_cooperative(client, ministry_headers)
    url = f"/v1/cooperatives/{coop['id']}/rats"
    itself = await headers_for(Role.cooperative, org=uuid.UUID(coop["id"]))
    stranger = await headers_for(Role.cooperative, org=uuid.uuid4())
    offtaker = await headers_for(Role.offtaker, org=uuid.uuid4())
    reader = await headers_for(Role.partner, scopes=["registry:read"])
    writer = await headers_for(Role.partner, scopes=["registry:write"])

    # The cooperative reports its own RAT (docs/registry.md); a reader partner may not.
    assert (await client.post(url, json=rat(2021), headers=itself)).status_code == 201
    assert (await client.post(url, json=rat(2022), headers=reader)).status_code == 403
    assert (await client.post(url, json=rat(2022), headers=stranger)).status_code == 404
    assert (await client.post(url, json=rat(2022), headers=writer)).status_code == 201

    listed = (await client.get(url, headers=itself)).json()["items"]
    assert [r["year"] for r in listed] == [2022, 2021]
    assert (await client.get(url, headers=reader)).status_code == 200
    assert (await client.get(url, headers=offtaker)).status_code == 403
    missing = await client.get(url, headers=stranger)
    assert missing.status_code == 404 and "2022" not in missing.text
    unknown = await client.get(f"/v1/cooperatives/{uuid.uuid4()}/rats", headers=ministry_headers)
    assert unknown.status_code == 404


async def test_concurrent_rats_for_one_year_record_one(app, client, ministry_headers):
    import asyncio

    coop = await create_cooperative(client, ministry_headers)
    url = f"/v1/cooperatives/{coop['id']}/rats"
    responses = await asyncio.gather(
        *(
            client.post(url, json=rat(2022, attendance=100 + i), headers=ministry_headers)
            for i in range(3)
        )
    )
    assert sorted(r.status_code for r in responses) == [201, 409, 409]
    async with app.state.engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM annual_meetings"))).scalar() == 1


RAT_RECORDED = "registry.cooperative.rat_recorded"


async def test_a_recorded_rat_publishes_one_event_without_figures(app, client, ministry_headers):
    coop = await create_cooperative(client, ministry_headers, founded_on="2015-01-20")
    url = f"/v1/cooperatives/{coop['id']}/rats"
    statements = {"assets": "1000.00", "liabilities": "400.00", "equity": "600.00"}
    with_statements = await client.post(
        url,
        json=rat(2022, financials={**statements, "revenue": "800.00"}),
        headers=ministry_headers,
    )
    assert with_statements.status_code == 201, with_statements.text
    [row] = await outbox_rows(app, RAT_RECORDED)
    assert row.subject == coop["id"]
    envelope = row.payload
    assert envelope["type"] == RAT_RECORDED and envelope["source"] == "registry"
    assert envelope["parties"] == [coop["id"]]
    assert envelope["data"] == {
        "cooperative_id": coop["id"],
        "rat_id": with_statements.json()["id"],
        "year": 2022,
        "held_on": "2023-03-20",
        "statements_attached": True,
    }

    without = await client.post(url, json=rat(2023), headers=ministry_headers)
    assert without.status_code == 201, without.text
    rows = await outbox_rows(app, RAT_RECORDED)
    assert len(rows) == 2
    assert rows[1].payload["data"]["statements_attached"] is False
    assert rows[1].payload["data"]["rat_id"] == without.json()["id"]


async def test_a_refused_rat_publishes_nothing(app, client, ministry_headers):
    coop = await create_cooperative(client, ministry_headers, founded_on="2015-01-20")
    url = f"/v1/cooperatives/{coop['id']}/rats"
    headers = {**ministry_headers, "Idempotency-Key": "rat-2022-once"}
    assert (await client.post(url, json=rat(2022), headers=headers)).status_code == 201
    # A replay of the same command answers from the idempotency record: no second event.
    replay = await client.post(url, json=rat(2022), headers=headers)
    assert replay.status_code == 201
    assert len(await outbox_rows(app, RAT_RECORDED)) == 1

    second = await client.post(url, json=rat(2022, attendance=5), headers=ministry_headers)
    assert second.status_code == 409, second.text
    unbalanced = await client.post(
        url,
        json=rat(
            2021,
            financials={"assets": "1", "liabilities": "1", "equity": "1", "revenue": "0"},
        ),
        headers=ministry_headers,
    )
    assert unbalanced.status_code == 422, unbalanced.text
    before_year_end = await client.post(
        url, json=rat(2020, held_on="2020-12-01"), headers=ministry_headers
    )
    assert before_year_end.status_code == 422, before_year_end.text
    assert [r.payload["data"]["year"] for r in await outbox_rows(app, RAT_RECORDED)] == [2022]


async def test_the_cooperative_reports_its_own_rat(client, ministry_headers, headers_for):
    coop = await create_cooperative(client, ministry_headers, founded_on="2015-01-20")
    url = f"/v1/cooperatives/{coop['id']}/rats"
    itself = await headers_for(Role.cooperative, org=uuid.UUID(coop["id"]))
    resp = await client.post(url, json=rat(2022), headers=itself)
    assert resp.status_code == 201, resp.text
    assert resp.json()["recorded_by"].startswith("cooperative-")
    again = await client.post(url, json=rat(2022), headers=itself)
    assert again.status_code == 409
    other = await headers_for(Role.cooperative, org=uuid.uuid4())
    refused = await client.post(url, json=rat(2023), headers=other)
    assert refused.status_code == 404
    officer = await headers_for(Role.fund_officer)
    assert (await client.post(url, json=rat(2023), headers=officer)).status_code == 403
    years = [r["year"] for r in (await client.get(url, headers=itself)).json()["items"]]
    assert years == [2022]
