"""Contract lists narrowed by state and by the other party, never beyond a party's own."""

from __future__ import annotations

from ..conftest import make_offtaker, match, post_demand, post_offer
from .test_contracts import signed_contract


async def test_status_and_counterparty_filters(client, actors, registry):
    m = await signed_contract(client, actors, registry)
    offtaker, coop = m["offtaker_id"], m["cooperative_id"]
    # A second, pending contract of the same offtaker with another cooperative.
    coop2 = registry.add(name="Koperasi Dua")
    await post_offer(client, actors, registry, coop2, quantity="2", asking_price="46000")
    demand = await post_demand(client, actors, offtaker, quantity="1", unit="TNE")
    run = await match(client, actors, offtaker, demand["id"])
    pid = next(a["proposal_id"] for a in run["allocations"] if a["cooperative_id"] == str(coop2))
    ok = await client.post(f"/v1/proposals/{pid}/accept", headers=actors.cooperative(coop2))
    assert ok.status_code == 200, ok.text
    as_offtaker = actors.offtaker(offtaker)

    async def names(headers, **params) -> list[str]:
        resp = await client.get("/v1/contracts", params=params, headers=headers)
        assert resp.status_code == 200, resp.text
        return sorted(c["cooperative_name"] for c in resp.json()["items"])

    assert await names(as_offtaker) == ["Koperasi Dua", "Koperasi Produsen Kopi Gayo"]
    assert await names(as_offtaker, status="active") == ["Koperasi Produsen Kopi Gayo"]
    assert await names(as_offtaker, status=["active", "pending"]) == [
        "Koperasi Dua",
        "Koperasi Produsen Kopi Gayo",
    ]
    assert await names(as_offtaker, counterparty_id=str(coop2)) == ["Koperasi Dua"]
    as_coop = actors.cooperative(coop)
    assert await names(as_coop, counterparty_id=offtaker) == ["Koperasi Produsen Kopi Gayo"]
    # Another offtaker named as counterparty widens nothing: the cooperative's own, filtered.
    other = await make_offtaker(client, actors, name="PT Lain")
    assert await names(as_coop, counterparty_id=other) == []
    assert await names(actors.offtaker(other), counterparty_id=str(coop)) == []
    bad = await client.get("/v1/contracts", params={"status": "nope"}, headers=as_offtaker)
    assert bad.status_code == 422
