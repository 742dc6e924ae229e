"""Documents: checksum verified, stored behind the storage interface, served only to the
applicant and fund staff, never written to logs or the audit trail."""

from __future__ import annotations

import hashlib
import logging
import uuid

from ..helpers import draft, funded_fund, make_product

SECRET_CONTENT = b"\xff\xd8\xff\xe0\x00\x10JFIF KTP 3273012345678901 BUDI SANTOSO"


async def test_upload_list_download(app, client, tokens, documents_dir, caplog):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    created = await draft(client, tokens, product["id"], coop)
    me = tokens.cooperative(coop)
    base = f"/v1/applications/{created['id']}/documents"
    digest = hashlib.sha256(SECRET_CONTENT).hexdigest()
    with caplog.at_level(logging.DEBUG):
        resp = await client.post(
            base,
            data={"kind": "manager_id_card", "checksum_sha256": digest.upper()},
            files={"file": ("../../etc/ktp budi.jpg", SECRET_CONTENT, "image/jpeg")},
            headers=me,
        )
    assert resp.status_code == 201, resp.text
    doc = resp.json()
    assert doc["kind"] == "manager_id_card"
    assert doc["file_name"] == "ktp budi.jpg"
    assert doc["checksum_sha256"] == digest
    assert doc["size_bytes"] == len(SECRET_CONTENT)
    assert doc["uploaded_by"] == f"coop-{coop}"
    assert b"BUDI" not in caplog.text.encode()
    # Stored on disk under an opaque key, not under the uploaded name, and encrypted.
    stored = [p for p in documents_dir.iterdir() if p.name.startswith(created["id"])]
    assert len(stored) == 1 and "ktp" not in stored[0].name
    on_disk = stored[0].read_bytes()
    assert b"BUDI" not in on_disk and b"3273012345678901" not in on_disk
    assert not on_disk.startswith(b"\xff\xd8\xff")

    listed = await client.get(base, headers=tokens.officer)
    assert [d["id"] for d in listed.json()["items"]] == [doc["id"]]
    for headers in (me, tokens.officer, tokens.committee):
        got = await client.get(f"{base}/{doc['id']}/content", headers=headers)
        assert got.status_code == 200
        assert got.content == SECRET_CONTENT
        assert got.headers["cache-control"] == "no-store"
        assert got.headers["content-type"] == "image/jpeg"
        assert 'filename="ktp budi.jpg"' in got.headers["content-disposition"]

    audit = await client.get(
        "/v1/audit-records", params={"action": "application.document_add"}, headers=tokens.officer
    )
    record = audit.json()["items"][0]
    assert record["request"]["body"] == "[multipart/form-data]"
    assert record["request"]["details"]["checksum_sha256"] == digest.upper()
    assert "BUDI" not in audit.text

    # An officer may add documents too (e.g. the survey report).
    report = b"%PDF-1.7\nsurvey: warehouse seen"
    resp = await client.post(
        base,
        data={"kind": "survey_report", "checksum_sha256": hashlib.sha256(report).hexdigest()},
        files={"file": ("survey.txt", report, "text/plain")},
        headers=tokens.officer,
    )
    assert resp.status_code == 201
    # Kept as what its bytes are: the declared type and the name's extension do not count.
    assert resp.json()["content_type"] == "application/pdf"
    assert resp.json()["file_name"] == "survey.txt.pdf"


async def test_documents_required_before_submission(app, client, tokens, fake_registry):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    fake_registry.add(coop)
    created = await draft(client, tokens, product["id"], coop)
    me = tokens.cooperative(coop)
    settings = app.state.settings
    settings.required_document_kinds = ["deed", "rat_report"]
    try:
        resp = await client.post(f"/v1/applications/{created['id']}/submit", headers=me)
        assert resp.status_code == 422
        assert resp.json()["missing_documents"] == ["deed", "rat_report"]
        for kind in ("deed", "rat_report"):
            content = f"%PDF-1.4 {kind} content".encode()
            up = await client.post(
                f"/v1/applications/{created['id']}/documents",
                data={"kind": kind, "checksum_sha256": hashlib.sha256(content).hexdigest()},
                files={"file": (f"{kind}.pdf", content, "application/pdf")},
                headers=me,
            )
            assert up.status_code == 201
        resp = await client.post(f"/v1/applications/{created['id']}/submit", headers=me)
        assert resp.status_code == 200, resp.text
    finally:
        settings.required_document_kinds = []


async def test_no_documents_after_the_committee_stage_or_oversized(
    app, client, tokens, fake_registry
):
    from ..helpers import in_committee

    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    application = await in_committee(
        client, tokens, fake_registry, product["id"], cooperative_id=coop
    )
    content = b"late"
    resp = await client.post(
        f"/v1/applications/{application['id']}/documents",
        data={"kind": "other", "checksum_sha256": hashlib.sha256(content).hexdigest()},
        files={"file": ("late.txt", content, "text/plain")},
        headers=tokens.cooperative(coop),
    )
    assert resp.status_code == 409
    assert resp.json()["current_state"] == "committee"

    created = await draft(client, tokens, product["id"], coop)
    big = b"x" * (app.state.settings.max_document_bytes + 1)
    resp = await client.post(
        f"/v1/applications/{created['id']}/documents",
        data={"kind": "other", "checksum_sha256": hashlib.sha256(big).hexdigest()},
        files={"file": ("big.bin", big, "application/octet-stream")},
        headers=tokens.cooperative(coop),
    )
    assert resp.status_code == 413
    bad_kind = await client.post(
        f"/v1/applications/{created['id']}/documents",
        data={"kind": "selfie", "checksum_sha256": hashlib.sha256(content).hexdigest()},
        files={"file": ("x.txt", content, "text/plain")},
        headers=tokens.cooperative(coop),
    )
    assert bad_kind.status_code == 422
    assert bad_kind.json()["errors"][0]["field"] == "body.kind"
