"""The modernisation scorecard through HTTP: every aspect from live data, each source failing in
turn (503, unreachable, slow), and who may read it."""

from __future__ import annotations

import time
import uuid
from decimal import Decimal

import jwt

from kopmod_shared.auth import Role

from ..conftest import ISSUER, create_cooperative
from .conftest import DEADLINE
from .fakes import financing_summary, market_summary
from .support import modern_registry_record


def _modern_upstreams(financing, marketplace, cid: str) -> None:  # type: ignore[no-untyped-def]
    coop = uuid.UUID(cid)
    financing.summaries[coop] = financing_summary(
        coop,
        applications_total=2,
        applications_by_status={"signed": 1, "desk_review": 1},
        applications_in_review=1,
        applications_approved=1,
        loans_total=1,
        active_loans=1,
        outstanding_principal=Decimal("250000000.00"),
        disbursed_total=Decimal("300000000.00"),
        installments_due=10,
        installments_paid_on_time=9,
        on_time_share="0.9",
        current_collectibility=1,
        worst_collectibility=2,
        applications_recent=2,
    )
    marketplace.summaries[coop] = market_summary(
        coop,
        contracts_total=4,
        contracts_by_status={"active": 2, "completed": 1, "cancelled": 1},
        signed_contracts=3,
        domestic_contracts=2,
        export_contracts=1,
        active_contracts=2,
        distinct_offtakers=3,
        active_offtakers=2,
        contracted_value=Decimal("1500000000.00"),
        active_contracted_value=Decimal("900000000.00"),
        delivered_value=Decimal("700000000.00"),
        fulfilment_rate="0.8",
        commodities=["coffee_green", "cocoa_beans"],
        offers_recent=3,
        deliveries_recent=5,
        webhook_endpoints=1,
    )


def _by_name(body: dict) -> dict[str, dict]:
    return {a["name"]: a for a in body["aspects"]}


async def test_scorecard_of_a_modern_cooperative(
    client, ministry_headers, financing, marketplace, app
) -> None:
    cid = await modern_registry_record(client, ministry_headers)
    _modern_upstreams(financing, marketplace, cid)
    resp = await client.get(f"/v1/cooperatives/{cid}/modernisation", headers=ministry_headers)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["cooperative_id"] == cid and body["province_code"] == "11"
    assert (body["phase"], body["cohort_year"]) == ("pemantapan", 2021)
    assert body["partial"] is False and body["unavailable"] == []
    aspects = _by_name(body)
    assert [a["name"] for a in body["aspects"]] == [
        "access_to_capital",
        "product_diversification",
        "market_orientation",
        "offtakers",
        "governance",
        "technology_adoption",
    ]
    capital = aspects["access_to_capital"]
    assert capital["source"] == "financing" and capital["available"] is True
    assert capital["sources"] == ["financing"]
    assert capital["score"] == 96 and capital["met"] is True and capital["met_at"] == 60
    assert capital["evidence"]["outstanding_principal"] == "250000000.00"
    assert capital["evidence"]["on_time_share"] == "0.9000"
    assert capital["evidence"]["worst_collectibility"] == 2
    assert capital["reasons"][0] == "a signed loan: 60"

    products = aspects["product_diversification"]
    assert products["source"] == "registry" and products["score"] == 75
    assert products["evidence"] == {
        "products": 4,
        "processed_products": 2,
        "processed_share": "0.5000",
        "export_products": 2,
        "export_share": "0.5000",
        "domestic_products": 4,
    }
    market = aspects["market_orientation"]
    assert market["score"] == 100 and market["source"] == "marketplace"
    assert (market["evidence"]["domestic_contracts"], market["evidence"]["export_contracts"]) == (
        2,
        1,
    )
    assert market["evidence"]["contracted_value"] == "1500000000.00"
    offtakers = aspects["offtakers"]
    assert offtakers["score"] == 92  # 40 active + 20 two offtakers + 40 * 0.8 fulfilment
    assert offtakers["evidence"]["active_offtakers"] == 2
    assert offtakers["evidence"]["fulfilment_rate"] == "0.8000"
    governance = aspects["governance"]
    assert governance["score"] == 100
    assert governance["evidence"]["last_due_rat_year"] == 2025
    assert governance["evidence"]["latest_health"] == "sehat"

    technology = aspects["technology_adoption"]
    assert technology["sources"] == ["registry", "financing", "marketplace"]
    # Nobody signed in; 2 applications, 3 offers, 5 deliveries; a marketplace webhook.
    assert technology["score"] == 60 and technology["met"] is True
    assert technology["evidence"] == {
        "people_signed_in_recently": 0,
        "applications_recent": 2,
        "offers_recent": 3,
        "deliveries_recent": 5,
        "api_clients_used_recently": 0,
        "webhook_endpoints": 1,
    }
    assert body["readiness"] == 87  # (96 + 75 + 100 + 92 + 100 + 60) / 6
    assert body["readiness_band"] == "ready"
    assert body["meets_all_four"] is True

    # One call each, with a service token the registry minted for itself.
    assert financing.calls == [f"/v1/cooperatives/{cid}/financing-summary"]
    assert marketplace.calls == [f"/v1/cooperatives/{cid}/market-summary"]
    claims = financing.claims[0]
    assert (claims["sub"], claims["role"], claims["aud"]) == (
        "svc-registry",
        "service",
        ["kopmod-financing"],
    )
    assert marketplace.claims[0]["aud"] == ["kopmod-marketplace"]
    key = jwt.PyJWKSet.from_dict(app.state.signing_keys.jwks()).keys[0]
    verified = jwt.decode(
        financing.tokens[0],
        key=key,
        algorithms=["EdDSA"],
        audience="kopmod-financing",
        issuer=ISSUER,
    )
    assert verified["sub"] == "svc-registry"


async def test_a_cooperative_with_nothing_yet(client, ministry_headers, financing) -> None:
    coop = await create_cooperative(client, ministry_headers)
    body = (
        await client.get(f"/v1/cooperatives/{coop['id']}/modernisation", headers=ministry_headers)
    ).json()
    aspects = _by_name(body)
    assert aspects["access_to_capital"]["score"] == 0
    assert aspects["access_to_capital"]["reasons"] == ["no financing application: 0"]
    assert aspects["product_diversification"]["score"] == 0
    assert aspects["market_orientation"]["score"] == 0
    assert aspects["offtakers"]["score"] == 0
    # Founded 2015 without any RAT: inactive, warned; no health assessment.
    assert aspects["governance"]["score"] == 0
    assert aspects["governance"]["evidence"]["rat_warning"] is True
    assert aspects["technology_adoption"]["score"] == 0
    assert aspects["technology_adoption"]["reasons"] == [
        "nobody signed in within 90 days: +0",
        "no API client in use and no webhook endpoint: +0",
    ]
    assert body["readiness"] == 0 and body["readiness_band"] == "early"
    assert body["meets_all_four"] is False and body["phase"] is None


async def test_financing_down_gives_a_partial_scorecard(
    client, ministry_headers, financing, marketplace
) -> None:
    cid = await modern_registry_record(client, ministry_headers)
    _modern_upstreams(financing, marketplace, cid)
    financing.mode = "down"
    resp = await client.get(f"/v1/cooperatives/{cid}/modernisation", headers=ministry_headers)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["partial"] is True
    assert [u["source"] for u in body["unavailable"]] == ["financing"]
    assert body["unavailable"][0]["reason"] == "financing answered 503"
    capital = _by_name(body)["access_to_capital"]
    assert capital["available"] is False and capital["score"] is None and capital["met"] is None
    assert capital["evidence"] == {} and "503" in capital["unavailable_reason"]
    # Technology adoption needs the applications too: unavailable with financing.
    technology = _by_name(body)["technology_adoption"]
    assert technology["available"] is False and "503" in technology["unavailable_reason"]
    assert _by_name(body)["offtakers"]["score"] == 92
    assert body["readiness"] == 92  # (75 + 100 + 92 + 100) / 4
    assert body["meets_all_four"] is None


async def test_marketplace_unreachable_gives_a_partial_scorecard(
    client, ministry_headers, financing, marketplace
) -> None:
    cid = await modern_registry_record(client, ministry_headers)
    _modern_upstreams(financing, marketplace, cid)
    marketplace.mode = "unreachable"
    body = (
        await client.get(f"/v1/cooperatives/{cid}/modernisation", headers=ministry_headers)
    ).json()
    assert body["partial"] is True
    assert body["unavailable"] == [
        {
            "source": "marketplace",
            "reason": "marketplace unreachable",
        }
    ]
    aspects = _by_name(body)
    for name in ("market_orientation", "offtakers", "technology_adoption"):
        assert aspects[name]["available"] is False
        assert aspects[name]["unavailable_reason"].endswith("marketplace unreachable")
    assert aspects["access_to_capital"]["score"] == 96
    assert body["readiness"] == 90  # (96 + 75 + 100) / 3
    assert body["readiness_band"] == "ready"


async def test_a_slow_service_times_out_into_a_partial_scorecard(
    client, ministry_headers, financing, marketplace
) -> None:
    cid = await modern_registry_record(client, ministry_headers)
    _modern_upstreams(financing, marketplace, cid)
    financing.mode = "slow"
    started = time.monotonic()
    body = (
        await client.get(f"/v1/cooperatives/{cid}/modernisation", headers=ministry_headers)
    ).json()
    assert time.monotonic() - started < financing.delay
    assert body["partial"] is True
    assert body["unavailable"] == [
        {"source": "financing", "reason": f"financing did not answer within {DEADLINE:g} s"}
    ]
    assert _by_name(body)["market_orientation"]["score"] == 100


async def test_both_services_down_still_answers(client, ministry_headers, financing, marketplace):
    cid = await modern_registry_record(client, ministry_headers)
    financing.mode, marketplace.mode = "down", "unreachable"
    body = (
        await client.get(f"/v1/cooperatives/{cid}/modernisation", headers=ministry_headers)
    ).json()
    assert [u["source"] for u in body["unavailable"]] == ["financing", "marketplace"]
    assert [a["name"] for a in body["aspects"] if a["available"]] == [
        "product_diversification",
        "governance",
    ]
    assert body["readiness"] == 88  # (75 + 100) / 2
    assert body["meets_all_four"] is None


async def test_who_reads_a_scorecard(client, ministry_headers, headers_for) -> None:
    coop = await create_cooperative(client, ministry_headers)
    url = f"/v1/cooperatives/{coop['id']}/modernisation"
    allowed = [
        await headers_for(Role.cooperative, org=coop["id"]),
        await headers_for(Role.partner, scopes=["registry:read"]),
        await headers_for(Role.service),
        await headers_for(Role.admin),
        ministry_headers,
    ]
    for headers in allowed:
        resp = await client.get(url, headers=headers)
        assert resp.status_code == 200, resp.text
        assert resp.json()["cooperative_id"] == coop["id"]
    other = await client.get(url, headers=await headers_for(Role.cooperative, org=uuid.uuid4()))
    assert other.status_code == 404 and "aspects" not in other.json()
    assert other.headers["content-type"].startswith("application/problem+json")
    for role in (Role.fund_officer, Role.partner):
        resp = await client.get(url, headers=await headers_for(role))
        assert resp.status_code == 403, role
    assert (await client.get(url)).status_code == 401
    missing = await client.get(
        f"/v1/cooperatives/{uuid.uuid4()}/modernisation", headers=ministry_headers
    )
    assert missing.status_code == 404
