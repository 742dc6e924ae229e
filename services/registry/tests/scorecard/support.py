"""Registry data for scorecard tests, written through the registry's own API."""

from __future__ import annotations

from typing import Any

from ..conftest import create_cooperative

PRODUCTS = [
    ("Kopi arabika Gayo, green bean", "090111", False, True, True),
    ("Kopi sangrai", "090121", True, True, False),
    ("Kopi bubuk", "090121", True, True, True),
    ("Kakao", "180100", False, True, False),
]


async def modern_registry_record(client: Any, headers: dict[str, str], **over: Any) -> str:
    """Four products (two processed, two for export), RATs for 2024 and 2025, health sehat,
    and the programme's consolidation phase (cohort 2021)."""
    coop = await create_cooperative(client, headers, founded_on="2015-01-20", **over)
    cid = coop["id"]
    for name, hs, processed, domestic, export in PRODUCTS:
        resp = await client.post(
            f"/v1/cooperatives/{cid}/products",
            json={
                "name": name,
                "hs_code": hs,
                "processed": processed,
                "domestic_market": domestic,
                "export_market": export,
            },
            headers=headers,
        )
        assert resp.status_code == 201, resp.text
    for year in (2024, 2025):
        resp = await client.post(
            f"/v1/cooperatives/{cid}/rats",
            json={
                "year": year,
                "held_on": f"{year + 1}-03-20",
                "attendance": 210,
                "members_total": 400,
                "net_surplus": "45000000.50",
            },
            headers=headers,
        )
        assert resp.status_code == 201, resp.text
    resp = await client.post(
        f"/v1/cooperatives/{cid}/health-assessments",
        json={"year": 2025, "score": "82", "assessed_on": "2026-04-01", "assessor": "Dinas"},
        headers=headers,
    )
    assert resp.status_code == 201, resp.text
    await set_phase(client, headers, cid, "pemantapan", 2021)
    return str(cid)


async def set_phase(
    client: Any, headers: dict[str, str], cid: str, phase: str, cohort: int
) -> None:
    resp = await client.post(
        f"/v1/cooperatives/{cid}/modernisation-stages",
        json={"phase": phase, "cohort_year": cohort, "started_on": f"{cohort}-02-01"},
        headers=headers,
    )
    assert resp.status_code == 201, resp.text
