"""Portfolio figures and the cash-back forecast: the report shapes, and their aggregation from
replayed positions (the oracle, :mod:`financing.reports.replayed`). Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from uuid import UUID

from financing.arrears.ageing import Collectibility
from financing.replay.engine import MONEY_IN, ZERO, Component, LoanPosition, LoanTransaction, TxKind
from kopmod_shared.money import quantize

RATIO_UNIT = Decimal("0.0001")


@dataclass(frozen=True)
class LoanSnapshot:
    """One open loan as the portfolio sees it."""

    loan_id: UUID
    product_code: str
    province: str | None  # captured from the registry at approval
    principal_outstanding: Decimal
    collectibility: Collectibility


@dataclass
class Bucket:
    loans: int = 0
    principal_outstanding: Decimal = ZERO
    non_performing: Decimal = ZERO

    def add(self, loan: LoanSnapshot) -> None:
        self.loans += 1
        self.principal_outstanding += loan.principal_outstanding
        if loan.collectibility.non_performing:
            self.non_performing += loan.principal_outstanding

    def add_group(self, loans: int, outstanding: Decimal, collectibility: Collectibility) -> None:
        """``loans`` loans of one class together owing ``outstanding`` principal."""
        self.loans += loans
        self.principal_outstanding += outstanding
        if collectibility.non_performing:
            self.non_performing += outstanding

    @property
    def npl_ratio(self) -> Decimal:
        return npl_ratio(self.non_performing, self.principal_outstanding)


def npl_ratio(non_performing: Decimal, outstanding: Decimal) -> Decimal:
    """Non-performing (classes 3-5) over outstanding principal, as a fraction to 4 places."""
    if outstanding <= 0:
        return ZERO.quantize(RATIO_UNIT)
    return quantize(non_performing / outstanding, RATIO_UNIT)


@dataclass
class Portfolio:
    total: Bucket = field(default_factory=Bucket)
    by_class: dict[Collectibility, Bucket] = field(default_factory=dict)
    by_product: dict[str, Bucket] = field(default_factory=dict)
    by_province: dict[str, Bucket] = field(default_factory=dict)


UNKNOWN_PROVINCE = "unknown"


def portfolio(loans: Iterable[LoanSnapshot]) -> Portfolio:
    out = Portfolio(by_class={c: Bucket() for c in Collectibility})
    for loan in loans:
        if loan.principal_outstanding <= 0:
            continue
        out.total.add(loan)
        out.by_class[loan.collectibility].add(loan)
        out.by_product.setdefault(loan.product_code, Bucket()).add(loan)
        out.by_province.setdefault(loan.province or UNKNOWN_PROVINCE, Bucket()).add(loan)
    return out


@dataclass(frozen=True)
class Flows:
    """Money that moved between the fund and borrowers in a period (value dates, inclusive)."""

    disbursed: Decimal
    repaid: Decimal  # everything received: principal, interest, charges, overpayments
    principal_repaid: Decimal
    interest_received: Decimal
    charges_received: Decimal
    recovered: Decimal


def flows(
    positions: Iterable[tuple[LoanPosition, Iterable[LoanTransaction]]],
    start: date,
    end: date,
) -> Flows:
    disbursed = repaid = principal = interest = charges = recovered = ZERO
    for position, transactions in positions:
        for tx in transactions:
            if tx.reversed or not start <= tx.value_date <= end:
                continue
            if tx.kind is TxKind.disbursement:
                disbursed += tx.amount
            elif tx.kind in MONEY_IN:
                alloc = position.allocations[tx.id]
                repaid += tx.amount
                principal += alloc.principal
                interest += alloc.interest
                charges += alloc.penalty + alloc.fee
                recovered += alloc.recovered
    return Flows(disbursed, repaid, principal, interest, charges, recovered)


@dataclass
class MonthForecast:
    month: str  # YYYY-MM
    principal: Decimal = ZERO
    interest: Decimal = ZERO
    charges: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return self.principal + self.interest + self.charges


@dataclass
class Forecast:
    as_of: date
    overdue: MonthForecast  # already due and unpaid on ``as_of``: uncertain, shown apart
    months: list[MonthForecast]

    @property
    def total(self) -> Decimal:
        return self.overdue.total + sum((m.total for m in self.months), ZERO)


def _month(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def month_keys(as_of: date, months: int) -> list[str]:
    """``YYYY-MM`` of ``as_of``'s month and the ``months - 1`` after it."""
    keys: list[str] = []
    year, month = as_of.year, as_of.month
    for _ in range(months):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def cash_back_forecast(
    positions: Iterable[LoanPosition],
    as_of: date,
    months: int = 12,
    include: Callable[[LoanPosition], bool] = lambda p: not p.written_off,
) -> Forecast:
    """Cash each month should bring back to the fund, from the unpaid parts of the schedules.

    Months run from ``as_of``'s month for ``months`` months, every month listed even when empty;
    amounts due before ``as_of`` and still unpaid are reported as ``overdue``.
    """
    keys = month_keys(as_of, months)
    buckets = {k: MonthForecast(k) for k in keys}
    overdue = MonthForecast("overdue")
    for position in positions:
        if not include(position):
            continue
        for inst in position.installments:
            target = overdue if inst.due_date < as_of else buckets.get(_month(inst.due_date))
            if target is None:
                continue
            target.principal += inst.unpaid(Component.principal)
            target.interest += inst.unpaid(Component.interest)
            target.charges += inst.unpaid(Component.penalty) + inst.unpaid(Component.fee)
    return Forecast(as_of=as_of, overdue=overdue, months=[buckets[k] for k in keys])
