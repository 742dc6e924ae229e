"""Reschedule four eyes compares persons: a person who proposed through one client cannot decide
through another (403, nothing changes); another person decides through the same client; the
audit rows name the person and the client."""

from __future__ import annotations

import uuid

from kopmod_shared.events import EventType

from ..applications.test_four_eyes_by_person import person_token
from ..loans.conftest import events, position
from .test_reschedules import TERMS, _loan_count, _overdue_loan, _successors


async def test_a_person_who_proposed_cannot_approve_from_another_client(app, client, tokens):
    siti, budi = str(uuid.uuid4()), str(uuid.uuid4())
    _, loan_id = await _overdue_loan(app, client, tokens)
    # Siti proposes through the console ...
    resp = await client.post(
        f"/v1/loans/{loan_id}/reschedules",
        json={**TERMS, "reason": "harvest failed; principal holiday"},
        headers=person_token(tokens, "fund_officer", siti, "kopmod-console"),
    )
    assert resp.status_code == 201, resp.text
    assert resp.json()["requested_by"] == siti
    url = f"/v1/loans/{loan_id}/reschedules/{resp.json()['id']}/decision"
    loans = await _loan_count(app)
    # ... and tries to approve through the mobile app, holding a committee membership.
    resp = await client.post(
        url,
        json={"approve": True, "note": "I know it well"},
        headers=person_token(tokens, "fund_committee", siti, "kopmod-mobile"),
    )
    assert resp.status_code == 403, resp.text
    problem = resp.json()
    assert problem["type"] == "https://kopmod.dev/problems/four-eyes"
    assert problem["proposed_by"] == siti
    assert (await position(client, tokens, loan_id))["status"] == "active"
    assert await _loan_count(app) == loans
    assert await _successors(app, loan_id) == []
    assert await events(app, EventType.LOAN_RESCHEDULED) == []
    [pending] = (
        await client.get(f"/v1/loans/{loan_id}/reschedules", headers=tokens.officer)
    ).json()["items"]
    assert (pending["status"], pending["decided_by"]) == ("proposed", None)
    # Budi approves through the same console client Siti used: another person, allowed.
    resp = await client.post(
        url,
        json={"approve": True, "note": "sound"},
        headers=person_token(tokens, "fund_committee", budi, "kopmod-console"),
    )
    assert resp.status_code == 200, resp.text
    assert (resp.json()["status"], resp.json()["decided_by"]) == ("approved", budi)
    assert (await position(client, tokens, loan_id))["status"] == "closed_rescheduled"
    assert len(await _successors(app, loan_id)) == 1
    audit = await client.get(
        "/v1/audit-records",
        params={"target_id": str(loan_id), "action": "loan.reschedule_decide"},
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
