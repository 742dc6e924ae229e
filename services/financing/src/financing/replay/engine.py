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
    """A scheduled installment as servicing stores it (same fields as the schedule engine's).

    ``carried`` marks an installment a successor loan opens with: what its predecessor still
    owed (accrued interest, penalties, fees) on an installment when it was rescheduled, due on
    that installment's own due date. Its interest is accrued in full from the start.
    """

    number: int
    due_date: date
    principal: Decimal
    interest: Decimal
    total: Decimal
    balance_after: Decimal
    penalty: Decimal = Decimal("0.00")
    fee: Decimal = Decimal("0.00")
    carried: bool = False


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
    # The loan is rescheduled into a successor loan on the value date: ``amount`` is the
    # principal the successor opens with (the outstanding principal, plus the arrears when they
    # are capitalised). Unpaid amounts of the installments move out; the loan is closed.
    reschedule = "reschedule"
    # The first transaction of a successor loan: the principal moved in from its predecessor
    # (no cash moves; the schedule is built over it like over a tranche).
    rescheduled_in = "rescheduled_in"


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
    # Every unpaid component moved to the successor loan at a reschedule, summed.
    rescheduled: Decimal = ZERO
    carried: bool = False  # opening arrears of a successor loan (see ScheduledInstallment)
    paid_on: date | None = None

    def due(self, component: Component) -> Decimal:
        return getattr(self, component.value)

    def paid(self, component: Component) -> Decimal:
        return getattr(self, f"{component.value}_paid")

    def unpaid(self, component: Component) -> Decimal:
        # Plain attribute reads, no getattr: replay calls this for every component of every
        # installment a transaction touches.
        if self.written_off or self.rescheduled:
            return ZERO
        if component is Component.principal:
            return self.principal - self.principal_paid
        if component is Component.interest:
            return self.interest - self.interest_paid - self.interest_waived
        if component is Component.penalty:
            return self.penalty - self.penalty_paid
        return self.fee - self.fee_paid

    @property
    def closed(self) -> bool:
        """Written off or moved to a successor loan: nothing more is owed on it here."""
        return bool(self.written_off or self.rescheduled)

    @property
    def unpaid_scheduled(self) -> Decimal:
        """Unpaid principal and interest: what makes an installment overdue."""
        if self.written_off or self.rescheduled:
            return ZERO
        return (self.principal - self.principal_paid) + (
            self.interest - self.interest_paid - self.interest_waived
        )

    @property
    def unpaid_total(self) -> Decimal:
        if self.written_off or self.rescheduled:
            return ZERO
        return (
            ZERO
            + (self.penalty - self.penalty_paid)
            + (self.fee - self.fee_paid)
            + (self.interest - self.interest_paid - self.interest_waived)
            + (self.principal - self.principal_paid)
        )

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
    start_date: date | None = None  # first disbursement (or the principal moved in)
    disbursed: Decimal = ZERO  # cash lent (tranches)
    # A successor loan's principal moved in from its predecessor; no cash moved.
    transferred_in: Decimal = ZERO
    # Principal (with any capitalised arrears) moved out to the successor at a reschedule.
    transferred_out: Decimal = ZERO
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
    # What a reschedule without capitalisation leaves owed, per installment, for the successor
    # to open with (accrued interest, penalties and fees on their own due dates).
    carried: list[ScheduledInstallment] = field(default_factory=list)
    settled_on: date | None = None  # the day nothing was owed any more
    last_value_date: date | None = None
    allocations: dict[UUID, Allocation] = field(default_factory=dict)
    # Every installment's unpaid total, summed: kept up to date by each change to the
    # installments so that ``settled``, asked after every transaction, costs nothing (summing
    # the installments each time made a replay quadratic: transactions x installments).
    _outstanding: Decimal = field(default=ZERO, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.recount()

    def recount(self) -> None:
        """Sum the installments again (after a change to many of them at once)."""
        self._outstanding = sum((i.unpaid_total for i in self.installments), ZERO)

    @property
    def capitalised(self) -> Decimal:
        return self.capitalised_interest + self.capitalised_penalty + self.capitalised_fee

    @property
    def funded(self) -> Decimal:
        """Principal the loan was opened with: tranches disbursed and principal moved in."""
        return self.disbursed + self.transferred_in

    @property
    def principal_outstanding(self) -> Decimal:
        return (
            self.funded
            + self.capitalised
            - self.principal_paid
            - self.written_off_principal
            - self.transferred_out
        )

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
        return self._outstanding

    @property
    def written_off(self) -> bool:
        return self.written_off_on is not None

    @property
    def settled(self) -> bool:
        """Funded, and every installment paid, waived, written off or rescheduled."""
        return self.funded > 0 and self.total_outstanding == 0

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
        carried = bool(getattr(inst, "carried", False))
        period_start = previous if previous is not None else inst.due_date
        states.append(
            InstallmentState(
                number=inst.number,
                due_date=inst.due_date,
                period_start=min(period_start, inst.due_date),
                principal=inst.principal,
                interest=inst.interest,
                penalty=getattr(inst, "penalty", ZERO),
                fee=getattr(inst, "fee", ZERO),
                carried=carried,
            )
        )
        if not carried:  # opening arrears do not shape the new schedule's periods
            previous = inst.due_date
    return states


def accrued_interest(inst: InstallmentState, on: date, accrual: InterestAccrual) -> Decimal:
    """Interest of ``inst`` earned by ``on`` under the product's accrual convention."""
    if on >= inst.due_date or inst.carried:
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
        if inst.closed:
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
    # Each payment lowered its installment's unpaid total by exactly what it paid.
    pos._outstanding -= alloc.principal + alloc.interest + alloc.penalty + alloc.fee
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
    # The oldest overdue one; else the last one started; else the first. One walk that stops
    # at the first overdue installment (a daily penalty finds it among the first few).
    started: InstallmentState | None = None
    for inst in pos.installments:
        if inst.due_date < tx.value_date and inst.unpaid_total > 0:
            return inst
        if inst.due_date <= tx.value_date:
            started = inst
    return started if started is not None else pos.installments[0]


def _apply(
    pos: LoanPosition,
    tx: LoanTransaction,
    order: Sequence[Component],
    accrual: InterestAccrual,
) -> Allocation:
    if tx.amount <= 0:
        raise ReplayError(f"transaction {tx.id} has a non-positive amount")
    if pos.rescheduled_on is not None:
        raise ReplayError(f"{tx.kind.value} after the reschedule on {pos.rescheduled_on}")
    if pos.written_off and tx.kind not in MONEY_IN:
        raise ReplayError(f"{tx.kind.value} after the write-off on {pos.written_off_on}")
    if tx.kind is TxKind.disbursement:
        pos.disbursed += tx.amount
        return Allocation()
    if tx.kind is TxKind.rescheduled_in:
        if pos.funded:
            raise ReplayError("principal moves in from a reschedule only into a new loan")
        pos.transferred_in += tx.amount
        return Allocation()
    if pos.written_off:
        pos.recovered += tx.amount
        return Allocation(recovered=tx.amount)
    if tx.kind is TxKind.recovery:
        raise ReplayError("a recovery before any write-off")
    if tx.kind in (TxKind.penalty_charge, TxKind.fee_charge):
        target = _charge_target(pos, tx)
        before = target.unpaid_total
        if tx.kind is TxKind.penalty_charge:
            target.penalty += tx.amount
        else:
            target.fee += tx.amount
        pos._outstanding += target.unpaid_total - before
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
            pos.recount()
            return alloc
    return _allocate(pos, tx.amount, order, tx.value_date)


def _reschedule(pos: LoanPosition, tx: LoanTransaction, accrual: InterestAccrual) -> Allocation:
    """Close the loan on the value date: everything still owed moves to the successor loan.

    Interest not yet accrued on the value date is waived (the successor's schedule charges
    interest from then on). The outstanding principal moves out (``transferred_out``). With
    capitalisation (``amount`` is the principal plus the arrears) the accrued unpaid interest
    and unpaid charges are earned here and become principal of the successor; without it
    (``amount`` is the principal) they are ``carried``: the successor opens with them owed on
    the same due dates.
    """
    on = tx.value_date
    if pos.overpayment:
        raise ReplayError("an overpaid loan cannot be rescheduled")
    amounts = payoff_amounts(pos, on, accrual)
    principal = pos.principal_outstanding
    capitalise = tx.amount - principal
    arrears = amounts.interest + amounts.penalty + amounts.fee
    if principal <= 0 or capitalise not in (ZERO, arrears):
        raise ReplayError(
            f"a reschedule's principal is the outstanding {principal}, "
            f"or that plus the arrears {arrears}"
        )
    alloc = Allocation()
    for inst in pos.installments:
        if inst.closed:
            continue
        owed = max(payoff_interest_cap(inst, on, accrual) - inst.interest_paid, ZERO)
        waive = max(inst.unpaid(Component.interest) - owed, ZERO)
        inst.interest_waived += waive
        alloc.interest_waived += waive
        interest = inst.unpaid(Component.interest)
        penalty = inst.unpaid(Component.penalty)
        fee = inst.unpaid(Component.fee)
        if capitalise:
            pos.capitalised_interest += interest
            pos.capitalised_penalty += penalty
            pos.capitalised_fee += fee
        elif interest or penalty or fee:
            pos.carried.append(
                ScheduledInstallment(
                    number=len(pos.carried) + 1,
                    due_date=inst.due_date,
                    principal=ZERO,
                    interest=interest,
                    total=interest + penalty + fee,
                    balance_after=tx.amount,
                    penalty=penalty,
                    fee=fee,
                    carried=True,
                )
            )
        inst.rescheduled = inst.unpaid_total
        _mark_paid(inst, on)
    pos.interest_waived += alloc.interest_waived
    pos.rescheduled_on = on
    pos.transferred_out = tx.amount
    pos.recount()
    return alloc


def _write_off(pos: LoanPosition, on: date) -> Allocation:
    principal = pos.principal_outstanding
    other = pos.interest_outstanding + pos.penalty_outstanding + pos.fee_outstanding
    for inst in pos.installments:
        inst.written_off = inst.unpaid_total
    pos.written_off_on = on
    pos.written_off_principal = principal
    pos.written_off_other = other
    pos.recount()
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
    opened = [t.value_date for t in txs if t.kind in (TxKind.disbursement, TxKind.rescheduled_in)]
    start = min(opened) if opened else None
    pos = LoanPosition(installments=_states(installments, start), start_date=start)
    for tx in txs:
        apply_transaction(pos, tx, order=order, accrual=accrual)
    return pos


def apply_transaction(
    pos: LoanPosition,
    tx: LoanTransaction,
    *,
    order: Sequence[Component] = DEFAULT_ALLOCATION_ORDER,
    accrual: InterestAccrual = InterestAccrual.daily,
) -> None:
    """Apply one more transaction to a replayed position: what :func:`replay` would give with
    it included, provided it comes last in replay order (nothing dated after it)."""
    pos.allocations[tx.id] = _apply(pos, tx, order, accrual)
    pos.last_value_date = tx.value_date
    if pos.settled and pos.settled_on is None and not pos.written_off:
        pos.settled_on = tx.value_date
    elif not pos.settled:
        pos.settled_on = None
