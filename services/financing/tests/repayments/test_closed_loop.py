"""Closed loop: an accepted delivery under a contract the loan's application references pays
the product's share of its value into the loan through the ordinary repayment path, once per
delivery however often the event arrives; the ledger balances."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import func, select, update

from financing.applications.models import Application
from financing.audit.models import AuditRecord
from financing.loans.models import Loan, LoanTransactionRecord
from financing.models import event_subscriptions
from financing.products.models import Product
from kopmod_shared.events import EventType
from kopmod_shared.webhooks.testing import deliver, envelope, subscribe_directly

from ..loans.conftest import D, events, loan_ledger, make_fund, position, signed_loan


@pytest.fixture
async def secret(app: Any) -> str:
    return await subscribe_directly(
        app.state.engine, event_subscriptions, "marketplace", [EventType.DELIVERY_RECORDED]
    )


async def closed_loop_loan(
    app: Any, client: Any, tokens: Any, *, share: str | None = "0.5000", disburse: bool = True
) -> tuple[uuid.UUID, uuid.UUID]:
    """A disbursed 12m loan whose application references a fresh contract id."""
    fund = await make_fund(client, tokens, "12000000.00")
    loan_id = await signed_loan(app, fund)
    contract_id = uuid.uuid4()
    async with app.state.sessionmaker() as s:
        loan = await s.get(Loan, loan_id)
        assert loan is not None
        await s.execute(
            update(Application)
            .where(Application.id == loan.application_id)
            .values(offtake_contract_ids=[contract_id])
        )
        await s.execute(
            update(Product)
            .where(Product.id == loan.product_id)
            .values(closed_loop_share=D(share) if share else None)
        )
        await s.commit()
    if disburse:
        resp = await client.post(
            f"/v1/loans/{loan_id}/disbursements",
            json={"amount": "12000000.00", "reference": "SP2D-CL"},
            headers=tokens.officer,
        )
        assert resp.status_code == 201, resp.text
    return loan_id, contract_id


def delivery(contract_id: uuid.UUID, accepted_value: str, **over: Any) -> dict[str, Any]:
    data = {
        "contract_id": str(contract_id),
        "delivery_id": str(uuid.uuid4()),
        "milestone_seq": 1,
        "delivered_on": "2026-01-05",
        "quantity_delivered": "1000.000",
        "quantity_accepted": "1000.000",
        "base_unit": "KGM",
        "unit_price": "2000.00",
        "accepted_value": accepted_value,
    } | over
    return envelope("marketplace", EventType.DELIVERY_RECORDED, data, subject=contract_id)


async def repayments(app: Any, loan_id: uuid.UUID) -> list[LoanTransactionRecord]:
    async with app.state.sessionmaker() as s:
        rows = await s.scalars(
            select(LoanTransactionRecord).where(
                LoanTransactionRecord.loan_id == loan_id,
                LoanTransactionRecord.kind == "repayment",
            )
        )
        return list(rows.all())


async def test_an_accepted_delivery_pays_the_share_once(app, client, tokens, secret) -> None:
    loan_id, contract_id = await closed_loop_loan(app, client, tokens)
    event = delivery(contract_id, "2000000.00")
    resp = await deliver(client, event, secret)
    assert resp.status_code == 204, resp.text

    [paid] = await repayments(app, loan_id)
    assert paid.amount == D("1000000.00")  # half of the accepted value
    assert paid.external_reference == event["data"]["delivery_id"]
    assert paid.created_by == "system:closed-loop"
    state = await position(client, tokens, loan_id)
    assert D(state["principal_outstanding"]) < D("12000000.00")
    [received] = await events(app, EventType.REPAYMENT_RECEIVED, loan_id)
    assert received["external_reference"] == event["data"]["delivery_id"]
    assert received["amount"] == "1000000.00"
    ledger = await loan_ledger(app, loan_id)
    # The repayment is posted: cash came back (the client fixture checks the ledger balances).
    assert ledger != {}

    # Redelivery (same event id) and a re-emitted event (same delivery, new id): nothing more.
    assert (await deliver(client, event, secret)).status_code == 204
    again = {**event, "id": str(uuid.uuid4())}
    assert (await deliver(client, again, secret)).status_code == 204
    assert [r.amount for r in await repayments(app, loan_id)] == [D("1000000.00")]
    assert await loan_ledger(app, loan_id) == ledger

    async with app.state.sessionmaker() as s:
        audits = (
            await s.scalars(
                select(AuditRecord).where(AuditRecord.action == "loan.closed_loop_repayment")
            )
        ).all()
    assert [(a.outcome, a.request["amount"], a.request["closed_loop_share"]) for a in audits] == [
        ("succeeded", "1000000.00", "0.5000")
    ]


async def test_the_loop_never_pays_more_than_the_payoff(app, client, tokens, secret) -> None:
    loan_id, contract_id = await closed_loop_loan(app, client, tokens, share="1")
    resp = await deliver(client, delivery(contract_id, "50000000.00"), secret)
    assert resp.status_code == 204, resp.text
    [paid] = await repayments(app, loan_id)
    async with app.state.sessionmaker() as s:
        [audit] = (
            await s.scalars(
                select(AuditRecord).where(AuditRecord.action == "loan.closed_loop_repayment")
            )
        ).all()
    # Capped at the payoff on the business date: principal plus interest accrued so far.
    assert paid.amount == D(audit.request["payoff_cap"]) == D(audit.request["amount"])
    assert D("12000000.00") <= paid.amount < D("12200000.00")
    state = await position(client, tokens, loan_id)
    assert state["status"] == "active"  # no overpayment was created


async def test_no_share_no_link_or_no_disbursement_applies_nothing(
    app, client, tokens, secret
) -> None:
    off, off_contract = await closed_loop_loan(app, client, tokens, share=None)
    pending, pending_contract = await closed_loop_loan(app, client, tokens, disburse=False)
    on, _ = await closed_loop_loan(app, client, tokens)
    for event in (
        delivery(off_contract, "2000000.00"),  # the product has no closed loop
        delivery(pending_contract, "2000000.00"),  # nothing disbursed yet
        delivery(uuid.uuid4(), "2000000.00"),  # a contract no application references
        delivery(pending_contract, "0.00", quantity_accepted="0.000"),  # all rejected
    ):
        assert (await deliver(client, event, secret)).status_code == 204
    for loan_id in (off, pending, on):
        assert await repayments(app, loan_id) == []
    async with app.state.sessionmaker() as s:
        assert (
            await s.scalar(
                select(func.count())
                .select_from(AuditRecord)
                .where(AuditRecord.action == "loan.closed_loop_repayment")
            )
            == 0
        )


async def test_a_delivery_applied_before_a_reschedule_is_not_applied_to_the_successor(
    app, client, tokens, secret
) -> None:
    loan_id, contract_id = await closed_loop_loan(app, client, tokens)
    event = delivery(contract_id, "2000000.00")
    assert (await deliver(client, event, secret)).status_code == 204
    [paid] = await repayments(app, loan_id)
    resp = await client.post(
        f"/v1/loans/{loan_id}/reschedules",
        json={"tenor_periods": 12, "reason": "sales season moved"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    resp = await client.post(
        f"/v1/loans/{loan_id}/reschedules/{resp.json()['id']}/decision",
        json={"approve": True, "note": "approved"},
        headers=tokens.committee,
    )
    assert resp.status_code == 200, resp.text
    successor = uuid.UUID(resp.json()["successor_loan_id"])

    # The same delivery re-emitted under a new event id: the successor pays nothing again.
    again = envelope("marketplace", EventType.DELIVERY_RECORDED, event["data"], subject=contract_id)
    assert (await deliver(client, again, secret)).status_code == 204
    assert await repayments(app, successor) == []
    assert [r.id for r in await repayments(app, loan_id)] == [paid.id]
    # A new delivery pays the successor (the active loan of the application now).
    assert (await deliver(client, delivery(contract_id, "200000.00"), secret)).status_code == 204
    [new] = await repayments(app, successor)
    assert new.amount == D("100000.00")
