"""The registry behind a proxy that holds requests without answering, or drops connections.

Financing (a uvicorn process) asks the registry for an eligibility snapshot after a submission.
With the registry unreachable through the proxy, each call gives up after its timeout budget
(``outgoing_timeout_seconds`` x ``outgoing_retries``, a GET being safe to repeat), the application
waits in ``eligibility_check`` with the reason, and financing's own API keeps answering meanwhile.
Once the proxy passes traffic again the retry loop completes the check by itself. The shared
client repeats a POST only when it carries an ``Idempotency-Key``.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from kopmod_shared.clients.base import ServiceClient
from kopmod_shared.errors import UpstreamUnavailable
from kopmod_shared.testing import REPO_ROOT, TestIssuer, free_port, fresh_database

pytestmark = pytest.mark.e2e

AUDIENCE = "kopmod-financing"
TIMEOUT = 1.0  # outgoing_timeout_seconds
RETRIES = 2  # outgoing_retries (attempts per call)


class FaultyProxy:
    """TCP proxy to ``upstream_port``; ``mode``: ``pass``, ``hold`` (never answer), ``drop``."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.mode = "pass"
        self.requests = 0
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server: asyncio.Server | None = None
        self.tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._client, "127.0.0.1", self.port)

    async def close(self) -> None:
        assert self.server is not None
        self.server.close()
        for task in list(self.tasks):
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self.tasks.add(task)
        upstream: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        pump: asyncio.Task[None] | None = None
        try:
            while data := await reader.read(65536):
                if data.split(b" ", 1)[0] in {b"GET", b"POST", b"PUT", b"PATCH", b"DELETE"}:
                    self.requests += 1
                if self.mode == "drop":
                    writer.transport.abort()
                    return
                if self.mode == "hold":
                    continue  # swallowed: the caller waits for an answer that never comes
                if upstream is None:
                    upstream = await asyncio.open_connection("127.0.0.1", self.upstream_port)
                    pump = asyncio.create_task(self._pump(upstream[0], writer))
                upstream[1].write(data)
                await upstream[1].drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            if pump is not None:
                pump.cancel()
            if upstream is not None:
                upstream[1].close()
            writer.close()
            self.tasks.discard(task)

    async def _pump(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError):
            while data := await reader.read(65536):
                if self.mode != "pass":
                    continue
                writer.write(data)
                await writer.drain()


def tokens(issuer: TestIssuer, role: str, **kw: Any) -> dict[str, str]:
    return issuer.headers(role, audience=AUDIENCE, sub=f"{role}-1", **kw)


async def until(check: Any, what: str, timeout: float = 60) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = await check()
        if value:
            return value
        assert time.monotonic() < deadline, what
        await asyncio.sleep(0.1)


async def test_registry_that_never_answers(
    tmp_path: Path, issuer: TestIssuer, stub: Any, services: Any
) -> None:
    proxy = FaultyProxy(stub.port)
    await proxy.start()
    proxy.mode = "hold"
    url = fresh_database(REPO_ROOT / "services" / "financing", "kopmod_financing_fault_slow")
    financing = services(
        "financing",
        {
            "KOPMOD_FINANCING_DATABASE_URL": url,
            "KOPMOD_FINANCING_ENVIRONMENT": "test",
            "KOPMOD_FINANCING_TOKEN_ISSUER": issuer.issuer,
            "KOPMOD_FINANCING_JWKS_URL": f"{stub.url}/jwks",
            "KOPMOD_FINANCING_REGISTRY_URL": proxy.url,
            "KOPMOD_FINANCING_OUTGOING_TIMEOUT_SECONDS": str(TIMEOUT),
            "KOPMOD_FINANCING_OUTGOING_RETRIES": str(RETRIES),
            "KOPMOD_FINANCING_ELIGIBILITY_RETRY_INTERVAL_SECONDS": "0.5",
            "KOPMOD_FINANCING_ELIGIBILITY_RETRY_BASE_SECONDS": "1",
            "KOPMOD_FINANCING_ELIGIBILITY_RETRY_MAX_SECONDS": "2",
            "KOPMOD_FINANCING_LOG_JSON": "false",
            "KOPMOD_FINANCING_RATE_LIMIT_ENABLED": "false",
            "KOPMOD_FINANCING_DOCUMENTS_DIR": str(tmp_path / "documents"),
        },
    )
    try:
        await asyncio.to_thread(financing.start)
        # The first authenticated answer of a new process fetches the issuer's keys and opens
        # connections (a second or more on a busy machine): not under the timeout below.
        async with httpx.AsyncClient(base_url=financing.url, timeout=60) as c:
            warm = await c.get("/v1/funds", headers=tokens(issuer, "fund_officer"))
            assert warm.status_code == 200, warm.text
        # Every call to financing must be answered well inside the time the registry is held:
        # a request that waited on the registry would trip this client's timeout.
        async with httpx.AsyncClient(base_url=financing.url, timeout=TIMEOUT * 2) as c:
            fund = (
                await c.post(
                    "/v1/funds",
                    json={"code": "DB-SLOW", "name": "Dana"},
                    headers=tokens(issuer, "admin"),
                )
            ).json()
            product = await c.post(
                "/v1/products",
                json={
                    "fund_id": fund["id"],
                    "code": "MK-SLOW",
                    "name": "Modal kerja",
                    "purpose": "working_capital",
                    "amount_min": "10000000.00",
                    "amount_max": "3000000000.00",
                    "tenor_max_periods": 60,
                    "grace_max_periods": 12,
                    "frequency": "monthly",
                    "method": "declining_equal_installment",
                    "rounding": "1",
                    "max_tranches": 1,
                    "arrears_tolerance_days": 5,
                    "eligibility": {"min_age_years": 2, "rat_years_required": 2},
                    "initial_rate": "0.03",
                    "rate_effective_from": "2020-01-01",
                },
                headers=tokens(issuer, "fund_committee"),
            )
            assert product.status_code == 201, product.text
            coop = uuid.uuid4()
            coop_headers = tokens(issuer, "cooperative", org=coop)
            draft = await c.post(
                "/v1/applications",
                json={
                    "product_id": product.json()["id"],
                    "amount": "200000000.00",
                    "tenor_periods": 24,
                    "grace_periods": 0,
                    "purpose": "Working capital for the coffee harvest of the members",
                    "use_of_funds": [{"item": "coffee cherries", "amount": "200000000.00"}],
                    "tranche_plan": [],
                    "offtake_contract_ids": [],
                },
                headers=coop_headers,
            )
            assert draft.status_code == 201, draft.text
            app_url = f"/v1/applications/{draft.json()['id']}"
            submitted = await c.post(f"{app_url}/submit", headers=coop_headers)
            assert submitted.status_code == 200, submitted.text
            assert submitted.json()["status"] == "eligibility_check"

            officer = tokens(issuer, "fund_officer")

            async def read() -> dict[str, Any]:
                # The caller's own API while the registry is held: liveness and a read.
                assert (await c.get("/healthz")).status_code == 200
                resp = await c.get(app_url, headers=officer)
                assert resp.status_code == 200, resp.text
                body: dict[str, Any] = resp.json()
                return body

            async def attempts(n: int) -> dict[str, Any] | None:
                body = await read()
                return body if body["eligibility_attempts"] >= n else None

            held = await until(lambda: attempts(2), "no eligibility attempt gave up")
            assert held["status"] == "eligibility_check"  # waiting, neither lost nor passed
            assert "timed out" in held["eligibility_last_error"], held
            assert held["eligibility_next_at"] is not None
            assert stub.snapshot_calls == 0
            assert proxy.requests >= 2 * RETRIES  # each attempt retried the (safe) GET

            proxy.mode = "drop"
            before = held["eligibility_attempts"]
            dropped = await until(lambda: attempts(before + 1), "no attempt while dropping")
            assert dropped["status"] == "eligibility_check"
            assert "unreachable" in dropped["eligibility_last_error"], dropped

            proxy.mode = "pass"

            async def decided() -> dict[str, Any] | None:
                body = await read()
                return body if body["status"] != "eligibility_check" else None

            done = await until(decided, "eligibility never completed after the registry healed")
            assert done["status"] == "desk_review", done
            assert stub.snapshot_calls >= 1
    finally:
        await proxy.close()


async def test_client_repeats_only_what_is_safe(stub: Any) -> None:
    proxy = FaultyProxy(stub.port)
    await proxy.start()
    proxy.mode = "hold"
    try:
        async with httpx.AsyncClient() as http:
            client = ServiceClient(proxy.url, http, timeout=0.3, attempts=3)
            calls = [
                ("GET", None, 3),  # safe: repeated
                ("POST", "key-1", 3),  # idempotency key: repeated with the same key
                ("POST", None, 1),  # a plain POST could take effect twice: never repeated
            ]
            for method, key, expected in calls:
                before = proxy.requests
                with pytest.raises(UpstreamUnavailable) as raised:
                    await client.request(method, "/v1/anything", json={}, idempotency_key=key)
                assert raised.value.status == 503
                assert "timed out" in (raised.value.detail or "")
                assert proxy.requests - before == expected, (method, key)
    finally:
        await proxy.close()
