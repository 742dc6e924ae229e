"""Transaction replay: a loan's position derived from its schedule and its transactions.

Nothing here touches a database. Installment paid amounts are never stored as edited figures:
they are recomputed by replaying every non-reversed transaction in ``(value_date, sequence)``
order, so a backdated repayment or a reversal lands exactly where it would have landed had it
happened in order (domain.md section 4, the Fineract approach).

Money is ``Decimal`` and every amount entering the replay is already in cents; the replay only
adds and subtracts, so it never rounds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Protocol
from uuid import UUID

from kopmod_shared.money import CENT, quantize

# Zero in cents, so that amounts nothing was added to still read "0.00".
ZERO = Decimal("0.00")


class InstallmentLike(Protocol):
    """The shape of ``financing.schedules.engine.Installment`` that servicing reads."""

    @property
    def number(self) -> int: ...
    @property
    def due_date(self) -> date: ...
    @property
    def principal(self) -> Decimal: ...
    @property
    def interest(self) -> Decimal: ...
    @property
    def total(self) -> Decimal: ...
    @property
    def balance_after(self) -> Decimal: ...


@dataclass(frozen=True)
class ScheduledInstallment:
    """A scheduled installment as servicing stores it (same fields as the schedule engine's)."""

    number: int
    due_date: date
    principal: Decimal
    interest: Decimal
    total: Decimal
    balance_after: Decimal


class TxKind(StrEnum):
    disbursement = "disbursement"
    repayment = "repayment"
    # Early full repayment: interest not yet accrued on the value date is waived.
    payoff = "payoff"
    penalty_charge = "penalty_charge"
    fee_charge = "fee_charge"
    overpayment_refund = "overpayment_refund"
    write_off = "write_off"
    # Money collected after a write-off: it no longer pays installments.
    recovery = "recovery"
    # A new schedule for the outstanding balance from the value date: ``amount`` is the new
    # principal, ``installment_number`` the first installment of the new schedule.
    reschedule = "reschedule"


MONEY_IN = frozenset({TxKind.repayment, TxKind.payoff, TxKind.recovery})


class Component(StrEnum):
    penalty = "penalty"
    fee = "fee"
    interest = "interest"
    principal = "principal"


DEFAULT_ALLOCATION_ORDER: tuple[Component, ...] = (
    Component.penalty,
    Component.fee,
    Component.interest,
    Component.principal,
)


# Products name the parts in the plural ("penalties", "fees").
_COMPONENT_NAMES = {
    **{c.value: c for c in Component},
    "penalties": Component.penalty,
    "fees": Component.fee,
}


def allocation_order(names: Iterable[str] | None) -> tuple[Component, ...]:
    """A product's allocation order as components; every component exactly once."""
    if not names:
        return DEFAULT_ALLOCATION_ORDER
    try:
        order = tuple(_COMPONENT_NAMES[n] for n in names)
    except KeyError as exc:
        raise ValueError(f"unknown allocation part {exc.args[0]!r}") from exc
    if sorted(order) != sorted(DEFAULT_ALLOCATION_ORDER):
        raise ValueError(
            "allocation order must name penalty, fee, interest and principal exactly once"
        )
    return order


class InterestAccrual(StrEnum):
    """How much interest a payoff owes for the period in progress on its value date."""

    # Interest of the running period pro rata by actual days elapsed in it.
    daily = "daily"
    # The running period's interest in full.
    full_period = "full_period"
    # Only the interest of installments already due.
    due_only = "due_only"


class ReplayError(ValueError):
    """The transactions cannot be replayed (e.g. a refund above the overpayment balance)."""


@dataclass(frozen=True)
class LoanTransaction:
    id: UUID
    kind: TxKind
    value_date: date
    amount: Decimal
    sequence: int
    reversed: bool = False
    # Charges attach to this installment; None: the oldest one in arrears on the value date.
    installment_number: int | None = None


@dataclass
class Allocation:
    """Where one transaction's money went (what the ledger books for it)."""

    principal: Decimal = ZERO
    interest: Decimal = ZERO
    penalty: Decimal = ZERO
    fee: Decimal = ZERO
    overpayment: Decimal = ZERO  # into the overpayment balance (negative: refunded)
    interest_waived: Decimal = ZERO
    written_off_principal: Decimal = ZERO
    recovered: Decimal = ZERO

    def add(self, component: Component, amount: Decimal) -> None:
        setattr(self, component.value, getattr(self, component.value) + amount)


@dataclass
class InstallmentState:
    number: int
    due_date: date
    period_start: date
    principal: Decimal
    interest: Decimal
    penalty: Decimal = ZERO  # charged
    fee: Decimal = ZERO  # charged
    principal_paid: Decimal = ZERO
    interest_paid: Decimal = ZERO
    penalty_paid: Decimal = ZERO
    fee_paid: Decimal = ZERO
    interest_waived: Decimal = ZERO
    written_off: Decimal = ZERO  # every component forgiven at write-off, summed
    paid_on: date | None = None

    def due(self, component: Component) -> Decimal:
        return getattr(self, component.value)

    def paid(self, component: Component) -> Decimal:
        return getattr(self, f"{component.value}_paid")

    def unpaid(self, component: Component) -> Decimal:
        forgiven = self.interest_waived if component is Component.interest else ZERO
        if self.written_off:
            return ZERO
        return self.due(component) - self.paid(component) - forgiven

    @property
    def unpaid_scheduled(self) -> Decimal:
        """Unpaid principal and interest: what makes an installment overdue."""
        return self.unpaid(Component.principal) + self.unpaid(Component.interest)

    @property
    def unpaid_total(self) -> Decimal:
        return sum((self.unpaid(c) for c in Component), ZERO)

    @property
    def total_due(self) -> Decimal:
        return self.principal + self.interest + self.penalty + self.fee - self.interest_waived

    @property
    def total_paid(self) -> Decimal:
        return self.principal_paid + self.interest_paid + self.penalty_paid + self.fee_paid


@dataclass
class LoanPosition:
    """A loan's state as derived by :func:`replay`."""

    installments: list[InstallmentState]
    # Installments of a reschedule, in force from its value date (keyed by first number).
    pending: dict[int, list[InstallmentState]] = field(default_factory=dict)
    start_date: date | None = None  # first disbursement
    disbursed: Decimal = ZERO
    principal_paid: Decimal = ZERO
    interest_paid: Decimal = ZERO
    penalty_paid: Decimal = ZERO
    fee_paid: Decimal = ZERO
    interest_waived: Decimal = ZERO
    overpayment: Decimal = ZERO  # balance owed back to the borrower
    overpayment_refunded: Decimal = ZERO
    written_off_on: date | None = None
    written_off_principal: Decimal = ZERO
    written_off_other: Decimal = ZERO  # interest, penalties and fees forgiven at write-off
    recovered: Decimal = ZERO
    rescheduled_on: date | None = None
    capitalised_interest: Decimal = ZERO
    capitalised_penalty: Decimal = ZERO
    capitalised_fee: Decimal = ZERO
    settled_on: date | None = None  # the day nothing was owed any more
    last_value_date: date | None = None
    allocations: dict[UUID, Allocation] = field(default_factory=dict)

    @property
    def principal_outstanding(self) -> Decimal:
        return self.disbursed - self.principal_paid - self.written_off_principal

    @property
    def interest_outstanding(self) -> Decimal:
        return sum((i.unpaid(Component.interest) for i in self.installments), ZERO)

    @property
    def penalty_outstanding(self) -> Decimal:
        return sum((i.unpaid(Component.penalty) for i in self.installments), ZERO)

    @property
    def fee_outstanding(self) -> Decimal:
        return sum((i.unpaid(Component.fee) for i in self.installments), ZERO)

    @property
    def total_outstanding(self) -> Decimal:
        return sum((i.unpaid_total for i in self.installments), ZERO)

    @property
    def written_off(self) -> bool:
        return self.written_off_on is not None

    @property
    def settled(self) -> bool:
        """Disbursed, and every installment paid, waived or written off."""
        return self.disbursed > 0 and self.total_outstanding == 0

    def installment(self, number: int) -> InstallmentState:
        for inst in self.installments:
            if inst.number == number:
                return inst
        raise ReplayError(f"the schedule has no installment {number}")


def active_transactions(
    transactions: Iterable[LoanTransaction], until: date | None = None
) -> list[LoanTransaction]:
    """Non-reversed transactions up to ``until``, in replay order.

    Within a value date, penalties come last: end of day charges them on the day's closing
    state, so a payment recorded later for that same day still precedes them, as it would have
    had it been recorded in time.
    """
    txs = [t for t in transactions if not t.reversed and (until is None or t.value_date <= until)]
    txs.sort(key=lambda t: (t.value_date, t.kind is TxKind.penalty_charge, t.sequence))
    return txs


def _states(installments: Sequence[InstallmentLike], start: date | None) -> list[InstallmentState]:
    ordered = sorted(installments, key=lambda i: i.number)
    states = []
    previous = start
    for inst in ordered:
        period_start = previous if previous is not None else inst.due_date
        states.append(
            InstallmentState(
                number=inst.number,
                due_date=inst.due_date,
                period_start=min(period_start, inst.due_date),
                principal=inst.principal,
                interest=inst.interest,
            )
        )
        previous = inst.due_date
    return states


def accrued_interest(inst: InstallmentState, on: date, accrual: InterestAccrual) -> Decimal:
    """Interest of ``inst`` earned by ``on`` under the product's accrual convention."""
    if on >= inst.due_date:
        return inst.interest
    if on <= inst.period_start or accrual is InterestAccrual.due_only:
        return ZERO
    if accrual is InterestAccrual.full_period:
        return inst.interest
    elapsed = (on - inst.period_start).days
    length = (inst.due_date - inst.period_start).days
    return quantize(inst.interest * elapsed / length, CENT)


def payoff_interest_cap(inst: InstallmentState, on: date, accrual: InterestAccrual) -> Decimal:
    """Interest an installment owes in a payoff: accrued, never less than what was paid."""
    return max(accrued_interest(inst, on, accrual), inst.interest_paid)


@dataclass(frozen=True)
class PayoffAmounts:
    principal: Decimal
    interest: Decimal
    penalty: Decimal
    fee: Decimal
    overpayment_credit: Decimal
    interest_waived: Decimal

    @property
    def total(self) -> Decimal:
        owed = self.principal + self.interest + self.penalty + self.fee
        return max(owed - self.overpayment_credit, ZERO)


def payoff_amounts(
    position: LoanPosition, on: date, accrual: InterestAccrual = InterestAccrual.daily
) -> PayoffAmounts:
    """What settles the loan on ``on``: principal, interest accrued to ``on``, charges."""
    interest = ZERO
    waived = ZERO
    for inst in position.installments:
        if inst.written_off:
            continue
        cap = payoff_interest_cap(inst, on, accrual)
        owed = max(cap - inst.interest_paid - inst.interest_waived, ZERO)
        interest += owed
        waived += inst.unpaid(Component.interest) - owed
    return PayoffAmounts(
        principal=position.principal_outstanding,
        interest=interest,
        penalty=position.penalty_outstanding,
        fee=position.fee_outstanding,
        overpayment_credit=position.overpayment,
        interest_waived=waived,
    )


def _mark_paid(inst: InstallmentState, on: date) -> None:
    if inst.unpaid_total == 0:
        if inst.paid_on is None:
            inst.paid_on = on
    else:
        inst.paid_on = None


def _allocate(
    pos: LoanPosition,
    amount: Decimal,
    order: Sequence[Component],
    on: date,
    interest_caps: dict[int, Decimal] | None = None,
) -> Allocation:
    alloc = Allocation()
    remaining = amount
    for inst in pos.installments:
        if remaining == 0:
            break
        for component in order:
            if remaining == 0:
                break
            unpaid = inst.unpaid(component)
            if component is Component.interest and interest_caps is not None:
                unpaid = min(unpaid, interest_caps[inst.number] - inst.interest_paid)
            if component is Component.principal:
                # Principal not yet disbursed (a later tranche) cannot be repaid.
                unpaid = min(unpaid, pos.principal_outstanding - alloc.principal)
            pay = min(max(unpaid, ZERO), remaining)
            if pay == 0:
                continue
            setattr(inst, f"{component.value}_paid", inst.paid(component) + pay)
            alloc.add(component, pay)
            remaining -= pay
        _mark_paid(inst, on)
    if remaining > 0:
        alloc.overpayment += remaining
    pos.principal_paid += alloc.principal
    pos.interest_paid += alloc.interest
    pos.penalty_paid += alloc.penalty
    pos.fee_paid += alloc.fee
    pos.overpayment += alloc.overpayment
    return alloc


def _charge_target(pos: LoanPosition, tx: LoanTransaction) -> InstallmentState:
    if tx.installment_number is not None:
        return pos.installment(tx.installment_number)
    if not pos.installments:
        raise ReplayError("a charge needs a schedule")
    overdue = [i for i in pos.installments if i.due_date < tx.value_date and i.unpaid_total > 0]
    if overdue:
        return overdue[0]
    started = [i for i in pos.installments if i.due_date <= tx.value_date]
    return started[-1] if started else pos.installments[0]


def _apply(
    pos: LoanPosition,
    tx: LoanTransaction,
    order: Sequence[Component],
    accrual: InterestAccrual,
) -> Allocation:
    if tx.amount <= 0:
        raise ReplayError(f"transaction {tx.id} has a non-positive amount")
    if pos.written_off and tx.kind not in MONEY_IN:
        raise ReplayError(f"{tx.kind.value} after the write-off on {pos.written_off_on}")
    if tx.kind is TxKind.disbursement:
        pos.disbursed += tx.amount
        return Allocation()
    if pos.written_off:
        pos.recovered += tx.amount
        return Allocation(recovered=tx.amount)
    if tx.kind is TxKind.recovery:
        raise ReplayError("a recovery before any write-off")
    if tx.kind in (TxKind.penalty_charge, TxKind.fee_charge):
        target = _charge_target(pos, tx)
        if tx.kind is TxKind.penalty_charge:
            target.penalty += tx.amount
        else:
            target.fee += tx.amount
        _mark_paid(target, tx.value_date)
        return Allocation()
    if tx.kind is TxKind.overpayment_refund:
        if tx.amount > pos.overpayment:
            raise ReplayError(f"refund {tx.amount} above the overpayment balance {pos.overpayment}")
        pos.overpayment -= tx.amount
        pos.overpayment_refunded += tx.amount
        return Allocation(overpayment=-tx.amount)
    if tx.kind is TxKind.write_off:
        return _write_off(pos, tx.value_date)
    if tx.kind is TxKind.reschedule:
        return _reschedule(pos, tx, accrual)
    if tx.kind is TxKind.payoff:
        quote = payoff_amounts(pos, tx.value_date, accrual)
        if tx.amount >= quote.total:
            caps = {
                i.number: payoff_interest_cap(i, tx.value_date, accrual) for i in pos.installments
            }
            # The overpayment balance is part of the money settling the loan.
            credit = pos.overpayment
            pos.overpayment = ZERO
            alloc = _allocate(pos, tx.amount + credit, order, tx.value_date, caps)
            alloc.overpayment -= credit
            for inst in pos.installments:
                waive = inst.unpaid(Component.interest)
                inst.interest_waived += waive
                alloc.interest_waived += waive
                _mark_paid(inst, tx.value_date)
            pos.interest_waived += alloc.interest_waived
            return alloc
    return _allocate(pos, tx.amount, order, tx.value_date)


def _reschedule(pos: LoanPosition, tx: LoanTransaction, accrual: InterestAccrual) -> Allocation:
    """Close the current installments on the value date and bring the new ones into force.

    Unpaid principal moves to the new schedule; interest not yet accrued is waived; with
    capitalisation, accrued unpaid interest and unpaid charges become principal too.
    """
    if tx.installment_number is None or tx.installment_number not in pos.pending:
        raise ReplayError("a reschedule must name the first installment of its new schedule")
    on = tx.value_date
    amounts = payoff_amounts(pos, on, accrual)
    capitalised = tx.amount - pos.principal_outstanding
    arrears = amounts.interest + amounts.penalty + amounts.fee
    if capitalised not in (ZERO, arrears):
        raise ReplayError(
            f"a reschedule's principal is the outstanding {pos.principal_outstanding}, "
            f"or that plus the arrears {arrears}"
        )
    alloc = Allocation()
    for inst in pos.installments:
        if inst.written_off:
            continue
        owed = max(payoff_interest_cap(inst, on, accrual) - inst.interest_paid, ZERO)
        waive = inst.unpaid(Component.interest) - owed
        inst.interest_waived += waive
        alloc.interest_waived += waive
        inst.principal = inst.principal_paid
        if capitalised:
            pos.capitalised_interest += inst.unpaid(Component.interest)
            pos.capitalised_penalty += inst.unpaid(Component.penalty)
            pos.capitalised_fee += inst.unpaid(Component.fee)
            inst.interest = inst.interest_paid + inst.interest_waived
            inst.penalty = inst.penalty_paid
            inst.fee = inst.fee_paid
        _mark_paid(inst, on)
    pos.interest_waived += alloc.interest_waived
    pos.disbursed += capitalised
    pos.rescheduled_on = on
    new = pos.pending.pop(tx.installment_number)
    if new:
        new[0].period_start = on
    pos.installments.extend(new)
    return alloc


def _write_off(pos: LoanPosition, on: date) -> Allocation:
    principal = pos.principal_outstanding
    other = pos.interest_outstanding + pos.penalty_outstanding + pos.fee_outstanding
    for inst in pos.installments:
        inst.written_off = inst.unpaid_total
    pos.written_off_on = on
    pos.written_off_principal = principal
    pos.written_off_other = other
    return Allocation(written_off_principal=principal)


def replay(
    installments: Sequence[InstallmentLike],
    transactions: Iterable[LoanTransaction],
    *,
    order: Sequence[Component] = DEFAULT_ALLOCATION_ORDER,
    accrual: InterestAccrual = InterestAccrual.daily,
    until: date | None = None,
) -> LoanPosition:
    """Replay every non-reversed transaction (up to ``until``) over the schedule, in
    ``(value_date, penalties last, sequence)`` order.

    Repayments walk the installments oldest first and, within one, the components in ``order``;
    what is left after the last installment becomes the overpayment balance.
    """
    txs = active_transactions(transactions, until)
    sequences = [t.sequence for t in txs]
    if len(set(sequences)) != len(sequences):
        raise ReplayError("transaction sequences must be unique")
    disbursements = [t.value_date for t in txs if t.kind is TxKind.disbursement]
    start = min(disbursements) if disbursements else None
    pos = LoanPosition(installments=_states(installments, start), start_date=start)
    # Installments of a reschedule are out of force until it is replayed (and for good when it
    # lies after ``until``).
    segment_starts = sorted(
        t.installment_number
        for t in transactions
        if t.kind is TxKind.reschedule and not t.reversed and t.installment_number is not None
    )
    for n, first in enumerate(segment_starts):
        last = segment_starts[n + 1] if n + 1 < len(segment_starts) else None
        pos.pending[first] = [
            i for i in pos.installments if i.number >= first and (last is None or i.number < last)
        ]
    if segment_starts:
        pos.installments = [i for i in pos.installments if i.number < segment_starts[0]]
    for tx in txs:
        pos.allocations[tx.id] = _apply(pos, tx, order, accrual)
        pos.last_value_date = tx.value_date
        if pos.settled and pos.settled_on is None and not pos.written_off:
            pos.settled_on = tx.value_date
        elif not pos.settled:
            pos.settled_on = None
    return pos
