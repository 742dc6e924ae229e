"""Postgres stopped and started again while clients keep writing to and reading from the registry.

The registry runs as a uvicorn process on its own embedded Postgres. While the database is down
the service says so (``/readyz`` 503) and answers writes and reads with a 503 problem instead of
hanging; once the database is back it recovers by itself (same process, no restart), and every
write that was answered 2xx is in the database. The reads take the read path (a cooperative on
the asyncpg driver, outside SQLAlchemy's execute): it too must drop the dead connections.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from alembic import command
from sqlalchemy.engine import make_url

from kopmod_cli.stack import Credentials, bootstrap_clients, signing_key_file
from kopmod_shared.embedded_pg import start_embedded
from kopmod_shared.testing import REPO_ROOT, alembic_config

pytestmark = pytest.mark.e2e

WRITERS = 4
READERS = 2
COOPERATIVE = {
    "name": "Koperasi Produsen Kopi Gayo Fault",
    "type": "produsen",
    "legal_decree_number": "AHU-0000001.AH.01.26.TAHUN 2015",
    "legal_decree_date": "2015-03-10",
    "nib": "9120000000999",
    "nik_koperasi": "1101000000000999",
    "founded_on": "2015-01-20",
    "region_code": "11.04.01.2001",
    "business_sectors": ["coffee"],
}


def asyncpg_kwargs(url: str) -> dict[str, Any]:
    u = make_url(url)
    host = u.query.get("host") or u.host
    if isinstance(host, tuple):
        host = host[0]
    return {"user": "postgres", "database": u.database, "host": host, "port": u.port}


async def wait_for_status(client: httpx.AsyncClient, path: str, status: int) -> httpx.Response:
    deadline = time.monotonic() + 60
    while True:
        resp = await client.get(path)
        if resp.status_code == status:
            return resp
        assert time.monotonic() < deadline, f"{path} stayed {resp.status_code}: {resp.text}"
        await asyncio.sleep(0.1)


async def test_registry_rides_out_a_postgres_restart(tmp_path: Path, services: Any) -> None:
    pgdir = tmp_path / "pg"
    pg = start_embedded(pgdir)
    try:
        url = pg.url.render_as_string(hide_password=False)
        await asyncio.to_thread(
            command.upgrade, alembic_config(REPO_ROOT / "services" / "registry", url), "head"
        )
        creds = Credentials(admin_client_id="admin", admin_client_secret="kms_fault_admin")
        await asyncio.to_thread(bootstrap_clients, url, creds)
        registry = services(
            "registry",
            {
                "KOPMOD_REGISTRY_DATABASE_URL": url,
                "KOPMOD_REGISTRY_ENVIRONMENT": "test",
                "KOPMOD_REGISTRY_SIGNING_KEY_FILE": str(signing_key_file(tmp_path)),
                "KOPMOD_REGISTRY_LOG_JSON": "false",
                "KOPMOD_REGISTRY_LOG_LEVEL": "WARNING",
                "KOPMOD_REGISTRY_RATE_LIMIT_ENABLED": "false",
                "KOPMOD_REGISTRY_DB_POOL_TIMEOUT_SECONDS": "5",
            },
        )
        await asyncio.to_thread(registry.start)
        assert registry.proc is not None
        pid = registry.proc.pid

        async with httpx.AsyncClient(base_url=registry.url, timeout=30) as c:
            token = await c.post(
                "/v1/oauth/token",
                data={"grant_type": "client_credentials"},
                auth=(creds.admin_client_id, creds.admin_client_secret),
            )
            assert token.status_code == 200, token.text
            auth = {"Authorization": f"Bearer {token.json()['access_token']}"}

            created = await c.post("/v1/cooperatives", json=COOPERATIVE, headers=auth)
            assert created.status_code == 201, created.text
            cooperative = created.json()["id"]

            written: list[str] = []  # client ids answered 2xx
            failed: list[httpx.Response] = []
            reads: list[int] = []  # status of every read, in order
            stop = asyncio.Event()
            counter = iter(range(1_000_000))

            stop_reads = asyncio.Event()

            async def reader() -> None:
                while not stop_reads.is_set():
                    resp = await c.get(f"/v1/cooperatives/{cooperative}", headers=auth)
                    reads.append(resp.status_code)
                    if resp.status_code == 200:
                        assert resp.json()["id"] == cooperative
                    else:
                        failed.append(resp)
                        await asyncio.sleep(0.05)

            async def writer() -> None:
                while not stop.is_set():
                    client_id = f"fault-{next(counter):06d}"
                    # A request that never gets an answer fails the test (httpx timeout).
                    resp = await c.post(
                        "/v1/clients",
                        json={"name": client_id, "role": "partner", "client_id": client_id},
                        headers=auth,
                    )
                    if resp.status_code == 201:
                        written.append(client_id)
                    else:
                        failed.append(resp)
                        await asyncio.sleep(0.05)

            async def until(predicate: Any, what: str) -> None:
                deadline = time.monotonic() + 60
                while not predicate():
                    assert time.monotonic() < deadline, what
                    await asyncio.sleep(0.05)

            tasks = [asyncio.create_task(writer()) for _ in range(WRITERS)]
            readers = [asyncio.create_task(reader()) for _ in range(READERS)]
            await until(lambda: len(written) >= 30, "no writes before the restart")

            await asyncio.to_thread(pg.stop)
            assert not (pgdir / "postmaster.pid").exists(), "Postgres did not stop"
            down = await wait_for_status(c, "/readyz", 503)
            assert down.headers["content-type"] == "application/problem+json"
            assert down.json()["detail"] == "database unreachable"
            await until(lambda: len(failed) >= 10, "writes did not fail while Postgres was down")
            written_before_up = len(written)
            assert (await c.get("/healthz")).status_code == 200  # alive, just not ready

            pg = await asyncio.to_thread(start_embedded, pgdir)
            ready = await wait_for_status(c, "/readyz", 200)
            assert ready.json()["status"] == "ready"
            await until(lambda: len(written) >= written_before_up + 30, "no writes after restart")
            stop.set()
            await asyncio.gather(*tasks)

            # Again with readers only: no write goes through SQLAlchemy's execute to notice the
            # dead connections for them, so the read path must drop them itself.
            reads.clear()
            await until(lambda: len(reads) >= 20, "no reads before the second restart")
            await asyncio.to_thread(pg.stop)
            await wait_for_status(c, "/readyz", 503)
            await until(lambda: 503 in reads, "reads did not fail while Postgres was down")
            pg = await asyncio.to_thread(start_embedded, pgdir)
            await wait_for_status(c, "/readyz", 200)
            reads_after_up = len(reads)
            await until(lambda: len(reads) >= reads_after_up + 60, "no reads after restart")
            stop_reads.set()
            await asyncio.gather(*readers)
            # Recovered for good: the last reads all succeeded (no dead connection left in the
            # pool to fail a later one).
            assert reads[-40:] == [200] * 40, reads[-60:]

        assert registry.proc.poll() is None and registry.proc.pid == pid  # never restarted
        assert registry.starts == 1
        for resp in failed:
            assert resp.status_code == 503, resp.text
            assert resp.headers["content-type"] == "application/problem+json", resp.text
            assert resp.headers["retry-after"] == "1"
            assert resp.json()["detail"] == "database unavailable; retry shortly"

        conn = await asyncpg.connect(**asyncpg_kwargs(url))
        try:
            stored = {
                r["client_id"]
                for r in await conn.fetch(
                    "SELECT client_id FROM api_clients WHERE client_id LIKE 'fault-%'"
                )
            }
        finally:
            await conn.close()
        assert set(written) <= stored, sorted(set(written) - stored)
    finally:
        await asyncio.to_thread(pg.stop)
