"""Property: payments recorded late (backdated) or reversed, with end of day charging penalties
every day and repricing closed days after each late record, end in exactly the state of a world
where every surviving payment was recorded on its value date and the reversed ones never were.

This is what the service does (``_reprice_penalties`` after a backdated record or a reversal,
``penalty_for_day`` at each end of day), played on the pure engine over random histories.
"""

from __future__ import annotations

import dataclasses
import random
import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest

from financing.arrears.ageing import penalty_for_day, reprice_penalties
from financing.replay.engine import LoanTransaction, TxKind, replay

from .support import START, D, three_months

RATE = D("0.365")
DAYS = 130


@dataclasses.dataclass
class Payment:
    value_day: int
    record_day: int
    amount: Decimal
    reversed_on: int | None  # the day the reversal is recorded


def _history(rng: random.Random) -> list[Payment]:
    out = []
    for value_day in sorted(rng.sample(range(1, DAYS - 5), rng.randint(1, 7))):
        record_day = min(value_day + rng.choice([0, 0, 1, 3, 9, 25]), DAYS - 1)
        reversed_on = (
            min(record_day + rng.randint(0, 15), DAYS - 1) if rng.random() < 0.25 else None
        )
        amount = Decimal(rng.randint(10_000, 160_000)) / 100
        out.append(Payment(value_day, record_day, amount, reversed_on))
    return out


class World:
    """A loan's transactions as the service keeps them: recorded in order, never deleted."""

    def __init__(self) -> None:
        self.txs: list[LoanTransaction] = []
        self.seq = 0
        self.add(TxKind.disbursement, START, D("3000.00"))

    def add(self, kind: TxKind, on: date, amount: Decimal) -> LoanTransaction:
        self.seq += 1
        tx = LoanTransaction(uuid.uuid4(), kind, on, amount, self.seq)
        self.txs.append(tx)
        return tx

    def reverse(self, ids: set[uuid.UUID]) -> None:
        self.txs = [dataclasses.replace(t, reversed=True) if t.id in ids else t for t in self.txs]

    def close_day(self, day: date) -> None:
        amount = penalty_for_day(replay(three_months(), self.txs, until=day), day, RATE)
        if amount:
            self.add(TxKind.penalty_charge, day, amount)

    def reprice(self, since: date, today: date) -> None:
        if since >= today:
            return
        plan = reprice_penalties(
            three_months(),
            self.txs,
            first_day=since,
            last_day=today - timedelta(days=1),
            annual_rate=RATE,
        )
        self.reverse(set(plan.reverse))
        for on, amount in plan.charge:
            self.add(TxKind.penalty_charge, on, amount)


@pytest.mark.parametrize("seed", range(20))
def test_late_records_and_reversals_end_where_the_in_order_world_ends(seed: int) -> None:
    history = _history(random.Random(seed))

    in_order = World()
    for n in range(1, DAYS):
        day = START + timedelta(days=n)
        for p in history:
            if p.value_day == n and p.reversed_on is None:
                in_order.add(TxKind.repayment, day, p.amount)
        in_order.close_day(day)

    late = World()
    recorded: dict[int, LoanTransaction] = {}
    for n in range(1, DAYS):
        today = START + timedelta(days=n)
        for i, p in enumerate(history):
            if p.record_day == n:
                recorded[i] = late.add(
                    TxKind.repayment, START + timedelta(days=p.value_day), p.amount
                )
                late.reprice(START + timedelta(days=p.value_day), today)
            if p.reversed_on == n:
                late.reverse({recorded[i].id})
                late.reprice(START + timedelta(days=p.value_day), today)
        late.close_day(today)

    expected = replay(three_months(), in_order.txs)
    got = replay(three_months(), late.txs)
    assert got.installments == expected.installments
    assert got.overpayment == expected.overpayment
    assert got.principal_outstanding == expected.principal_outstanding
    assert got.penalty_paid + got.penalty_outstanding == (
        expected.penalty_paid + expected.penalty_outstanding
    )
