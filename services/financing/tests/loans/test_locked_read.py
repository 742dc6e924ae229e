"""A command's locked reads run on the driver (``loans.repository``: no ORM loading) and attach
what they read to the session: the objects must be what the ORM's load gives, column for column,
persistent (a change is flushed as an UPDATE), and refresh the one a session already holds."""

from __future__ import annotations

import uuid

from sqlalchemy import inspect, select, text

from financing.arrears.models import FundBusinessDate
from financing.ledger.models import Commitment
from financing.loans.models import Loan, LoanAccount, LoanTransactionRecord
from financing.loans.repository import LoanRepository

from .conftest import make_fund, signed_loan


def _columns(obj: object) -> dict[str, tuple[type, object]]:
    """Every column attribute with its value and the value's type (a JSON list must stay a list,
    a timestamp aware, money a Decimal)."""
    mapper = inspect(type(obj))
    return {a.key: (type(getattr(obj, a.key)), getattr(obj, a.key)) for a in mapper.column_attrs}


async def _loaded_by_orm(app, loan_id: uuid.UUID, fund_id: uuid.UUID) -> dict[str, object]:
    async with app.state.sessionmaker() as session:
        txs = await session.scalars(
            select(LoanTransactionRecord)
            .where(LoanTransactionRecord.loan_id == loan_id)
            .order_by(LoanTransactionRecord.value_date, LoanTransactionRecord.seq)
        )
        return {
            "loan": _columns(await session.get(Loan, loan_id)),
            "records": [_columns(r) for r in txs],
            "day": _columns(await session.get(FundBusinessDate, fund_id)),
            "account": _columns(await session.get(LoanAccount, loan_id)),
            "commitment": _columns(
                await session.scalar(select(Commitment).where(Commitment.loan_id == loan_id))
            ),
        }


async def test_the_locked_reads_attach_what_the_orm_would_load(app, client, tokens, bank):
    fund = await make_fund(client, tokens, "100000000.00")
    loan_id = await signed_loan(app, fund, amount="4000000.00", max_tranches=2)
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements", json={"amount": "2000000.00"}, headers=tokens.officer
    )
    assert resp.status_code == 201, resp.text
    for n in (1, 2):
        resp = await client.post(
            f"/v1/loans/{loan_id}/repayments",
            json={"amount": "100000.00", "external_reference": f"BRI-{n}"},
            headers=bank,
        )
        assert resp.status_code == 201, resp.text
    expected = await _loaded_by_orm(app, loan_id, fund.id)
    assert len(expected["records"]) == 3

    async with app.state.sessionmaker() as session, session.begin():
        repo = LoanRepository(session)
        loan = await repo.lock_fund_and_loan(loan_id)
        read = await repo.locked_read(loan_id, fund.id, disbursing=True)
        assert _columns(loan) == expected["loan"]
        assert [_columns(r) for r in read.records] == expected["records"]
        assert _columns(read.business_date) == expected["day"]
        assert _columns(read.account) == expected["account"]
        assert _columns(read.commitment) == expected["commitment"]
        assert read.activated is False  # the loan was active already
        attached = [loan, *read.records, read.business_date, read.account, read.commitment]
        # Persistent and clean, as loaded: nothing to write until something changes.
        assert all(inspect(o).persistent for o in attached)
        assert not session.dirty and not session.new
        # The same loan locked again is the same object (the identity map's).
        assert await repo.loan(loan_id, for_update=True) is loan
        # A change is written by the flush, as for an object the ORM loaded.
        read.records[-1].note = "checked"
        await session.flush()
        note = await session.scalar(
            text("SELECT note FROM loan_transactions WHERE id = :id"), {"id": read.records[-1].id}
        )
        assert note == "checked"
        await session.rollback()


async def test_a_locked_read_refreshes_the_object_the_session_holds(app, client, tokens):
    """As ``populate_existing`` did: what the session holds (here changed and not flushed) is
    replaced by the row read under the lock."""
    fund = await make_fund(client, tokens, "100000000.00")
    loan_id = await signed_loan(app, fund, amount="4000000.00", max_tranches=2)
    async with app.state.sessionmaker() as session, session.begin():
        held = await session.get(Loan, loan_id)
        assert held is not None
        held.status = "active"
        held.tenor_periods = 99
        locked = await LoanRepository(session).loan(loan_id, for_update=True)
        assert locked is held
        assert (held.status, held.tenor_periods) == ("pending_disbursement", 12)
        await session.flush()  # the changes were dropped: nothing to write
        row = await session.execute(
            text("SELECT status, tenor_periods FROM loans WHERE id = :id"), {"id": loan_id}
        )
        assert tuple(row.one()) == ("pending_disbursement", 12)
        await session.rollback()
