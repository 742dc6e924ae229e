"""A document upload (multipart) honours Idempotency-Key like every POST: found by the fuzzer,
the key used to turn every upload into a 500 (the form had consumed the body)."""

from __future__ import annotations

import hashlib
import uuid

from ..helpers import funded_fund, make_product, submitted


async def test_an_upload_with_an_idempotency_key_is_replayed_and_a_different_one_refused(
    client, tokens, fake_registry
):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    owner = uuid.uuid4()
    application = await submitted(
        client, tokens, fake_registry, product["id"], cooperative_id=owner
    )
    url = f"/v1/applications/{application['id']}/documents"

    def upload(content: bytes) -> dict:
        return {
            "data": {
                "kind": "manager_id_card",
                "checksum_sha256": hashlib.sha256(content).hexdigest(),
            },
            "files": {"file": ("ktp.jpg", content, "image/jpeg")},
            "headers": {**tokens.cooperative(owner), "Idempotency-Key": "upload-1"},
        }

    first = await client.post(url, **upload(b"\xff\xd8\xff\xe0KTP scan"))
    assert first.status_code == 201, first.text
    again = await client.post(url, **upload(b"\xff\xd8\xff\xe0KTP scan"))
    assert again.status_code == 201, again.text
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    listed = await client.get(url, headers=tokens.cooperative(owner))
    assert len(listed.json()["items"]) == 1

    other = await client.post(url, **upload(b"\xff\xd8\xff\xe0another scan"))
    assert other.status_code == 422
    assert other.json()["type"].endswith("/idempotency-key-reused")
