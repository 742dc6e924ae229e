"""Health assessments through the HTTP API."""

from __future__ import annotations

import uuid

from kopmod_shared.auth import Role

from ..conftest import create_cooperative, outbox_rows


async def test_record_assessments_category_from_the_score_bands(client, ministry_headers):
    coop = await create_cooperative(client, ministry_headers, founded_on="2015-01-20")
    url = f"/v1/cooperatives/{coop['id']}/health-assessments"
    expected = {
        "80": "sehat",
        "79.99": "cukup_sehat",
        "66": "cukup_sehat",
        "65.5": "dalam_pengawasan",
        "51": "dalam_pengawasan",
        "50.99": "dalam_pengawasan_khusus",
    }
    for year, (score, category) in enumerate(expected.items(), start=2016):
        resp = await client.post(
            url,
            json={
                "year": year,
                "score": score,
                "assessed_on": f"{year + 1}-04-01",
                "assessor": "Dinas Koperasi Aceh Tengah",
            },
            headers=ministry_headers,
        )
        assert resp.status_code == 201, resp.text
        assert resp.json()["category"] == category, score
    given = await client.post(
        url,
        json={"year": 2023, "score": "70", "category": "sehat", "assessed_on": "2024-02-01"},
        headers=ministry_headers,
    )
    assert given.json()["category"] == "sehat"
    listed = (await client.get(url, headers=ministry_headers)).json()["items"]
    assert [a["year"] for a in listed] == [2023, 2021, 2020, 2019, 2018, 2017, 2016]
    latest = (await client.get(f"/v1/cooperatives/{coop['id']}", headers=ministry_headers)).json()
    assert latest["derived"]["latest_health"] == {
        "year": 2023,
        "category": "sehat",
        "score": "70.00",
    }


async def test_duplicate_year_and_bad_input(client, ministry_headers):
    coop = await create_cooperative(client, ministry_headers, founded_on="2015-01-20")
    url = f"/v1/cooperatives/{coop['id']}/health-assessments"
    ok = {"year": 2020, "score": "75", "assessed_on": "2021-03-01"}
    assert (await client.post(url, json=ok, headers=ministry_headers)).status_code == 201
    dup = await client.post(url, json=ok, headers=ministry_headers)
    assert dup.status_code == 409 and dup.json()["errors"][0]["field"] == "body.year"
    for body, field in [
        ({**ok, "year": 2014}, "body.year"),
        ({**ok, "year": 2021, "score": "101"}, "body.score"),
        ({**ok, "year": 2021, "category": "baik"}, "body.category"),
        ({**ok, "year": 2021, "assessed_on": "2014-01-01"}, "body.assessed_on"),
    ]:
        resp = await client.post(url, json=body, headers=ministry_headers)
        assert resp.status_code == 422, resp.text
        assert resp.json()["errors"][0]["field"] == field
    assert len((await client.get(url, headers=ministry_headers)).json()["items"]) == 1


async def test_who_records_and_reads_assessments(client, ministry_headers, headers_for):
    coop = await create_cooperative(client, ministry_headers)
    url = f"/v1/cooperatives/{coop['id']}/health-assessments"
    body = {"year": 2020, "score": "75", "assessed_on": "2021-03-01"}
    itself = await headers_for(Role.cooperative, org=uuid.UUID(coop["id"]))
    stranger = await headers_for(Role.cooperative, org=uuid.uuid4())
    assert (await client.post(url, json=body, headers=itself)).status_code == 403
    assert (await client.post(url, json=body, headers=stranger)).status_code == 404
    assert (await client.post(url, json=body, headers=ministry_headers)).status_code == 201
    assert (await client.get(url, headers=itself)).json()["items"][0]["score"] == "75.00"
    assert (await client.get(url, headers=stranger)).status_code == 404
    fund_officer = await headers_for(Role.fund_officer)
    assert (await client.get(url, headers=fund_officer)).status_code == 403


HEALTH_ASSESSED = "registry.cooperative.health_assessed"


async def test_a_recorded_assessment_publishes_one_event_without_score(
    app, client, ministry_headers
):
    coop = await create_cooperative(client, ministry_headers, founded_on="2015-01-20")
    url = f"/v1/cooperatives/{coop['id']}/health-assessments"
    resp = await client.post(
        url,
        json={"year": 2023, "score": "48.5", "assessed_on": "2024-04-02"},
        headers=ministry_headers,
    )
    assert resp.status_code == 201, resp.text
    assert resp.json()["category"] == "dalam_pengawasan_khusus"
    [row] = await outbox_rows(app, HEALTH_ASSESSED)
    assert row.subject == coop["id"]
    assert row.payload["type"] == HEALTH_ASSESSED and row.payload["source"] == "registry"
    assert row.payload["parties"] == [coop["id"]]
    # Score and category are for full readers only; any non-organisation subscriber gets this.
    assert row.payload["data"] == {
        "cooperative_id": coop["id"],
        "assessment_id": resp.json()["id"],
        "year": 2023,
        "assessed_on": "2024-04-02",
    }


async def test_a_refused_assessment_publishes_nothing(app, client, ministry_headers):
    coop = await create_cooperative(client, ministry_headers, founded_on="2015-01-20")
    url = f"/v1/cooperatives/{coop['id']}/health-assessments"
    ok = {"year": 2023, "score": "82", "assessed_on": "2024-04-02"}
    assert (await client.post(url, json=ok, headers=ministry_headers)).status_code == 201
    cases = [
        ({**ok, "score": "70"}, 409),  # a second one for 2023
        ({**ok, "year": 2022, "score": "100.5"}, 422),
        ({**ok, "year": 2022, "score": "-1"}, 422),
        ({**ok, "year": 2010}, 422),  # before the founding
    ]
    for body, status in cases:
        resp = await client.post(url, json=body, headers=ministry_headers)
        assert resp.status_code == status, (body, resp.text)
    assert [r.payload["data"]["year"] for r in await outbox_rows(app, HEALTH_ASSESSED)] == [2023]
