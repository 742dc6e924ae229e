"""A registry stand-in in a process of its own: every cooperative active, over HTTP/1.1.

    python bench/registry_stub.py PORT

Answers ``GET .../v1/cooperatives/{id}`` with the same JSON as ``apps.marketplace_app``'s
in-process stand-in (``Koperasi Bench``, active), keep-alive, nothing else. It runs outside the
measured service, so a bench that points the service's registry client at it counts the client's
CPU (the HTTP request the marketplace makes in production) and not the registry's serving, which
in production is another service's. It prints ``ready`` once listening; a
``GET /calls`` answers how many cooperatives it was asked about.
"""

from __future__ import annotations

import asyncio
import json
import sys

CALLS = [0]


def _answer(path: str) -> bytes:
    if path.endswith("/calls"):
        body = json.dumps({"calls": CALLS[0]}).encode()
    else:
        CALLS[0] += 1
        body = json.dumps({
            "id": path.rstrip("/").rsplit("/", 1)[-1], "name": "Koperasi Bench",
            "type": "produsen", "status": "active", "region_code": "32.05",
            "latitude": -7.2, "longitude": 107.9,
        }).encode()  # fmt: skip
    head = (
        f"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def _serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            path = head.split(b" ", 2)[1].decode()
            writer.write(_answer(path))
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main(port: int) -> None:
    server = await asyncio.start_server(_serve, "127.0.0.1", port)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
