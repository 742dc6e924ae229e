"""The registry's Idempotency-Key: its lock and lookup are one call of ``idempotency_claim``
(migration c5e7a9b1d3f4), as in financing and the marketplace; a key whose first request is
still running is refused with 409, and once it has finished a retry replays."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, text

BODY = {"name": "claim", "role": "ministry"}


async def test_a_keyed_command_claims_its_key_in_one_statement(app, client, admin_headers):
    sent: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        sent.append(statement)

    event.listen(app.state.engine.sync_engine, "before_cursor_execute", record)
    try:
        resp = await client.post(
            "/v1/clients", json=BODY, headers={**admin_headers, "Idempotency-Key": "claim-1"}
        )
    finally:
        event.remove(app.state.engine.sync_engine, "before_cursor_execute", record)
    assert resp.status_code == 201, resp.text
    assert len([s for s in sent if "idempotency_claim(" in s]) == 1, sent
    assert not [s for s in sent if "pg_advisory_xact_lock" in s], sent


async def test_a_key_whose_first_request_is_running_is_refused_then_replayed(
    app, client, admin_headers
):
    headers = {**admin_headers, "Idempotency-Key": "claim-2"}
    async with app.state.engine.connect() as holder:
        # The lock the first request of this client and key holds until it commits.
        await holder.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:c || chr(31) || :k, 42))"),
            {"c": "admin-test", "k": "claim-2"},
        )
        busy = await client.post("/v1/clients", json=BODY, headers=headers)
        assert busy.status_code == 409, busy.text
        assert busy.json()["type"].endswith("/idempotency-in-progress")
        await holder.rollback()
    first = await client.post("/v1/clients", json=BODY, headers=headers)
    assert first.status_code == 201, first.text
    again = await client.post("/v1/clients", json=BODY, headers=headers)
    assert again.status_code == 201 and again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    listed = (await client.get("/v1/clients", headers=admin_headers)).json()["items"]
    assert [c["name"] for c in listed].count("claim") == 1
