"""Servicing API fixtures: a fund with capital and a business date, and signed loans.

A signed loan is what part 1's signing leaves behind (loan pending disbursement, its approval
committed against the fund); the tests write those rows directly so that servicing is tested on
its own, and drive everything servicing does through the API.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, text, update

from financing.applications.models import Application
from financing.ledger.models import Commitment
from financing.loans.models import Loan, LoanTransactionRecord
from financing.products.models import Product

D = Decimal
START = date(2026, 1, 5)


@dataclass
class Fund:
    id: uuid.UUID
    code: str


async def make_fund(
    client: httpx.AsyncClient, tokens: Any, capital: str, *, start: date = START
) -> Fund:
    code = f"DB-{uuid.uuid4().hex[:8]}"
    resp = await client.post(
        "/v1/funds", json={"code": code, "name": f"Dana Bergulir {code}"}, headers=tokens.admin
    )
    assert resp.status_code == 201, resp.text
    fund_id = uuid.UUID(resp.json()["id"])
    resp = await client.post(
        f"/v1/funds/{fund_id}/capital-injections",
        json={"amount": capital, "entry_date": "2026-01-02", "memo": "APBN 2026"},
        headers=tokens.committee,
    )
    assert resp.status_code == 201, resp.text
    resp = await client.post(
        f"/v1/funds/{fund_id}/business-date",
        json={"business_date": start.isoformat()},
        headers=tokens.officer,
    )
    assert resp.status_code == 200, resp.text
    return Fund(fund_id, code)


async def signed_loan(
    app: Any,
    fund: Fund,
    *,
    amount: str = "12000000.00",
    cooperative_id: uuid.UUID | None = None,
    tenor: int = 12,
    rate: str = "0.12",
    method: str = "flat",
    max_tranches: int = 2,
    penalty_rate: str | None = "0.365",
    tolerance_days: int = 0,
    province: str = "33",
    product_code: str | None = None,
    commit: bool = True,
    allocation_order: list[str] | None = None,
) -> uuid.UUID:
    """A loan in ``pending_disbursement`` with its approval committed against the fund."""
    cooperative_id = cooperative_id or uuid.uuid4()
    order = allocation_order or ["penalties", "fees", "interest", "principal"]
    async with app.state.sessionmaker() as session:
        product = Product(
            fund_id=fund.id,
            code=product_code or f"MK-{uuid.uuid4().hex}",
            name="Modal kerja",
            purpose="working_capital",
            pattern="conventional",
            amount_min=D("1000.00"),
            amount_max=D("3000000000.00"),
            tenor_max_periods=120,
            grace_max_periods=12,
            frequency="monthly",
            method=method,
            rounding=D("0.01"),
            allocation_order=order,
            arrears_tolerance_days=tolerance_days,
            max_tranches=max_tranches,
            penalty_rate=D(penalty_rate) if penalty_rate else None,
            created_by="test",
        )
        session.add(product)
        await session.flush()
        application = Application(
            cooperative_id=cooperative_id,
            product_id=product.id,
            fund_id=fund.id,
            status="signed",
            requested_amount=D(amount),
            tenor_periods=tenor,
            grace_periods=0,
            purpose="pupuk dan benih",
            province_code=province,
            created_by="test",
            approved_amount=D(amount),
            annual_rate=D(rate),
        )
        session.add(application)
        await session.flush()
        loan = Loan(
            application_id=application.id,
            fund_id=fund.id,
            product_id=product.id,
            cooperative_id=cooperative_id,
            province_code=province,
            approved_amount=D(amount),
            annual_rate=D(rate),
            tenor_periods=tenor,
            frequency="monthly",
            method=method,
            grace_periods=0,
            rounding=D("0.01"),
            allocation_order=order,
            arrears_tolerance_days=tolerance_days,
            max_tranches=max_tranches,
            penalty_rate=D(penalty_rate) if penalty_rate else None,
            pattern="conventional",
            tranche_plan=[],
            status="pending_disbursement",
            signed_at=datetime(2026, 1, 3, 9, 0, tzinfo=UTC),
            signed_by="committee-1",
        )
        session.add(loan)
        await session.flush()
        application.loan_id = loan.id
        if commit:
            session.add(
                Commitment(
                    fund_id=fund.id,
                    application_id=application.id,
                    loan_id=loan.id,
                    amount=D(amount),
                    drawn=D(0),
                )
            )
        await session.commit()
        return loan.id


async def release_commitments(app: Any, fund: Fund) -> None:
    """End a test that over-committed a fund on purpose (the ledger check refuses that)."""
    async with app.state.sessionmaker() as session:
        await session.execute(
            update(Commitment)
            .where(Commitment.fund_id == fund.id, Commitment.released_at.is_(None))
            .values(released_at=func.now())
        )
        await session.commit()


async def transactions_count(app: Any, loan_id: uuid.UUID) -> int:
    async with app.state.sessionmaker() as session:
        value = await session.scalar(
            select(func.count())
            .select_from(LoanTransactionRecord)
            .where(LoanTransactionRecord.loan_id == loan_id)
        )
        return int(value or 0)


async def events(app: Any, type_: str, subject: uuid.UUID | None = None) -> list[dict[str, Any]]:
    async with app.state.sessionmaker() as session:
        rows = await session.execute(
            text("SELECT subject, payload FROM outbox_events WHERE type = :t ORDER BY seq"),
            {"t": type_},
        )
        return [r[1]["data"] for r in rows if subject is None or r[0] == str(subject)]


async def loan_ledger(app: Any, loan_id: uuid.UUID) -> dict[str, Decimal]:
    """Debits minus credits per account over the journal lines booked for the loan."""
    async with app.state.sessionmaker() as session:
        rows = await session.execute(
            text(
                "SELECT account, sum(debit - credit) FROM journal_lines WHERE loan_id = :loan "
                "GROUP BY account"
            ),
            {"loan": loan_id},
        )
        return {r[0]: Decimal(r[1]) for r in rows if Decimal(r[1]) != 0}


async def eod(client: httpx.AsyncClient, tokens: Any, fund: Fund, through: date) -> Any:
    resp = await client.post(
        f"/v1/funds/{fund.id}/end-of-day",
        json={"through": through.isoformat()},
        headers=tokens.officer,
    )
    assert resp.status_code == 200, resp.text
    return resp.json()


async def position(client: httpx.AsyncClient, tokens: Any, loan_id: uuid.UUID) -> Any:
    resp = await client.get(f"/v1/loans/{loan_id}/position", headers=tokens.officer)
    assert resp.status_code == 200, resp.text
    return resp.json()


async def write_off(client: httpx.AsyncClient, tokens: Any, loan_id: Any, reason: str) -> Any:
    """Four eyes: the officer proposes the write-off, the committee approves it; returns the
    approved request."""
    resp = await client.post(
        f"/v1/loans/{loan_id}/write-offs", json={"reason": reason}, headers=tokens.officer
    )
    assert resp.status_code == 201, resp.text
    resp = await client.post(
        f"/v1/loans/{loan_id}/write-offs/{resp.json()['id']}/decision",
        json={"approve": True, "note": "agreed in committee"},
        headers=tokens.committee,
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["status"] == "approved"
    return resp.json()


async def cash(client: httpx.AsyncClient, tokens: Any, fund: Fund) -> Decimal:
    resp = await client.get(f"/v1/funds/{fund.id}/position", headers=tokens.committee)
    assert resp.status_code == 200, resp.text
    return Decimal(resp.json()["cash"])


@pytest.fixture
def bank(tokens: Any) -> dict[str, str]:
    """The cooperative's bank: a partner allowed to post repayments."""
    return tokens("partner", sub="bank-bri", scopes=["repayments"])
