"""The schedule engine: pure functions, ``Decimal`` with HALF_EVEN, no I/O.

Conventions (documented here because the numbers depend on them):

- ``tenor_periods`` counts every period including grace; principal is amortised over
  ``tenor_periods - grace_periods`` periods. Grace periods are principal-free: interest is due.
- The periodic rate is ``annual_rate / periods_per_year`` (12, 4 or 2).
- ``rounding`` applies to the amount the method fixes per period: the EMI for
  ``declining_equal_installment``, the principal part for ``flat`` and
  ``declining_equal_principal``. Interest is always rounded to cents. The last installment takes
  whatever principal remains, so principal always sums exactly to what was disbursed.
- Due dates are the anchor (``first_due_date``, default one period after the first tranche)
  plus whole periods, clamped to month ends (31 Jan, 28 Feb, 31 Mar ...), never drifting.
- Every regular period bears a full period's interest (``rate / periods_per_year``), whatever
  its number of days. Only the money that was not outstanding for a whole period is charged by
  days: a first period to a chosen ``first_due_date`` (days from disbursement over the days of
  the period ending on that date) and a tranche disbursed inside a period (days from its date to
  the due date over the days of that period).
- A tranche after the first adds to the balance from its date and the remaining schedule is
  recomputed from the period it falls in (new EMI, or new equal principal, over the periods left).
- ``flat`` charges interest on the disbursed principal every period (not on the balance).

Syariah patterns map onto these methods (see :func:`effective_rate`): murabahah is ``flat``
with the margin rate fixed up front (the total margin is known at signing); mudharabah and
musyarakah (profit sharing with a ratio, nisbah) use the fund's share of a *projected* return
as the rate, so the schedule's ``interest`` column is the expected profit share; the realised
share is settled on actual results when payments are booked.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from enum import StrEnum

CENT = Decimal("0.01")
RATE_UNIT = Decimal("0.00000001")
ZERO = Decimal("0")


class InterestMethod(StrEnum):
    flat = "flat"
    declining_equal_installment = "declining_equal_installment"
    declining_equal_principal = "declining_equal_principal"


class Frequency(StrEnum):
    monthly = "monthly"
    quarterly = "quarterly"
    semi_annual = "semi_annual"

    @property
    def months(self) -> int:
        return _MONTHS[self]

    @property
    def periods_per_year(self) -> int:
        return 12 // _MONTHS[self]


_MONTHS = {Frequency.monthly: 1, Frequency.quarterly: 3, Frequency.semi_annual: 6}


class Akad(StrEnum):
    """Syariah contracts a product may use (conventional products have none)."""

    murabahah = "murabahah"  # sale with a margin fixed up front
    mudharabah = "mudharabah"  # profit sharing: the fund provides the capital
    musyarakah = "musyarakah"  # profit sharing: both provide capital


PROFIT_SHARING = frozenset({Akad.mudharabah, Akad.musyarakah})


@dataclass(frozen=True)
class Tranche:
    date: date
    amount: Decimal


@dataclass(frozen=True)
class Installment:
    number: int
    due_date: date
    principal: Decimal
    interest: Decimal
    total: Decimal
    balance_after: Decimal


class ScheduleError(ValueError):
    """Terms that cannot make a schedule (the message says which)."""


def effective_rate(
    annual_rate: Decimal, akad: Akad | None = None, profit_share_ratio: Decimal | None = None
) -> Decimal:
    """The rate the engine uses for a product's pattern.

    Conventional and murabahah: the tariff rate (interest or margin a year). Mudharabah and
    musyarakah: the tariff rate is the projected annual return on the capital and the fund earns
    ``profit_share_ratio`` (its nisbah) of it, so the expected profit share is their product.
    """
    if akad in PROFIT_SHARING:
        if profit_share_ratio is None or not ZERO < profit_share_ratio < 1:
            raise ScheduleError("profit sharing needs a ratio strictly between 0 and 1")
        # Kept to the 8 decimals rates are stored with, so what is stored is what was used.
        return _q(annual_rate * profit_share_ratio, RATE_UNIT)
    return annual_rate


def add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    if start.day <= 28:
        return date(year, month, start.day)
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def due_dates(anchor: date, count: int, frequency: Frequency) -> list[date]:
    return [add_months(anchor, i * frequency.months) for i in range(count)]


def _q(amount: Decimal, unit: Decimal) -> Decimal:
    return amount.quantize(unit, rounding=ROUND_HALF_EVEN)


def round_to(amount: Decimal, unit: Decimal) -> Decimal:
    """Round to a multiple of ``unit`` (1 = whole rupiah, 100 = hundreds, 0.01 = cents), HALF_EVEN.

    Unlike ``quantize``, the unit's written scale does not matter: ``1.00`` rounds to whole units.
    """
    multiple = (amount / unit).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    return _q(multiple * unit, CENT)


def _emi(balance: Decimal, rate: Decimal, periods: int) -> Decimal:
    if periods <= 0:
        return balance
    if rate == 0:
        return balance / periods
    return balance * rate / (1 - (1 + rate) ** -periods)


def build_schedule(
    *,
    tranches: list[Tranche],
    annual_rate: Decimal,
    tenor_periods: int,
    frequency: Frequency,
    method: InterestMethod,
    grace_periods: int = 0,
    first_due_date: date | None = None,
    rounding: Decimal = Decimal("0.01"),
) -> list[Installment]:
    """The installments for these terms (see the module docstring for the conventions)."""
    frequency = Frequency(frequency)
    method = InterestMethod(method)
    if not tranches:
        raise ScheduleError("at least one tranche is needed")
    if tenor_periods < 1:
        raise ScheduleError("tenor must be at least one period")
    if not 0 <= grace_periods < tenor_periods:
        raise ScheduleError("grace must leave at least one period to repay principal")
    if annual_rate < 0:
        raise ScheduleError("the rate cannot be negative")
    if rounding <= 0:
        raise ScheduleError("rounding must be a positive unit")
    if any(t.amount <= 0 for t in tranches):
        raise ScheduleError("every tranche amount must be positive")
    ordered = sorted(tranches, key=lambda t: t.date)
    start = ordered[0].date
    if first_due_date is not None:
        if first_due_date <= start:
            raise ScheduleError("the first due date must be after the first disbursement")
        dates = due_dates(first_due_date, tenor_periods, frequency)
    else:
        # Counted from the start, not chained from the first due date, so 31 Jan gives
        # 28 Feb, 31 Mar, 30 Apr.
        dates = [add_months(start, k * frequency.months) for k in range(1, tenor_periods + 1)]
    if ordered[-1].date >= dates[-1]:
        raise ScheduleError("a tranche must come before the last due date")
    rate = Decimal(annual_rate) / frequency.periods_per_year
    # The first period's nominal start: the first disbursement, or one period before a chosen
    # first due date (then a shorter or longer first period is charged by its days).
    first_start = start if first_due_date is None else add_months(dates[0], -frequency.months)

    balance = ZERO  # principal outstanding
    disbursed = ZERO  # principal disbursed so far (flat interest base)
    fixed = ZERO  # EMI or principal part, rounded; recomputed when a tranche lands
    pending = list(ordered)
    out: list[Installment] = []
    one = Decimal(1)
    for index, due in enumerate(dates):
        number = index + 1
        nominal_start = first_start if index == 0 else dates[index - 1]
        # Money outstanding for the whole period bears a full period's interest.
        base = disbursed if method is InterestMethod.flat else balance
        interest = base * rate if base else ZERO
        landed = False
        while pending and pending[0].date < due:
            tranche = pending.pop(0)
            landed = True
            balance += tranche.amount
            disbursed += tranche.amount
            if tranche.date == nominal_start:
                fraction = one
            else:
                fraction = Decimal((due - tranche.date).days) / (due - nominal_start).days
            interest += tranche.amount * rate * fraction
        interest = _q(interest, CENT)
        amortising_left = tenor_periods - max(index, grace_periods)
        if landed:
            if method is InterestMethod.declining_equal_installment:
                fixed = round_to(_emi(balance, rate, amortising_left), rounding)
            else:
                fixed = round_to(balance / amortising_left, rounding)
        if number <= grace_periods:
            principal = ZERO
        elif number == tenor_periods:
            principal = balance
        elif method is InterestMethod.declining_equal_installment:
            principal = min(max(fixed - interest, ZERO), balance)
        else:
            principal = min(fixed, balance)
        principal = _q(principal, CENT)
        balance = _q(balance - principal, CENT)
        out.append(
            Installment(
                number=number,
                due_date=due,
                principal=principal,
                interest=interest,
                total=principal + interest,
                balance_after=balance,
            )
        )
    return out


def total_interest(schedule: list[Installment]) -> Decimal:
    return sum((i.interest for i in schedule), ZERO)


def largest_installment(schedule: list[Installment]) -> Decimal:
    return max((i.total for i in schedule), default=ZERO)
