"""The programme view through HTTP: counted from bulk reads (never one call per cooperative),
paged internally, partial when a service is down."""

from __future__ import annotations

import uuid

from kopmod_shared.auth import Role
from registry.scorecard import programme

from ..conftest import create_cooperative
from .support import modern_registry_record, set_phase
from .test_scorecard import _modern_upstreams

URL = "/v1/programme/modernisation"


async def _programme(client, headers) -> list[str]:  # type: ignore[no-untyped-def]
    """A modern cooperative in Aceh (pemantapan), two beginners (Jawa Barat replikasi, Aceh
    permodelan), one outside the programme, and one merged away."""
    modern = await modern_registry_record(client, headers)
    west_java = await create_cooperative(
        client, headers, region_code="32.73.01.1001", latitude=-6.91, longitude=107.61
    )
    await set_phase(client, headers, west_java["id"], "replikasi", 2022)
    aceh = await create_cooperative(client, headers)
    await set_phase(client, headers, aceh["id"], "permodelan", 2021)
    await create_cooperative(client, headers)  # no phase: not in the programme
    return [modern, west_java["id"], aceh["id"]]


async def test_programme_counts(client, ministry_headers, financing, marketplace) -> None:
    modern, *_ = await _programme(client, ministry_headers)
    _modern_upstreams(financing, marketplace, modern)
    resp = await client.get(URL, headers=ministry_headers)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["cooperatives"] == 3
    assert body["by_phase"] == {"pemantapan": 1, "permodelan": 1, "replikasi": 1}
    assert body["by_province"] == {"11": 2, "32": 1}
    # The beginners: nothing but governance points (none: founded 2015, no RAT) -> early.
    assert body["by_readiness_band"] == {"early": 2, "ready": 1}
    assert body["aspects_met"] == {
        "access_to_capital": 1,
        "product_diversification": 1,
        "market_orientation": 1,
        "offtakers": 1,
        "governance": 1,
        "technology_adoption": 1,
    }
    assert body["meeting_all_four"] == 1
    assert body["target"] == 500 and body["target_reached_share"] == "0.0020"
    assert body["remaining_to_target"] == 499
    assert body["partial"] is False and body["unavailable"] == []
    assert body["by_phase_and_band"] == {
        "pemantapan": {"ready": 1},
        "permodelan": {"early": 1},
        "replikasi": {"early": 1},
    }
    assert body["provinces"] == [
        {
            "province_code": "11",
            "name": "Aceh",
            "cooperatives": 2,
            "by_readiness_band": {"early": 1, "ready": 1},
            "meeting_all_four": 1,
            "mentored": 0,
        },
        {
            "province_code": "32",
            "name": "Jawa Barat",
            "cooperatives": 1,
            "by_readiness_band": {"early": 1},
            "meeting_all_four": 0,
            "mentored": 0,
        },
    ]
    assert [(c["cohort_year"], c["cooperatives"], c["by_phase"]) for c in body["cohorts"]] == [
        (2021, 2, {"pemantapan": 1, "permodelan": 1}),
        (2022, 1, {"replikasi": 1}),
    ]
    assert body["mentoring"]["cooperatives_mentored"] == 0
    # One bulk call to each service for all three, never one per cooperative.
    assert financing.calls == ["/v1/financing-summaries"]
    assert marketplace.calls == ["/v1/market-summaries"]


async def test_programme_pages_through_the_registry(
    client, ministry_headers, financing, marketplace, monkeypatch
) -> None:
    modern, *_ = await _programme(client, ministry_headers)
    _modern_upstreams(financing, marketplace, modern)
    monkeypatch.setattr(programme, "CHUNK", 2)
    body = (await client.get(URL, headers=ministry_headers)).json()
    assert body["cooperatives"] == 3 and body["meeting_all_four"] == 1
    assert financing.calls == ["/v1/financing-summaries"] * 2
    assert marketplace.calls == ["/v1/market-summaries"] * 2


async def test_programme_with_financing_down_is_partial(
    client, ministry_headers, financing, marketplace, monkeypatch
) -> None:
    modern, *_ = await _programme(client, ministry_headers)
    _modern_upstreams(financing, marketplace, modern)
    monkeypatch.setattr(programme, "CHUNK", 2)
    financing.mode = "down"
    resp = await client.get(URL, headers=ministry_headers)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["partial"] is True
    assert [u["source"] for u in body["unavailable"]] == ["financing"]
    assert "503" in body["unavailable"][0]["reason"]
    assert body["cooperatives"] == 3 and body["by_province"] == {"11": 2, "32": 1}
    assert body["aspects_met"]["access_to_capital"] is None
    assert body["aspects_met"]["technology_adoption"] is None
    assert body["aspects_met"]["offtakers"] == 1
    assert body["meeting_all_four"] is None and body["target_reached_share"] is None
    # Readiness over the available aspects: (75 + 100 + 92 + 100) / 4 for the modern one.
    assert body["by_readiness_band"] == {"early": 2, "ready": 1}
    # Once down, financing is not asked again for the second page.
    assert financing.calls == ["/v1/financing-summaries"]
    assert marketplace.calls == ["/v1/market-summaries"] * 2


async def test_programme_with_a_slow_marketplace_is_partial(
    client, ministry_headers, financing, marketplace
) -> None:
    await _programme(client, ministry_headers)
    marketplace.mode = "slow"
    body = (await client.get(URL, headers=ministry_headers)).json()
    assert body["partial"] is True
    assert body["unavailable"][0]["source"] == "marketplace"
    assert "did not answer within" in body["unavailable"][0]["reason"]
    assert body["aspects_met"]["market_orientation"] is None
    assert body["aspects_met"]["access_to_capital"] == 0


async def test_who_reads_the_programme(client, ministry_headers, headers_for) -> None:
    for headers in (
        ministry_headers,
        await headers_for(Role.admin),
        await headers_for(Role.partner, scopes=["registry:read"]),
    ):
        resp = await client.get(URL, headers=headers)
        assert resp.status_code == 200 and resp.json()["cooperatives"] == 0
    for role, org in ((Role.cooperative, uuid.uuid4()), (Role.fund_officer, None)):
        resp = await client.get(URL, headers=await headers_for(role, org=org))
        assert resp.status_code == 403
        assert resp.headers["content-type"].startswith("application/problem+json")


async def _mentor(client, headers, cid: str, focus: list[str], ended: str | None = None) -> None:  # type: ignore[no-untyped-def]
    body = {"focus": focus, "mentor": "Ibu Sari", "started_on": "2025-01-10"}
    resp = await client.post(f"/v1/cooperatives/{cid}/mentoring", json=body, headers=headers)
    assert resp.status_code == 201, resp.text
    if ended:
        closed = await client.patch(
            f"/v1/cooperatives/{cid}/mentoring/{resp.json()['id']}",
            json={"ended_on": ended, "outcome": "selesai"},
            headers=headers,
        )
        assert closed.status_code == 200, closed.text


async def test_programme_mentoring_and_filters(
    client, ministry_headers, financing, marketplace
) -> None:
    modern, west_java, _ = await _programme(client, ministry_headers)
    _modern_upstreams(financing, marketplace, modern)
    await _mentor(
        client, ministry_headers, modern, ["market_access", "capital_access"], ended="2025-06-30"
    )
    await _mentor(client, ministry_headers, modern, ["technology"])
    await _mentor(client, ministry_headers, west_java, ["market_access"])
    body = (await client.get(URL, headers=ministry_headers)).json()
    assert body["mentoring"] == {
        "cooperatives_mentored": 2,
        "records": 3,
        "open_records": 2,
        "by_focus": {"capital_access": 1, "market_access": 2, "technology": 1},
        "mentored_by_readiness_band": {"early": 1, "ready": 1},
    }
    assert [c["mentored"] for c in body["cohorts"]] == [1, 1]

    aceh_only = (await client.get(URL, params={"province": "11"}, headers=ministry_headers)).json()
    assert aceh_only["province"] == "11" and aceh_only["cooperatives"] == 2
    assert [p["province_code"] for p in aceh_only["provinces"]] == ["11"]
    cohort = (await client.get(URL, params={"cohort_year": 2022}, headers=ministry_headers)).json()
    assert cohort["cohort_year"] == 2022 and cohort["cooperatives"] == 1
    assert cohort["by_phase"] == {"replikasi": 1} and cohort["meeting_all_four"] == 0
    both = await client.get(
        URL, params={"province": "32", "cohort_year": 2021}, headers=ministry_headers
    )
    assert both.json()["cooperatives"] == 0 and both.json()["provinces"] == []
    bad = await client.get(URL, params={"province": "Aceh"}, headers=ministry_headers)
    assert bad.status_code == 422
