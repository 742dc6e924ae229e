"""A randomized loan history through the real API, for the maintained-state tests: loans of
different products, repayments on time, late, partial and backdated, reversals, fees, a
write-off and a reschedule, with end of day closing days in between."""

from __future__ import annotations

import random
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import httpx

from ..loans.conftest import START, Fund, eod, make_fund, signed_loan

AMOUNTS = ["12000000.00", "6000000.00", "24000000.00", "3000000.00", "9000000.00", "7500000.00"]
PAYMENTS = ["150000.00", "400000.00", "1120000.00", "560000.00", "2300000.00", "75000.33"]


@dataclass
class History:
    fund: Fund
    today: date
    loans: list[uuid.UUID]
    # Money-in transactions that can be reversed, per loan.
    payments: dict[uuid.UUID, list[str]] = field(default_factory=dict)
    written_off: set[uuid.UUID] = field(default_factory=set)
    closed: set[uuid.UUID] = field(default_factory=set)
    done: list[str] = field(default_factory=list)


async def build(
    app: Any,
    client: httpx.AsyncClient,
    tokens: Any,
    bank: Any,
    seed: int,
    steps: int = 45,
    checkpoint: Callable[[History], Awaitable[None]] | None = None,
) -> History:
    """The history; ``checkpoint`` runs after every fifth step's end of day."""
    rng = random.Random(seed)
    fund = await make_fund(client, tokens, "900000000.00")
    loans = []
    for n, amount in enumerate(AMOUNTS):
        loan_id = await signed_loan(
            app,
            fund,
            amount=amount,
            max_tranches=1,
            penalty_rate=rng.choice(["0.365", "0.18", "0.2190", None]),
            tolerance_days=rng.choice([0, 0, 3]),
            tenor=rng.choice([6, 12]),
            method=rng.choice(["flat", "declining_equal_installment"]),
            allocation_order=rng.choice([None, ["interest", "principal", "penalties", "fees"]]),
            province=rng.choice(["33", "35", "51"]),
            product_code=f"P{seed}-{n % 3}-{uuid.uuid4().hex[:24]}",
        )
        resp = await client.post(
            f"/v1/loans/{loan_id}/disbursements", json={"amount": amount}, headers=tokens.officer
        )
        assert resp.status_code == 201, resp.text
        loans.append(loan_id)
    history = History(fund=fund, today=START, loans=loans)
    for _ in range(steps):
        await _step(app, client, tokens, bank, rng, history)
        days = rng.choice([1, 2, 5, 9, 14])
        await eod(client, tokens, fund, history.today + timedelta(days=days - 1))
        history.today += timedelta(days=days)
        if checkpoint is not None and len(history.done) % 5 == 0:
            await checkpoint(history)
    return history


async def _step(
    app: Any, client: httpx.AsyncClient, tokens: Any, bank: Any, rng: random.Random, h: History
) -> None:
    open_loans = [x for x in h.loans if x not in h.closed]
    if not open_loans:
        return
    loan_id = rng.choice(open_loans)
    roll = rng.random()
    if roll < 0.55 and loan_id not in h.written_off:
        back = rng.choice([0, 0, 0, 3, 11, 25])
        value_date = max(START, h.today - timedelta(days=back))
        resp = await client.post(
            f"/v1/loans/{loan_id}/repayments",
            json={
                "amount": rng.choice(PAYMENTS),
                "external_reference": f"R-{uuid.uuid4().hex}",
                "value_date": value_date.isoformat(),
            },
            headers=bank,
        )
        assert resp.status_code == 201, resp.text
        h.payments.setdefault(loan_id, []).append(resp.json()["transaction"]["id"])
        h.done.append(f"repay {value_date}")
        if resp.json()["loan"]["status"].startswith("closed"):
            h.closed.add(loan_id)
    elif roll < 0.7 and h.payments.get(loan_id) and loan_id not in h.written_off:
        tx = h.payments[loan_id].pop(rng.randrange(len(h.payments[loan_id])))
        resp = await client.post(
            f"/v1/loans/{loan_id}/transactions/{tx}/reversal",
            json={"reason": "bounced at the bank"},
            headers=tokens.officer,
        )
        assert resp.status_code in (200, 201), resp.text
        h.done.append("reverse")
    elif roll < 0.8 and loan_id not in h.written_off:
        resp = await client.post(
            f"/v1/loans/{loan_id}/fees",
            json={
                "amount": "25000.00",
                "kind": "administration",
                "reason": "late notice",
                "external_reference": f"F-{uuid.uuid4().hex}",
            },
            headers=tokens.officer,
        )
        assert resp.status_code in (201, 409), resp.text  # 409: an overpaid loan
        h.done.append("fee" if resp.status_code == 201 else "no fee")
    elif roll < 0.86 and not h.written_off and h.today > START + timedelta(days=60):
        resp = await client.post(
            f"/v1/loans/{loan_id}/write-offs",
            json={"reason": "cooperative dissolved"},
            headers=tokens.officer,
        )
        if resp.status_code == 409:  # e.g. an overpaid loan owes nothing to write off
            h.done.append("no write-off")
            return
        assert resp.status_code == 201, resp.text
        resp = await client.post(
            f"/v1/loans/{loan_id}/write-offs/{resp.json()['id']}/decision",
            json={"approve": True, "note": "agreed in committee"},
            headers=tokens.committee,
        )
        assert resp.status_code == 200, resp.text
        h.written_off.add(loan_id)
        h.payments.pop(loan_id, None)  # a written-off loan's payments stay (only recoveries)
        h.done.append("write-off")
    elif roll < 0.86 and loan_id in h.written_off:
        resp = await client.post(
            f"/v1/loans/{loan_id}/recoveries",
            json={"amount": "300000.00", "external_reference": f"C-{uuid.uuid4().hex}"},
            headers=bank,
        )
        assert resp.status_code == 201, resp.text
        h.done.append("recovery")
    elif roll < 0.92 and loan_id not in h.written_off and h.today > START + timedelta(days=40):
        await _reschedule(client, tokens, rng, h, loan_id)
    else:
        h.done.append("nothing")


async def _reschedule(
    client: httpx.AsyncClient, tokens: Any, rng: random.Random, h: History, loan_id: uuid.UUID
) -> None:
    resp = await client.post(
        f"/v1/loans/{loan_id}/reschedules",
        json={
            "tenor_periods": rng.choice([6, 9]),
            "grace_periods": rng.choice([0, 1]),
            "capitalise_arrears": rng.choice([True, False]),
            "reason": "harvest failed",
        },
        headers=tokens("fund_committee", sub="maker-1"),
    )
    if resp.status_code != 201:  # e.g. an overpaid loan cannot be rescheduled
        assert resp.status_code in (409, 422), resp.text
        return
    resp = await client.post(
        f"/v1/loans/{loan_id}/reschedules/{resp.json()['id']}/decision",
        json={"approve": True, "note": "survey confirms"},
        headers=tokens("fund_committee", sub="checker-2"),
    )
    assert resp.status_code == 200, resp.text
    successor = uuid.UUID(resp.json()["successor_loan_id"])
    h.closed.add(loan_id)
    h.loans.append(successor)
    h.done.append("reschedule")
