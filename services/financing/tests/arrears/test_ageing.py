"""Days past due, OJK collectibility, penalties."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from financing.arrears.ageing import (
    Collectibility,
    arrears,
    collectibility_for,
    daily_penalty,
    penalty_for_day,
    reprice_penalties,
)
from financing.replay.engine import TxKind, replay

from ..replay.support import D, disburse, repay, three_months, tx


@pytest.mark.parametrize(
    ("dpd", "expected"),
    [
        (0, Collectibility.lancar),
        (1, Collectibility.dalam_perhatian_khusus),
        (90, Collectibility.dalam_perhatian_khusus),
        (91, Collectibility.kurang_lancar),
        (120, Collectibility.kurang_lancar),
        (121, Collectibility.diragukan),
        (180, Collectibility.diragukan),
        (181, Collectibility.macet),
        (2000, Collectibility.macet),
    ],
)
def test_ojk_collectibility_boundaries(dpd: int, expected: Collectibility) -> None:
    assert collectibility_for(dpd) is expected


def test_collectibility_labels_and_npl_classes() -> None:
    assert Collectibility.dalam_perhatian_khusus.label == "dalam perhatian khusus"
    assert [c.value for c in Collectibility if c.non_performing] == [3, 4, 5]


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError):
        collectibility_for(-1)


@pytest.mark.parametrize(
    ("as_of", "dpd"),
    [
        (date(2026, 1, 31), 0),
        (date(2026, 2, 1), 0),  # the due date itself is not late
        (date(2026, 2, 2), 1),
        (date(2026, 3, 2), 29),  # counted from the oldest unpaid installment, not the latest
        (date(2026, 8, 31), 211),
    ],
)
def test_days_past_due_from_oldest_unpaid(as_of: date, dpd: int) -> None:
    pos = replay(three_months(), [disburse()])
    state = arrears(pos, as_of)
    assert state.days_past_due == dpd
    assert state.collectibility is collectibility_for(dpd)


def test_paying_the_oldest_moves_the_count_to_the_next() -> None:
    pos = replay(three_months(), [disburse(), repay(date(2026, 3, 5), "1030.00")])
    state = arrears(pos, date(2026, 3, 10))
    assert state.days_past_due == 9
    assert state.oldest_overdue_due_date == date(2026, 3, 1)
    assert state.overdue_principal == D("1000.00")
    assert state.overdue_interest == D("20.00")


def test_small_unpaid_amounts_within_tolerance_do_not_age_the_loan() -> None:
    # 5.00 left on installment 1; installment 2 unpaid since 1 Mar.
    pos = replay(three_months(), [disburse(), repay(date(2026, 2, 1), "1025.00")])
    assert arrears(pos, date(2026, 2, 20)).days_past_due == 19
    within = arrears(pos, date(2026, 2, 20), tolerance_amount=D("5.00"))
    assert within.days_past_due == 0
    assert within.overdue_principal == D("5.00")  # still reported, just not aged
    assert arrears(pos, date(2026, 3, 11), tolerance_amount=D("5.00")).days_past_due == 10


def test_tolerance_days_delay_arrears_then_count_from_the_due_date() -> None:
    pos = replay(three_months(), [disburse()])
    assert arrears(pos, date(2026, 2, 6), tolerance_days=5).days_past_due == 0
    assert arrears(pos, date(2026, 2, 7), tolerance_days=5).days_past_due == 6


def test_unpaid_penalties_alone_do_not_make_a_loan_overdue() -> None:
    txs = [
        disburse(),
        tx(TxKind.penalty_charge, date(2026, 2, 2), "3.00", installment=1),
        repay(date(2026, 2, 5), "1033.00"),  # penalty first, then the installment
        tx(TxKind.penalty_charge, date(2026, 2, 6), "1.00", installment=1),
    ]
    pos = replay(three_months(), txs)
    state = arrears(pos, date(2026, 2, 20))
    assert state.days_past_due == 0
    assert state.overdue_penalty == D("1.00")


def test_fully_paid_loan_is_current() -> None:
    pos = replay(three_months(), [disburse(), repay(date(2026, 1, 20), "3060.00")])
    state = arrears(pos, date(2026, 12, 31))
    assert (state.days_past_due, state.collectibility) == (0, Collectibility.lancar)


@pytest.mark.parametrize(
    ("overdue", "rate", "expected"),
    [
        ("1000000.00", "0.365", "1000.00"),
        ("365.00", "0.125", "0.12"),  # 0.125 to cents: HALF_EVEN keeps the even 2
        ("365.00", "0.135", "0.14"),  # 0.135: up to the even 4
        ("0", "0.2", "0"),
        ("1000.00", "0", "0"),
    ],
)
def test_daily_penalty_half_even(overdue: str, rate: str, expected: str) -> None:
    assert daily_penalty(D(overdue), D(rate)) == D(expected)


def test_daily_penalty_whole_rupiah_rounding() -> None:
    assert daily_penalty(D("1000000.00"), D("0.24"), unit=D("1")) == D("658")


def test_penalty_for_a_day_is_on_overdue_principal_and_interest() -> None:
    pos = replay(three_months(), [disburse()])
    # 2 Mar: installments 1 and 2 overdue, 2050.00; 36.5% a year gives 0.1% a day.
    assert penalty_for_day(pos, date(2026, 3, 2), D("0.365")) == D("2.05")
    assert penalty_for_day(pos, date(2026, 2, 1), D("0.365")) == 0
    assert penalty_for_day(pos, date(2026, 2, 4), D("0.365"), tolerance_days=3) == 0
    assert penalty_for_day(pos, date(2026, 2, 5), D("0.365"), tolerance_days=3) == D("1.03")


def _eod_penalties(txs: list, through: date, rate: str) -> list:  # type: ignore[type-arg]
    """What end of day would have charged, day by day, with ``txs`` recorded in order."""
    charged = list(txs)
    day = date(2026, 1, 2)
    while day <= through:
        pos = replay(three_months(), charged, until=day)
        amount = penalty_for_day(pos, day, D(rate))
        if amount:
            charged.append(
                tx(TxKind.penalty_charge, day, str(amount), seq=10_000 + day.toordinal())
            )
        day = date.fromordinal(day.toordinal() + 1)
    return charged


def test_repricing_after_a_backdated_repayment_gives_the_in_order_penalties() -> None:
    base = [disburse(seq=1)]
    charged = _eod_penalties(base, date(2026, 2, 10), "0.365")
    # Penalties ran from 2 Feb (the installment due 1 Feb was unpaid): 1030 * 0.1% = 1.03 a day.
    assert [t.amount for t in charged[1:]] == [D("1.03")] * 9
    backdated = repay(date(2026, 2, 5), "1033.09", seq=20_000)
    plan = reprice_penalties(
        three_months(),
        [*charged, backdated],
        first_day=date(2026, 2, 1),
        last_day=date(2026, 2, 10),
        annual_rate=D("0.365"),
    )
    # Paid on 5 Feb: the penalties of 2-4 Feb stand (and were paid first); 5-10 Feb go.
    reversed_days = sorted(t.value_date.day for t in charged[1:] if t.id in plan.reverse)
    assert reversed_days == [5, 6, 7, 8, 9, 10]
    assert plan.charge == []
    in_order = _eod_penalties(
        [*base, dataclasses.replace(backdated, sequence=2)], date(2026, 2, 10), "0.365"
    )
    kept = [t for t in charged if t.id not in plan.reverse]
    assert (
        replay(three_months(), [*kept, backdated]).installments
        == replay(three_months(), in_order).installments
    )


def test_repricing_after_a_reversal_charges_the_missing_days() -> None:
    payment = repay(date(2026, 2, 1), "1030.00", seq=2)
    charged = _eod_penalties([disburse(seq=1), payment], date(2026, 2, 6), "0.365")
    assert len(charged) == 2  # paid on time: no penalty
    plan = reprice_penalties(
        three_months(),
        [dataclasses.replace(t, reversed=True) if t is payment else t for t in charged],
        first_day=date(2026, 2, 1),
        last_day=date(2026, 2, 6),
        annual_rate=D("0.365"),
    )
    assert plan.reverse == []
    assert plan.charge == [(date(2026, 2, d), D("1.03")) for d in range(2, 7)]


def test_same_day_penalties_come_after_that_days_payments() -> None:
    # Recorded before the payment, but an end-of-day charge of the same day: replayed after it.
    charge = tx(TxKind.penalty_charge, date(2026, 2, 5), "2.00", seq=1)
    payment = repay(date(2026, 2, 5), "1032.00", seq=2)
    pos = replay(three_months(), [disburse(seq=0), charge, payment])
    assert pos.allocations[payment.id].penalty == 0
    assert pos.allocations[payment.id].interest == D("32.00")  # 30.00, then 2.00 of the next
    assert pos.penalty_outstanding == D("2.00")


def test_repricing_leaves_waived_days_free() -> None:
    payment = repay(date(2026, 2, 1), "1030.00", seq=2)
    charged = _eod_penalties([disburse(seq=1), payment], date(2026, 2, 6), "0.365")
    plan = reprice_penalties(
        three_months(),
        [dataclasses.replace(t, reversed=True) if t is payment else t for t in charged],
        first_day=date(2026, 2, 1),
        last_day=date(2026, 2, 6),
        annual_rate=D("0.365"),
        waived_days=frozenset({date(2026, 2, 3), date(2026, 2, 4)}),
    )
    assert plan.charge == [(date(2026, 2, d), D("1.03")) for d in (2, 5, 6)]
