"""Money in and its corrections: repayments, payoff and recovery (one path, :func:`receive`),
overpayment refunds, fees, reversals, and the payoff quote.

A repayment is allocated by replaying the loan (oldest installment first, in the product's
allocation order); a backdated one or a reversal replays the loan in date order and reprices the
penalties of closed days. The paying partner's reference identifies a payment: the same reference
twice is the same payment. Fees, like end-of-day penalties, are booked only when paid
(cash-based accounting)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.arrears.service import business_date, reprice_closed_days
from financing.ledger.service import reverse_entry
from financing.loans import states
from financing.loans.models import Loan, LoanTransactionRecord
from financing.loans.quotes import PayoffQuote, payoff_quote
from financing.loans.repository import LoanRepository
from financing.loans.service import (
    ACCRUAL,
    LoanBook,
    by_reference,
    check_event,
    check_value_date,
    emit_loan_event,
    load_book,
    load_locked_book,
    money_text,
    new_transaction,
    reference_free,
    settle,
)
from financing.loans.state import flush
from financing.loans.states import LoanEvent, LoanState
from financing.replay.engine import MONEY_IN, LoanPosition, TxKind
from kopmod_shared.errors import (
    BusinessRuleViolation,
    Conflict,
    InvalidTransition,
    NotFound,
    ValidationProblem,
)
from kopmod_shared.events import EventType


async def _existing_reference(
    repo: LoanRepository,
    book: LoanBook,
    reference: str,
    *,
    kind: TxKind,
    amount: Decimal,
    value_date: date | None,
    charge_kind: str | None = None,
) -> LoanTransactionRecord | None:
    record = by_reference(book, reference)
    if record is None:
        return None
    same = (
        record.kind == kind.value
        and record.amount == amount
        and (value_date is None or value_date == record.value_date)
    )
    if not same or record.charge_kind != charge_kind:
        raise Conflict(
            f"reference {reference} is already recorded on this loan for a different "
            + ("payment" if kind in MONEY_IN else "transaction"),
            transaction_id=str(record.id),
        )
    return record


async def receive(
    session: AsyncSession,
    repo: LoanRepository,
    loan_id: UUID,
    *,
    kind: TxKind,
    amount: Decimal,
    reference: str,
    value_date: date | None,
    actor: str,
    may_see: Callable[[Loan], bool] | None = None,
) -> tuple[LoanBook, LoanTransactionRecord, LoanPosition, bool]:
    """A repayment, payoff or recovery; the same reference twice is the same payment.

    ``may_see`` (the caller's view of the loan, checked once it is loaded) answers 404 for a
    loan the caller may not see, so the loan and its transactions are read once.
    """
    book = await load_locked_book(repo, loan_id)
    if may_see is not None and not may_see(book.loan):
        raise NotFound(f"no loan {loan_id}")
    existing = await _existing_reference(
        repo, book, reference, kind=kind, amount=amount, value_date=value_date
    )
    if existing is not None:
        return book, existing, book.replay(), True
    event = LoanEvent.recover if kind is TxKind.recovery else LoanEvent.repay
    await check_event(repo, book, event)
    today = book.today or await business_date(repo.session, book.loan.fund_id)
    what = kind.value.replace("_", " ")
    day = check_value_date(value_date, today, book, f"a {what}")
    target: LoanState | None = None
    if kind is TxKind.payoff:
        quote = payoff_quote(book.replay(), day, ACCRUAL)
        if amount < quote.total:
            raise BusinessRuleViolation(
                f"a payoff on {day} needs {quote.total}",
                quote_total=money_text(quote.total),
            )
    if kind is TxKind.recovery:
        target = LoanState.closed_written_off
    record = new_transaction(book, kind, day, amount, actor, reference=reference)
    backdated = day < today
    if backdated:
        # Repricing reads and writes the loan's transactions: this one is among them, written.
        book.locked = None
        await repo.add(record)
        await reprice_closed_days(repo, book, day, today, actor)
    else:
        # Written once, with its allocation and journal entry, when the loan settles.
        record.seq = book.next_seq()
    position, entry = await settle(
        session,
        repo,
        book,
        event=event,
        target=target,
        today=today,
        entry_kind=kind.value,
        memo=f"{what} {reference} on loan {loan_id}",
        entry_date=day,
        actor=actor,
        reference=reference,
        record=None if backdated else record,
    )
    if backdated:
        record.journal_entry_id = entry.id if entry is not None else None
    allocation = position.allocations[record.id]
    await emit_loan_event(
        session,
        EventType.REPAYMENT_RECEIVED,
        book.loan,
        {
            "transaction_id": str(record.id),
            "kind": kind.value,
            "external_reference": reference,
            "amount": money_text(amount),
            "value_date": str(day),
            "principal": money_text(allocation.principal),
            "interest": money_text(allocation.interest),
            "penalty": money_text(allocation.penalty),
            "fee": money_text(allocation.fee),
            "overpayment": money_text(allocation.overpayment),
            "recovered": money_text(allocation.recovered),
            "principal_outstanding": money_text(position.principal_outstanding),
        },
    )
    await flush(session)
    return book, record, position, False


async def refund_overpayment(
    session: AsyncSession,
    repo: LoanRepository,
    loan_id: UUID,
    *,
    amount: Decimal,
    reference: str | None,
    actor: str,
) -> tuple[LoanBook, LoanTransactionRecord, LoanPosition]:
    book = await load_book(repo, loan_id, for_update=True)
    await check_event(repo, book, LoanEvent.refund_overpayment)
    today = await business_date(repo.session, book.loan.fund_id)
    overpayment = book.replay().overpayment
    if amount > overpayment:
        raise BusinessRuleViolation(
            f"refund {amount} is above the overpayment {overpayment}",
            overpayment=money_text(overpayment),
        )
    reference_free(book, reference)
    record = new_transaction(
        book, TxKind.overpayment_refund, today, amount, actor, reference=reference
    )
    await repo.add(record)
    position, entry = await settle(
        session,
        repo,
        book,
        event=LoanEvent.refund_overpayment,
        target=None,
        today=today,
        entry_kind="overpayment_refund",
        memo=f"overpayment refund on loan {loan_id}",
        entry_date=today,
        actor=actor,
        reference=reference,
    )
    record.journal_entry_id = entry.id if entry is not None else None
    return book, record, position


async def charge_fee(
    session: AsyncSession,
    repo: LoanRepository,
    loan_id: UUID,
    *,
    amount: Decimal,
    fee_kind: str,
    reason: str,
    reference: str,
    value_date: date | None,
    actor: str,
    may_see: Callable[[Loan], bool] | None = None,
) -> tuple[LoanBook, LoanTransactionRecord, LoanPosition, bool]:
    """Charge a fee to an active loan; the same reference twice is the same charge.

    The fee sits on the oldest installment in arrears on its value date (else the one running
    then) and later repayments pay it in the product's allocation order. Cash-based accounting,
    as for end-of-day penalties: nothing is booked until it is paid (then to fee income)."""
    book = await load_book(repo, loan_id, for_update=True)
    existing = await _existing_reference(
        repo,
        book,
        reference,
        kind=TxKind.fee_charge,
        amount=amount,
        value_date=value_date,
        charge_kind=fee_kind,
    )
    if existing is not None:
        return book, existing, book.replay(), True
    await check_event(repo, book, LoanEvent.charge)
    today = await business_date(repo.session, book.loan.fund_id)
    day = check_value_date(value_date, today, book, "a fee")
    record = new_transaction(
        book, TxKind.fee_charge, day, amount, actor, reference=reference, note=reason
    )
    record.charge_kind = fee_kind
    await repo.add(record)
    if day < today:
        await reprice_closed_days(repo, book, day, today, actor)
    position, entry = await settle(
        session,
        repo,
        book,
        event=LoanEvent.charge,
        target=None,
        today=today,
        entry_kind="fee_charge",
        memo=f"{fee_kind} fee {reference} on loan {loan_id}",
        entry_date=day,
        actor=actor,
        reference=reference,
    )
    record.journal_entry_id = entry.id if entry is not None else None
    await emit_loan_event(
        session,
        EventType.FEE_CHARGED,
        book.loan,
        {
            "transaction_id": str(record.id),
            "fee_kind": fee_kind,
            "reason": reason,
            "external_reference": reference,
            "amount": money_text(amount),
            "value_date": str(day),
            "fee_outstanding": money_text(position.fee_outstanding),
        },
    )
    await session.flush()
    return book, record, position, False


REVERSIBLE = frozenset(
    {
        TxKind.repayment,
        TxKind.payoff,
        TxKind.recovery,
        TxKind.penalty_charge,
        TxKind.fee_charge,
        TxKind.overpayment_refund,
    }
)


async def reverse(
    session: AsyncSession,
    repo: LoanRepository,
    loan_id: UUID,
    transaction_id: UUID,
    *,
    reason: str,
    actor: str,
) -> tuple[LoanBook, LoanTransactionRecord, LoanPosition]:
    """Reverse a repayment or charge: the loan is replayed without it (never deleted)."""
    book = await load_book(repo, loan_id, for_update=True)
    record = next((r for r in book.records if r.id == transaction_id), None)
    if record is None:
        raise NotFound(f"no transaction {transaction_id} on loan {loan_id}")
    if record.reversed_at is not None:
        raise Conflict(f"transaction {transaction_id} is already reversed")
    kind = TxKind(record.kind)
    if kind not in REVERSIBLE:
        raise BusinessRuleViolation(
            f"a {kind.value} cannot be reversed"
            + (": undo the last disbursement instead" if kind is TxKind.disbursement else "")
        )
    if book.state is LoanState.closed_rescheduled:
        successor = await repo.successor_id(book.loan.id)
        raise Conflict(
            f"loan {loan_id} was rescheduled into loan {successor}: its transactions are final. "
            f"Reversing this {kind.value} would change the principal and arrears already moved "
            "to the successor; record the correction on the successor loan instead",
            successor_loan_id=str(successor) if successor else None,
        )
    event = LoanEvent.recover if kind is TxKind.recovery else LoanEvent.reverse
    states.check(book.state, event)
    today = await business_date(repo.session, book.loan.fund_id)
    record.reversed_at = datetime.now(UTC)
    record.reversed_by = actor
    record.reversal_reason = reason
    if record.journal_entry_id is not None:
        mirror = await reverse_entry(
            session,
            entry_id=record.journal_entry_id,
            entry_date=max(today, record.value_date),
            memo=f"reversal of {kind.value} {record.id}: {reason}",
            created_by=actor,
        )
        record.reversal_entry_id = mirror.id
    await session.flush()
    await reprice_closed_days(repo, book, record.value_date, today, actor)
    target = LoanState.closed_written_off if kind is TxKind.recovery else None
    position, _ = await settle(
        session,
        repo,
        book,
        event=event,
        target=target,
        today=today,
        entry_kind="reallocation",
        memo=f"replay after reversing {kind.value} {record.id}",
        entry_date=max(today, record.value_date),
        actor=actor,
    )
    return book, record, position


async def quote(repo: LoanRepository, book: LoanBook, on: date | None) -> PayoffQuote:
    today = await business_date(repo.session, book.loan.fund_id)
    if book.state not in (LoanState.active, LoanState.overpaid):
        if book.state is LoanState.closed_rescheduled:
            await check_event(repo, book, LoanEvent.repay)  # names the successor
        raise InvalidTransition(
            book.state.value, "quote a payoff", states.allowed_events(book.state)
        )
    try:
        return payoff_quote(book.replay(), on or today, ACCRUAL)
    except ValueError as exc:
        raise ValidationProblem.for_field("query.on", str(exc), "early") from exc
