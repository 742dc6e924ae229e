"""The replay engine keeps the loan's outstanding total as it goes (linear in transactions)
instead of re-summing every installment after each one; this proves it answers exactly what the
summing engine (``reference_engine``, the code as it was) answers, position for position, over
random histories with every transaction kind: backdated repayments, reversals, daily penalties,
fees on named installments, payoffs, refunds, write-offs with recoveries, reschedules.
"""

from __future__ import annotations

import dataclasses
import random
import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from financing.replay import engine
from financing.replay.engine import InterestAccrual, LoanTransaction, TxKind

from . import reference_engine as ref
from .support import START, D, equal_principal


def _history(rng: random.Random) -> list[LoanTransaction]:
    txs: list[LoanTransaction] = []
    seq = iter(rng.sample(range(1, 10_000), 600))  # recorded out of value-date order

    def add(kind: TxKind, day: int, amount: Decimal, **kw: Any) -> None:
        txs.append(
            LoanTransaction(
                uuid.uuid4(),
                kind,
                START + timedelta(days=day),
                amount,
                next(seq),
                reversed=rng.random() < 0.1 and kind is not TxKind.disbursement,
                **kw,
            )
        )

    add(TxKind.disbursement, 0, D("6000.00"))
    if rng.random() < 0.3:
        add(TxKind.disbursement, rng.randint(1, 40), D("2000.00"))
    horizon = rng.randint(60, 400)
    for day in range(1, horizon):
        roll = rng.random()
        if roll < 0.5:
            add(TxKind.penalty_charge, day, Decimal(rng.randint(1, 900)) / 100)
        elif roll < 0.56:
            add(TxKind.repayment, day, Decimal(rng.randint(1_000, 60_000)) / 100)
        elif roll < 0.57:
            add(TxKind.fee_charge, day, D("25.00"), installment_number=rng.randint(1, 12))
    end = horizon + rng.randint(0, 30)
    ending = rng.choice(["open", "payoff", "write_off", "reschedule", "refund"])
    if ending == "payoff":
        add(TxKind.payoff, end, D("99999.00"))
    elif ending == "write_off":
        add(TxKind.write_off, end, D("1.00"))
        add(TxKind.recovery, end + 3, D("150.00"))
    elif ending == "refund":
        add(TxKind.repayment, end, D("99999.00"))
        add(TxKind.overpayment_refund, end + 1, D("10.00"))
    elif ending == "reschedule":
        refund = ref.replay(_schedule(), _as(ref, txs)).overpayment
        if refund:  # an overpaid loan cannot be rescheduled: pay the balance back first
            add(TxKind.overpayment_refund, end - 1, refund)
            txs[-1] = dataclasses.replace(txs[-1], reversed=False)
        txs.append(_reschedule(txs, end, capitalise=rng.random() < 0.5, seq=next(seq)))
    return txs


def _reschedule(txs: list[LoanTransaction], day: int, *, capitalise: bool, seq: int) -> Any:
    """A reschedule with the amount the engine accepts (the principal, or with the arrears)."""
    on = START + timedelta(days=day)
    pos = ref.replay(_schedule(), _as(ref, txs), until=on)
    amounts = ref.payoff_amounts(pos, on)
    amount = pos.principal_outstanding
    if capitalise:
        amount += amounts.interest + amounts.penalty + amounts.fee
    return LoanTransaction(uuid.uuid4(), TxKind.reschedule, on, max(amount, D("0.01")), seq)


def _as(module: Any, txs: list[LoanTransaction]) -> list[Any]:
    """The transactions in ``module``'s own classes (its enums compare by identity)."""
    return [
        module.LoanTransaction(
            t.id,
            module.TxKind(t.kind.value),
            t.value_date,
            t.amount,
            t.sequence,
            reversed=t.reversed,
            installment_number=t.installment_number,
        )
        for t in txs
    ]


def _schedule() -> list[Any]:
    return equal_principal(12, grace=1)(D("6000.00"), START)


def _plain(value: Any) -> Any:
    """A position as plain data (the two engines' classes differ), without private fields."""
    data = dataclasses.asdict(value)
    data.pop("_outstanding", None)
    return data


def _outcome(module: Any, txs: list[LoanTransaction], until: date | None) -> Any:
    order = module.allocation_order(["interest", "principal", "penalties", "fees"])
    try:
        pos = module.replay(
            _schedule(), _as(module, txs), order=order, accrual=InterestAccrual.daily, until=until
        )
    except (module.ReplayError, ref.ReplayError) as exc:
        return ("error", str(exc))
    return (
        _plain(pos),
        pos.total_outstanding,
        pos.settled,
        pos.interest_outstanding,
        pos.penalty_outstanding,
        pos.fee_outstanding,
    )


@pytest.mark.parametrize("seed", range(40))
def test_the_linear_engine_answers_what_the_summing_engine_answered(seed: int) -> None:
    rng = random.Random(seed)
    txs = _history(rng)
    last = max(t.value_date for t in txs)
    for until in (None, last - timedelta(days=rng.randint(0, 90)), START + timedelta(days=45)):
        old = _outcome(ref, txs, until)
        new = _outcome(engine, txs, until)
        assert new == old, f"seed {seed}, until {until}"
        if old[0] != "error":
            assert old[0]["installments"], "the history replayed nothing"


@pytest.mark.parametrize("seed", range(20))
def test_applying_the_last_transaction_to_a_position_equals_replaying_with_it(seed: int) -> None:
    """End of day adds the day's penalty to the position it replayed for the penalty."""
    rng = random.Random(seed)
    txs = [t for t in _history(rng) if not t.reversed]
    cut = START + timedelta(days=rng.randint(35, 120))
    txs = [t for t in txs if t.value_date <= cut]
    penalty = LoanTransaction(uuid.uuid4(), TxKind.penalty_charge, cut, D("12.34"), 20_000)
    try:
        want = engine.replay(_schedule(), [*txs, penalty])
    except engine.ReplayError:
        return  # the history is refused either way; the replay tests cover refusals
    got = engine.replay(_schedule(), txs)
    engine.apply_transaction(got, penalty)
    assert _plain(got) == _plain(want)
    assert (got.total_outstanding, got.settled) == (want.total_outstanding, want.settled)
