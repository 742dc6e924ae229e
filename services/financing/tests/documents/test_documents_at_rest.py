"""Documents at rest: sealed with AES-256-GCM under a key id, kept only when their bytes are an
allowed type, served as attachments of that type; keys rotate without losing a document."""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import uuid

import pytest
from pydantic import SecretStr, ValidationError

from financing.documents.crypto import DocumentCipher, DocumentKeyError
from financing.documents.storage import LocalDiskStorage
from financing.documents.vault import DocumentVault
from financing.jobs import rekey_documents
from financing.settings import DEV_DOCUMENT_KEY, FinancingSettings

from ..helpers import draft, funded_fund, make_product

PDF = b"%PDF-1.7\n1 0 obj << /Title (Laporan RAT Koperasi Sumber Rejeki 2025) >> endobj\n%%EOF"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40


def new_key() -> str:
    return base64.b64encode(os.urandom(32)).decode()


async def application(client, tokens):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    created = await draft(client, tokens, product["id"], coop)
    return f"/v1/applications/{created['id']}/documents", tokens.cooperative(coop)


async def upload(client, base, headers, content, name="file.pdf", declared="application/pdf"):
    return await client.post(
        base,
        data={"kind": "other", "checksum_sha256": hashlib.sha256(content).hexdigest()},
        files={"file": (name, content, declared)},
        headers=headers,
    )


async def test_bytes_on_disk_are_sealed_and_come_back_as_they_went_in(
    app, client, tokens, documents_dir
):
    base, me = await application(client, tokens)
    before = set(documents_dir.iterdir())
    resp = await upload(client, base, me, PDF, name="rat-2025.pdf")
    assert resp.status_code == 201, resp.text
    [stored] = set(documents_dir.iterdir()) - before
    on_disk = stored.read_bytes()
    assert b"Sumber Rejeki" not in on_disk and b"%PDF" not in on_disk
    assert len(on_disk) == len(PDF) + 12 + 16  # nonce + tag
    async with app.state.sessionmaker() as session:
        from financing.applications.models import Document

        row = await session.get(Document, uuid.UUID(resp.json()["id"]))
        assert row is not None and row.encryption_key_id == "dev"

    got = await client.get(f"{base}/{resp.json()['id']}/content", headers=me)
    assert got.status_code == 200
    assert got.content == PDF
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["content-disposition"] == 'attachment; filename="rat-2025.pdf"'
    assert got.headers["x-content-type-options"] == "nosniff"
    assert got.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ktp.png", b"<html><script>fetch('/v1/me')</script></html>"),
        ("logo.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("scan.pdf", b"  %PDF-1.4 but not at the start"),
        ("arsip.pdf", b"PK\x03\x04 a zip archive"),
    ],
)
async def test_a_file_whose_bytes_are_not_an_allowed_type_is_refused(
    app, client, tokens, documents_dir, name, content
):
    base, me = await application(client, tokens)
    before = set(documents_dir.iterdir())
    declared = "application/pdf" if name.endswith(".pdf") else "image/png"
    resp = await upload(client, base, me, content, name=name, declared=declared)
    assert resp.status_code == 415, resp.text
    assert resp.headers["content-type"] == "application/problem+json"
    body = resp.json()
    assert body["type"].endswith("/unsupported-media-type")
    assert body["allowed"] == ["application/pdf", "image/png", "image/jpeg"]
    assert set(documents_dir.iterdir()) == before
    assert (await client.get(base, headers=me)).json()["items"] == []


async def test_served_as_the_checked_type_whatever_was_declared(app, client, tokens):
    base, me = await application(client, tokens)
    resp = await upload(client, base, me, PNG, name="page.html", declared="text/html")
    assert resp.status_code == 201, resp.text
    assert resp.json()["content_type"] == "image/png"
    assert resp.json()["file_name"] == "page.html.png"
    got = await client.get(f"{base}/{resp.json()['id']}/content", headers=me)
    assert got.headers["content-type"] == "image/png"
    assert got.headers["content-disposition"] == 'attachment; filename="page.html.png"'


async def test_rotation_keeps_old_documents_readable_and_rekey_moves_them(
    app, client, tokens, settings, documents_dir
):
    base, me = await application(client, tokens)
    old = await upload(client, base, me, PDF, name="old.pdf")
    assert old.status_code == 201
    original = app.state.document_vault
    storage = LocalDiskStorage(documents_dir)
    k2 = new_key()
    try:
        # A new key becomes current; the old one stays configured.
        app.state.document_vault = DocumentVault(
            storage, DocumentCipher.from_encoded({"dev": DEV_DOCUMENT_KEY, "k2": k2}, "k2")
        )
        new = await upload(client, base, me, PNG, name="new.png")
        assert new.status_code == 201
        for doc, content in ((old, PDF), (new, PNG)):
            got = await client.get(f"{base}/{doc.json()['id']}/content", headers=me)
            assert got.status_code == 200 and got.content == content

        rotated = settings.model_copy(
            update={"document_keys": {"dev": SecretStr(DEV_DOCUMENT_KEY), "k2": SecretStr(k2)}}
        )
        rotated.document_key_id = "k2"
        files_before = {p.name for p in documents_dir.iterdir()}
        assert await rekey_documents(rotated) == {"rekeyed": 1}
        assert await rekey_documents(rotated) == {"rekeyed": 0}
        files_after = {p.name for p in documents_dir.iterdir()}
        assert len(files_after - files_before) == 1 and len(files_before - files_after) == 1

        # The old key is retired: every document still opens.
        app.state.document_vault = DocumentVault(
            storage, DocumentCipher.from_encoded({"k2": k2}, "k2")
        )
        for doc, content in ((old, PDF), (new, PNG)):
            got = await client.get(f"{base}/{doc.json()['id']}/content", headers=me)
            assert got.status_code == 200 and got.content == content
    finally:
        app.state.document_vault = original


def test_a_sealed_file_opens_only_under_its_key_and_its_own_name():
    cipher = DocumentCipher.from_encoded({"a": new_key(), "b": new_key()}, "a")
    key_id, sealed = cipher.seal(PDF, b"doc-1")
    assert key_id == "a" and PDF not in sealed
    assert cipher.open("a", sealed, b"doc-1") == PDF
    with pytest.raises(DocumentKeyError):
        cipher.open("b", sealed, b"doc-1")
    with pytest.raises(DocumentKeyError):
        cipher.open("a", sealed, b"doc-2")  # moved under another document's name
    tampered = sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises(DocumentKeyError):
        cipher.open("a", tampered, b"doc-1")
    with pytest.raises(DocumentKeyError):
        cipher.open("retired", sealed, b"doc-1")
    # Two seals of the same bytes differ (a fresh nonce each time).
    assert cipher.seal(PDF, b"doc-1")[1] != sealed


def test_document_keys_are_checked_at_start():
    with pytest.raises(ValidationError, match="must be 32 bytes"):
        FinancingSettings(document_keys={"k": base64.b64encode(b"short").decode()})
    with pytest.raises(ValidationError, match="not among document_keys"):
        FinancingSettings(document_keys={"k": new_key()}, document_key_id="other")
    with pytest.raises(ValidationError, match="not base64"):
        FinancingSettings(document_keys={"k": "%%%"}, document_key_id="k")


def test_production_refuses_the_development_document_key():
    production = {
        "environment": "production",
        "token_issuer": "https://id.kopmod.example",
        "jwks_url": "https://id.kopmod.example/.well-known/jwks.json",
        "metrics_token": secrets.token_urlsafe(32),
    }
    with pytest.raises(ValidationError, match="document key 'dev' is a default secret"):
        FinancingSettings(**production)
    ok = FinancingSettings(
        **production, document_keys={"2026-12": new_key()}, document_key_id="2026-12"
    )
    assert ok.document_cipher().current == "2026-12"
