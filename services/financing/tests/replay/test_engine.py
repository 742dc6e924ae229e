"""Transaction replay: allocation, overpayment, backdating and reversal, payoff, write-off."""

from __future__ import annotations

import dataclasses
import random
import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest

from financing.arrears.ageing import arrears
from financing.replay.engine import (
    DEFAULT_ALLOCATION_ORDER,
    Component,
    InterestAccrual,
    LoanPosition,
    LoanTransaction,
    ReplayError,
    ScheduledInstallment,
    TxKind,
    allocation_order,
    payoff_amounts,
    replay,
)

from .support import START, D, disburse, equal_principal, repay, schedule, three_months, tx


def paid(pos: LoanPosition) -> list[tuple[str, str, str, str]]:
    """(principal, interest, penalty, fee) paid per installment, as strings."""
    return [
        (str(i.principal_paid), str(i.interest_paid), str(i.penalty_paid), str(i.fee_paid))
        for i in pos.installments
    ]


def test_exact_installment_pays_it_and_nothing_else() -> None:
    pos = replay(three_months(), [disburse(), repay(date(2026, 2, 1), "1030.00")])
    assert paid(pos) == [
        ("1000.00", "30.00", "0.00", "0.00"),
        ("0.00", "0.00", "0.00", "0.00"),
        ("0.00", "0.00", "0.00", "0.00"),
    ]
    assert pos.installments[0].paid_on == date(2026, 2, 1)
    assert pos.installments[1].paid_on is None
    assert pos.principal_outstanding == D("2000.00")
    assert pos.interest_outstanding == D("30.00")
    assert pos.overpayment == 0
    assert not pos.settled


def test_partial_repayment_follows_default_order_penalty_fee_interest_principal() -> None:
    txs = [
        disburse(),
        tx(TxKind.penalty_charge, date(2026, 2, 10), "5.00", installment=1),
        tx(TxKind.fee_charge, date(2026, 2, 10), "7.00", installment=1),
        repay(date(2026, 2, 11), "50.00"),
    ]
    pos = replay(three_months(), txs)
    assert paid(pos)[0] == ("8.00", "30.00", "5.00", "7.00")
    alloc = pos.allocations[txs[-1].id]
    assert (alloc.penalty, alloc.fee, alloc.interest, alloc.principal) == (
        D("5.00"),
        D("7.00"),
        D("30.00"),
        D("8.00"),
    )
    assert alloc.overpayment == 0


def test_product_order_principal_first() -> None:
    order = allocation_order(["principal", "interest", "fee", "penalty"])
    txs = [
        disburse(),
        tx(TxKind.penalty_charge, date(2026, 2, 10), "5.00", installment=1),
        repay(date(2026, 2, 11), "1010.00"),
    ]
    pos = replay(three_months(), txs, order=order)
    assert paid(pos)[0] == ("1000.00", "10.00", "0.00", "0.00")
    assert pos.penalty_outstanding == D("5.00")


@pytest.mark.parametrize(
    "names",
    [["principal", "interest"], ["penalty", "fee", "interest", "interest"], ["capital"]],
)
def test_allocation_order_must_name_each_component_once(names: list[str]) -> None:
    with pytest.raises(ValueError):
        allocation_order(names)


def test_allocation_order_reads_the_product_names() -> None:
    assert allocation_order(["principal", "interest", "fees", "penalties"]) == (
        Component.principal,
        Component.interest,
        Component.fee,
        Component.penalty,
    )


def test_allocation_order_defaults() -> None:
    assert allocation_order(None) == DEFAULT_ALLOCATION_ORDER
    assert allocation_order([]) == (
        Component.penalty,
        Component.fee,
        Component.interest,
        Component.principal,
    )


def test_oldest_installment_first_across_installments() -> None:
    pos = replay(three_months(), [disburse(), repay(date(2026, 3, 5), "1550.00")])
    assert paid(pos) == [
        ("1000.00", "30.00", "0.00", "0.00"),
        ("500.00", "20.00", "0.00", "0.00"),
        ("0.00", "0.00", "0.00", "0.00"),
    ]
    assert pos.principal_outstanding == D("1500.00")


def test_money_after_last_installment_is_an_overpayment_and_refundable() -> None:
    refund = tx(TxKind.overpayment_refund, date(2026, 4, 3), "40.00")
    txs = [disburse(), repay(date(2026, 4, 1), "3100.00"), refund]
    pos = replay(three_months(), txs)
    assert pos.settled
    assert pos.settled_on == date(2026, 4, 1)
    assert pos.allocations[txs[1].id].overpayment == D("40.00")
    assert pos.allocations[refund.id].overpayment == D("-40.00")
    assert pos.overpayment == 0
    assert pos.overpayment_refunded == D("40.00")


def test_refund_above_the_overpayment_is_refused() -> None:
    txs = [
        disburse(),
        repay(date(2026, 4, 1), "3070.00"),
        tx(TxKind.overpayment_refund, date(2026, 4, 3), "10.01"),
    ]
    with pytest.raises(ReplayError, match="above the overpayment"):
        replay(three_months(), txs)


def test_penalty_charge_attaches_to_the_oldest_overdue_installment() -> None:
    charge = tx(TxKind.penalty_charge, date(2026, 3, 10), "3.00")
    pos = replay(three_months(), [disburse(), repay(date(2026, 2, 1), "1030.00"), charge])
    assert [i.penalty for i in pos.installments] == [D(0), D("3.00"), D(0)]


def test_charge_before_anything_is_due_attaches_to_the_first_installment() -> None:
    charge = tx(TxKind.fee_charge, date(2026, 1, 15), "2.00")
    pos = replay(three_months(), [disburse(), charge])
    assert pos.installments[0].fee == D("2.00")


def test_reversed_transactions_are_ignored() -> None:
    txs = [disburse(), repay(date(2026, 2, 1), "1030.00", reversed=True)]
    pos = replay(three_months(), txs)
    assert pos.principal_outstanding == D("3000.00")
    assert txs[1].id not in pos.allocations


def test_until_replays_only_what_happened_by_then() -> None:
    txs = [disburse(), repay(date(2026, 2, 1), "1030.00"), repay(date(2026, 3, 1), "1020.00")]
    pos = replay(three_months(), txs, until=date(2026, 2, 15))
    assert pos.principal_outstanding == D("2000.00")
    assert pos.last_value_date == date(2026, 2, 1)


def test_principal_not_yet_disbursed_cannot_be_repaid() -> None:
    # The schedule covers two tranches; only the first has been disbursed.
    txs = [disburse(amount="1000.00"), repay(date(2026, 1, 20), "2500.00")]
    pos = replay(three_months(), txs)
    assert pos.principal_paid == D("1000.00")
    assert pos.principal_outstanding == 0
    assert pos.allocations[txs[1].id].overpayment == D("1440.00")


@pytest.mark.parametrize("amount", ["0", "-1.00"])
def test_non_positive_amounts_are_refused(amount: str) -> None:
    with pytest.raises(ReplayError, match="non-positive"):
        replay(three_months(), [disburse(), repay(date(2026, 2, 1), amount)])


def test_duplicate_sequences_are_refused() -> None:
    with pytest.raises(ReplayError, match="unique"):
        replay(three_months(), [disburse(seq=1), repay(date(2026, 2, 1), "10.00", seq=1)])


# --- backdating and reversal: the same state as if everything had happened in order ----------


def _in_order(txs: list[LoanTransaction]) -> list[LoanTransaction]:
    """The same transactions, recorded in value-date order (what "in order" means)."""
    ordered = sorted((t for t in txs if not t.reversed), key=lambda t: (t.value_date, t.sequence))
    return [dataclasses.replace(t, sequence=n) for n, t in enumerate(ordered, start=1)]


def test_backdated_repayment_equals_in_order() -> None:
    first = disburse(seq=1)
    late = repay(date(2026, 3, 20), "1000.00", seq=2)
    penalty = tx(TxKind.penalty_charge, date(2026, 3, 21), "4.00", seq=3)
    # Recorded last, but paid on 1 Feb (e.g. a bank transfer reported late).
    backdated = repay(date(2026, 2, 1), "1030.00", seq=4)
    recorded = [first, late, penalty, backdated]
    assert replay(three_months(), recorded) == replay(three_months(), _in_order(recorded))

    pos = replay(three_months(), recorded)
    # The backdated money paid installment 1; the later payment moved to installment 2.
    assert paid(pos)[0] == ("1000.00", "30.00", "0.00", "0.00")
    assert pos.allocations[late.id].principal == D("980.00")
    assert pos.allocations[late.id].interest == D("20.00")


def test_reversal_equals_never_having_happened() -> None:
    txs = [
        disburse(seq=1),
        repay(date(2026, 2, 1), "1030.00", seq=2),
        repay(date(2026, 2, 15), "500.00", seq=3, reversed=True),
        repay(date(2026, 3, 1), "1020.00", seq=4),
    ]
    without = [t for t in txs if not t.reversed]
    assert replay(three_months(), txs) == replay(three_months(), without)
    pos = replay(three_months(), txs)
    assert paid(pos)[1] == ("1000.00", "20.00", "0.00", "0.00")
    assert pos.installments[1].paid_on == date(2026, 3, 1)


def test_reversal_reopens_a_settled_loan() -> None:
    closing = repay(date(2026, 4, 1), "3060.00")
    pos = replay(three_months(), [disburse(), closing])
    assert pos.settled and pos.settled_on == date(2026, 4, 1)
    pos = replay(three_months(), [disburse(), dataclasses.replace(closing, reversed=True)])
    assert not pos.settled and pos.settled_on is None


def _random_history(rng: random.Random) -> list[LoanTransaction]:
    """Disbursement, then repayments and charges on distinct days, some reversed."""
    days = rng.sample(range(1, 130), rng.randint(2, 9))
    txs = [disburse(seq=0)]
    for day in days:
        kind = rng.choice([TxKind.repayment] * 4 + [TxKind.penalty_charge, TxKind.fee_charge])
        cents = rng.randint(1, 160_000) if kind is TxKind.repayment else rng.randint(1, 900)
        txs.append(
            LoanTransaction(
                id=uuid.UUID(int=rng.getrandbits(128)),
                kind=kind,
                value_date=START + timedelta(days=day),
                amount=Decimal(cents) / 100,
                sequence=0,
                reversed=rng.random() < 0.2,
            )
        )
    return txs


@pytest.mark.parametrize("seed", range(60))
def test_any_recording_order_gives_the_in_order_state(seed: int) -> None:
    """Property: record the history in a random order (every later record may be backdated,
    any may be reversed); the replayed state equals the in-order, never-reversed one."""
    rng = random.Random(seed)
    history = _random_history(rng)
    recorded = history[:1] + rng.sample(history[1:], len(history) - 1)
    recorded = [dataclasses.replace(t, sequence=n) for n, t in enumerate(recorded)]

    got = replay(three_months(), recorded)
    expected = replay(three_months(), _in_order(recorded))
    assert got == expected

    money_in = sum(
        (t.amount for t in recorded if t.kind is TxKind.repayment and not t.reversed), D(0)
    )
    booked = got.principal_paid + got.interest_paid + got.penalty_paid + got.fee_paid
    assert booked + got.overpayment == money_in
    assert got.principal_outstanding == D("3000.00") - got.principal_paid
    for inst in got.installments:
        for component in Component:
            assert D(0) <= inst.paid(component) <= inst.due(component)


# --- payoff -------------------------------------------------------------------------------------


def test_payoff_waives_interest_not_yet_accrued() -> None:
    # On 15 Feb: installment 1 (due 1 Feb) unpaid in full; installment 2's period runs
    # 1 Feb - 1 Mar (28 days), 14 days elapsed: half of its 20.00 interest.
    payoff = tx(TxKind.payoff, date(2026, 2, 15), "3040.00")
    pos = replay(three_months(), [disburse(), payoff])
    alloc = pos.allocations[payoff.id]
    assert (alloc.principal, alloc.interest, alloc.interest_waived) == (
        D("3000.00"),
        D("40.00"),
        D("20.00"),
    )
    assert pos.settled and pos.settled_on == date(2026, 2, 15)
    assert pos.interest_waived == D("20.00")
    assert [i.interest_waived for i in pos.installments] == [D(0), D("10.00"), D("10.00")]


def test_payoff_uses_the_overpayment_balance() -> None:
    charge = tx(TxKind.fee_charge, date(2026, 4, 2), "50.00", installment=3)
    txs = [disburse(), repay(date(2026, 4, 1), "3080.00"), charge]
    pos = replay(three_months(), txs)
    assert pos.overpayment == D("20.00") and pos.fee_outstanding == D("50.00")
    payoff = tx(TxKind.payoff, date(2026, 4, 3), "30.00")
    pos = replay(three_months(), [*txs, payoff])
    assert pos.settled
    assert pos.overpayment == 0
    assert pos.allocations[payoff.id].fee == D("50.00")
    assert pos.allocations[payoff.id].overpayment == D("-20.00")


def test_payoff_below_the_quote_is_an_ordinary_repayment() -> None:
    payoff = tx(TxKind.payoff, date(2026, 2, 15), "3039.99")
    pos = replay(three_months(), [disburse(), payoff])
    assert pos.interest_waived == 0
    assert not pos.settled


def test_payoff_full_period_convention_charges_the_running_period() -> None:
    payoff = tx(TxKind.payoff, date(2026, 2, 15), "3050.00")
    pos = replay(three_months(), [disburse(), payoff], accrual=InterestAccrual.full_period)
    assert pos.allocations[payoff.id].interest == D("50.00")
    assert pos.interest_waived == D("10.00")


# --- write-off and recovery --------------------------------------------------------------------


def test_write_off_forgives_everything_and_later_money_is_recovery() -> None:
    txs = [
        disburse(),
        repay(date(2026, 2, 1), "1030.00"),
        tx(TxKind.penalty_charge, date(2026, 4, 10), "9.00"),
        tx(TxKind.write_off, date(2026, 9, 30), "2000.00"),
        tx(TxKind.recovery, date(2026, 11, 2), "700.00"),
    ]
    pos = replay(three_months(), txs)
    assert pos.written_off and pos.written_off_on == date(2026, 9, 30)
    assert pos.written_off_principal == D("2000.00")
    assert pos.written_off_other == D("39.00")  # interest 20 + 10, penalty 9
    assert pos.principal_outstanding == 0
    assert pos.total_outstanding == 0
    assert pos.recovered == D("700.00")
    assert pos.allocations[txs[-1].id].recovered == D("700.00")
    assert pos.settled_on is None


def test_charges_after_a_write_off_are_refused() -> None:
    txs = [
        disburse(),
        tx(TxKind.write_off, date(2026, 9, 30), "3000.00"),
        tx(TxKind.penalty_charge, date(2026, 10, 1), "1.00"),
    ]
    with pytest.raises(ReplayError, match="after the write-off"):
        replay(three_months(), txs)


def test_recovery_without_write_off_is_refused() -> None:
    with pytest.raises(ReplayError, match="recovery before"):
        replay(three_months(), [disburse(), tx(TxKind.recovery, date(2026, 2, 1), "1.00")])


def test_period_start_of_first_installment_is_the_first_disbursement() -> None:
    sched = schedule((date(2026, 2, 10), "100.00", "1.00"), (date(2026, 3, 10), "100.00", "1.00"))
    pos = replay(sched, [disburse(date(2026, 1, 20), "200.00")])
    assert pos.start_date == date(2026, 1, 20)
    assert [i.period_start for i in pos.installments] == [date(2026, 1, 20), date(2026, 2, 10)]


# --- rescheduling -------------------------------------------------------------------------------


def _renumbered(first: int, rows: list[ScheduledInstallment]) -> list[ScheduledInstallment]:
    return [dataclasses.replace(r, number=first + n) for n, r in enumerate(rows)]


RESCHEDULED_ON = date(2026, 3, 15)


def _rescheduled(amount: str) -> LoanPosition:
    """Three months' loan, installment 1 paid, rescheduled on 15 March (installment 2 overdue,
    14 of installment 3's 31 days run)."""
    txs = [
        disburse(),
        repay(date(2026, 2, 1), "1030.00"),
        tx(TxKind.reschedule, RESCHEDULED_ON, amount),
    ]
    return replay(three_months(), txs)


def test_reschedule_capitalising_arrears_closes_the_loan_into_the_successor() -> None:
    pos = _rescheduled("2024.52")
    assert pos.rescheduled_on == RESCHEDULED_ON
    assert pos.capitalised_interest == D("24.52")  # 20.00 overdue + 14/31 of 10.00
    assert pos.interest_waived == D("5.48")
    assert pos.transferred_out == D("2024.52")
    assert pos.principal_outstanding == 0
    assert pos.total_outstanding == 0
    assert pos.carried == []
    assert [bool(i.rescheduled) for i in pos.installments] == [False, True, True]
    assert pos.settled and pos.settled_on == RESCHEDULED_ON

    before = replay(three_months(), _rescheduled_txs("2024.52"), until=date(2026, 3, 10))
    assert before.principal_outstanding == D("2000.00")
    assert arrears(before, date(2026, 3, 10)).days_past_due == 9


def _rescheduled_txs(amount: str) -> list[LoanTransaction]:
    return [
        disburse(),
        repay(date(2026, 2, 1), "1030.00"),
        tx(TxKind.reschedule, RESCHEDULED_ON, amount),
    ]


def test_reschedule_without_capitalisation_carries_the_arrears_to_the_successor() -> None:
    pos = _rescheduled("2000.00")
    assert pos.capitalised_interest == 0
    assert pos.transferred_out == D("2000.00")
    assert pos.principal_outstanding == 0
    assert pos.total_outstanding == 0
    # What is owed moves on its own due dates: 20.00 overdue, 4.52 accrued of installment 3.
    assert [(i.due_date, i.interest, i.penalty, i.fee) for i in pos.carried] == [
        (date(2026, 3, 1), D("20.00"), D(0), D(0)),
        (date(2026, 4, 1), D("4.52"), D(0), D(0)),
    ]
    assert all(i.carried and i.principal == 0 for i in pos.carried)


def test_successor_opens_with_the_carried_arrears_ahead_of_its_new_schedule() -> None:
    carried = _rescheduled("2000.00").carried
    new = _renumbered(len(carried) + 1, equal_principal(2)(D("2000.00"), RESCHEDULED_ON))
    opening = tx(TxKind.rescheduled_in, RESCHEDULED_ON, "2000.00")
    pos = replay([*carried, *new], [opening])
    assert pos.disbursed == 0 and pos.transferred_in == D("2000.00")
    assert pos.principal_outstanding == D("2000.00")
    assert pos.start_date == RESCHEDULED_ON
    assert pos.installments[2].period_start == RESCHEDULED_ON
    # The aging continues from the overdue installment the arrears came from.
    assert arrears(pos, date(2026, 3, 16)).days_past_due == 15
    # Carried interest is earned already: a payoff owes it in full.
    assert payoff_amounts(pos, RESCHEDULED_ON).interest == D("24.52")

    pos = replay([*carried, *new], [opening, repay(date(2026, 3, 16), "30.00")])
    # The opening arrears first (oldest), then the new schedule in the product's order.
    assert [str(i.interest_paid) for i in pos.installments] == ["20.00", "4.52", "5.48", "0.00"]
    assert pos.principal_outstanding == D("2000.00")
    assert arrears(pos, date(2026, 3, 17)).days_past_due == 0


def test_nothing_replays_after_a_reschedule() -> None:
    txs = [*_rescheduled_txs("2000.00"), repay(date(2026, 3, 16), "10.00")]
    with pytest.raises(ReplayError, match="after the reschedule"):
        replay(three_months(), txs)


def test_principal_moves_in_only_into_a_new_loan() -> None:
    txs = [disburse(), tx(TxKind.rescheduled_in, date(2026, 1, 2), "10.00")]
    with pytest.raises(ReplayError, match="new loan"):
        replay(three_months(), txs)


def test_reschedule_with_a_wrong_principal_is_refused() -> None:
    txs = [disburse(), tx(TxKind.reschedule, RESCHEDULED_ON, "3010.00")]
    with pytest.raises(ReplayError, match="outstanding"):
        replay(three_months(), txs)
