"""The demo data set loads through the services, obeys the rules, and loads once per seed."""

from __future__ import annotations

from registry.demo import load_demo_data


async def test_demo_data_loads_once_with_history_and_restructurings(app, client, admin_headers):
    async with app.state.sessionmaker() as session:
        summary = await load_demo_data(session, n=40, seed=7)
        await session.commit()
    assert summary.cooperatives == 41  # 40 and the spin-off's new cooperative
    assert summary.rats > 40 and summary.products > 10 and summary.health_assessments > 10
    assert summary.merger_id is not None and summary.spin_off_id is not None

    page = (await client.get("/v1/cooperatives?limit=100", headers=admin_headers)).json()
    items = page["items"]
    assert len(items) == 41
    assert len({c["province_code"] for c in items}) > 5
    assert len({c["type"] for c in items}) == 5
    assert sum(c["status"] == "merged" for c in items) == 2
    assert any(c["derived"]["active"] for c in items)
    assert any(c["multi_stakeholder"] for c in items)

    merger = (
        await client.get(f"/v1/restructurings/{summary.merger_id}", headers=admin_headers)
    ).json()
    assert merger["kind"] == "merger" and len(merger["predecessors"]) == 2
    spin = (
        await client.get(f"/v1/restructurings/{summary.spin_off_id}", headers=admin_headers)
    ).json()
    assert spin["predecessors"][0]["type"] == "simpan_pinjam"
    assert spin["successors"][0]["type"] == "jasa"

    async with app.state.sessionmaker() as session:
        again = await load_demo_data(session, n=40, seed=7)
        await session.commit()
    assert again.already_loaded and again.cooperatives == 0
