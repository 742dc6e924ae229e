"""Arrears, OJK collectibility and penalties, computed on a loan position as of a business date.

"In arrears" is a computed fact about an active loan, never a stored state (domain.md section 4).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import IntEnum
from uuid import UUID, uuid4

from financing.replay.engine import (
    DEFAULT_ALLOCATION_ORDER,
    ZERO,
    Component,
    InstallmentLike,
    InterestAccrual,
    LoanPosition,
    LoanTransaction,
    TxKind,
    replay,
)
from kopmod_shared.money import CENT, quantize


class Collectibility(IntEnum):
    """OJK kolektibilitas (loan quality), by days past due."""

    lancar = 1  # current
    dalam_perhatian_khusus = 2  # special mention: 1-90 days past due
    kurang_lancar = 3  # substandard: 91-120
    diragukan = 4  # doubtful: 121-180
    macet = 5  # loss: over 180

    @property
    def label(self) -> str:
        return self.name.replace("_", " ")

    @property
    def non_performing(self) -> bool:
        return self >= Collectibility.kurang_lancar


def collectibility_for(days_past_due: int) -> Collectibility:
    if days_past_due < 0:
        raise ValueError("days past due cannot be negative")
    if days_past_due == 0:
        return Collectibility.lancar
    if days_past_due <= 90:
        return Collectibility.dalam_perhatian_khusus
    if days_past_due <= 120:
        return Collectibility.kurang_lancar
    if days_past_due <= 180:
        return Collectibility.diragukan
    return Collectibility.macet


@dataclass(frozen=True)
class Arrears:
    as_of: date
    days_past_due: int
    oldest_overdue_due_date: date | None
    overdue_principal: Decimal
    overdue_interest: Decimal
    overdue_penalty: Decimal
    overdue_fee: Decimal

    @property
    def collectibility(self) -> Collectibility:
        return collectibility_for(self.days_past_due)

    @property
    def overdue_scheduled(self) -> Decimal:
        return self.overdue_principal + self.overdue_interest

    @property
    def in_arrears(self) -> bool:
        return self.days_past_due > 0


def arrears(
    position: LoanPosition,
    as_of: date,
    *,
    tolerance_amount: Decimal = ZERO,
    tolerance_days: int = 0,
) -> Arrears:
    """Days past due on ``as_of``, counted from the oldest overdue installment.

    An installment is overdue from the day after its due date. Unpaid scheduled amounts
    (principal and interest; charges never make a loan overdue on their own) are summed oldest
    first, and the days are counted from the installment at which that running sum first exceeds
    ``tolerance_amount``: a few rupiah left on an old installment do not age the loan. With
    ``tolerance_days`` the loan is not in arrears until it is more than that many days late;
    past the tolerance the days count from the due date.
    """
    overdue = [i for i in position.installments if i.due_date < as_of and i.unpaid_total > 0]
    running = ZERO
    oldest: date | None = None
    for inst in overdue:
        running += inst.unpaid_scheduled
        if running > tolerance_amount:
            oldest = inst.due_date
            break
    days = (as_of - oldest).days if oldest is not None else 0
    if days <= tolerance_days:
        days, oldest = 0, None
    return Arrears(
        as_of=as_of,
        days_past_due=days,
        oldest_overdue_due_date=oldest,
        overdue_principal=sum((i.unpaid(Component.principal) for i in overdue), ZERO),
        overdue_interest=sum((i.unpaid(Component.interest) for i in overdue), ZERO),
        overdue_penalty=sum((i.unpaid(Component.penalty) for i in overdue), ZERO),
        overdue_fee=sum((i.unpaid(Component.fee) for i in overdue), ZERO),
    )


def daily_penalty(
    overdue_amount: Decimal,
    annual_rate: Decimal,
    *,
    days_in_year: int = 365,
    unit: Decimal = CENT,
) -> Decimal:
    """One day's penalty: ``overdue * annual_rate / days_in_year``, rounded HALF_EVEN."""
    if overdue_amount <= 0 or annual_rate <= 0:
        return ZERO
    return quantize(overdue_amount * annual_rate / days_in_year, unit)


def penalty_for_day(
    position: LoanPosition,
    day: date,
    annual_rate: Decimal,
    *,
    tolerance_amount: Decimal = ZERO,
    tolerance_days: int = 0,
    days_in_year: int = 365,
    unit: Decimal = CENT,
) -> Decimal:
    """The penalty a loan owes for ``day``: the rate on overdue principal and interest.

    Nothing is charged while the loan is within its arrears tolerance, nor on penalties and fees
    themselves (no penalty on penalty).
    """
    state = arrears(position, day, tolerance_amount=tolerance_amount, tolerance_days=tolerance_days)
    if not state.in_arrears:
        return ZERO
    return daily_penalty(state.overdue_scheduled, annual_rate, days_in_year=days_in_year, unit=unit)


@dataclass(frozen=True)
class PenaltyRepricing:
    """What makes the closed days' penalties what they would have been had every transaction
    been recorded in order: charges to reverse, and charges to add (day, amount)."""

    reverse: list[UUID]
    charge: list[tuple[date, Decimal]]


def reprice_penalties(
    installments: Sequence[InstallmentLike],
    transactions: Sequence[LoanTransaction],
    *,
    first_day: date,
    last_day: date,
    annual_rate: Decimal,
    tolerance_days: int = 0,
    order: Sequence[Component] = DEFAULT_ALLOCATION_ORDER,
    accrual: InterestAccrual = InterestAccrual.daily,
    days_in_year: int = 365,
    unit: Decimal = CENT,
    waived_days: frozenset[date] = frozenset(),
) -> PenaltyRepricing:
    """Recompute the daily penalties of ``first_day``..``last_day`` (days already closed) after
    a backdated transaction or a reversal, day by day, each on the state of that day.

    ``waived_days`` are days whose penalty an officer reversed on purpose: they stay free.
    """
    in_range = {
        t.value_date: t
        for t in transactions
        if t.kind is TxKind.penalty_charge
        and not t.reversed
        and t.installment_number is None
        and first_day <= t.value_date <= last_day
    }
    working = [t for t in transactions if t not in in_range.values()]
    next_seq = max((t.sequence for t in transactions), default=0) + 1
    reverse: list[UUID] = []
    charge: list[tuple[date, Decimal]] = []
    day = first_day
    while day <= last_day:
        position = replay(installments, working, order=order, accrual=accrual, until=day)
        expected = ZERO
        if day not in waived_days:
            expected = penalty_for_day(
                position,
                day,
                annual_rate,
                tolerance_days=tolerance_days,
                days_in_year=days_in_year,
                unit=unit,
            )
        current = in_range.get(day)
        if current is not None and current.amount == expected:
            working.append(current)
        else:
            if current is not None:
                reverse.append(current.id)
            if expected > 0:
                charge.append((day, expected))
                working.append(
                    LoanTransaction(
                        id=uuid4(),
                        kind=TxKind.penalty_charge,
                        value_date=day,
                        amount=expected,
                        sequence=next_seq,
                    )
                )
                next_seq += 1
        day += timedelta(days=1)
    return PenaltyRepricing(reverse=reverse, charge=charge)
