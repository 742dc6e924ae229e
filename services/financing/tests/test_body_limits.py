"""Body sizes: the shared 1 MiB everywhere, the document limit only on the upload route, and a
chunked body (no Content-Length) past the limit is a 413 like a declared one, not a 400."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator

from .helpers import draft, funded_fund, make_product

MIB = 1024 * 1024


def chunked(total: int, piece: int = 64 * 1024) -> AsyncIterator[bytes]:
    async def gen() -> AsyncIterator[bytes]:
        yield b'{"name": "'
        sent = 0
        while sent < total:
            yield b"x" * piece
            sent += piece
        yield b'"}'

    return gen()


def assert_413(resp) -> None:
    assert resp.status_code == 413, resp.text[:300]
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["type"].endswith("/payload-too-large")


async def test_json_routes_keep_the_shared_limit(app, client, tokens):
    body = b'{"name": "' + b"x" * (2 * MIB) + b'"}'
    resp = await client.post(
        "/v1/funds", content=body, headers={**tokens.committee, "content-type": "application/json"}
    )
    assert_413(resp)
    assert "1048576 bytes" in resp.json()["detail"]


async def test_a_chunked_body_past_the_limit_is_413(app, client, tokens):
    resp = await client.post(
        "/v1/funds",
        content=chunked(2 * MIB),
        headers={**tokens.committee, "content-type": "application/json"},
    )
    assert "content-length" not in resp.request.headers
    assert_413(resp)


async def test_the_upload_route_takes_documents_up_to_their_own_limit(app, client, tokens):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    created = await draft(client, tokens, product["id"], coop)
    url = f"/v1/applications/{created['id']}/documents"
    content = b"%PDF-1.7\n" + b"0" * (3 * MIB)
    resp = await client.post(
        url,
        data={"kind": "other", "checksum_sha256": hashlib.sha256(content).hexdigest()},
        files={"file": ("big.pdf", content, "application/pdf")},
        headers=tokens.cooperative(coop),
    )
    assert resp.status_code == 201, resp.text
    assert resp.json()["size_bytes"] == len(content)

    limit = app.state.settings.max_document_bytes + 64 * 1024

    async def too_big() -> AsyncIterator[bytes]:
        # A well-formed multipart body whose file part never ends before the limit.
        yield (
            b"--kopmod\r\n"
            b'Content-Disposition: form-data; name="kind"\r\n\r\nother\r\n'
            b"--kopmod\r\n"
            b'Content-Disposition: form-data; name="checksum_sha256"\r\n\r\n'
            + b"0"
            * 64
            + b"\r\n--kopmod\r\n"
            b'Content-Disposition: form-data; name="file"; filename="huge.pdf"\r\n'
            b"Content-Type: application/pdf\r\n\r\n%PDF-1.7\n"
        )
        for _ in range(limit // (64 * 1024) + 2):
            yield b"0" * (64 * 1024)
        yield b"\r\n--kopmod--\r\n"

    resp = await client.post(
        url,
        content=too_big(),
        headers={
            **tokens.cooperative(coop),
            "content-type": "multipart/form-data; boundary=kopmod",
        },
    )
    assert_413(resp)
    listed = await client.get(url, headers=tokens.cooperative(coop))
    assert len(listed.json()["items"]) == 1
