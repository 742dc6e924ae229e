"""The demo market: a newcomer sees offers, proposals in both parties' turns, a contract and a
delivery waiting for the offtaker; loading twice adds nothing."""

from __future__ import annotations

from kopmod_shared.schemas.registry import CooperativeStatus, CooperativeSummary, CooperativeType
from marketplace.demo import load_demo_market, offtaker_id

from .conftest import count


def _coop(registry, name: str, lat: float, lon: float, kind=CooperativeType.produsen):
    cid = registry.add(name=name)
    return CooperativeSummary(
        id=cid,
        name=name,
        type=kind,
        status=CooperativeStatus.active,
        region_code="32.04",
        latitude=lat,
        longitude=lon,
    )


async def test_demo_market(client, actors, registry, app, settings):
    coops = [
        _coop(registry, "Koperasi Garut", -7.2, 107.9),
        _coop(registry, "Koperasi Bogor", -6.6, 106.8),
        _coop(registry, "Koperasi Tasik", -7.33, 108.22),
        _coop(registry, "KSP Simpan", -6.9, 107.6, CooperativeType.simpan_pinjam),
    ]
    async with app.state.sessionmaker() as session:
        demo = await load_demo_market(session, coops, settings, seed=7)
        await session.commit()
    assert not demo.already_loaded
    # Three coffee offers (a savings-and-loan cooperative offers no goods), the nearest's cocoa.
    assert demo.offers == 4
    assert demo.proposals == 4 and demo.contracts == 1
    assert demo.featured_cooperative == coops[0].id  # the nearest to the coffee buyer
    buyer = offtaker_id(7, 0)
    assert demo.offtakers[0] == buyer
    as_buyer = actors.offtaker(buyer)
    waiting = (
        await client.get("/v1/proposals", params={"awaiting_me": "true"}, headers=as_buyer)
    ).json()["items"]
    assert len(waiting) == 1 and waiting[0]["status"] == "countered"
    contracts = (await client.get("/v1/contracts", headers=as_buyer)).json()["items"]
    assert [c["status"] for c in contracts] == ["active"]
    noticed = (
        await client.get("/v1/deliveries", params={"status": "notified"}, headers=as_buyer)
    ).json()["items"]
    assert len(noticed) == 1
    results = await client.get(
        f"/v1/demands/{contracts[0]['demand_id']}/matching-results", headers=as_buyer
    )
    assert results.status_code == 200 and len(results.json()["chosen"]) == 3
    assert contracts[0]["cooperative_id"] == str(coops[0].id)
    featured = actors.cooperative(coops[0].id)
    [cocoa] = (
        await client.get("/v1/proposals", params={"awaiting_me": "true"}, headers=featured)
    ).json()["items"]
    assert cocoa["commodity_code"] == "cocoa_beans"
    assert cocoa["offtaker_name"] == "PT Kakao Ekspor Demo"
    waiting = []
    for cid in demo.cooperatives:
        items = (
            await client.get(
                "/v1/proposals", params={"awaiting_me": "true"}, headers=actors.cooperative(cid)
            )
        ).json()["items"]
        waiting.append(len(items))
    assert sorted(waiting) == [0, 1, 1]  # countered (the offtaker's turn), the cocoa, the third

    async with app.state.sessionmaker() as session:
        again = await load_demo_market(session, coops, settings, seed=7)
        await session.commit()
    assert again.already_loaded
    assert await count(app, "offtakers") == 2
