"""Disbursements and repayments racing each other: cash never below zero, nothing doubled."""

from __future__ import annotations

import asyncio
import uuid

from ..loans.conftest import D, cash, loan_ledger, make_fund, release_commitments, signed_loan


async def test_parallel_disbursements_never_overdraw_a_nearly_empty_fund(
    app, client, tokens
) -> None:
    # 1,000,000 in cash, five approvals of 400,000 each (committed beyond cash on purpose, as
    # if an earlier bug or a manual adjustment had let it happen: disbursement must still hold).
    fund = await make_fund(client, tokens, "1000000.00")
    loans = [await signed_loan(app, fund, amount="400000.00", max_tranches=1) for _ in range(5)]

    async def disburse(loan_id: uuid.UUID):  # type: ignore[no-untyped-def]
        return await client.post(
            f"/v1/loans/{loan_id}/disbursements",
            json={"amount": "400000.00"},
            headers=tokens.officer,
        )

    responses = await asyncio.gather(*(disburse(loan_id) for loan_id in loans))
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201, 201, 409, 409, 409], [r.text for r in responses]
    for refused in (r for r in responses if r.status_code == 409):
        problem = refused.json()
        assert problem["type"].endswith("/insufficient-fund-cash")
        assert problem["cash"] == "200000.00"
        assert problem["requested"] == "400000.00"
    assert await cash(client, tokens, fund) == D("200000.00")
    disbursed = [r for r in responses if r.status_code == 201]
    assert {r.json()["loan"]["status"] for r in disbursed} == {"active"}
    await release_commitments(app, fund)


async def test_parallel_tranches_of_one_loan_never_exceed_the_approval(app, client, tokens) -> None:
    fund = await make_fund(client, tokens, "5000000.00")
    loan_id = await signed_loan(app, fund, amount="1000000.00", max_tranches=5)

    async def tranche():  # type: ignore[no-untyped-def]
        return await client.post(
            f"/v1/loans/{loan_id}/disbursements",
            json={"amount": "300000.00"},
            headers=tokens.officer,
        )

    responses = await asyncio.gather(*(tranche() for _ in range(4)))
    assert sorted(r.status_code for r in responses) == [201, 201, 201, 422]
    refused = next(r for r in responses if r.status_code == 422).json()
    assert refused["remaining"] == "100000.00"
    assert await cash(client, tokens, fund) == D("4100000.00")
    assert (await loan_ledger(app, loan_id))["loans_receivable"] == D("900000.00")


async def test_the_same_payment_posted_twice_at_once_is_recorded_once(
    app, client, tokens, bank
) -> None:
    fund = await make_fund(client, tokens, "12000000.00")
    loan_id = await signed_loan(app, fund, max_tranches=1)
    await client.post(
        f"/v1/loans/{loan_id}/disbursements",
        json={"amount": "12000000.00"},
        headers=tokens.officer,
    )

    async def pay():  # type: ignore[no-untyped-def]
        return await client.post(
            f"/v1/loans/{loan_id}/repayments",
            json={"amount": "500000.00", "external_reference": "BRI-TRX-42"},
            headers=bank,
        )

    responses = await asyncio.gather(*(pay() for _ in range(4)))
    assert sorted(r.status_code for r in responses) == [200, 200, 200, 201]
    ids = {r.json()["transaction"]["id"] for r in responses}
    assert len(ids) == 1
    assert [r.json()["replayed"] for r in responses].count(False) == 1
    assert await cash(client, tokens, fund) == D("500000.00")
