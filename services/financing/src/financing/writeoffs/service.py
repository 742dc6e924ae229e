"""Writing a loan off, with four eyes: a fund officer or committee member proposes it with a
reason (the maker), a committee member who is another person approves or declines (the
checker). Approval moves the outstanding principal to write-off losses, forgives interest and
charges, and closes the loan; later money on it is a recovery
(:func:`financing.repayments.service.receive`)."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.arrears.service import business_date
from financing.errors import FourEyesViolation
from financing.ledger.funds import get_fund
from financing.loans.models import Loan, LoanTransactionRecord
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
from financing.writeoffs.models import WriteOffRequest
from financing.writeoffs.repository import WriteOffRepository
from kopmod_shared.auth import Principal, same_actor
from kopmod_shared.errors import BusinessRuleViolation, Conflict, InvalidTransition, NotFound
from kopmod_shared.events import EventType
from kopmod_shared.pagination import PageParams, Slice
from kopmod_shared.schemas.financing import WriteOffDecided


async def propose_write_off(
    session: AsyncSession, repo: LoanRepository, loan_id: UUID, *, reason: str, actor: str
) -> WriteOffRequest:
    """The maker's proposal: refused at once when the loan could not be written off now, or
    when another proposal on it awaits its decision."""
    book = await load_book(repo, loan_id, for_update=True)
    await check_event(repo, book, LoanEvent.write_off)
    if book.replay().principal_outstanding <= 0:
        raise BusinessRuleViolation("the loan has no principal outstanding to write off")
    pending = await WriteOffRepository(session).requests_of(loan_id)
    if any(r.status == "proposed" for r in pending):
        raise Conflict("a write-off of this loan is already proposed: decide that one first")
    request = WriteOffRequest(loan_id=loan_id, status="proposed", reason=reason, requested_by=actor)
    await repo.add(request)
    await session.flush()
    await emit_loan_event(
        session,
        EventType.LOAN_WRITE_OFF_PROPOSED,
        book.loan,
        {"write_off_id": str(request.id), "reason": reason, "proposed_by": actor},
    )
    return request


async def decide_write_off(
    session: AsyncSession,
    repo: LoanRepository,
    loan_id: UUID,
    request_id: UUID,
    *,
    approve: bool,
    note: str,
    principal: Principal,
) -> WriteOffRequest:
    """The checker's decision, by another person than the maker through any client
    (:func:`same_actor`); approval writes the loan off in the same transaction. Either way
    ``financing.loan.write_off_decided`` tells the proposer."""
    book = await load_book(repo, loan_id, for_update=True)
    request = await WriteOffRepository(session).request(loan_id, request_id)
    if request is None:
        raise NotFound(f"no write-off request {request_id} on loan {loan_id}")
    if request.status != "proposed":
        raise InvalidTransition(request.status, "decide", [])
    if same_actor(principal, request.requested_by):
        raise FourEyesViolation(
            f"{principal.actor} proposed this write-off and cannot decide it",
            proposed_by=request.requested_by,
        )
    request.decided_by, request.decided_at = principal.actor, datetime.now(UTC)
    request.decision_note = note
    if approve:
        _, record, _ = await write_off(
            session, repo, loan_id, reason=request.reason, actor=principal.actor
        )
        request.status, request.transaction_id = "approved", record.id
    else:
        request.status = "declined"
    await session.flush()
    # The proposer hears of it (the console tells them), in this transaction.
    decided = WriteOffDecided(
        loan_id=book.loan.id,
        fund_id=book.loan.fund_id,
        cooperative_id=book.loan.cooperative_id,
        write_off_id=request.id,
        status="approved" if approve else "declined",
        note=note,
        proposed_by=request.requested_by,
        decided_by=principal.actor,
    )
    await emit_loan_event(
        session,
        EventType.LOAN_WRITE_OFF_DECIDED,
        book.loan,
        decided.model_dump(mode="json", exclude={"loan_id", "fund_id", "cooperative_id"}),
    )
    return request


async def write_offs_of(
    repo: LoanRepository, loan_id: UUID, page: PageParams
) -> Slice[WriteOffRequest]:
    """A page of a loan's write-off requests, oldest first (404 for an unknown loan)."""
    await load_book(repo, loan_id)
    return await WriteOffRepository(repo.session).page_of(loan_id, page)


async def write_offs_of_fund(
    repo: LoanRepository, fund_id: UUID, status: str | None, page: PageParams
) -> tuple[Slice[WriteOffRequest], dict[UUID, Loan]]:
    """A page of a fund's write-off requests with their loans (404 for an unknown fund)."""
    await get_fund(repo.session, fund_id)
    rows, cursor = await WriteOffRepository(repo.session).page_of_fund(fund_id, status, page)
    return (rows, cursor), await repo.loans_by_id([r.loan_id for r in rows])


async def write_off(
    session: AsyncSession, repo: LoanRepository, loan_id: UUID, *, reason: str, actor: str
) -> tuple[LoanBook, LoanTransactionRecord, LoanPosition]:
    """The write-off itself, run by an approved request (:func:`decide_write_off`)."""
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
