"""Modernisation cohort and phases (with history) and mentoring, through the HTTP API."""

from __future__ import annotations

import uuid

from kopmod_shared.auth import Role

from ..conftest import create_cooperative, outbox_rows


async def test_phases_move_forward_with_history(client, ministry_headers):
    coop = await create_cooperative(client, ministry_headers)
    url = f"/v1/cooperatives/{coop['id']}/modernisation-stages"
    first = await client.post(
        url, json={"phase": "permodelan", "started_on": "2021-02-01"}, headers=ministry_headers
    )
    assert first.status_code == 422
    assert first.json()["errors"][0]["field"] == "body.cohort_year"

    steps = [
        ("permodelan", 2021, "2021-02-01"),
        ("replikasi", None, "2022-01-10"),
        ("pemantapan", 2021, "2024-01-15"),
    ]
    for phase, cohort, started in steps:
        body = {"phase": phase, "started_on": started}
        if cohort:
            body["cohort_year"] = cohort
        resp = await client.post(url, json=body, headers=ministry_headers)
        assert resp.status_code == 201, resp.text
        assert resp.json()["cohort_year"] == 2021 and resp.json()["phase"] == phase

    back = await client.post(
        url, json={"phase": "masifikasi", "started_on": "2024-06-01"}, headers=ministry_headers
    )
    assert back.status_code == 409
    assert back.json()["current_state"] == "pemantapan" and back.json()["allowed"] == []
    other_cohort = await client.post(
        url,
        json={"phase": "pemantapan", "cohort_year": 2023, "started_on": "2024-06-01"},
        headers=ministry_headers,
    )
    assert other_cohort.status_code == 422
    assert other_cohort.json()["errors"][0]["code"] == "cohort_fixed"

    history = (await client.get(url, headers=ministry_headers)).json()["items"]
    assert [(s["phase"], s["started_on"]) for s in history] == [
        ("permodelan", "2021-02-01"),
        ("replikasi", "2022-01-10"),
        ("pemantapan", "2024-01-15"),
    ]
    current = (await client.get(f"/v1/cooperatives/{coop['id']}", headers=ministry_headers)).json()
    assert (current["cohort_year"], current["phase"]) == (2021, "pemantapan")


async def test_stage_dates_and_roles(client, ministry_headers, headers_for):
    coop = await create_cooperative(client, ministry_headers)
    url = f"/v1/cooperatives/{coop['id']}/modernisation-stages"
    await client.post(
        url,
        json={"phase": "permodelan", "cohort_year": 2021, "started_on": "2021-05-01"},
        headers=ministry_headers,
    )
    early = await client.post(
        url, json={"phase": "replikasi", "started_on": "2021-01-01"}, headers=ministry_headers
    )
    assert early.status_code == 422 and early.json()["errors"][0]["field"] == "body.started_on"
    itself = await headers_for(Role.cooperative, org=uuid.UUID(coop["id"]))
    stranger = await headers_for(Role.cooperative, org=uuid.uuid4())
    body = {"phase": "replikasi", "started_on": "2022-01-01"}
    assert (await client.post(url, json=body, headers=itself)).status_code == 403
    assert (await client.post(url, json=body, headers=stranger)).status_code == 404
    assert len((await client.get(url, headers=itself)).json()["items"]) == 1
    assert (await client.get(url, headers=stranger)).status_code == 404


async def test_mentoring_records(client, ministry_headers, headers_for):
    coop = await create_cooperative(client, ministry_headers)
    url = f"/v1/cooperatives/{coop['id']}/mentoring"
    resp = await client.post(
        url,
        json={
            "focus": ["capital_access", "governance"],
            "mentor": "Siti Rahmawati",
            "mentor_organisation": "PLUT-KUMKM Aceh",
            "started_on": "2022-03-01",
        },
        headers=ministry_headers,
    )
    assert resp.status_code == 201, resp.text
    record = resp.json()
    assert record["focus"] == ["capital_access", "governance"] and record["ended_on"] is None
    assert resp.headers["location"].endswith(record["id"])

    closed = await client.patch(
        f"{url}/{record['id']}",
        json={"ended_on": "2022-12-15", "outcome": "LPDB working-capital proposal submitted"},
        headers=ministry_headers,
    )
    assert closed.status_code == 200
    assert closed.json()["outcome"] == "LPDB working-capital proposal submitted"
    bad = await client.patch(
        f"{url}/{record['id']}", json={"ended_on": "2022-01-01"}, headers=ministry_headers
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "body.ended_on"
    for body, field in [
        ({"focus": [], "mentor": "x", "started_on": "2022-01-01"}, "body.focus"),
        ({"focus": ["marketing"], "mentor": "x", "started_on": "2022-01-01"}, "body.focus.0"),
        ({"focus": ["technology"], "mentor": "x", "started_on": "2010-01-01"}, "body.started_on"),
    ]:
        resp = await client.post(url, json=body, headers=ministry_headers)
        assert resp.status_code == 422, resp.text
        assert resp.json()["errors"][0]["field"] == field

    itself = await headers_for(Role.cooperative, org=uuid.UUID(coop["id"]))
    listed = (await client.get(url, headers=itself)).json()["items"]
    assert [r["ended_on"] for r in listed] == ["2022-12-15"]
    assert (
        await client.post(
            url,
            json={"focus": ["technology"], "mentor": "x", "started_on": "2022-01-01"},
            headers=itself,
        )
    ).status_code == 403
    other = await create_cooperative(client, ministry_headers)
    wrong_parent = await client.patch(
        f"/v1/cooperatives/{other['id']}/mentoring/{record['id']}",
        json={"outcome": "x"},
        headers=ministry_headers,
    )
    assert wrong_parent.status_code == 404


PHASE_CHANGED = "registry.cooperative.phase_changed"


async def test_each_phase_change_publishes_one_event(app, client, ministry_headers):
    coop = await create_cooperative(client, ministry_headers)
    url = f"/v1/cooperatives/{coop['id']}/modernisation-stages"
    first = await client.post(
        url,
        json={"phase": "permodelan", "cohort_year": 2021, "started_on": "2021-02-01"},
        headers=ministry_headers,
    )
    assert first.status_code == 201, first.text
    second = await client.post(
        url, json={"phase": "masifikasi", "started_on": "2022-01-10"}, headers=ministry_headers
    )
    assert second.status_code == 201, second.text
    rows = await outbox_rows(app, PHASE_CHANGED)
    assert [r.subject for r in rows] == [coop["id"], coop["id"]]
    assert [r.payload["parties"] for r in rows] == [[coop["id"]], [coop["id"]]]
    assert [r.payload["data"] for r in rows] == [
        {
            "cooperative_id": coop["id"],
            "stage_id": first.json()["id"],
            "cohort_year": 2021,
            "from_phase": None,
            "phase": "permodelan",
            "started_on": "2021-02-01",
        },
        {
            "cooperative_id": coop["id"],
            "stage_id": second.json()["id"],
            "cohort_year": 2021,
            "from_phase": "permodelan",
            "phase": "masifikasi",
            "started_on": "2022-01-10",
        },
    ]


async def test_a_refused_phase_change_publishes_nothing(app, client, ministry_headers):
    coop = await create_cooperative(client, ministry_headers)
    url = f"/v1/cooperatives/{coop['id']}/modernisation-stages"
    no_cohort = await client.post(
        url, json={"phase": "permodelan", "started_on": "2021-02-01"}, headers=ministry_headers
    )
    assert no_cohort.status_code == 422
    body = {"phase": "replikasi", "cohort_year": 2021, "started_on": "2021-02-01"}
    assert (await client.post(url, json=body, headers=ministry_headers)).status_code == 201
    back = await client.post(
        url, json={"phase": "permodelan", "started_on": "2022-02-01"}, headers=ministry_headers
    )
    assert back.status_code == 409
    assert [r.payload["data"]["phase"] for r in await outbox_rows(app, PHASE_CHANGED)] == [
        "replikasi"
    ]
