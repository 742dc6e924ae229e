"""The edges every service shares, checked on the registry: health, idempotency, request ids,
metrics, body limits."""

from __future__ import annotations

import asyncio
import gc
import uuid

import httpx
import pytest
from sqlalchemy import insert, text

from kopmod_shared.db import ReadOnlyWrite
from kopmod_shared.testing import running
from registry.cooperatives.models import MemberGroup
from registry.main import create_app


async def test_healthz_and_readyz(client):
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    body = ready.json()
    assert body["status"] == "ready"
    assert body["migration"] == body["expected_migration"]


async def test_readyz_fails_when_the_database_is_down(settings):
    down = settings.model_copy(
        update={"database_url": "postgresql+asyncpg://postgres@127.0.0.1:1/nowhere"}
    )
    app = create_app(down)
    async with (
        running(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://t") as c,
    ):
        resp = await c.get("/readyz")
        assert (await c.get("/healthz")).status_code == 200
    assert resp.status_code == 503
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["detail"] == "database unreachable"


async def test_readyz_fails_when_migrations_are_behind(settings, app):
    from sqlalchemy import text

    async with app.state.engine.begin() as conn:
        current = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar()
        await conn.execute(text("UPDATE alembic_version SET version_num = 'old'"))
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://t") as c:
            resp = await c.get("/readyz")
    finally:
        async with app.state.engine.begin() as conn:
            await conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": current})
    assert resp.status_code == 503
    assert resp.json()["migration"] == "old"


async def test_request_id_is_taken_or_generated_and_returned(client):
    given = uuid.uuid4().hex
    resp = await client.get("/healthz", headers={"X-Request-ID": given})
    assert resp.headers["x-request-id"] == given
    generated = (await client.get("/healthz")).headers["x-request-id"]
    assert len(generated) == 32 and generated != given


async def test_idempotent_replay_and_conflicting_reuse(client, admin_headers):
    headers = {**admin_headers, "Idempotency-Key": "create-client-1"}
    body = {"name": "idem", "role": "ministry"}
    first = await client.post("/v1/clients", json=body, headers=headers)
    assert first.status_code == 201
    replay = await client.post("/v1/clients", json=body, headers=headers)
    assert replay.status_code == 201
    assert replay.json() == first.json()  # same secret, same id: the stored response
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.headers["location"] == first.headers["location"]
    listed = (await client.get("/v1/clients", headers=admin_headers)).json()["items"]
    assert [c["name"] for c in listed].count("idem") == 1

    reused = await client.post(
        "/v1/clients", json={"name": "other", "role": "ministry"}, headers=headers
    )
    assert reused.status_code == 422
    assert reused.json()["type"].endswith("/idempotency-key-reused")


async def test_failed_request_records_no_idempotency_key(client, admin_headers):
    headers = {**admin_headers, "Idempotency-Key": "k-fail"}
    bad = await client.post(
        "/v1/clients",
        json={"name": "dup", "role": "ministry", "client_id": "dup-id"},
        headers={**admin_headers},
    )
    assert bad.status_code == 201
    conflict = await client.post(
        "/v1/clients",
        json={"name": "dup", "role": "ministry", "client_id": "dup-id"},
        headers=headers,
    )
    assert conflict.status_code == 409
    # After the conflict is resolved the same key runs for real (nothing was stored for it).
    retry = await client.post(
        "/v1/clients",
        json={"name": "dup", "role": "ministry", "client_id": "dup-id"},
        headers=headers,
    )
    assert retry.status_code == 409
    assert "idempotent-replayed" not in retry.headers


async def test_metrics_expose_requests_and_pool(client):
    await client.get("/healthz")
    await client.get("/v1/clients")
    text = (await client.get("/metrics")).text
    assert (
        'kopmod_registry_http_requests_total{handler="/v1/clients",method="GET",status="401"}'
        in text
    )
    assert 'kopmod_db_pool_size{service="registry"}' in text


async def test_body_too_large_is_413_problem(client, admin_headers):
    resp = await client.post(
        "/v1/clients",
        content=b"{" + b" " * (2 * 1024 * 1024) + b"}",
        headers={**admin_headers, "Content-Type": "application/json"},
    )
    assert resp.status_code == 413
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["type"].endswith("/payload-too-large")


async def test_float_money_is_refused():
    from decimal import Decimal

    import pydantic

    from kopmod_shared.money import Money

    adapter = pydantic.TypeAdapter(Money)
    assert adapter.validate_python("1500000.50") == Decimal("1500000.50")
    assert adapter.dump_json(Decimal("10.00")) == b'"10.00"'
    try:
        adapter.validate_json(b"0.1")
    except pydantic.ValidationError as exc:
        assert "not a float" in str(exc)
    else:
        raise AssertionError("a float amount was accepted")


async def test_reads_run_in_autocommit_and_cannot_write(app):
    async def two_clock_readings(session) -> tuple[object, object]:
        first = await session.scalar(text("SELECT now()"))
        await asyncio.sleep(0.01)
        return first, await session.scalar(text("SELECT now()"))

    # A read's statements are each their own transaction (no BEGIN): now() moves between them.
    async with app.state.read_sessionmaker() as read:
        first, second = await two_clock_readings(read)
        assert first != second
        read.add(MemberGroup(cooperative_id=uuid.uuid4(), position=0, name="x"))
        with pytest.raises(ReadOnlyWrite):
            await read.flush()
    async with app.state.read_sessionmaker() as read:
        with pytest.raises(ReadOnlyWrite):
            await read.execute(insert(MemberGroup).values(name="x"))
    # A write's session is one transaction: now() stands still inside it.
    async with app.state.sessionmaker() as write:
        first, second = await two_clock_readings(write)
        assert first == second


async def test_startup_objects_are_frozen_out_of_the_collector_when_configured(settings):
    gc.unfreeze()
    app = create_app(settings.model_copy(update={"gc_freeze": True}))
    try:
        async with running(app):
            assert gc.get_freeze_count() > 10_000  # the app's routes, schemas, mappers, ...
    finally:
        gc.unfreeze()
    assert settings.gc_freeze is False  # the suite's own app builds nothing permanent
    async with running(create_app(settings)):
        assert gc.get_freeze_count() == 0
