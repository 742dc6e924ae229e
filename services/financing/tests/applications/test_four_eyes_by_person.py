"""Four eyes compares persons: one person through two clients is one actor; two people
through one client are two. Audit rows name the person and the client."""

from __future__ import annotations

import uuid

from ..helpers import funded_fund, in_committee, make_product


def person_token(tokens, role: str, person: str, client: str) -> dict[str, str]:
    """A token as the registry's OpenID Connect provider issues it to a signed-in person."""
    return tokens(role, sub=person, extra={"amr": ["pwd", "mfa", "otp"], "client_id": client})


async def test_a_person_who_reviewed_cannot_approve_from_another_client(
    app, client, tokens, fake_registry
):
    siti, budi = str(uuid.uuid4()), str(uuid.uuid4())
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    # Siti reviews through the console ...
    reviewer = person_token(tokens, "fund_officer", siti, "kopmod-console")
    application = await in_committee(client, tokens, fake_registry, product["id"], officer=reviewer)
    url = f"/v1/applications/{application['id']}/approve"
    # ... and tries to approve through the mobile app, holding a committee membership.
    resp = await client.post(
        url,
        json={"reason": "I know it well"},
        headers=person_token(tokens, "fund_committee", siti, "kopmod-mobile"),
    )
    assert resp.status_code == 403
    problem = resp.json()
    assert problem["type"] == "https://kopmod.dev/problems/four-eyes"
    assert problem["reviewers"] == [siti]
    # Budi approves through the same console client Siti used: another person, allowed.
    resp = await client.post(
        url,
        json={"reason": "sound"},
        headers=person_token(tokens, "fund_committee", budi, "kopmod-console"),
    )
    assert resp.status_code == 200, resp.text
    audit = await client.get(
        "/v1/audit-records",
        params={"target_id": application["id"], "action": "application.approve"},
        headers=tokens.officer,
    )
    rows = [
        (r["outcome"], r["actor"], r["actor_client"], r["actor_role"])
        for r in audit.json()["items"]
    ]
    assert rows == [
        ("succeeded", budi, "kopmod-console", "fund_committee"),
        ("refused", siti, "kopmod-mobile", "fund_committee"),
    ]


async def test_machine_clients_keep_their_client_id_as_actor(app, client, tokens, fake_registry):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    application = await in_committee(client, tokens, fake_registry, product["id"])
    resp = await client.post(
        f"/v1/applications/{application['id']}/approve",
        json={"reason": "sound"},
        headers=tokens.committee,
    )
    assert resp.status_code == 200, resp.text
    audit = await client.get(
        "/v1/audit-records",
        params={"target_id": application["id"], "action": "application.approve"},
        headers=tokens.officer,
    )
    [row] = audit.json()["items"]
    assert (row["actor"], row["actor_client"]) == ("committee-1", "committee-1")
