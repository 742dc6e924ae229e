"""Restructuring follows the cooperative: registry events delivered signed to
``POST /v1/events/registry`` move loans and open applications to the successor, once, in any
order, with a transfer row and an audit record per move and the ledger untouched."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from financing.applications.models import Application
from financing.audit.models import AuditRecord
from financing.ledger.models import JournalLine
from financing.loans.models import Loan
from financing.models import event_subscriptions
from kopmod_shared.events import EventType
from kopmod_shared.webhooks.testing import deliver, envelope, subscribe_directly

from ..loans.conftest import make_fund, signed_loan


@pytest.fixture
async def secret(app: Any) -> str:
    return await subscribe_directly(
        app.state.engine, event_subscriptions, "registry", [EventType.COOPERATIVE_RESTRUCTURED]
    )


def restructured(
    kind: str,
    predecessors: list[uuid.UUID],
    successor: uuid.UUID,
    *,
    moved_assets: list[dict[str, Any]] | None = None,
    effective_on: str = "2026-02-01",
) -> dict[str, Any]:
    data = {
        "restructuring_id": str(uuid.uuid4()),
        "kind": kind,
        "effective_on": effective_on,
        "predecessor_ids": [str(p) for p in predecessors],
        "successor_ids": [str(successor)],
        "merged_ids": [] if kind == "spin_off" else [str(p) for p in predecessors],
        "moved_assets": moved_assets or [],
    }
    return envelope(
        "registry",
        EventType.COOPERATIVE_RESTRUCTURED,
        data,
        subject=successor,
        parties=[*predecessors, successor],
    )


async def holder(app: Any, model: Any, id_: uuid.UUID) -> uuid.UUID:
    async with app.state.sessionmaker() as s:
        return (await s.execute(select(model.cooperative_id).where(model.id == id_))).scalar_one()


async def count(app: Any, q: Any) -> int:
    async with app.state.sessionmaker() as s:
        return int((await s.execute(q)).scalar_one())


async def open_application(app: Any, loan_id: uuid.UUID, cooperative_id: uuid.UUID) -> uuid.UUID:
    """A second, still open application of the cooperative (same product and fund)."""
    async with app.state.sessionmaker() as s:
        signed = (
            await s.execute(
                select(Application)
                .join(Loan, Loan.application_id == Application.id)
                .where(Loan.id == loan_id)
            )
        ).scalar_one()
        draft = Application(
            cooperative_id=cooperative_id,
            product_id=signed.product_id,
            fund_id=signed.fund_id,
            status="desk_review",
            requested_amount=signed.requested_amount,
            tenor_periods=12,
            grace_periods=0,
            purpose="gudang",
            province_code="33",
            created_by="test",
        )
        s.add(draft)
        await s.commit()
        return draft.id


async def test_a_merger_moves_loans_and_open_applications_once(app, client, tokens, secret) -> None:
    fund = await make_fund(client, tokens, "100000000.00")
    a, b, successor = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    loan_a = await signed_loan(app, fund, cooperative_id=a, amount="10000000.00")
    loan_b = await signed_loan(app, fund, cooperative_id=b, amount="5000000.00")
    app_a = await open_application(app, loan_a, a)
    ledger_before = await count(app, select(func.count()).select_from(JournalLine))

    event = restructured("merger", [a, b], successor)
    resp = await deliver(client, event, secret)
    assert resp.status_code == 204, resp.text

    assert await holder(app, Loan, loan_a) == successor
    assert await holder(app, Loan, loan_b) == successor
    assert await holder(app, Application, app_a) == successor
    # The signed applications behind the loans are history: they stay with their applicant.
    assert await count(app, select(func.count()).select_from(JournalLine)) == ledger_before

    resp = await client.get(
        "/v1/cooperative-transfers",
        params={"cooperative_id": str(successor)},
        headers=tokens.officer,
    )
    assert resp.status_code == 200, resp.text
    moves = {(m["entity"], m["entity_id"]): m for m in resp.json()["items"]}
    assert set(moves) == {("loan", str(loan_a)), ("loan", str(loan_b)), ("application", str(app_a))}
    assert moves[("loan", str(loan_a))]["from_cooperative_id"] == str(a)
    assert moves[("loan", str(loan_b))]["from_cooperative_id"] == str(b)
    assert {m["event_id"] for m in moves.values()} == {event["id"]}
    assert {m["kind"] for m in moves.values()} == {"merger"}
    audit = await count(
        app,
        select(func.count()).select_from(AuditRecord).where(AuditRecord.action == "loan.transfer"),
    )
    assert audit == 2

    # The same event delivered again (a redelivery or a replay) changes nothing.
    again = await deliver(client, event, secret)
    assert again.status_code == 204
    resp = await client.get(
        "/v1/cooperative-transfers",
        params={"cooperative_id": str(successor)},
        headers=tokens.officer,
    )
    assert len(resp.json()["items"]) == 3


async def test_the_same_restructuring_under_a_new_event_id_moves_nothing_more(
    app, client, tokens, secret
) -> None:
    """Inbox de-dup is by event id; the handler itself is idempotent for a re-emitted event."""
    fund = await make_fund(client, tokens, "100000000.00")
    a, successor = uuid.uuid4(), uuid.uuid4()
    loan = await signed_loan(app, fund, cooperative_id=a, amount="1000000.00")
    first = restructured("fusion", [a, uuid.uuid4()], successor)
    second = {**first, "id": str(uuid.uuid4())}
    assert (await deliver(client, first, secret)).status_code == 204
    assert (await deliver(client, second, secret)).status_code == 204
    assert await holder(app, Loan, loan) == successor
    resp = await client.get(
        "/v1/cooperative-transfers", params={"entity_id": str(loan)}, headers=tokens.officer
    )
    assert [m["event_id"] for m in resp.json()["items"]] == [first["id"]]


async def test_closed_loans_stay_with_the_predecessor(app, client, tokens, secret) -> None:
    fund = await make_fund(client, tokens, "100000000.00")
    a, successor = uuid.uuid4(), uuid.uuid4()
    loan = await signed_loan(app, fund, cooperative_id=a, amount="1000000.00", commit=False)
    async with app.state.sessionmaker() as s:
        (await s.get(Loan, loan)).status = "closed_obligations_met"  # type: ignore[union-attr]
        await s.commit()
    assert (
        await deliver(client, restructured("merger", [a], successor), secret)
    ).status_code == 204
    assert await holder(app, Loan, loan) == a


async def test_a_spin_off_moves_only_what_it_names(app, client, tokens, secret) -> None:
    fund = await make_fund(client, tokens, "100000000.00")
    parent, child = uuid.uuid4(), uuid.uuid4()
    kept = await signed_loan(app, fund, cooperative_id=parent, amount="1000000.00")
    moved = await signed_loan(app, fund, cooperative_id=parent, amount="2000000.00")
    other = await signed_loan(app, fund, cooperative_id=uuid.uuid4(), amount="3000000.00")

    plain = restructured("spin_off", [parent], child)
    assert (await deliver(client, plain, secret)).status_code == 204
    assert await holder(app, Loan, kept) == parent
    assert await holder(app, Loan, moved) == parent

    naming = restructured(
        "spin_off",
        [parent],
        child,
        moved_assets=[
            {"service": "financing", "entity": "loan", "id": str(moved)},
            # Not the parent's: never moves, whatever the event says.
            {"service": "financing", "entity": "loan", "id": str(other)},
            {"service": "marketplace", "entity": "contract", "id": str(kept)},
        ],
    )
    assert (await deliver(client, naming, secret)).status_code == 204
    assert await holder(app, Loan, kept) == parent
    assert await holder(app, Loan, moved) == child
    assert await holder(app, Loan, other) != child
    # A spin-off is no succession: a later merger into the parent does not drag the child's loan.
    successor = uuid.uuid4()
    assert (
        await deliver(client, restructured("merger", [parent], successor), secret)
    ).status_code == 204
    assert await holder(app, Loan, kept) == successor
    assert await holder(app, Loan, moved) == child


async def test_out_of_order_a_merger_heard_after_the_later_fusion_lands_on_the_final_successor(
    app, client, tokens, secret
) -> None:
    """A merged into B (first), then B and C fused into D (second); the fusion arrives first."""
    fund = await make_fund(client, tokens, "100000000.00")
    a, b, c, d = (uuid.uuid4() for _ in range(4))
    loan_a = await signed_loan(app, fund, cooperative_id=a, amount="1000000.00")
    loan_b = await signed_loan(app, fund, cooperative_id=b, amount="2000000.00")
    loan_c = await signed_loan(app, fund, cooperative_id=c, amount="3000000.00")
    merger = restructured("merger", [a], b, effective_on="2026-01-10")
    fusion = restructured("fusion", [b, c], d, effective_on="2026-02-10")

    assert (await deliver(client, fusion, secret)).status_code == 204
    assert await holder(app, Loan, loan_b) == d
    assert await holder(app, Loan, loan_a) == a  # nothing is known about A yet
    assert (await deliver(client, merger, secret)).status_code == 204
    for loan in (loan_a, loan_b, loan_c):
        assert await holder(app, Loan, loan) == d
    resp = await client.get(
        "/v1/cooperative-transfers", params={"entity_id": str(loan_a)}, headers=tokens.officer
    )
    [move] = resp.json()["items"]
    assert (move["from_cooperative_id"], move["to_cooperative_id"]) == (str(a), str(d))
    assert move["event_id"] == merger["id"]

    # Replaying both, in either order, changes nothing.
    for event in (merger, fusion):
        assert (await deliver(client, event, secret)).status_code == 204
    resp = await client.get(
        "/v1/cooperative-transfers", params={"cooperative_id": str(d)}, headers=tokens.officer
    )
    assert len(resp.json()["items"]) == 3


async def test_in_order_chains_move_twice_and_keep_both_steps(app, client, tokens, secret) -> None:
    fund = await make_fund(client, tokens, "100000000.00")
    a, b, c, d = (uuid.uuid4() for _ in range(4))
    loan_a = await signed_loan(app, fund, cooperative_id=a, amount="1000000.00")
    assert (await deliver(client, restructured("merger", [a], b), secret)).status_code == 204
    assert await holder(app, Loan, loan_a) == b
    assert (await deliver(client, restructured("fusion", [b, c], d), secret)).status_code == 204
    assert await holder(app, Loan, loan_a) == d
    resp = await client.get(
        "/v1/cooperative-transfers", params={"entity_id": str(loan_a)}, headers=tokens.officer
    )
    steps = [(m["from_cooperative_id"], m["to_cooperative_id"]) for m in resp.json()["items"]]
    assert steps == [(str(a), str(b)), (str(b), str(d))]


async def test_an_unsigned_or_unknown_delivery_is_refused(app, client, tokens, secret) -> None:
    fund = await make_fund(client, tokens, "100000000.00")
    a = uuid.uuid4()
    loan = await signed_loan(app, fund, cooperative_id=a, amount="1000000.00")
    forged = await deliver(client, restructured("merger", [a], uuid.uuid4()), "whsec_" + "A" * 44)
    assert forged.status_code == 401
    assert await holder(app, Loan, loan) == a
    unknown = await client.post("/v1/events/nobody", json={})
    assert unknown.status_code == 404
