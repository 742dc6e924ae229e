"""The 2026-12-02 migration cleans what older releases stored: request ids that cannot travel in
a header (in events and in delivery payloads) and raw delivery errors that named addresses."""

from __future__ import annotations

import asyncio
import json
import uuid

import asyncpg
from alembic import command

from kopmod_shared.testing import _asyncpg_kwargs, _in_thread, alembic_config, fresh_database

from .conftest import SERVICE_DIR

BEFORE = "56534f2697e7"


def test_stored_request_ids_and_raw_delivery_errors_are_cleaned():
    url = fresh_database(SERVICE_DIR, "kopmod_registry_cleanup_test", migrate=False)
    cfg = alembic_config(SERVICE_DIR, url)
    _in_thread(command.upgrade, cfg, BEFORE)
    endpoint, poisoned, clean = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()

    async def seed() -> None:
        conn = await asyncpg.connect(**_asyncpg_kwargs(url))
        try:
            for event_id, cid in ((poisoned, "poison-\xe9"), (clean, "req-42")):
                payload = json.dumps({"id": str(event_id), "type": "t", "correlation_id": cid})
                await conn.execute(
                    "INSERT INTO outbox_events (id, type, payload, correlation_id) "
                    "VALUES ($1, 't', $2::jsonb, $3)",
                    event_id,
                    payload,
                    cid,
                )
            await conn.execute(
                "INSERT INTO webhook_endpoints (id, owner_client_id, owner_role, url, secrets) "
                "VALUES ($1, 'p', 'partner', 'https://h.test/', '[]'::jsonb)",
                endpoint,
            )
            for event_id, cid, error in (
                (poisoned, "poison-\xe9", None),
                (clean, "req-42", "ConnectError: [Errno 111] Connection refused 10.0.0.5:22"),
            ):
                await conn.execute(
                    "INSERT INTO webhook_deliveries "
                    "(id, endpoint_id, event_id, event_type, payload, last_error) "
                    "VALUES ($1, $2, $3, 't', $4::jsonb, $5)",
                    uuid.uuid4(),
                    endpoint,
                    event_id,
                    json.dumps({"id": str(event_id), "correlation_id": cid}),
                    error,
                )
        finally:
            await conn.close()

    async def read() -> tuple[list, list]:
        conn = await asyncpg.connect(**_asyncpg_kwargs(url))
        try:
            events = await conn.fetch(
                "SELECT id, correlation_id, payload->>'correlation_id' AS p FROM outbox_events"
            )
            deliveries = await conn.fetch(
                "SELECT event_id, payload->>'correlation_id' AS p, last_error "
                "FROM webhook_deliveries"
            )
            return events, deliveries
        finally:
            await conn.close()

    asyncio.run(seed())
    _in_thread(command.upgrade, cfg, "head")
    events, deliveries = asyncio.run(read())
    assert {(r["id"], r["correlation_id"], r["p"]) for r in events} == {
        (poisoned, None, None),
        (clean, "req-42", "req-42"),
    }
    assert {(r["event_id"], r["p"], r["last_error"]) for r in deliveries} == {
        (poisoned, None, None),
        (clean, "req-42", "delivery error"),
    }
