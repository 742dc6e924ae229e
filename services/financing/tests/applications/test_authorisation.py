"""Foreign principals: another cooperative sees a 404, wrong roles a 403, partners per scope."""

from __future__ import annotations

import hashlib
import uuid

from ..helpers import funded_fund, make_product, submitted


async def test_another_cooperative_gets_404_everywhere(client, tokens, fake_registry):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    owner = uuid.uuid4()
    app = await submitted(client, tokens, fake_registry, product["id"], cooperative_id=owner)
    content = b"\xff\xd8\xff\xe0KTP scan"
    upload = await client.post(
        f"/v1/applications/{app['id']}/documents",
        data={"kind": "manager_id_card", "checksum_sha256": hashlib.sha256(content).hexdigest()},
        files={"file": ("ktp.jpg", content, "image/jpeg")},
        headers=tokens.cooperative(owner),
    )
    assert upload.status_code == 201, upload.text
    doc_id = upload.json()["id"]
    stranger = tokens.cooperative(uuid.uuid4())
    base = f"/v1/applications/{app['id']}"
    for path in (
        base,
        f"{base}/history",
        f"{base}/eligibility",
        f"{base}/assessments",
        f"{base}/schedule",
        f"{base}/documents",
        f"{base}/documents/{doc_id}/content",
    ):
        resp = await client.get(path, headers=stranger)
        assert resp.status_code == 404, path
        assert resp.json()["detail"].startswith("no ")
        assert str(owner) not in resp.text
    for path, body in (
        (f"{base}/withdraw", {}),
        (f"{base}/submit", None),
    ):
        resp = await client.post(path, json=body, headers=stranger)
        assert resp.status_code == 404, path
    resp = await client.patch(base, json={"purpose": "mine now"}, headers=stranger)
    assert resp.status_code == 404
    listed = await client.get("/v1/applications", headers=stranger)
    assert listed.json()["items"] == []
    # Asking for the owner's list explicitly does not help either.
    listed = await client.get(
        "/v1/applications", params={"cooperative_id": str(owner)}, headers=stranger
    )
    assert listed.json()["items"] == []
    own = await client.get("/v1/applications", headers=tokens.cooperative(owner))
    assert [a["id"] for a in own.json()["items"]] == [app["id"]]
    # The owner still sees it unchanged.
    got = await client.get(base, headers=tokens.cooperative(owner))
    assert got.json()["status"] == "desk_review"


async def test_a_cooperative_cannot_apply_for_another(client, tokens):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    from ..helpers import application_body

    body = application_body(product["id"], cooperative_id=str(uuid.uuid4()))
    resp = await client.post(
        "/v1/applications", json=body, headers=tokens.cooperative(uuid.uuid4())
    )
    assert resp.status_code == 403
    assert resp.json()["detail"] == "a cooperative applies only for itself"
    # Neither fund staff nor the platform operator file applications for a cooperative.
    resp = await client.post("/v1/applications", json=body, headers=tokens.officer)
    assert resp.status_code == 403
    resp = await client.post("/v1/applications", json=body, headers=tokens.admin)
    assert resp.status_code == 403
    assert resp.json()["detail"] == "role admin may not do this"


async def test_roles_per_command(client, tokens, fake_registry):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    app = await submitted(client, tokens, fake_registry, product["id"], cooperative_id=coop)
    base = f"/v1/applications/{app['id']}"
    me = tokens.cooperative(coop)
    # The applicant cannot review itself, the committee cannot do the officers' steps.
    for headers in (me, tokens.committee, tokens("partner", scopes=["applications:read"])):
        resp = await client.post(f"{base}/field-survey", json={}, headers=headers)
        assert resp.status_code == 403
    resp = await client.post(f"{base}/approve", json={"reason": "x"}, headers=tokens.officer)
    assert resp.status_code == 403
    assert resp.json()["detail"] == "role fund_officer may not do this"
    # The cooperative signs its own akad once approved (not before); another one never sees it.
    resp = await client.post(f"{base}/sign", json={}, headers=me)
    assert resp.status_code == 409
    assert resp.json()["current_state"] == "desk_review"
    resp = await client.post(f"{base}/sign", json={}, headers=tokens.cooperative(uuid.uuid4()))
    assert resp.status_code == 404
    resp = await client.post(f"{base}/withdraw", json={}, headers=tokens.officer)
    assert resp.status_code == 403
    # Unauthenticated and wrong-audience tokens are 401.
    assert (await client.get(base)).status_code == 401
    other_aud = tokens("fund_officer", audience="kopmod-registry")
    resp = await client.get(base, headers=other_aud)
    assert resp.status_code == 401
    assert resp.json()["detail"] == "token not issued for this service"
    got = await client.get(base, headers=me)
    assert got.json()["status"] == "desk_review"


async def test_partners_read_by_scope_and_never_see_documents(client, tokens, fake_registry):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    app = await submitted(client, tokens, fake_registry, product["id"])
    base = f"/v1/applications/{app['id']}"
    scoped = tokens("partner", scopes=["applications:read"])
    assert (await client.get(base, headers=scoped)).json()["id"] == app["id"]
    assert (await client.get(f"{base}/history", headers=scoped)).status_code == 200
    resp = await client.get(f"{base}/documents", headers=scoped)
    assert resp.status_code == 403
    unscoped = tokens("partner")
    resp = await client.get(base, headers=unscoped)
    assert resp.status_code == 403
    assert "applications:read" in resp.json()["detail"]
    offtaker = tokens("offtaker", org=uuid.uuid4())
    assert (await client.get(base, headers=offtaker)).status_code == 403
    # The audit trail is for fund staff only.
    assert (await client.get("/v1/audit-records", headers=scoped)).status_code == 403
    assert (
        await client.get("/v1/audit-records", headers=tokens.cooperative(uuid.uuid4()))
    ).status_code == 403
