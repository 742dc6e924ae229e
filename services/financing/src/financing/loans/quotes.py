"""Quotes on a loan position: payoff on a date, write-off amounts, a rescheduling preview.

Pure functions: they read a :class:`LoanPosition` and change nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from financing.replay.engine import (
    ZERO,
    InstallmentLike,
    InterestAccrual,
    LoanPosition,
    payoff_amounts,
)


@dataclass(frozen=True)
class PayoffQuote:
    """What settles the loan in full on ``on`` (early full repayment)."""

    on: date
    principal: Decimal
    interest: Decimal  # accrued to ``on`` per the product's convention, unpaid
    penalty: Decimal
    fee: Decimal
    overpayment_credit: Decimal
    interest_waived: Decimal  # scheduled interest not yet earned: not owed on a payoff
    total: Decimal


def payoff_quote(
    position: LoanPosition, on: date, accrual: InterestAccrual = InterestAccrual.daily
) -> PayoffQuote:
    """Outstanding principal + interest accrued to ``on`` + unpaid charges - overpayment."""
    if position.start_date is not None and on < position.start_date:
        raise ValueError("a payoff date cannot be before the first disbursement")
    amounts = payoff_amounts(position, on, accrual)
    return PayoffQuote(
        on=on,
        principal=amounts.principal,
        interest=amounts.interest,
        penalty=amounts.penalty,
        fee=amounts.fee,
        overpayment_credit=amounts.overpayment_credit,
        interest_waived=amounts.interest_waived,
        total=amounts.total,
    )


@dataclass(frozen=True)
class WriteOffAmounts:
    """What a write-off forgives. Only principal is on the books (cash-based accounting)."""

    principal: Decimal
    interest: Decimal
    penalty: Decimal
    fee: Decimal

    @property
    def total(self) -> Decimal:
        return self.principal + self.interest + self.penalty + self.fee


def write_off_amounts(position: LoanPosition) -> WriteOffAmounts:
    return WriteOffAmounts(
        principal=position.principal_outstanding,
        interest=position.interest_outstanding,
        penalty=position.penalty_outstanding,
        fee=position.fee_outstanding,
    )


# (amount, start date) -> new schedule; the caller binds rate, frequency, method, tenor, grace.
ScheduleFor = Callable[[Decimal, date], Sequence[InstallmentLike]]


@dataclass(frozen=True)
class ReschedulePreview:
    on: date
    principal_outstanding: Decimal
    capitalised_interest: Decimal
    capitalised_charges: Decimal
    new_principal: Decimal
    remaining_scheduled_interest: Decimal  # what the current schedule would still charge
    new_total_interest: Decimal
    installments: list[InstallmentLike]


def reschedule_preview(
    position: LoanPosition,
    on: date,
    schedule_for: ScheduleFor,
    *,
    capitalise_arrears: bool = False,
    accrual: InterestAccrual = InterestAccrual.daily,
) -> ReschedulePreview:
    """A new schedule for the outstanding balance starting on ``on``; nothing changes.

    Without ``capitalise_arrears`` the new schedule covers the outstanding principal only, and
    the interest accrued to ``on`` and unpaid charges stay owed (the successor loan opens with
    them as opening arrears on their original due dates); with it they are added to the new
    principal.
    """
    if position.written_off or position.principal_outstanding <= 0:
        raise ValueError("only a loan with principal outstanding can be rescheduled")
    amounts = payoff_amounts(position, on, accrual)
    interest = amounts.interest if capitalise_arrears else ZERO
    charges = amounts.penalty + amounts.fee if capitalise_arrears else ZERO
    new_principal = amounts.principal + interest + charges
    installments = list(schedule_for(new_principal, on))
    return ReschedulePreview(
        on=on,
        principal_outstanding=amounts.principal,
        capitalised_interest=interest,
        capitalised_charges=charges,
        new_principal=new_principal,
        remaining_scheduled_interest=position.interest_outstanding,
        new_total_interest=sum((i.interest for i in installments), ZERO),
        installments=installments,
    )
