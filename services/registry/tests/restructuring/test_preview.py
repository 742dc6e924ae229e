"""Restructuring previews: what would follow the cooperatives of a merger, fusion or spin-off
(nothing recorded), refused as recording would be, partial when a service is down; and the
lineage drawn as a graph, hidden from other cooperatives."""

from __future__ import annotations

import uuid
from decimal import Decimal

from kopmod_shared.auth import Role

from ..conftest import cooperative_body, create_cooperative
from ..scorecard.fakes import financing_summary, market_summary

URL = "/v1/restructurings/preview"


def _by(holdings: list[dict], cid: str) -> dict[str, dict]:
    return {h["what"]: h for h in holdings if h["cooperative_id"] == cid}


async def test_merger_preview_names_what_moves_and_what_stays(
    client, ministry_headers, headers_for, financing, marketplace
) -> None:
    target = await create_cooperative(client, ministry_headers, name="Koperasi Induk")
    small = await create_cooperative(client, ministry_headers, member_count=35)
    cid = uuid.UUID(small["id"])
    await headers_for(Role.cooperative, org=small["id"])  # an API client of the small one
    financing.summaries[cid] = financing_summary(
        cid, active_loans=1, applications_in_review=2, outstanding_principal=Decimal("75000000")
    )
    marketplace.summaries[cid] = market_summary(
        cid,
        active_contracts=1,
        contracts_by_status={"active": 1, "pending": 1},
        active_contracted_value=Decimal("120000000.00"),
    )
    resp = await client.post(
        URL,
        json={"kind": "merger", "predecessor_ids": [small["id"]], "successor_id": target["id"]},
        headers=ministry_headers,
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["partial"] is False and body["reason_required"] is False
    assert [
        (p["cooperative"]["id"], p["role"], p["status_after"]) for p in body["participants"]
    ] == [
        (small["id"], "predecessor", "merged"),
        (target["id"], "successor", "active"),
    ]
    assert body["member_count_after"] == 35 + 420
    lines = _by(body["holdings"], small["id"])
    assert lines["members"] == {
        "cooperative_id": small["id"],
        "what": "members",
        "count": 35,
        "amount": None,
        "outcome": "moves",
        "to": target["id"],
        "note": "its members join the successor: update the successor's member count",
    }
    assert (lines["loans"]["count"], lines["loans"]["amount"]) == (1, "75000000.00")
    assert lines["loans"]["outcome"] == "moves" and lines["loans"]["to"] == target["id"]
    assert lines["applications_in_review"]["count"] == 2
    assert (lines["contracts"]["count"], lines["contracts"]["amount"]) == (2, "120000000.00")
    assert lines["api_clients"]["count"] == 1 and lines["api_clients"]["outcome"] == "stays"
    assert "products" not in lines  # nothing held: no line
    # The graph: both cooperatives, the proposed edge, nothing recorded before.
    graph = body["graph"]
    assert {n["id"]: n["status"] for n in graph["nodes"]} == {
        small["id"]: "merged",
        target["id"]: "active",
    }
    assert graph["edges"] == [
        {
            "source": small["id"],
            "target": target["id"],
            "kind": "merger",
            "restructuring_id": None,
            "effective_on": None,
            "proposed": True,
        }
    ]
    # Nothing was recorded, and one bulk call went to each service.
    assert (await client.get(f"/v1/cooperatives/{small['id']}", headers=ministry_headers)).json()[
        "status"
    ] == "active"
    assert financing.calls == ["/v1/financing-summaries"]
    assert marketplace.calls == ["/v1/market-summaries"]


async def test_fusion_preview_after_an_earlier_merger_draws_the_whole_lineage(
    client, ministry_headers
) -> None:
    a, b, c = [(await create_cooperative(client, ministry_headers))["id"] for _ in range(3)]
    merged = await client.post(
        "/v1/restructurings/mergers",
        json={"predecessor_ids": [c], "successor_id": b, "effective_on": "2024-07-01"},
        headers=ministry_headers,
    )
    assert merged.status_code == 201, merged.text
    new = cooperative_body(name="Koperasi Hasil Peleburan", region_code="32.73.01.1001")
    resp = await client.post(
        URL,
        json={"kind": "fusion", "predecessor_ids": [a, b], "successor": new},
        headers=ministry_headers,
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["reason_required"] is True  # Aceh into Jawa Barat
    nodes = {n["id"]: n for n in body["graph"]["nodes"]}
    assert nodes["new"]["name"] == "Koperasi Hasil Peleburan" and nodes["new"]["proposed"]
    assert nodes[c]["status"] == "merged" and nodes[c]["proposed"] is False
    edges = {(e["source"], e["target"], e["proposed"]) for e in body["graph"]["edges"]}
    assert edges == {(c, b, False), (a, "new", True), (b, "new", True)}
    assert _by(body["holdings"], a)["members"]["to"] == "new"

    # The recorded lineage as a graph, from either end.
    graph = (
        await client.get(f"/v1/cooperatives/{c}/lineage-graph", headers=ministry_headers)
    ).json()
    assert {(e["source"], e["target"], e["kind"]) for e in graph["edges"]} == {(c, b, "merger")}
    assert {n["id"] for n in graph["nodes"]} == {b, c}
    alone = (
        await client.get(f"/v1/cooperatives/{a}/lineage-graph", headers=ministry_headers)
    ).json()
    assert alone == {
        "nodes": [
            {
                "id": a,
                "name": alone["nodes"][0]["name"],
                "status": "active",
                "province_code": "11",
                "proposed": False,
            }
        ],
        "edges": [],
    }


async def test_spin_off_preview_moves_only_the_named_assets(
    client, ministry_headers, financing
) -> None:
    parent = await create_cooperative(client, ministry_headers, type="simpan_pinjam")
    pid = uuid.UUID(parent["id"])
    financing.summaries[pid] = financing_summary(pid, active_loans=3)
    loan = str(uuid.uuid4())
    resp = await client.post(
        URL,
        json={
            "kind": "spin_off",
            "parent_id": parent["id"],
            "moved_assets": [{"service": "financing", "entity": "loan", "id": loan}],
        },
        headers=ministry_headers,
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["member_count_after"] is None
    assert body["participants"][0]["role"] == "parent"
    assert body["participants"][0]["status_after"] == "active"
    lines = _by(body["holdings"], parent["id"])
    assert lines["loans"]["outcome"] == "stays" and lines["loans"]["count"] == 3
    assert lines["loan"]["outcome"] == "moves" and loan in lines["loan"]["note"]
    assert body["graph"]["nodes"][-1]["id"] == "new"


async def test_a_service_down_leaves_its_lines_unknown(
    client, ministry_headers, financing, marketplace
) -> None:
    a, b = [(await create_cooperative(client, ministry_headers))["id"] for _ in range(2)]
    financing.mode = "down"
    body = (
        await client.post(
            URL,
            json={"kind": "merger", "predecessor_ids": [a], "successor_id": b},
            headers=ministry_headers,
        )
    ).json()
    assert body["partial"] is True
    assert [u["source"] for u in body["unavailable"]] == ["financing"]
    lines = _by(body["holdings"], a)
    assert lines["loans"]["count"] is None and lines["loans"]["amount"] is None
    assert lines["contracts"]["count"] == 0


async def test_refused_as_recording_would_be(client, ministry_headers, headers_for) -> None:
    a, b = [(await create_cooperative(client, ministry_headers))["id"] for _ in range(2)]
    cases = [
        ({"kind": "merger", "predecessor_ids": [a]}, 422, "body.successor_id"),
        ({"kind": "merger", "predecessor_ids": [a], "successor_id": a}, 422, "body.successor_id"),
        ({"kind": "fusion", "predecessor_ids": [a]}, 422, "body.predecessor_ids"),
        ({"kind": "fusion", "predecessor_ids": [a, a]}, 422, "body.predecessor_ids"),
        ({"kind": "spin_off"}, 422, "body.parent_id"),
        (
            {"kind": "merger", "predecessor_ids": [str(uuid.uuid4())], "successor_id": b},
            422,
            "body.predecessor_ids",
        ),
    ]
    for body, status, field in cases:
        resp = await client.post(URL, json=body, headers=ministry_headers)
        assert resp.status_code == status, (body, resp.text)
        assert resp.headers["content-type"].startswith("application/problem+json")
        assert resp.json()["errors"][0]["field"] == field, resp.json()
    merged = await client.post(
        "/v1/restructurings/mergers",
        json={"predecessor_ids": [a], "successor_id": b, "effective_on": "2024-07-01"},
        headers=ministry_headers,
    )
    assert merged.status_code == 201
    again = await client.post(
        URL,
        json={"kind": "merger", "predecessor_ids": [a], "successor_id": b},
        headers=ministry_headers,
    )
    assert again.status_code == 409
    for role, org in ((Role.cooperative, b), (Role.fund_officer, None)):
        refused = await client.post(
            URL,
            json={"kind": "merger", "predecessor_ids": [a], "successor_id": b},
            headers=await headers_for(role, org=org),
        )
        assert refused.status_code == 403


async def test_lineage_graph_of_another_cooperative_is_a_404(
    client, ministry_headers, headers_for
) -> None:
    mine = await create_cooperative(client, ministry_headers)
    other = await create_cooperative(client, ministry_headers)
    headers = await headers_for(Role.cooperative, org=mine["id"])
    own = await client.get(f"/v1/cooperatives/{mine['id']}/lineage-graph", headers=headers)
    assert own.status_code == 200 and own.json()["nodes"][0]["id"] == mine["id"]
    hidden = await client.get(f"/v1/cooperatives/{other['id']}/lineage-graph", headers=headers)
    assert hidden.status_code == 404 and "nodes" not in hidden.json()
