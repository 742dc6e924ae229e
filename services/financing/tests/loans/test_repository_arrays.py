"""A fund's loans' transactions are fetched with the ids as one array parameter: asyncpg refuses
a statement with more than 32,767 parameters, which one parameter per loan id hit above that
many loans (portfolio, cash forecast, end of day)."""

from __future__ import annotations

import uuid
from typing import Any

from financing.loans.repository import LoanRepository

from .conftest import make_fund, signed_loan


async def test_more_loan_ids_than_asyncpg_has_parameters(
    app: Any, client: Any, tokens: Any
) -> None:
    fund = await make_fund(client, tokens, "12000000.00")
    loan_id = await signed_loan(app, fund, max_tranches=1)
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements",
        json={"amount": "12000000.00"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    ids = [uuid.uuid4() for _ in range(40_000)] + [loan_id]
    async with app.state.sessionmaker() as session:
        repo = LoanRepository(session)
        records = await repo.transactions_of_loans(ids)
        accounts = await repo.accounts_of_loans(ids)
        successors = await repo.successor_ids(ids)
    assert len(records) == len(ids)
    assert [r.kind for r in records[loan_id]] == ["disbursement"]
    assert sum(len(v) for v in records.values()) == 1
    assert list(accounts) == [loan_id]
    assert successors == {}
