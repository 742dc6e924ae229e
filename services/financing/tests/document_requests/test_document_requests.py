"""Documents the fund asked for: an officer asks, the applicant reads them on the application
and across its applications (paged), an upload of that kind fulfils them, events leave through
the outbox, and no other organisation sees anything of them."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text

from ..helpers import draft, funded_fund, make_product, submitted

PDF = b"%PDF-1.4\n% rekening koran Juni-November\n%%EOF\n"


def ask(kind: str = "bank_statement", days: int = 7, note: str = "Juni-November 2026") -> dict:
    return {"kind": kind, "note": note, "due_on": (date.today() + timedelta(days=days)).isoformat()}


async def upload(client: Any, application_id: str, kind: str, headers: dict[str, str]) -> dict:
    resp = await client.post(
        f"/v1/applications/{application_id}/documents",
        data={"kind": kind, "checksum_sha256": hashlib.sha256(PDF).hexdigest()},
        files={"file": ("rekening.pdf", PDF, "application/pdf")},
        headers=headers,
    )
    assert resp.status_code == 201, resp.text
    return resp.json()


async def events(app: Any, subject: str) -> list[tuple[str, dict]]:
    async with app.state.engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT type, payload FROM outbox_events WHERE subject = :s ORDER BY seq"),
            {"s": subject},
        )
        return [(t, p["data"]) for t, p in rows.all()]


async def test_asked_read_fulfilled_with_events(app, client, tokens, fake_registry):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    application = await submitted(client, tokens, fake_registry, product["id"], coop)
    base = f"/v1/applications/{application['id']}/document-requests"
    asked = await client.post(base, json=ask(), headers=tokens.officer)
    assert asked.status_code == 201, asked.text
    body = asked.json()
    assert body["kind"] == "bank_statement" and body["status"] == "open"
    assert body["note"] == "Juni-November 2026"
    assert body["cooperative_id"] == str(coop)
    assert body["requested_by"] == "officer-1"
    other = await client.post(base, json=ask("deed", 3, "Akta terbaru"), headers=tokens.officer)
    assert other.status_code == 201, other.text

    me = tokens.cooperative(coop)
    on_application = (await client.get(base, headers=me)).json()
    assert [r["kind"] for r in on_application["items"]] == ["bank_statement", "deed"]
    mine = await client.get("/v1/document-requests", params={"status": "open"}, headers=me)
    assert mine.status_code == 200, mine.text
    assert [r["id"] for r in mine.json()["items"]] == [body["id"], other.json()["id"]]

    document = await upload(client, application["id"], "bank_statement", me)
    after = (await client.get(base, headers=me)).json()["items"]
    fulfilled = next(r for r in after if r["id"] == body["id"])
    assert fulfilled["status"] == "fulfilled"
    assert fulfilled["fulfilled_by_document_id"] == document["id"]
    assert fulfilled["fulfilled_at"] is not None
    still_open = (await client.get(base, params={"status": "open"}, headers=me)).json()["items"]
    assert [r["kind"] for r in still_open] == ["deed"]
    # Another upload of the same kind fulfils nothing twice.
    await upload(client, application["id"], "bank_statement", me)

    published = await events(app, application["id"])
    types = [t for t, _ in published]
    assert types.count("financing.application.document_requested") == 2
    assert types.count("financing.application.document_request_fulfilled") == 1
    done = next(d for t, d in published if t.endswith("document_request_fulfilled"))
    assert done["request_id"] == body["id"] and done["document_id"] == document["id"]
    assert done["cooperative_id"] == str(coop) and done["kind"] == "bank_statement"
    assert done["requested_by"] == "officer-1"  # who asked is told (the console)


async def test_the_cooperative_list_is_paged(client, tokens, fake_registry):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    application = await submitted(client, tokens, fake_registry, product["id"], coop)
    base = f"/v1/applications/{application['id']}/document-requests"
    made = []
    for i in range(3):
        resp = await client.post(base, json=ask(note=f"lembar {i}"), headers=tokens.officer)
        made.append(resp.json()["id"])
    me = tokens.cooperative(coop)
    first = (await client.get("/v1/document-requests", params={"limit": 2}, headers=me)).json()
    assert [r["id"] for r in first["items"]] == made[:2] and first["next_cursor"]
    second = (
        await client.get(
            "/v1/document-requests",
            params={"limit": 2, "cursor": first["next_cursor"]},
            headers=me,
        )
    ).json()
    assert [r["id"] for r in second["items"]] == made[2:] and second["next_cursor"] is None


async def test_no_other_organisation_sees_or_asks(client, tokens, fake_registry):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    owner, stranger = uuid.uuid4(), uuid.uuid4()
    application = await submitted(client, tokens, fake_registry, product["id"], owner)
    base = f"/v1/applications/{application['id']}/document-requests"
    asked = await client.post(base, json=ask(note="rahasia-A"), headers=tokens.officer)
    assert asked.status_code == 201
    theirs = tokens.cooperative(stranger)
    resp = await client.get(base, headers=theirs)
    assert resp.status_code == 404 and "rahasia-A" not in resp.text
    listed = await client.get("/v1/document-requests", headers=theirs)
    assert listed.status_code == 200 and listed.json()["items"] == []
    named = await client.get(
        "/v1/document-requests", params={"cooperative_id": str(owner)}, headers=theirs
    )
    assert named.status_code == 404 and "rahasia-A" not in named.text
    # Only a fund officer asks: not the applicant, not the committee, not a partner.
    for headers in (tokens.cooperative(owner), tokens.committee, tokens("partner")):
        refused = await client.post(base, json=ask(), headers=headers)
        assert refused.status_code == 403, refused.text
    partner = await client.get("/v1/document-requests", headers=tokens("partner"))
    assert partner.status_code == 403
    # Staff read one cooperative's.
    staff = await client.get(
        "/v1/document-requests", params={"cooperative_id": str(owner)}, headers=tokens.committee
    )
    assert [r["note"] for r in staff.json()["items"]] == ["rahasia-A"]


async def test_bad_requests_are_problems(client, tokens, fake_registry):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    application = await submitted(client, tokens, fake_registry, product["id"])
    base = f"/v1/applications/{application['id']}/document-requests"
    past = await client.post(base, json=ask(days=-1), headers=tokens.officer)
    assert past.status_code == 422
    assert past.headers["content-type"].startswith("application/problem+json")
    assert past.json()["errors"][0]["code"] == "due_date_past"
    unknown_kind = await client.post(base, json=ask(kind="selfie"), headers=tokens.officer)
    assert unknown_kind.status_code == 422
    missing = await client.post(
        f"/v1/applications/{uuid.uuid4()}/document-requests", json=ask(), headers=tokens.officer
    )
    assert missing.status_code == 404


async def test_refused_once_documents_can_no_longer_be_attached(client, tokens):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    application = await draft(client, tokens, product["id"], coop)
    withdrawn = await client.post(
        f"/v1/applications/{application['id']}/withdraw",
        json={},
        headers=tokens.cooperative(coop),
    )
    assert withdrawn.status_code == 200, withdrawn.text
    resp = await client.post(
        f"/v1/applications/{application['id']}/document-requests",
        json=ask(),
        headers=tokens.officer,
    )
    assert resp.status_code == 409, resp.text
    assert resp.json()["current_state"] == "withdrawn"
