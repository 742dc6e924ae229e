"""Payoff quotes, write-off amounts and the rescheduling preview."""

from __future__ import annotations

from datetime import date

import pytest

from financing.loans.quotes import payoff_quote, reschedule_preview, write_off_amounts
from financing.replay.engine import InterestAccrual, TxKind, replay

from ..replay.support import D, disburse, equal_principal, repay, three_months, tx


def test_payoff_quote_mid_period_daily_accrual() -> None:
    pos = replay(three_months(), [disburse()])
    quote = payoff_quote(pos, date(2026, 2, 15))
    assert (quote.principal, quote.interest, quote.interest_waived, quote.total) == (
        D("3000.00"),
        D("40.00"),  # 30.00 due + 14/28 of 20.00
        D("20.00"),
        D("3040.00"),
    )


@pytest.mark.parametrize(
    ("accrual", "interest", "total"),
    [
        (InterestAccrual.daily, "10.00", "2010.00"),
        (InterestAccrual.full_period, "20.00", "2020.00"),
        (InterestAccrual.due_only, "0", "2000.00"),
    ],
)
def test_payoff_quote_per_convention(accrual: InterestAccrual, interest: str, total: str) -> None:
    pos = replay(three_months(), [disburse(), repay(date(2026, 2, 1), "1030.00")])
    quote = payoff_quote(pos, date(2026, 2, 15), accrual)
    assert quote.interest == D(interest)
    assert quote.total == D(total)


def test_payoff_quote_includes_unpaid_charges_and_interest_of_overdue_installments() -> None:
    txs = [disburse(), tx(TxKind.penalty_charge, date(2026, 3, 5), "12.34")]
    pos = replay(three_months(), txs)
    quote = payoff_quote(pos, date(2026, 3, 8))
    # Installments 1 and 2 are due (30 + 20); 7 of installment 3's 31 days: 10 * 7 / 31 = 2.26.
    assert quote.interest == D("52.26")
    assert quote.penalty == D("12.34")
    assert quote.total == D("3064.60")


def test_interest_paid_in_advance_is_not_refunded_by_a_payoff() -> None:
    # 1050 on 20 Jan: installment 1 in full, then installment 2's interest (20) in advance.
    pos = replay(three_months(), [disburse(), repay(date(2026, 1, 20), "1050.00")])
    quote = payoff_quote(pos, date(2026, 2, 15))
    assert (quote.principal, quote.interest, quote.total) == (D("2000.00"), D(0), D("2000.00"))


def test_overpayment_is_credited_and_the_quote_never_negative() -> None:
    pos = replay(three_months(), [disburse(), repay(date(2026, 4, 1), "3100.00")])
    quote = payoff_quote(pos, date(2026, 4, 2))
    assert quote.overpayment_credit == D("40.00")
    assert quote.total == 0


def test_paying_the_quote_settles_the_loan() -> None:
    base = [disburse(), repay(date(2026, 2, 3), "700.00")]
    on = date(2026, 3, 20)
    quote = payoff_quote(replay(three_months(), base), on)
    pos = replay(three_months(), [*base, tx(TxKind.payoff, on, str(quote.total))])
    assert pos.settled
    assert pos.overpayment == 0
    assert pos.interest_waived == quote.interest_waived


def test_payoff_before_disbursement_is_refused() -> None:
    pos = replay(three_months(), [disburse(date(2026, 1, 10))])
    with pytest.raises(ValueError):
        payoff_quote(pos, date(2026, 1, 9))


def test_write_off_amounts() -> None:
    txs = [
        disburse(),
        repay(date(2026, 2, 1), "1030.00"),
        tx(TxKind.penalty_charge, date(2026, 3, 9), "5.00"),
        tx(TxKind.fee_charge, date(2026, 3, 9), "2.50"),
    ]
    amounts = write_off_amounts(replay(three_months(), txs))
    assert (amounts.principal, amounts.interest, amounts.penalty, amounts.fee) == (
        D("2000.00"),
        D("30.00"),
        D("5.00"),
        D("2.50"),
    )
    assert amounts.total == D("2037.50")


def test_reschedule_preview_on_outstanding_principal() -> None:
    pos = replay(three_months(), [disburse(), repay(date(2026, 2, 1), "1030.00")])
    preview = reschedule_preview(pos, date(2026, 3, 15), equal_principal(6, 2))
    assert preview.principal_outstanding == D("2000.00")
    assert preview.new_principal == D("2000.00")
    assert preview.capitalised_interest == 0
    assert len(preview.installments) == 6
    assert [i.principal for i in preview.installments[:2]] == [D(0), D(0)]
    assert preview.installments[0].interest == D("20.00")  # 1% a month on 2000
    assert preview.installments[0].due_date == date(2026, 4, 15)
    assert sum(i.principal for i in preview.installments) == D("2000.00")
    assert preview.new_total_interest == sum(i.interest for i in preview.installments)
    assert preview.remaining_scheduled_interest == D("30.00")
    # A preview changes nothing.
    assert pos.principal_outstanding == D("2000.00")


def test_reschedule_preview_capitalising_arrears() -> None:
    txs = [
        disburse(),
        repay(date(2026, 2, 1), "1030.00"),
        tx(TxKind.penalty_charge, date(2026, 3, 10), "4.00"),
    ]
    pos = replay(three_months(), txs)
    preview = reschedule_preview(
        pos, date(2026, 3, 15), equal_principal(4, 0), capitalise_arrears=True
    )
    # Installment 2 interest 20 is due; 14 of installment 3's 31 days: 10 * 14 / 31 = 4.52.
    assert preview.capitalised_interest == D("24.52")
    assert preview.capitalised_charges == D("4.00")
    assert preview.new_principal == D("2028.52")
    assert sum(i.principal for i in preview.installments) == D("2028.52")


def test_reschedule_preview_refused_without_principal() -> None:
    pos = replay(three_months(), [disburse(), repay(date(2026, 2, 1), "3060.00")])
    with pytest.raises(ValueError):
        reschedule_preview(pos, date(2026, 3, 1), equal_principal(3, 0))
