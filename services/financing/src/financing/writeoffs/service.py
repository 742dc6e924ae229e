"""Writing a loan off: its outstanding principal moves to write-off losses, interest and
charges are forgiven, and the loan closes; later money on it is a recovery
(:func:`financing.repayments.service.receive`)."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.arrears.service import business_date
from financing.loans.models import LoanTransactionRecord
from financing.loans.repository import LoanRepository
from financing.loans.service import (
    LoanBook,
    check_event,
    emit_loan_event,
    load_book,
    money_text,
    new_transaction,
    settle,
)
from financing.loans.states import LoanEvent, LoanState
from financing.replay.engine import LoanPosition, TxKind
from kopmod_shared.errors import BusinessRuleViolation
from kopmod_shared.events import EventType


async def write_off(
    session: AsyncSession, repo: LoanRepository, loan_id: UUID, *, reason: str, actor: str
) -> tuple[LoanBook, LoanTransactionRecord, LoanPosition]:
    book = await load_book(repo, loan_id, for_update=True)
    await check_event(repo, book, LoanEvent.write_off)
    today = await business_date(repo.session, book.loan.fund_id)
    outstanding = book.replay().principal_outstanding
    if outstanding <= 0:
        raise BusinessRuleViolation("the loan has no principal outstanding to write off")
    record = new_transaction(book, TxKind.write_off, today, outstanding, actor, note=reason)
    await repo.add(record)
    position, entry = await settle(
        session,
        repo,
        book,
        event=LoanEvent.write_off,
        target=LoanState.closed_written_off,
        today=today,
        entry_kind="write_off",
        memo=f"write-off of loan {loan_id}: {reason}",
        entry_date=today,
        actor=actor,
    )
    record.journal_entry_id = entry.id if entry is not None else None
    await emit_loan_event(
        session,
        EventType.LOAN_WRITTEN_OFF,
        book.loan,
        {
            "transaction_id": str(record.id),
            "on": str(today),
            "principal": money_text(position.written_off_principal),
            "interest_and_charges": money_text(position.written_off_other),
            "reason": reason,
        },
    )
    await session.flush()
    return book, record, position
