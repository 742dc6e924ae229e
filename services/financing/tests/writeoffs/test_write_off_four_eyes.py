"""Write-off with four eyes by person: proposed by one person, approved or declined by another
person of the committee; the maker cannot decide through any client, and nothing is written
off until the checker approves."""

from __future__ import annotations

import uuid

from kopmod_shared.events import EventType

from ..applications.test_four_eyes_by_person import person_token
from ..loans.conftest import events, make_fund, position, signed_loan


async def _active_loan(app, client, tokens):  # type: ignore[no-untyped-def]
    fund = await make_fund(client, tokens, "12000000.00")
    loan_id = await signed_loan(app, fund, max_tranches=1)
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements",
        json={"amount": "12000000.00"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    return loan_id


async def _propose(client, loan_id, headers) -> dict:  # type: ignore[no-untyped-def]
    resp = await client.post(
        f"/v1/loans/{loan_id}/write-offs", json={"reason": "cooperative dissolved"}, headers=headers
    )
    assert resp.status_code == 201, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def test_the_proposer_cannot_approve_from_another_client_another_person_can(
    app, client, tokens
):
    siti, budi = str(uuid.uuid4()), str(uuid.uuid4())
    loan_id = await _active_loan(app, client, tokens)
    # Siti, a fund officer, proposes through the console ...
    proposal = await _propose(
        client, loan_id, person_token(tokens, "fund_officer", siti, "kopmod-console")
    )
    assert (proposal["status"], proposal["requested_by"]) == ("proposed", siti)
    [proposed] = await events(app, EventType.LOAN_WRITE_OFF_PROPOSED, loan_id)
    assert (proposed["write_off_id"], proposed["proposed_by"]) == (proposal["id"], siti)
    assert (await position(client, tokens, loan_id))["status"] == "active"
    url = f"/v1/loans/{loan_id}/write-offs/{proposal['id']}/decision"
    # ... and tries to approve through the mobile app, holding a committee membership.
    resp = await client.post(
        url,
        json={"approve": True, "note": "I know it well"},
        headers=person_token(tokens, "fund_committee", siti, "kopmod-mobile"),
    )
    assert resp.status_code == 403, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert resp.json()["type"] == "https://kopmod.dev/problems/four-eyes"
    assert resp.json()["proposed_by"] == siti
    assert (await position(client, tokens, loan_id))["status"] == "active"
    assert await events(app, EventType.LOAN_WRITTEN_OFF, loan_id) == []
    assert await events(app, EventType.LOAN_WRITE_OFF_DECIDED, loan_id) == []
    [pending] = (
        await client.get(f"/v1/loans/{loan_id}/write-offs", headers=tokens.officer)
    ).json()["items"]
    assert (pending["status"], pending["decided_by"]) == ("proposed", None)
    # Budi approves through the same console client: another person, allowed.
    resp = await client.post(
        url,
        json={"approve": True, "note": "agreed in committee"},
        headers=person_token(tokens, "fund_committee", budi, "kopmod-console"),
    )
    assert resp.status_code == 200, resp.text
    decided = resp.json()
    assert (decided["status"], decided["decided_by"]) == ("approved", budi)
    assert decided["transaction_id"] is not None
    loan = await position(client, tokens, loan_id)
    assert (loan["status"], loan["written_off_principal"]) == ("closed_written_off", "12000000.00")
    [written] = await events(app, EventType.LOAN_WRITTEN_OFF, loan_id)
    # Siti, who proposed it, hears of the decision (the console tells her), once.
    [told] = await events(app, EventType.LOAN_WRITE_OFF_DECIDED, loan_id)
    assert (told["write_off_id"], told["status"], told["note"]) == (
        proposal["id"],
        "approved",
        "agreed in committee",
    )
    assert (told["proposed_by"], told["decided_by"]) == (siti, budi)
    assert (written["transaction_id"], written["reason"]) == (
        decided["transaction_id"],
        "cooperative dissolved",
    )
    audit = await client.get(
        "/v1/audit-records",
        params={"target_id": str(loan_id), "action": "loan.write_off_decide"},
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
    # Decided once: a second decision is refused.
    resp = await client.post(
        url, json={"approve": False, "note": "too late"}, headers=tokens.committee
    )
    assert resp.status_code == 409, resp.text


async def test_a_machine_client_cannot_approve_its_own_proposal(app, client, tokens):
    loan_id = await _active_loan(app, client, tokens)
    proposal = await _propose(client, loan_id, tokens.committee)
    resp = await client.post(
        f"/v1/loans/{loan_id}/write-offs/{proposal['id']}/decision",
        json={"approve": True, "note": "my own"},
        headers=tokens.committee,
    )
    assert resp.status_code == 403, resp.text
    assert resp.json()["proposed_by"] == "committee-1"
    assert (await position(client, tokens, loan_id))["status"] == "active"


async def test_a_declined_proposal_writes_nothing_off_and_one_waits_at_a_time(app, client, tokens):
    loan_id = await _active_loan(app, client, tokens)
    proposal = await _propose(client, loan_id, tokens.officer)
    resp = await client.post(
        f"/v1/loans/{loan_id}/write-offs", json={"reason": "again"}, headers=tokens.officer
    )
    assert resp.status_code == 409, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    resp = await client.post(
        f"/v1/loans/{loan_id}/write-offs/{proposal['id']}/decision",
        json={"approve": False, "note": "still paying"},
        headers=tokens.committee,
    )
    assert resp.status_code == 200, resp.text
    assert (resp.json()["status"], resp.json()["transaction_id"]) == ("declined", None)
    assert (await position(client, tokens, loan_id))["status"] == "active"
    assert await events(app, EventType.LOAN_WRITTEN_OFF, loan_id) == []
    [told] = await events(app, EventType.LOAN_WRITE_OFF_DECIDED, loan_id)
    assert (told["write_off_id"], told["status"]) == (proposal["id"], "declined")
    assert (told["note"], told["proposed_by"]) == ("still paying", proposal["requested_by"])
    # Once decided, a new proposal may be made.
    await _propose(client, loan_id, tokens.officer)


async def test_the_old_direct_route_is_gone(app, client, tokens):
    loan_id = await _active_loan(app, client, tokens)
    resp = await client.post(
        f"/v1/loans/{loan_id}/write-off", json={"reason": "macet"}, headers=tokens.committee
    )
    assert resp.status_code in (404, 405), resp.text
    assert (await position(client, tokens, loan_id))["status"] == "active"
