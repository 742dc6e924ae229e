"""The schedule engine against the published cases (domain.md section 4), row by row, and the
conventions it documents: grace, frequencies, tranches, rounding absorbed by the last row."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from financing.schedules.engine import (
    Akad,
    Frequency,
    InterestMethod,
    ScheduleError,
    Tranche,
    add_months,
    build_schedule,
    effective_rate,
    total_interest,
)

START = date(2026, 1, 15)


def published(method: InterestMethod):
    return build_schedule(
        tranches=[Tranche(START, D("5000"))],
        annual_rate=D("0.12"),
        tenor_periods=18,
        frequency=Frequency.monthly,
        method=method,
        rounding=D("1"),
    )


def rows(schedule):
    return [(i.number, i.interest, i.principal, i.total, i.balance_after) for i in schedule]


def test_published_declining_balance_case_row_by_row():
    s = published(InterestMethod.declining_equal_installment)
    assert len(s) == 18
    # Periods 1 and 2 as published.
    assert rows(s)[:2] == [
        (1, D("50.00"), D("255.00"), D("305.00"), D("4745.00")),
        (2, D("47.45"), D("257.55"), D("305.00"), D("4487.45")),
    ]
    # Every period before the last pays the rounded EMI of 305 and interest is 1% of the
    # balance carried in, rounded to the cent.
    balance = D("5000")
    for inst in s[:-1]:
        assert inst.total == D("305.00")
        assert inst.interest == (balance * D("0.01")).quantize(D("0.01"))
        balance -= inst.principal
        assert inst.balance_after == balance
    last = s[-1]
    assert (last.interest, last.principal, last.total, last.balance_after) == (
        D("3.00"),
        D("300.22"),
        D("303.22"),
        D("0.00"),
    )
    assert total_interest(s) == D("488.22")
    assert sum(i.principal for i in s) == D("5000")
    assert [i.due_date for i in s[:3]] == [date(2026, 2, 15), date(2026, 3, 15), date(2026, 4, 15)]


def test_published_flat_case_row_by_row():
    s = published(InterestMethod.flat)
    for inst in s[:-1]:
        assert (inst.interest, inst.principal, inst.total) == (D("50.00"), D("278.00"), D("328.00"))
    assert [i.balance_after for i in s[:3]] == [D("4722.00"), D("4444.00"), D("4166.00")]
    last = s[-1]
    assert (last.principal, last.interest, last.total, last.balance_after) == (
        D("274.00"),
        D("50.00"),
        D("324.00"),
        D("0.00"),
    )
    assert sum(i.total for i in s) == D("5900.00")
    assert total_interest(s) == D("900.00")


@pytest.mark.parametrize("unit", [D("1"), D("1.00"), D("1.0000")])
def test_rounding_unit_ignores_its_written_scale(unit):
    s = build_schedule(
        tranches=[Tranche(START, D("5000"))],
        annual_rate=D("0.12"),
        tenor_periods=18,
        frequency=Frequency.monthly,
        method=InterestMethod.declining_equal_installment,
        rounding=unit,
    )
    assert s[0].total == D("305.00") and total_interest(s) == D("488.22")


def test_rounding_to_hundreds():
    s = build_schedule(
        tranches=[Tranche(START, D("1000000"))],
        annual_rate=D("0.03"),
        tenor_periods=7,
        frequency=Frequency.monthly,
        method=InterestMethod.declining_equal_principal,
        rounding=D("100"),
    )
    # 1,000,000 / 7 = 142,857.14 -> 142,900; the last takes the rest.
    assert [i.principal for i in s[:6]] == [D("142900.00")] * 6
    assert s[-1].principal == D("142600.00")
    assert sum(i.principal for i in s) == D("1000000")


def test_declining_equal_principal():
    s = build_schedule(
        tranches=[Tranche(START, D("1200"))],
        annual_rate=D("0.12"),
        tenor_periods=12,
        frequency=Frequency.monthly,
        method=InterestMethod.declining_equal_principal,
    )
    assert all(i.principal == D("100.00") for i in s)
    assert [i.interest for i in s[:3]] == [D("12.00"), D("11.00"), D("10.00")]
    assert s[-1].interest == D("1.00") and s[-1].balance_after == 0
    assert total_interest(s) == D("78.00")


def test_grace_periods_are_interest_only_and_principal_is_spread_over_the_rest():
    s = build_schedule(
        tranches=[Tranche(START, D("1200"))],
        annual_rate=D("0.12"),
        tenor_periods=6,
        frequency=Frequency.monthly,
        method=InterestMethod.declining_equal_principal,
        grace_periods=2,
    )
    assert [(i.principal, i.interest) for i in s[:2]] == [(D("0"), D("12.00"))] * 2
    assert [i.principal for i in s[2:]] == [D("300.00")] * 4
    assert sum(i.principal for i in s) == D("1200")


def test_grace_with_equal_installments_keeps_the_emi_for_the_amortising_periods():
    s = build_schedule(
        tranches=[Tranche(START, D("5000"))],
        annual_rate=D("0.12"),
        tenor_periods=20,
        frequency=Frequency.monthly,
        method=InterestMethod.declining_equal_installment,
        grace_periods=2,
        rounding=D("1"),
    )
    assert [i.total for i in s[:2]] == [D("50.00"), D("50.00")]
    # After grace the loan amortises exactly like the published 18-month case.
    expected = rows(published(InterestMethod.declining_equal_installment))
    assert rows(s[2:]) == [(r[0] + 2, *r[1:]) for r in expected]


@pytest.mark.parametrize(
    ("frequency", "per_period", "months"),
    [(Frequency.quarterly, D("0.03"), 3), (Frequency.semi_annual, D("0.06"), 6)],
)
def test_other_frequencies_use_the_periodic_rate_and_spacing(frequency, per_period, months):
    s = build_schedule(
        tranches=[Tranche(START, D("10000"))],
        annual_rate=D("0.12"),
        tenor_periods=4,
        frequency=frequency,
        method=InterestMethod.declining_equal_principal,
    )
    assert s[0].interest == D("10000") * per_period
    assert [i.due_date for i in s] == [add_months(START, months * k) for k in range(1, 5)]
    assert sum(i.principal for i in s) == D("10000")


def test_a_second_tranche_recomputes_the_rest_of_the_schedule():
    one = build_schedule(
        tranches=[Tranche(date(2026, 1, 1), D("6000"))],
        annual_rate=D("0.12"),
        tenor_periods=12,
        frequency=Frequency.monthly,
        method=InterestMethod.declining_equal_principal,
    )
    two = build_schedule(
        tranches=[Tranche(date(2026, 1, 1), D("6000")), Tranche(date(2026, 4, 1), D("3000"))],
        annual_rate=D("0.12"),
        tenor_periods=12,
        frequency=Frequency.monthly,
        method=InterestMethod.declining_equal_principal,
    )
    # Identical until the tranche lands (the tranche dated on a due date starts the next period).
    assert rows(two)[:3] == rows(one)[:3]
    # From period 4: balance 4500 + 3000 spread over the 9 periods left.
    assert two[3].principal == D("833.33")
    assert two[3].interest == D("75.00")  # 1% of 7500
    assert sum(i.principal for i in two) == D("9000")
    assert two[-1].balance_after == 0


def test_a_tranche_inside_a_period_bears_interest_for_its_days_only():
    s = build_schedule(
        tranches=[Tranche(date(2026, 1, 1), D("3000")), Tranche(date(2026, 3, 16), D("3100"))],
        annual_rate=D("0.12"),
        tenor_periods=6,
        frequency=Frequency.monthly,
        method=InterestMethod.declining_equal_installment,
    )
    # Period 3 (1 Mar - 1 Apr, 31 days): balance interest + 3100 * 1% * 16/31.
    balance_in = s[1].balance_after
    expected = (balance_in * D("0.01") + D("3100") * D("0.01") * D(16) / D(31)).quantize(D("0.01"))
    assert s[2].interest == expected
    assert sum(i.principal for i in s) == D("6100")


def test_first_due_date_shortens_the_first_period_interest():
    s = build_schedule(
        tranches=[Tranche(date(2026, 1, 16), D("3100"))],
        annual_rate=D("0.12"),
        tenor_periods=3,
        frequency=Frequency.monthly,
        method=InterestMethod.declining_equal_principal,
        first_due_date=date(2026, 2, 1),
    )
    # 16 of the 31 days of the nominal period 1 Jan - 1 Feb.
    assert s[0].interest == D("16.00")
    assert [i.due_date for i in s] == [date(2026, 2, 1), date(2026, 3, 1), date(2026, 4, 1)]


def test_month_end_loans_pay_a_full_period_of_interest_every_period():
    s = build_schedule(
        tranches=[Tranche(date(2026, 1, 31), D("1200"))],
        annual_rate=D("0.12"),
        tenor_periods=12,
        frequency=Frequency.monthly,
        method=InterestMethod.declining_equal_principal,
    )
    # 28 Feb, 31 Mar, 30 Apr ... differ in days, not in the periodic rate.
    assert [i.interest for i in s[:4]] == [D("12.00"), D("11.00"), D("10.00"), D("9.00")]


def test_month_ends_are_clamped_without_drifting():
    s = build_schedule(
        tranches=[Tranche(date(2026, 1, 31), D("300"))],
        annual_rate=D("0"),
        tenor_periods=3,
        frequency=Frequency.monthly,
        method=InterestMethod.flat,
    )
    assert [i.due_date for i in s] == [date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)]
    assert [i.interest for i in s] == [D("0.00")] * 3


def test_syariah_rates():
    # Murabahah: the margin is the rate, charged flat.
    assert effective_rate(D("0.06"), Akad.murabahah) == D("0.06")
    # Profit sharing: the fund's nisbah of the projected return.
    assert effective_rate(D("0.20"), Akad.mudharabah, D("0.30")) == D("0.0600")
    with pytest.raises(ScheduleError):
        effective_rate(D("0.20"), Akad.musyarakah, None)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"tranches": []}, "tranche"),
        ({"tenor_periods": 0}, "tenor"),
        ({"grace_periods": 18}, "grace"),
        ({"tranches": [Tranche(START, D("-1"))]}, "positive"),
        ({"first_due_date": START}, "first due date"),
        ({"tranches": [Tranche(START, D("1")), Tranche(date(2030, 1, 1), D("1"))]}, "last due"),
    ],
)
def test_impossible_terms_are_refused(kwargs, message):
    terms = {
        "tranches": [Tranche(START, D("5000"))],
        "annual_rate": D("0.12"),
        "tenor_periods": 18,
        "frequency": Frequency.monthly,
        "method": InterestMethod.flat,
    }
    with pytest.raises(ScheduleError, match=message):
        build_schedule(**{**terms, **kwargs})
