"""An outgoing request of a typed client (the marketplace's registry call on a first offer)
searches for no module: httpcore imports ``sniffio`` on every lock, event and semaphore it sets
up, and without it installed each attempt searched every ``sys.path`` entry again (a failed
import is not cached), a third of the call's CPU."""

from __future__ import annotations

import asyncio
import json
import sys
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from kopmod_shared.clients.registry import RegistryClient
from kopmod_shared.schemas.registry import CooperativeStatus

ANSWER = {
    "name": "Koperasi Uji", "type": "produsen", "status": "active", "region_code": "32.05",
    "latitude": -7.2, "longitude": 107.9,
}  # fmt: skip


async def _serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """A registry over a real socket (keep-alive HTTP/1.1): the pool httpx keeps in production,
    not a mock transport, which would skip httpcore."""
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            path = head.split(b" ", 2)[1].decode()
            body = json.dumps(ANSWER | {"id": path.rsplit("/", 1)[-1]}).encode()
            writer.write(
                b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                b"content-length: %d\r\n\r\n%s" % (len(body), body)
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


@pytest.fixture
async def registry() -> AsyncIterator[RegistryClient]:
    server = await asyncio.start_server(_serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server, httpx.AsyncClient(timeout=5) as http:
        yield RegistryClient(f"http://127.0.0.1:{port}", http)


class _Searches:
    """A finder first on ``sys.meta_path`` that finds nothing and notes every module searched
    for (only an import not already in ``sys.modules`` reaches it)."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        self.names.append(name)


async def test_a_registry_call_searches_for_no_module(registry):
    await registry.get_cooperative(uuid.uuid4())  # the first call may import what it needs once
    searches = _Searches()
    sys.meta_path.insert(0, searches)
    try:
        answers = [await registry.get_cooperative(uuid.uuid4()) for _ in range(3)]
        # Calls in flight together: the pool's locks and events of several connections.
        answers += await asyncio.gather(*(registry.get_cooperative(uuid.uuid4()) for _ in range(4)))
    finally:
        sys.meta_path.remove(searches)
    assert [a.status for a in answers] == [CooperativeStatus.active] * 7
    assert searches.names == [], searches.names
