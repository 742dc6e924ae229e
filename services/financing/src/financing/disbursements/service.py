"""Disbursing a signed agreement's tranches from the fund's cash, and undoing the last one while
nothing has been repaid. Cash checks serialise on the fund, then on the loan."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.arrears.service import business_date
from financing.errors import InsufficientFundCash
from financing.ledger.service import (
    Account,
    check_draw,
    draw_commitment,
    lock_fund,
    locked_cash,
    natural,
    reverse_entry,
    undraw_commitment,
)
from financing.loans.models import LoanTransactionRecord
from financing.loans.repository import LoanRepository
from financing.loans.service import (
    LoanBook,
    check_event,
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
from financing.replay.engine import MONEY_IN, ZERO, LoanPosition, TxKind
from financing.schedules.engine import ScheduleError
from kopmod_shared.deferred import deferred_inserts
from kopmod_shared.errors import BusinessRuleViolation, Conflict, NotFound, ValidationProblem
from kopmod_shared.events import EventType


async def disburse(
    session: AsyncSession,
    repo: LoanRepository,
    loan_id: UUID,
    *,
    amount: Decimal,
    value_date: date | None,
    reference: str | None,
    note: str | None,
    actor: str,
) -> tuple[LoanBook, LoanTransactionRecord, LoanPosition]:
    """Disburse one tranche of a signed agreement from the fund's cash."""
    # Cash checks serialise on the fund, then on the loan (the same order everywhere): both
    # locked in one statement, the fund found through the loan.
    book = await load_locked_book(repo, loan_id, disbursing=True)
    fund_id = book.loan.fund_id
    await check_event(repo, book, LoanEvent.disburse)
    if book.loan.rescheduled_from_id is not None:
        raise BusinessRuleViolation("a loan opened by a reschedule takes no disbursements")
    today = book.today or await business_date(repo.session, fund_id)
    day = value_date or today
    if day > today:
        raise ValidationProblem.for_field(
            "body.value_date", f"a disbursement cannot be dated after {today}", "future"
        )
    if day < book.loan.signed_at.date():
        raise ValidationProblem.for_field(
            "body.value_date", "a disbursement cannot be dated before the signing", "early"
        )
    tranches = book.active(TxKind.disbursement)
    if tranches and day < max(r.value_date for r in tranches):
        raise ValidationProblem.for_field(
            "body.value_date", "a tranche cannot be dated before the previous one", "order"
        )
    if len(tranches) >= book.loan.max_tranches:
        raise BusinessRuleViolation(
            f"the product allows {book.loan.max_tranches} tranche(s); all are disbursed"
        )
    disbursed = sum((r.amount for r in tranches), ZERO)
    remaining = book.loan.approved_amount - disbursed
    if amount > remaining:
        raise BusinessRuleViolation(
            f"disbursing {amount} exceeds what remains approved ({remaining})",
            approved=money_text(book.loan.approved_amount),
            disbursed=money_text(disbursed),
            remaining=money_text(remaining),
        )
    locked = book.locked
    if locked is not None and locked.cash is not None:  # read with the loan, under the lock
        cash = natural(Account.cash, locked.cash, ZERO)
    else:
        cash = await locked_cash(session, fund_id)
    if amount > cash:
        raise InsufficientFundCash(
            f"disbursing {amount} needs more than the fund's cash {cash}",
            cash=money_text(cash),
            requested=money_text(amount),
        )
    reference_free(book, reference)
    queue = deferred_inserts(session)
    if locked is not None and locked.cash is not None and queue is not None:
        # Read with the loan under both locks: drawn in the request's one write statement.
        commitment = check_draw(locked.commitment, loan_id=loan_id, amount=amount)
        repo.queue_draw(queue, commitment, amount)
    elif not await repo.draw_commitment(loan_id, amount):
        await draw_commitment(session, loan_id=loan_id, amount=amount)  # says why it cannot
    record = new_transaction(
        book, TxKind.disbursement, day, amount, actor, reference=reference, note=note
    )
    # Written once, with its journal entry, when the loan settles.
    record.seq = book.next_seq()
    try:
        book.installments()
    except ScheduleError as exc:
        raise BusinessRuleViolation(f"the schedule cannot take this tranche: {exc}") from exc
    position, _entry = await settle(
        session,
        repo,
        book,
        event=LoanEvent.disburse,
        target=LoanState.active,
        today=today,
        entry_kind="disbursement",
        memo=f"tranche {len(tranches) + 1} of loan {loan_id}",
        entry_date=day,
        actor=actor,
        reference=reference,
        record=record,
    )
    await emit_loan_event(
        session,
        EventType.LOAN_DISBURSED,
        book.loan,
        {
            "transaction_id": str(record.id),
            "tranche": len(tranches) + 1,
            "amount": money_text(amount),
            "value_date": str(day),
            "disbursed_total": money_text(position.disbursed),
        },
    )
    await flush(session)
    return book, record, position


async def undo_last_disbursement(
    session: AsyncSession, repo: LoanRepository, loan_id: UUID, *, reason: str, actor: str
) -> tuple[LoanBook, LoanTransactionRecord, LoanPosition]:
    """Reverse the latest tranche while nothing has been repaid (a reversing entry, no delete)."""
    loan = await repo.loan(loan_id)
    if loan is None:
        raise NotFound(f"no loan {loan_id}")
    await lock_fund(session, loan.fund_id)
    book = await load_book(repo, loan_id, for_update=True)
    await check_event(repo, book, LoanEvent.undo_disbursement)
    if book.loan.rescheduled_from_id is not None:
        raise BusinessRuleViolation("a loan opened by a reschedule has no disbursement to undo")
    if any(TxKind(r.kind) in MONEY_IN for r in book.active()):
        raise BusinessRuleViolation("money has been repaid: a disbursement can no longer be undone")
    tranches = book.active(TxKind.disbursement)
    if not tranches:
        raise Conflict("the loan has no disbursement to undo")
    last = max(tranches, key=lambda r: (r.value_date, r.seq))
    today = await business_date(repo.session, loan.fund_id)
    now = datetime.now(UTC)
    if len(tranches) == 1:
        # With no tranche left there is no schedule for charges to sit on.
        for record in book.active():
            if record.kind in (TxKind.penalty_charge.value, TxKind.fee_charge.value):
                record.reversed_at, record.reversed_by = now, actor
                record.reversal_reason = "disbursement undone"
    last.reversed_at, last.reversed_by, last.reversal_reason = now, actor, reason
    if last.journal_entry_id is not None:
        mirror = await reverse_entry(
            session,
            entry_id=last.journal_entry_id,
            entry_date=max(today, last.value_date),
            memo=f"undo tranche of loan {loan_id}: {reason}",
            created_by=actor,
        )
        last.reversal_entry_id = mirror.id
    await undraw_commitment(session, loan_id=loan_id, amount=last.amount)
    target = LoanState.active if len(tranches) > 1 else LoanState.pending_disbursement
    position, _ = await settle(
        session,
        repo,
        book,
        event=LoanEvent.undo_disbursement,
        target=target,
        today=today,
        entry_kind="disbursement_undo_adjustment",
        memo=f"undo tranche of loan {loan_id}",
        entry_date=max(today, last.value_date),
        actor=actor,
    )
    return book, last, position
