"""The committee's fund-wide lists of reschedules and write-offs awaiting a second person: what
is proposed shows (with the loan's cooperative) until it is decided, decided ones show under
their status, another fund's never, and an unknown fund is a 404."""

from __future__ import annotations

import uuid

from ..applications.test_four_eyes_by_person import person_token
from ..loans.conftest import make_fund, signed_loan


async def _active_loan(app, client, tokens, fund):  # type: ignore[no-untyped-def]
    loan_id = await signed_loan(app, fund, max_tranches=1)
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements", json={"amount": "12000000.00"}, headers=tokens.officer
    )
    assert resp.status_code == 201, resp.text
    return loan_id


async def test_pending_write_offs_and_reschedules_of_a_fund(app, client, tokens):
    fund = await make_fund(client, tokens, "50000000.00")
    other = await make_fund(client, tokens, "50000000.00")
    first = await _active_loan(app, client, tokens, fund)
    second = await _active_loan(app, client, tokens, fund)
    elsewhere = await _active_loan(app, client, tokens, other)
    siti, budi = str(uuid.uuid4()), str(uuid.uuid4())
    maker = person_token(tokens, "fund_officer", siti, "kopmod-console")
    checker = person_token(tokens, "fund_committee", budi, "kopmod-console")

    write_offs = []
    for loan_id in (first, elsewhere):
        resp = await client.post(
            f"/v1/loans/{loan_id}/write-offs",
            json={"reason": "cooperative dissolved"},
            headers=maker,
        )
        assert resp.status_code == 201, resp.text
        write_offs.append(resp.json())
    resp = await client.post(
        f"/v1/loans/{second}/reschedules",
        json={"tenor_periods": 18, "grace_periods": 1, "reason": "harvest failed"},
        headers=maker,
    )
    assert resp.status_code == 201, resp.text
    reschedule = resp.json()

    listed = await client.get(f"/v1/funds/{fund.id}/write-offs", headers=tokens.committee)
    assert listed.status_code == 200, listed.text
    [item] = listed.json()["items"]
    assert (item["id"], item["loan_id"], item["requested_by"]) == (
        write_offs[0]["id"],
        str(first),
        siti,
    )
    assert item["fund_id"] == str(fund.id) and item["cooperative_id"]
    listed = await client.get(f"/v1/funds/{fund.id}/reschedules", headers=tokens.officer)
    [item] = listed.json()["items"]
    assert (item["id"], item["loan_id"], item["tenor_periods"]) == (
        reschedule["id"],
        str(second),
        18,
    )
    assert item["preview"]["installments"] and item["status"] == "proposed"

    # Decided: off the pending list, on the decided one.
    resp = await client.post(
        f"/v1/loans/{second}/reschedules/{reschedule['id']}/decision",
        json={"approve": False, "note": "survey first"},
        headers=checker,
    )
    assert resp.status_code == 200, resp.text
    pending = await client.get(f"/v1/funds/{fund.id}/reschedules", headers=tokens.officer)
    assert pending.json()["items"] == []
    rejected = await client.get(
        f"/v1/funds/{fund.id}/reschedules", params={"status": "rejected"}, headers=tokens.officer
    )
    assert [r["decided_by"] for r in rejected.json()["items"]] == [budi]

    missing = await client.get(f"/v1/funds/{uuid.uuid4()}/write-offs", headers=tokens.committee)
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")
    bad = await client.get(
        f"/v1/funds/{fund.id}/write-offs", params={"status": "nope"}, headers=tokens.committee
    )
    assert bad.status_code == 422
    cooperative = await client.get(
        f"/v1/funds/{fund.id}/write-offs", headers=tokens("cooperative", org=str(uuid.uuid4()))
    )
    assert cooperative.status_code == 403
