"""Mergers, fusions and spin-offs: statuses, lineage both ways, the outbox event, bad input."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from kopmod_shared.auth import Role

from ..conftest import cooperative_body, create_cooperative


async def _events(app) -> list:
    async with app.state.engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT type, subject, payload FROM outbox_events "
                "WHERE type = 'registry.cooperative.restructured' ORDER BY seq"
            )
        )
        return list(rows)


async def _status(client, headers, cid) -> str:
    return (await client.get(f"/v1/cooperatives/{cid}", headers=headers)).json()["status"]


async def test_merger_absorbs_predecessors_and_publishes_the_event(app, client, ministry_headers):
    target = await create_cooperative(client, ministry_headers, name="Koperasi Induk")
    absorbed = [(await create_cooperative(client, ministry_headers))["id"] for _ in range(2)]
    resp = await client.post(
        "/v1/restructurings/mergers",
        json={
            "predecessor_ids": absorbed,
            "successor_id": target["id"],
            "effective_on": "2024-07-01",
            "decree_number": "AHU-0012.AH.01.27.2024",
        },
        headers=ministry_headers,
    )
    assert resp.status_code == 201, resp.text
    event = resp.json()
    assert resp.headers["location"] == f"/v1/restructurings/{event['id']}"
    assert event["kind"] == "merger"
    assert sorted(p["id"] for p in event["predecessors"]) == sorted(absorbed)
    assert [s["id"] for s in event["successors"]] == [target["id"]]
    for cid in absorbed:
        assert await _status(client, ministry_headers, cid) == "merged"
    assert await _status(client, ministry_headers, target["id"]) == "active"

    [outbox] = await _events(app)
    assert outbox.subject == target["id"]
    data = outbox.payload["data"]
    assert data["restructuring_id"] == event["id"] and data["kind"] == "merger"
    assert sorted(data["merged_ids"]) == sorted(absorbed)
    assert data["successor_ids"] == [target["id"]]
    assert sorted(outbox.payload["parties"]) == sorted([*absorbed, target["id"]])

    lineage = (
        await client.get(f"/v1/cooperatives/{target['id']}/lineage", headers=ministry_headers)
    ).json()
    assert sorted(link["cooperative"]["id"] for link in lineage["predecessors"]) == sorted(absorbed)
    assert all(link["depth"] == 1 and link["kind"] == "merger" for link in lineage["predecessors"])
    assert lineage["successors"] == []
    back = (
        await client.get(f"/v1/cooperatives/{absorbed[0]}/lineage", headers=ministry_headers)
    ).json()
    assert [link["cooperative"]["id"] for link in back["successors"]] == [target["id"]]
    assert back["cooperative"]["status"] == "merged"

    snapshot = (
        await client.get(
            f"/v1/cooperatives/{absorbed[0]}/eligibility-snapshot", headers=ministry_headers
        )
    ).json()
    assert snapshot["status"] == "merged" and snapshot["merged_into"] == [target["id"]]

    fetched = await client.get(f"/v1/restructurings/{event['id']}", headers=ministry_headers)
    assert fetched.json() == event


async def test_fusion_creates_the_successor_and_lineage_runs_both_ways(client, ministry_headers):
    a = await create_cooperative(client, ministry_headers, name="Koperasi A")
    b = await create_cooperative(client, ministry_headers, name="Koperasi B")
    resp = await client.post(
        "/v1/restructurings/fusions",
        json={
            "predecessor_ids": [a["id"], b["id"]],
            "effective_on": "2023-01-02",
            "successor": cooperative_body(
                name="Koperasi AB Bersatu", founded_on="2023-01-02", legal_decree_date="2023-01-02"
            ),
        },
        headers=ministry_headers,
    )
    assert resp.status_code == 201, resp.text
    fusion = resp.json()
    new_id = fusion["successors"][0]["id"]
    assert fusion["successors"][0]["name"] == "Koperasi AB Bersatu"
    assert await _status(client, ministry_headers, a["id"]) == "merged"
    assert await _status(client, ministry_headers, b["id"]) == "merged"
    assert await _status(client, ministry_headers, new_id) == "active"

    # A later merger of the fused cooperative: lineage is transitive.
    c = await create_cooperative(client, ministry_headers, name="Koperasi C")
    resp = await client.post(
        "/v1/restructurings/mergers",
        json={"predecessor_ids": [new_id], "successor_id": c["id"], "effective_on": "2024-01-02"},
        headers=ministry_headers,
    )
    assert resp.status_code == 201
    lineage = (
        await client.get(f"/v1/cooperatives/{c['id']}/lineage", headers=ministry_headers)
    ).json()
    steps = {
        (link["cooperative"]["name"], link["depth"], link["kind"])
        for link in lineage["predecessors"]
    }
    assert steps == {
        ("Koperasi AB Bersatu", 1, "merger"),
        ("Koperasi A", 2, "fusion"),
        ("Koperasi B", 2, "fusion"),
    }
    forward = (
        await client.get(f"/v1/cooperatives/{a['id']}/lineage", headers=ministry_headers)
    ).json()
    assert [(link["cooperative"]["name"], link["depth"]) for link in forward["successors"]] == [
        ("Koperasi AB Bersatu", 1),
        ("Koperasi C", 2),
    ]


async def test_spin_off_founds_a_new_cooperative_and_the_parent_stays_active(
    client, ministry_headers
):
    parent = await create_cooperative(
        client,
        ministry_headers,
        name="KSP Benteng Mikro",
        type="simpan_pinjam",
        business_sectors=["savings and loans"],
    )
    resp = await client.post(
        "/v1/restructurings/spin-offs",
        json={
            "parent_id": parent["id"],
            "effective_on": "2024-03-01",
            "successor": cooperative_body(
                name="Koperasi Jasa Konstruksi Benteng",
                type="jasa",
                business_sectors=["construction"],
                founded_on="2024-03-01",
                legal_decree_date="2024-03-01",
            ),
        },
        headers=ministry_headers,
    )
    assert resp.status_code == 201, resp.text
    child_id = resp.json()["successors"][0]["id"]
    assert await _status(client, ministry_headers, parent["id"]) == "active"
    down = (
        await client.get(f"/v1/cooperatives/{parent['id']}/lineage", headers=ministry_headers)
    ).json()
    assert [(link["cooperative"]["id"], link["kind"]) for link in down["successors"]] == [
        (child_id, "spin_off")
    ]
    up = (await client.get(f"/v1/cooperatives/{child_id}/lineage", headers=ministry_headers)).json()
    assert [(link["cooperative"]["id"], link["via"]) for link in up["predecessors"]] == [
        (parent["id"], child_id)
    ]

    same = await client.post(
        "/v1/restructurings/spin-offs",
        json={
            "parent_id": parent["id"],
            "effective_on": "2024-03-01",
            "successor": cooperative_body(
                type="simpan_pinjam", business_sectors=["savings and loans"]
            ),
        },
        headers=ministry_headers,
    )
    assert same.status_code == 422
    assert same.json()["errors"][0]["field"] == "body.successor.type"


async def test_a_spin_off_names_the_assets_that_move_and_the_event_carries_them(
    app, client, ministry_headers
):
    parent = await create_cooperative(client, ministry_headers, name="Koperasi Kopi Induk")
    loan, contract = str(uuid.uuid4()), str(uuid.uuid4())
    moved = [
        {"service": "financing", "entity": "loan", "id": loan},
        {"service": "marketplace", "entity": "contract", "id": contract},
    ]
    resp = await client.post(
        "/v1/restructurings/spin-offs",
        json={
            "parent_id": parent["id"],
            "effective_on": "2024-03-01",
            "successor": cooperative_body(
                name="Koperasi Jasa Anak", type="jasa", business_sectors=["logistics"]
            ),
            "moved_assets": moved,
        },
        headers=ministry_headers,
    )
    assert resp.status_code == 201, resp.text
    assert resp.json()["moved_assets"] == moved
    again = await client.get(f"/v1/restructurings/{resp.json()['id']}", headers=ministry_headers)
    assert again.json()["moved_assets"] == moved
    [(_, _, payload)] = [e for e in await _events(app) if e[2]["data"]["kind"] == "spin_off"]
    assert payload["data"]["moved_assets"] == moved

    # Mergers and fusions move everything: they take no list (and refuse one).
    other = await create_cooperative(client, ministry_headers)
    refused = await client.post(
        "/v1/restructurings/mergers",
        json={
            "predecessor_ids": [other["id"]],
            "successor_id": parent["id"],
            "effective_on": "2024-03-01",
            "moved_assets": moved,
        },
        headers=ministry_headers,
    )
    assert refused.status_code == 422
    bad = await client.post(
        "/v1/restructurings/spin-offs",
        json={
            "parent_id": parent["id"],
            "effective_on": "2024-03-01",
            "successor": cooperative_body(type="jasa", business_sectors=["transport"]),
            "moved_assets": [{"service": "bank", "entity": "loan", "id": loan}],
        },
        headers=ministry_headers,
    )
    assert bad.status_code == 422


async def test_bad_restructurings_are_refused_and_write_nothing(app, client, ministry_headers):
    a = await create_cooperative(client, ministry_headers)
    b = await create_cooperative(client, ministry_headers)
    dissolved = await create_cooperative(client, ministry_headers)
    await client.patch(
        f"/v1/cooperatives/{dissolved['id']}",
        json={"status": "dissolved"},
        headers=ministry_headers,
    )
    bali = await create_cooperative(
        client, ministry_headers, region_code="51.71.01.1001", latitude=-8.65, longitude=115.2
    )

    into_self = await client.post(
        "/v1/restructurings/mergers",
        json={"predecessor_ids": [a["id"]], "successor_id": a["id"], "effective_on": "2024-01-01"},
        headers=ministry_headers,
    )
    assert into_self.status_code == 422
    assert into_self.json()["errors"][0]["field"] == "body.successor_id"
    assert into_self.json()["errors"][0]["code"] == "merge_into_self"

    into_dissolved = await client.post(
        "/v1/restructurings/mergers",
        json={
            "predecessor_ids": [a["id"]],
            "successor_id": dissolved["id"],
            "effective_on": "2024-01-01",
        },
        headers=ministry_headers,
    )
    assert into_dissolved.status_code == 409
    assert into_dissolved.json()["errors"][0] == {
        "field": "body.successor_id",
        "message": "cooperative is dissolved",
        "code": "cooperative_dissolved",
    }

    other_province = await client.post(
        "/v1/restructurings/mergers",
        json={
            "predecessor_ids": [a["id"], b["id"]],
            "successor_id": bali["id"],
            "effective_on": "2024-01-01",
        },
        headers=ministry_headers,
    )
    assert other_province.status_code == 422
    problem = other_province.json()
    assert problem["errors"][0]["field"] == "body.reason"
    assert problem["errors"][0]["code"] == "reason_required"

    fusion_far = await client.post(
        "/v1/restructurings/fusions",
        json={
            "predecessor_ids": [a["id"], b["id"]],
            "effective_on": "2024-01-01",
            "successor": cooperative_body(region_code="51.71.01.1001"),
        },
        headers=ministry_headers,
    )
    assert fusion_far.status_code == 422
    assert fusion_far.json()["errors"][0]["field"] == "body.reason"

    bad_successor = await client.post(
        "/v1/restructurings/fusions",
        json={
            "predecessor_ids": [a["id"], b["id"]],
            "effective_on": "2024-01-01",
            "successor": cooperative_body(nib=a["nib"]),
        },
        headers=ministry_headers,
    )
    assert bad_successor.status_code == 409
    assert bad_successor.json()["errors"][0]["field"] == "body.successor.nib"

    unknown = await client.post(
        "/v1/restructurings/mergers",
        json={
            "predecessor_ids": [str(uuid.uuid4())],
            "successor_id": a["id"],
            "effective_on": "2024-01-01",
        },
        headers=ministry_headers,
    )
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "body.predecessor_ids"

    for cid in (a["id"], b["id"]):
        assert await _status(client, ministry_headers, cid) == "active"
    assert await _events(app) == []
    async with app.state.engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM restructurings"))).scalar() == 0
        assert (await conn.execute(text("SELECT count(*) FROM cooperatives"))).scalar() == 4

    with_reason = await client.post(
        "/v1/restructurings/mergers",
        json={
            "predecessor_ids": [a["id"]],
            "successor_id": bali["id"],
            "effective_on": "2024-01-01",
            "reason": "members moved their business to Bali",
        },
        headers=ministry_headers,
    )
    assert with_reason.status_code == 201
    assert with_reason.json()["reason"] == "members moved their business to Bali"
    again = await client.post(
        "/v1/restructurings/mergers",
        json={"predecessor_ids": [a["id"]], "successor_id": b["id"], "effective_on": "2024-02-01"},
        headers=ministry_headers,
    )
    assert again.status_code == 409
    assert again.json()["errors"][0]["field"] == "body.predecessor_ids.0"


async def test_who_may_restructure_and_read_lineage(client, ministry_headers, headers_for):
    a = await create_cooperative(client, ministry_headers)
    b = await create_cooperative(client, ministry_headers)
    body = {"predecessor_ids": [a["id"]], "successor_id": b["id"], "effective_on": "2024-01-01"}
    for headers in [
        await headers_for(Role.cooperative, org=uuid.UUID(b["id"])),
        await headers_for(Role.partner, scopes=["registry:write"]),
        await headers_for(Role.fund_officer),
    ]:
        resp = await client.post("/v1/restructurings/mergers", json=body, headers=headers)
        assert resp.status_code == 403
    partner = await headers_for(Role.partner, scopes=["registry:restructure"])
    resp = await client.post("/v1/restructurings/mergers", json=body, headers=partner)
    assert resp.status_code == 201

    stranger = await headers_for(Role.cooperative, org=uuid.uuid4())
    assert (
        await client.get(f"/v1/cooperatives/{b['id']}/lineage", headers=stranger)
    ).status_code == 404
    assert (
        await client.get(f"/v1/restructurings/{resp.json()['id']}", headers=stranger)
    ).status_code == 404
    itself = await headers_for(Role.cooperative, org=uuid.UUID(b["id"]))
    lineage = await client.get(f"/v1/cooperatives/{b['id']}/lineage", headers=itself)
    assert lineage.status_code == 200
    assert lineage.json()["predecessors"][0]["cooperative"]["id"] == a["id"]


async def test_restructuring_is_idempotent(app, client, ministry_headers):
    a = await create_cooperative(client, ministry_headers)
    b = await create_cooperative(client, ministry_headers)
    headers = {**ministry_headers, "Idempotency-Key": "merge-a-into-b"}
    body = {"predecessor_ids": [a["id"]], "successor_id": b["id"], "effective_on": "2024-01-01"}
    first = await client.post("/v1/restructurings/mergers", json=body, headers=headers)
    replay = await client.post("/v1/restructurings/mergers", json=body, headers=headers)
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json() and replay.headers["idempotent-replayed"] == "true"
    assert len(await _events(app)) == 1
    changed = await client.post(
        "/v1/restructurings/mergers", json={**body, "effective_on": "2024-02-01"}, headers=headers
    )
    assert changed.status_code == 422
    assert changed.json()["type"].endswith("/idempotency-key-reused")


async def test_concurrent_mergers_of_one_cooperative_let_exactly_one_win(
    app, client, ministry_headers
):
    import asyncio

    a = await create_cooperative(client, ministry_headers)
    b = await create_cooperative(client, ministry_headers)
    c = await create_cooperative(client, ministry_headers)
    first, second = await asyncio.gather(
        client.post(
            "/v1/restructurings/mergers",
            json={
                "predecessor_ids": [a["id"]],
                "successor_id": b["id"],
                "effective_on": "2024-01-01",
            },
            headers=ministry_headers,
        ),
        client.post(
            "/v1/restructurings/mergers",
            json={
                "predecessor_ids": [a["id"]],
                "successor_id": c["id"],
                "effective_on": "2024-01-01",
            },
            headers=ministry_headers,
        ),
    )
    assert sorted([first.status_code, second.status_code]) == [201, 409]
    loser = first if first.status_code == 409 else second
    assert loser.json()["errors"][0]["code"] == "cooperative_merged"
    assert len(await _events(app)) == 1
    lineage = (
        await client.get(f"/v1/cooperatives/{a['id']}/lineage", headers=ministry_headers)
    ).json()
    assert len(lineage["successors"]) == 1


async def test_a_spin_off_into_another_province_needs_a_reason(app, client, ministry_headers):
    parent = await create_cooperative(client, ministry_headers, type="simpan_pinjam")
    far = cooperative_body(
        type="jasa", region_code="73.71.01.1001", latitude=-5.14, longitude=119.42
    )
    body = {"parent_id": parent["id"], "effective_on": "2024-03-01", "successor": far}
    refused = await client.post("/v1/restructurings/spin-offs", json=body, headers=ministry_headers)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "body.reason"
    assert "province 73" in refused.json()["errors"][0]["message"]
    async with app.state.engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM cooperatives"))).scalar() == 1
    accepted = await client.post(
        "/v1/restructurings/spin-offs",
        json={**body, "reason": "the construction market is in Makassar"},
        headers=ministry_headers,
    )
    assert accepted.status_code == 201
    assert accepted.json()["successors"][0]["region_code"] == "73.71.01.1001"
