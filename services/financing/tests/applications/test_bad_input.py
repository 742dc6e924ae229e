"""Each bad input named in the issue: a clear problem+json, and nothing written."""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy import text

from ..helpers import application_body, funded_fund, in_committee, make_product

PROBLEM = "application/problem+json"


async def counts(app) -> dict[str, int]:
    async with app.state.engine.connect() as conn:
        out = {}
        for table in (
            "applications",
            "application_events",
            "fund_commitments",
            "journal_entries",
            "application_documents",
            "outbox_events",
            "loans",
        ):
            out[table] = await conn.scalar(text(f"SELECT count(*) FROM {table}"))
        return out


async def test_terms_outside_the_product_are_refused_field_by_field(app, client, tokens):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    me = tokens.cooperative(coop)
    before = await counts(app)
    cases = [
        (
            application_body(product["id"], amount="5000000000.00"),
            "body.amount",
            "amount_out_of_range",
        ),
        (
            application_body(product["id"], amount="1000000.00"),
            "body.amount",
            "amount_out_of_range",
        ),
        (
            application_body(product["id"], tenor_periods=61),
            "body.tenor_periods",
            "tenor_above_maximum",
        ),
        (
            application_body(product["id"], grace_periods=13),
            "body.grace_periods",
            "grace_above_maximum",
        ),
        (
            application_body(
                product["id"],
                tranche_plan=[{"amount": "300000000.00"}, {"amount": "300000000.00"}],
            ),
            "body.tranche_plan",
            "tranches_above_amount",
        ),
        (
            application_body(product["id"], tranche_plan=[{"amount": "100000000.00"}] * 4),
            "body.tranche_plan",
            "too_many_tranches",
        ),
    ]
    for body, field, code in cases:
        resp = await client.post("/v1/applications", json=body, headers=me)
        assert resp.status_code == 422, (field, resp.text)
        assert resp.headers["content-type"] == PROBLEM
        problem = resp.json()
        assert problem["type"] == "https://kopmod.dev/problems/validation-error"
        assert [(e["field"], e["code"]) for e in problem["errors"]] == [(field, code)]

    uneven = application_body(product["id"])
    uneven["use_of_funds"][0]["amount"] = "1.00"
    resp = await client.post("/v1/applications", json=uneven, headers=me)
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["field"] == "body"
    assert "use_of_funds adds up to" in resp.json()["errors"][0]["message"]

    float_amount = application_body(product["id"])
    float_amount["amount"] = 500000000.0
    resp = await client.post("/v1/applications", json=float_amount, headers=me)
    assert resp.status_code == 422
    assert "not a float" in resp.json()["errors"][0]["message"]

    unknown_field = {**application_body(product["id"]), "interest_rate": "0"}
    resp = await client.post("/v1/applications", json=unknown_field, headers=me)
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["field"] == "body.interest_rate"
    assert await counts(app) == before


async def test_a_draft_cannot_be_changed_out_of_the_product(app, client, tokens):
    from ..helpers import draft

    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    created = await draft(client, tokens, product["id"], coop)
    resp = await client.patch(
        f"/v1/applications/{created['id']}",
        json={"amount": "600000000.00"},
        headers=tokens.cooperative(coop),
    )
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["code"] == "use_of_funds_mismatch"
    got = await client.get(f"/v1/applications/{created['id']}", headers=tokens.cooperative(coop))
    assert got.json()["amount"] == "500000000.00"


async def test_approval_by_the_reviewer_is_refused(app, client, tokens, fake_registry):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    application = await in_committee(client, tokens, fake_registry, product["id"])
    before = await counts(app)
    # Same person (subject), now holding a committee token.
    same_person = tokens("fund_committee", sub="officer-1")
    resp = await client.post(
        f"/v1/applications/{application['id']}/approve",
        json={"reason": "I know it well"},
        headers=same_person,
    )
    assert resp.status_code == 403
    problem = resp.json()
    assert problem["type"] == "https://kopmod.dev/problems/four-eyes"
    assert problem["reviewers"] == ["officer-1"]
    assert "reviewed this application and cannot approve it" in problem["detail"]
    assert await counts(app) == before
    # An admin is not the committee at all (separation of duties), reviewer or not.
    admin_reviewer = tokens("admin", sub="officer-1")
    resp = await client.post(
        f"/v1/applications/{application['id']}/approve",
        json={"reason": "override"},
        headers=admin_reviewer,
    )
    assert resp.status_code == 403
    assert resp.json()["detail"] == "role admin may not do this"
    # A different committee member may.
    resp = await client.post(
        f"/v1/applications/{application['id']}/approve",
        json={"reason": "sound"},
        headers=tokens.committee,
    )
    assert resp.status_code == 200, resp.text


async def test_approval_above_cash_or_above_the_request_is_refused(
    app, client, tokens, fake_registry
):
    fund = await funded_fund(client, tokens, capital="400000000.00")
    product = await make_product(client, tokens, fund["id"])
    application = await in_committee(client, tokens, fake_registry, product["id"])
    url = f"/v1/applications/{application['id']}/approve"
    before = await counts(app)
    resp = await client.post(url, json={"reason": "yes"}, headers=tokens.committee)
    assert resp.status_code == 409
    problem = resp.json()
    assert problem["type"] == "https://kopmod.dev/problems/insufficient-fund-cash"
    assert problem["cash"] == "400000000.00"
    assert problem["available"] == "400000000.00"
    assert problem["requested"] == "500000000.00"
    resp = await client.post(
        url, json={"reason": "yes", "amount": "600000000.00"}, headers=tokens.committee
    )
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["code"] == "above_requested"
    resp = await client.post(
        url, json={"reason": "yes", "tenor_periods": 72}, headers=tokens.committee
    )
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["code"] == "tenor_above_maximum"
    assert await counts(app) == before
    got = (await client.get(f"/v1/applications/{application['id']}", headers=tokens.officer)).json()
    assert got["status"] == "committee"
    # Reduced to what the fund can cover, it passes.
    resp = await client.post(
        url, json={"reason": "reduced", "amount": "400000000.00"}, headers=tokens.committee
    )
    assert resp.status_code == 200, resp.text
    audit = await client.get(
        "/v1/audit-records",
        params={"target_id": application["id"], "action": "application.approve"},
        headers=tokens.officer,
    )
    outcomes = [(r["outcome"], r["status_code"], r["problem_type"]) for r in audit.json()["items"]]
    assert outcomes == [
        ("succeeded", 200, None),
        ("refused", 422, "https://kopmod.dev/problems/validation-error"),
        ("refused", 422, "https://kopmod.dev/problems/validation-error"),
        ("refused", 409, "https://kopmod.dev/problems/insufficient-fund-cash"),
    ]


async def test_a_document_with_a_mismatched_checksum_is_refused(app, client, tokens, documents_dir):
    from ..helpers import draft

    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    created = await draft(client, tokens, product["id"], coop)
    files_before = sorted(p.name for p in documents_dir.iterdir()) if documents_dir.exists() else []
    before = await counts(app)
    resp = await client.post(
        f"/v1/applications/{created['id']}/documents",
        data={"kind": "deed", "checksum_sha256": hashlib.sha256(b"other").hexdigest()},
        files={"file": ("akta.pdf", b"%PDF-1.4 deed", "application/pdf")},
        headers=tokens.cooperative(coop),
    )
    assert resp.status_code == 422
    problem = resp.json()
    assert problem["type"] == "https://kopmod.dev/problems/checksum-mismatch"
    assert problem["actual"] == hashlib.sha256(b"%PDF-1.4 deed").hexdigest()
    assert await counts(app) == before
    files_after = sorted(p.name for p in documents_dir.iterdir()) if documents_dir.exists() else []
    assert files_after == files_before
