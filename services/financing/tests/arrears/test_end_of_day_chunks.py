"""End of day commits in chunks of loans and resumes after a crash: run it on one fund with a
crash half way through a day, run it again, and everything (penalties, snapshots, the closed
days) equals an uninterrupted run on an identical fund, with nothing charged twice."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select, text

from financing.arrears import service
from financing.arrears.models import EndOfDayRun, FundBusinessDate
from financing.loans.models import Loan, LoanAccount, LoanTransactionRecord
from financing.loans.repository import LoanRepository

from ..loans.conftest import Fund, eod, make_fund, signed_loan
from ..reports.maintained import maintained_differences

LOANS = 5
# Loans 0-4 borrow these; the odd ones repay part of their first installment late.
AMOUNTS = ["12000000.00", "6000000.00", "24000000.00", "3000000.00", "9000000.00"]
FIRST_DUE = date(2026, 2, 5)
THROUGH = FIRST_DUE + timedelta(days=12)


class Crash(Exception):
    """The process dying between two chunks of end of day."""


async def _fund_with_loans(app: Any, client: httpx.AsyncClient, tokens: Any, bank: Any) -> Fund:
    fund = await make_fund(client, tokens, "100000000.00")
    for n in range(LOANS):
        loan_id = await signed_loan(app, fund, amount=AMOUNTS[n], max_tranches=1)
        resp = await client.post(
            f"/v1/loans/{loan_id}/disbursements",
            json={"amount": AMOUNTS[n]},
            headers=tokens.officer,
        )
        assert resp.status_code == 201, resp.text
    # Every loan falls due unpaid on FIRST_DUE: end of day up to it changes nothing yet.
    await eod(client, tokens, fund, FIRST_DUE)
    for n, loan_id in enumerate(await _loan_ids(app, fund)):
        if n % 2:
            resp = await client.post(
                f"/v1/loans/{loan_id}/repayments",
                json={"amount": "400000.00", "external_reference": f"BRI-{uuid.uuid4().hex}"},
                headers=bank,
            )
            assert resp.status_code == 201, resp.text
    return fund


async def _loan_ids(app: Any, fund: Fund) -> list[uuid.UUID]:
    """The fund's loans in the order they were signed (ids order them differently per fund)."""
    async with app.state.sessionmaker() as session:
        # Each loan is signed in its own transaction: creation times differ.
        rows = await session.scalars(
            select(Loan.id).where(Loan.fund_id == fund.id).order_by(Loan.created_at)
        )
        return list(rows.all())


async def _state(app: Any, fund: Fund) -> dict[str, Any]:
    """Everything end of day writes, keyed by the loans' signing order."""
    ids = await _loan_ids(app, fund)
    async with app.state.sessionmaker() as session:
        loans = []
        for loan_id in ids:
            txs = await session.scalars(
                select(LoanTransactionRecord)
                .where(LoanTransactionRecord.loan_id == loan_id)
                .order_by(LoanTransactionRecord.seq)
            )
            account = await session.get(LoanAccount, loan_id)
            assert account is not None
            loans.append(
                {
                    "transactions": sorted(
                        (t.kind, t.value_date, t.amount, t.reversed_at is None)
                        for t in txs.all()
                        if t.kind != "repayment"
                    ),
                    "account": (
                        account.principal_outstanding,
                        account.interest_outstanding,
                        account.penalty_outstanding,
                        account.fee_outstanding,
                        account.days_past_due,
                        account.collectibility,
                        account.arrears_from,
                        account.next_due_date,
                        account.overdue_principal,
                        account.overdue_interest,
                        account.as_of,
                    ),
                    # What end of day moves on besides the snapshot: each installment's balance.
                    "installments": await LoanRepository(session).installments(loan_id),
                }
            )
        runs = await session.scalars(
            select(EndOfDayRun)
            .where(EndOfDayRun.fund_id == fund.id)
            .order_by(EndOfDayRun.business_date)
        )
        closed = [
            (
                r.business_date,
                r.loans_processed,
                r.penalties_charged,
                sorted((c["from_class"], c["to_class"]) for c in r.class_changes),
                r.completed_at is not None,
            )
            for r in runs.all()
        ]
        today = await session.get(FundBusinessDate, fund.id)
        assert today is not None
        return {"loans": loans, "runs": closed, "business_date": today.business_date}


@pytest.mark.parametrize("crash_after", [1, 4, 7])
async def test_a_run_crashed_half_way_resumes_to_what_an_uninterrupted_run_gives(
    app: Any, client: httpx.AsyncClient, tokens: Any, bank: Any, crash_after: int
) -> None:
    reference = await _fund_with_loans(app, client, tokens, bank)
    crashed = await _fund_with_loans(app, client, tokens, bank)
    await eod(client, tokens, reference, THROUGH)

    commits = 0
    async with app.state.sessionmaker() as session:

        async def commit_then_die() -> None:
            nonlocal commits
            if commits == crash_after:
                raise Crash  # this chunk's work is lost with its transaction
            commits += 1
            await session.commit()

        with pytest.raises(Crash):
            await service.end_of_day(
                session,
                LoanRepository(session),
                crashed.id,
                through=THROUGH,
                actor="batch",
                commit=commit_then_die,
                chunk_size=2,
            )
        await session.rollback()

    half = await _state(app, crashed)
    # The crash left the fund part way: some days or chunks closed, the rest not.
    assert half["business_date"] <= THROUGH
    assert half != await _state(app, reference)

    async with app.state.sessionmaker() as session:
        new_date, _ = await service.end_of_day(
            session,
            LoanRepository(session),
            crashed.id,
            through=THROUGH,
            actor="batch",
            chunk_size=2,
        )
    assert new_date == THROUGH + timedelta(days=1)
    got, want = await _state(app, crashed), await _state(app, reference)
    assert got == want
    # Penalties were charged: the comparison is about something.
    assert any(r[2] > 0 for r in want["runs"])
    assert all(
        len([t for t in loan["transactions"] if t[0] == "penalty_charge"])
        == len({t[1] for t in loan["transactions"] if t[0] == "penalty_charge"})
        for loan in got["loans"]
    ), "a day's penalty was charged twice"

    # And once more: every day is closed, nothing changes.
    await eod(client, tokens, crashed, THROUGH)
    assert await _state(app, crashed) == want
    # The state end of day maintained without replaying is what a full replay gives.
    assert await maintained_differences(app, crashed.id) == []


async def test_a_day_closes_in_chunks_whatever_their_size(
    app: Any, client: httpx.AsyncClient, tokens: Any, bank: Any
) -> None:
    whole = await _fund_with_loans(app, client, tokens, bank)
    chunked = await _fund_with_loans(app, client, tokens, bank)
    await eod(client, tokens, whole, THROUGH)
    async with app.state.sessionmaker() as session:
        _, runs = await service.end_of_day(
            session,
            LoanRepository(session),
            chunked.id,
            through=THROUGH,
            actor="batch",
            chunk_size=1,
        )
    assert [r.loans_processed for r in runs] == [LOANS] * len(runs)
    assert await _state(app, chunked) == await _state(app, whole)


async def _cash_rows(app: Any, fund: Fund) -> tuple[int, Any, Any]:
    """(deltas not rolled, the fund_cash row's cash, what the fund's cash lines sum to)."""
    async with app.state.sessionmaker() as session:
        row = (
            await session.execute(
                text(
                    "SELECT (SELECT count(*) FROM fund_cash_deltas WHERE fund_id = :f), "
                    "(SELECT cash FROM fund_cash WHERE fund_id = :f), "
                    "(SELECT sum(debit - credit) FROM journal_lines "
                    "WHERE fund_id = :f AND account = 'cash')"
                ),
                {"f": fund.id},
            )
        ).one()
        return int(row[0]), row[1], row[2]


async def test_a_closed_day_rolls_the_fund_cash_deltas_in(
    app: Any, client: httpx.AsyncClient, tokens: Any, bank: Any
) -> None:
    # Disbursements roll the deltas (their cash check); the repayments after them leave theirs.
    fund = await _fund_with_loans(app, client, tokens, bank)
    pending, _, lines = await _cash_rows(app, fund)
    assert pending > 0

    await eod(client, tokens, fund, FIRST_DUE + timedelta(days=1))

    pending, cash, lines_after = await _cash_rows(app, fund)
    assert pending == 0
    assert cash == lines_after == lines  # end of day moves no cash: the row now holds it all
