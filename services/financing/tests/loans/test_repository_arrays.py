"""A fund's loans' transactions are fetched with the ids as one array parameter: asyncpg refuses
a statement with more than 32,767 parameters, which one parameter per loan id hit above that
many loans (portfolio, cash forecast, end of day)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from financing.loans.repository import InstallmentRow, LoanRepository, array_text
from financing.replay.engine import ZERO

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


async def test_installment_balances_written_from_array_literals_read_back_the_same(
    app: Any, client: Any, tokens: Any
) -> None:
    """The installment balances go to Postgres as array literals (``array_text``), not as
    binary arrays: every kind of value (a null and a real paid-on date, both booleans, money
    with two places, zero, and Decimal's exponent form) is read back exactly."""
    fund = await make_fund(client, tokens, "12000000.00")
    loan_id = await signed_loan(app, fund, max_tranches=1)
    rows = [
        InstallmentRow(1, date(2026, 2, 5), Decimal("0.00"), Decimal("0E-2"), ZERO, ZERO,
                       paid_on=date(2026, 2, 3), rescheduled=False),
        InstallmentRow(2, date(2026, 3, 5), Decimal("1000000.00"), Decimal("12345.67"),
                       Decimal("1.5E+2"), Decimal("0.01"), paid_on=None, rescheduled=True),
    ]  # fmt: skip
    assert array_text([r.paid_on for r in rows]) == "{2026-02-03,NULL}"
    assert array_text([True, False]) == "{t,f}"
    async with app.state.sessionmaker() as session:
        repo = LoanRepository(session)
        await repo.write_installments(loan_id, fund.id, rows)
        assert await repo.installments(loan_id) == rows
        # Fewer installments: the ones the schedule no longer has are dropped.
        await repo.write_installments(loan_id, fund.id, rows[1:])
        assert await repo.installments(loan_id) == rows[1:]
        await session.rollback()
