"""The offer's write path: what posting an offer sends to Postgres and to the registry (never how
fast). The offer, its certifications and the idempotency record go out as one statement at the
commit (``kopmod_shared.deferred``); the commodity's reference data and the registry's answer
about an active cooperative are kept (``commodities.service.load``,
``marketplace.offers.cooperatives``)."""

from __future__ import annotations

from sqlalchemy import text

from kopmod_shared.testing_sql import statements
from marketplace.commodities import service as commodities

from ..conftest import AUDIENCE, offer_body, soon

ORGANIC = {
    "scheme": "organic",
    "number": "ORG-1",
    "issuer": "LSO",
    "valid_from": "2025-01-01",
    "valid_to": soon(365),
}
HALAL = ORGANIC | {"scheme": "halal", "number": "H-7", "issuer": "BPJPH"}


async def test_an_offer_takes_one_write_statement_and_answers_as_a_later_read(
    client, actors, registry, app
):
    coop = registry.add()
    commodities._KEPT.clear()  # as in a process that has read no commodity yet
    headers = {**actors.cooperative(coop), "Idempotency-Key": "offer-1"}
    body = offer_body(
        quantity="2.5", min_order="0.5", asking_price="50000.5", certifications=[ORGANIC, HALAL]
    )
    with statements(app.state.engine) as first:
        resp = await client.post("/v1/offers", json=body, headers=headers)
    assert resp.status_code == 201, resp.text
    posted = resp.json()
    assert registry.calls == 1
    # Stored scale and scheme order without reading the row back: the answer is what a read
    # of the stored row says, field by field (id, created_at and the certifications included).
    assert posted["quantity"] == "2500.000" and posted["entered_quantity"] == "2.500"
    assert posted["asking_price"] == "50000.50" and posted["min_order"] == "500.000"
    read = await client.get(f"/v1/offers/{posted['id']}", headers=actors.cooperative(coop))
    assert read.status_code == 200
    assert read.json() == posted
    assert [c["scheme"] for c in posted["certifications"]] == ["halal", "organic"]
    async with app.state.engine.connect() as conn:
        keys = (await conn.execute(text("SELECT key FROM idempotency_keys"))).all()
    assert [k[0] for k in keys] == ["offer-1"]

    # The cooperative's next offer: no registry call, no replay check, no commodity rows.
    headers = {**actors.cooperative(coop), "Idempotency-Key": "offer-2"}
    with statements(app.state.engine) as second:
        resp = await client.post("/v1/offers", json=offer_body(), headers=headers)
    assert resp.status_code == 201, resp.text
    assert registry.calls == 1
    # First offer of a cooperative: the replay check before the registry call (one statement
    # on an autocommit connection of the read engine, sent by the driver), then the idempotency
    # lock and lookup (one call of idempotency_claim), the commodity, its units and grades
    # (kept from now on), and one statement (WITH) for the offer, its two certifications and
    # the idempotency record.
    assert first == [
        "BEGIN", "SELECT", "SELECT", "SELECT", "SELECT", "SELECT", "WITH", "COMMIT",
    ], " ".join(first)  # fmt: skip
    # A kept cooperative: the idempotency lock and lookup, the one write statement.
    assert second == ["BEGIN", "SELECT", "WITH", "COMMIT"], second


async def test_an_offer_without_idempotency_key_writes_the_same_way(client, actors, registry, app):
    coop = registry.add()
    await client.post("/v1/offers", json=offer_body(), headers=actors.cooperative(coop))
    with statements(app.state.engine) as seen:
        resp = await client.post("/v1/offers", json=offer_body(), headers=actors.cooperative(coop))
    assert resp.status_code == 201, resp.text
    # Without a key there is no record: the offer row alone, a plain INSERT.
    assert seen == ["BEGIN", "INSERT", "COMMIT"], seen


async def test_a_key_whose_first_request_is_running_is_refused_then_replayed(
    client, actors, registry, app
):
    """The lock and the lookup in one call (``idempotency_claim``): a request while another
    transaction holds the key's lock is refused with 409, nothing written; once it is free the
    command runs, and its retry replays."""
    coop = registry.add()
    sub = "cooperative-claim"
    headers = {
        **actors.issuer.headers("cooperative", org=coop, audience=AUDIENCE, sub=sub),
        "Idempotency-Key": "offer-claim",
    }
    async with app.state.engine.connect() as holder:
        await holder.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:c || chr(31) || :k, 42))"),
            {"c": sub, "k": "offer-claim"},
        )
        busy = await client.post("/v1/offers", json=offer_body(), headers=headers)
        assert busy.status_code == 409, busy.text
        assert busy.json()["type"].endswith("/idempotency-in-progress")
        await holder.rollback()
    first = await client.post("/v1/offers", json=offer_body(), headers=headers)
    assert first.status_code == 201, first.text
    again = await client.post("/v1/offers", json=offer_body(), headers=headers)
    assert again.status_code == 201 and again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    async with app.state.engine.connect() as conn:
        offers = await conn.scalar(text("SELECT count(*) FROM supply_offers"))
    assert offers == 1
