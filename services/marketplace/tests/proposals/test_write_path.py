"""The proposal reply's write path: what a counter and an acceptance send, in how many
statements (never how fast). The outbox event and the idempotency record go out as one
statement just before the commit (``kopmod_shared.deferred``)."""

from __future__ import annotations

import asyncio

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from kopmod_shared.testing_sql import statements

from ..conftest import matched_proposal


async def test_a_counter_and_an_acceptance_take_few_statements(client, actors, registry, app):
    m = await matched_proposal(client, actors, registry)
    pid = m["proposal_id"]
    headers = {**actors.cooperative(m["cooperative_id"]), "Idempotency-Key": "counter-1"}
    with statements(app.state.engine) as countered:
        resp = await client.post(
            f"/v1/proposals/{pid}/counter",
            json={"unit_price": "53000", "quantity": "2500", "note": "harga pupuk naik"},
            headers=headers,
        )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    # The stored scale without reading the row back.
    assert body["unit_price"] == "53000.00" and body["quantity"] == "2500.000"
    assert body["status"] == "countered" and body["contract_id"] is None
    assert [h["action"] for h in body["history"]] == ["proposed", "countered"]
    # Built from what the command knows, the answer reads as a later read does.
    read = await client.get(f"/v1/proposals/{pid}", headers=actors.cooperative(m["cooperative_id"]))
    assert read.json() == body
    headers = {**actors.offtaker(m["offtaker_id"]), "Idempotency-Key": "accept-1"}
    with statements(app.state.engine) as accepted:
        resp = await client.post(f"/v1/proposals/{pid}/accept", headers=headers)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["status"] == "accepted" and body["contract_id"]
    assert body["cooperative_name"] == m["offer"]["cooperative_name"]
    assert body["offtaker_name"] == "PT Kopi Nusantara"
    assert [h["action"] for h in body["history"]] == ["proposed", "countered", "accepted"]
    read = await client.get(f"/v1/proposals/{pid}", headers=actors.offtaker(m["offtaker_id"]))
    assert read.json() == body
    async with app.state.engine.connect() as conn:
        contract = (
            await conn.execute(text("SELECT id, quantity, unit_price FROM contracts"))
        ).one()
        keys = (await conn.execute(text("SELECT key FROM idempotency_keys ORDER BY key"))).all()
        types = (await conn.execute(text("SELECT type FROM outbox_events ORDER BY seq"))).all()
    assert str(contract[0]) == body["contract_id"]
    assert (format(contract[1], "f"), format(contract[2], "f")) == ("2500.000", "53000.00")
    assert [k[0] for k in keys] == ["accept-1", "counter-1"]
    assert [t[0] for t in types[-2:]] == [
        "marketplace.proposal.countered",
        "marketplace.proposal.accepted",
    ]
    async with app.state.engine.connect() as conn:
        payload = (
            await conn.execute(
                text(
                    "SELECT payload FROM outbox_events "
                    "WHERE type = 'marketplace.proposal.countered'"
                )
            )
        ).scalar_one()
    # The event carries the stored scale too (the counter does not read the row back).
    assert (payload["data"]["quantity"], payload["data"]["unit_price"]) == ("2500.000", "53000.00")
    # Counter: the idempotency lock and lookup (one call of idempotency_claim); ONE statement
    # reading the proposal (locked)
    # with its offtaker's name, its offer and demand (not locked) and its history; ONE
    # statement (WITH) for every write: the proposal's update, the history row, the outbox
    # event and the idempotency record (marketplace.rows, kopmod_shared.deferred).
    assert countered == ["BEGIN", "SELECT", "SELECT", "WITH", "COMMIT"], countered
    # Accept: the idempotency lock and lookup (one call); ONE statement (WITH) locking the
    # proposal, its offer (without its certifications) and its demand in that order, with the
    # offtaker's name and the history; ONE statement (WITH) for every write: the offer's,
    # demand's and proposal's updates, the history row, the contract and its milestone, the
    # outbox event and the idempotency record.
    assert accepted == ["BEGIN", "SELECT", "WITH", "WITH", "COMMIT"], accepted


async def test_an_acceptance_locks_proposal_offer_demand_in_that_order(
    client, actors, registry, app
):
    """The one statement locks as the three did (the lock order everywhere): while another
    transaction holds the demand, the acceptance waits on it holding the proposal and the
    offer; a stranger's acceptance finds nothing and does not wait on the offer or demand."""
    m = await matched_proposal(client, actors, registry)
    pid, offer_id, demand_id = m["proposal_id"], m["offer"]["id"], m["demand"]["id"]
    engine = app.state.engine
    async with engine.connect() as holder, engine.connect() as probe:
        await holder.execute(
            text("SELECT 1 FROM demands WHERE id = :d FOR UPDATE"), {"d": demand_id}
        )
        stranger = actors.cooperative(registry.add(name="Koperasi Lain"))
        refused = await asyncio.wait_for(
            client.post(f"/v1/proposals/{pid}/accept", headers=stranger), timeout=10
        )
        assert refused.status_code == 404
        party = actors.cooperative(m["cooperative_id"])
        accepting = asyncio.create_task(client.post(f"/v1/proposals/{pid}/accept", headers=party))
        locked: dict[str, bool] = {}
        for _ in range(600):  # until the acceptance waits on the demand (30 s at most)
            await asyncio.sleep(0.05)
            for table, row in (("proposals", pid), ("supply_offers", offer_id)):
                try:
                    async with probe.begin():
                        await probe.execute(
                            text(f"SELECT 1 FROM {table} WHERE id = :i FOR UPDATE NOWAIT"),
                            {"i": row},
                        )
                    locked[table] = False
                except DBAPIError:
                    locked[table] = True
            if all(locked.values()):
                break
        assert locked == {"proposals": True, "supply_offers": True}
        assert not accepting.done()
        await holder.rollback()
        accepted = await asyncio.wait_for(accepting, timeout=10)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "accepted"
