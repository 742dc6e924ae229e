"""Proposals as a party's to-do list: whose turn, when the terms lapse, the counterparty's name."""

from __future__ import annotations

from datetime import UTC, datetime

from ..conftest import make_offtaker, matched_proposal


async def _ids(client, headers, **params) -> list[str]:
    resp = await client.get("/v1/proposals", params=params, headers=headers)
    assert resp.status_code == 200, resp.text
    return [p["id"] for p in resp.json()["items"]]


async def test_awaiting_me_follows_the_turn(client, actors, registry):
    m = await matched_proposal(client, actors, registry)
    pid, coop, offtaker = m["proposal_id"], m["cooperative_id"], m["offtaker_id"]
    as_coop, as_offtaker = actors.cooperative(coop), actors.offtaker(offtaker)

    listed = (await client.get("/v1/proposals", headers=as_coop)).json()["items"]
    [p] = listed
    assert p["offtaker_name"] == "PT Kopi Nusantara"
    assert p["cooperative_name"] == "Koperasi Produsen Kopi Gayo"
    assert p["turn"] == "cooperative"
    assert datetime.fromisoformat(p["expires_at"]) > datetime.now(UTC)

    assert await _ids(client, as_coop, awaiting_me="true") == [pid]
    assert await _ids(client, as_offtaker, awaiting_me="true") == []
    countered = await client.post(
        f"/v1/proposals/{pid}/counter", json={"unit_price": "55000"}, headers=as_coop
    )
    assert countered.status_code == 200, countered.text
    assert countered.json()["cooperative_name"] == "Koperasi Produsen Kopi Gayo"
    assert await _ids(client, as_coop, awaiting_me="true") == []
    assert await _ids(client, as_offtaker, awaiting_me="true") == [pid]
    # Without the filter both still see it.
    assert await _ids(client, as_coop) == [pid]
    rejected = await client.post(f"/v1/proposals/{pid}/reject", headers=as_offtaker)
    assert rejected.status_code == 200
    assert await _ids(client, as_offtaker, awaiting_me="true") == []


async def test_awaiting_me_never_shows_another_organisations(client, actors, registry):
    m = await matched_proposal(client, actors, registry)
    stranger_coop = registry.add(name="Koperasi Lain")
    stranger_offtaker = await make_offtaker(client, actors, name="PT Lain")
    assert await _ids(client, actors.cooperative(stranger_coop), awaiting_me="true") == []
    assert await _ids(client, actors.offtaker(stranger_offtaker), awaiting_me="true") == []
    foreign = await client.get(
        f"/v1/proposals/{m['proposal_id']}", headers=actors.cooperative(stranger_coop)
    )
    assert foreign.status_code == 404


async def test_awaiting_me_needs_a_party(client, actors, registry):
    await matched_proposal(client, actors, registry)
    resp = await client.get("/v1/proposals", params={"awaiting_me": "true"}, headers=actors.admin())
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["field"] == "query.awaiting_me"
