"""The loan as every command and read sees it, and the path every command ends on.

A :class:`LoanBook` is a loan with its transactions, ready to replay
(:mod:`financing.replay.engine`): its schedule is rebuilt from the tranches disbursed (or from
the principal a reschedule's successor opened with, after any opening arrears). Every command
locks what it spends or changes (the fund for cash checks, then the loan), records its
transaction, and then :func:`settle`: replay, move the loan along the state table
(:mod:`financing.loans.states`), book the difference between what the replay says the loan's
accounts should hold and what the ledger holds for it as ONE balanced journal entry, refresh the
``loan_accounts`` snapshot and write the outbox events, all in the request's transaction. Books
therefore always equal the replay, also after a backdated payment or a reversal moved money
between installments."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from financing.arrears.ageing import Arrears, arrears
from financing.ledger.models import JournalEntry
from financing.ledger.service import (
    Account,
    Line,
    Posting,
    entry_of,
    post_entry,
    release_commitment,
)
from financing.loans import states
from financing.loans.locked_reads import LockedRead
from financing.loans.models import Loan, LoanAccount, LoanTransactionRecord
from financing.loans.repository import LoanRepository
from financing.loans.state import flush, refresh_account, write_allocations
from financing.loans.states import LoanEvent, LoanState
from financing.models import outbox_events
from financing.replay.engine import (
    ZERO,
    InstallmentLike,
    InterestAccrual,
    LoanPosition,
    LoanTransaction,
    ReplayError,
    ScheduledInstallment,
    TxKind,
    allocation_order,
    apply_transaction,
    replay,
)
from financing.schedules.engine import (
    Frequency,
    Installment,
    InterestMethod,
    Tranche,
    build_schedule,
)
from kopmod_shared.auth import Principal, Role
from kopmod_shared.deferred import deferred_inserts
from kopmod_shared.errors import Conflict, InvalidTransition, NotFound, ValidationProblem
from kopmod_shared.events import EventType
from kopmod_shared.ids import new_id
from kopmod_shared.money import MONEY
from kopmod_shared.outbox import emit

SOURCE = "financing"


# The interest a payoff owes for the running period; products have no setting for it yet.
ACCRUAL = InterestAccrual.daily


def money_text(amount: Decimal) -> str:
    return MONEY.format(amount)


@dataclass
class LoanBook:
    """A loan with its transactions, ready to replay."""

    loan: Loan
    records: list[LoanTransactionRecord]
    # The schedule depends only on the tranches in force: built once for them.
    _schedule_cache: tuple[tuple[Any, ...], list[InstallmentLike]] | None = field(
        default=None, repr=False
    )
    # What :func:`load_locked_book` read with the transactions (business date, account, ledger
    # sums, ``now()``), used once by :func:`settle`, which clears it.
    locked: LockedRead | None = field(default=None, repr=False)
    # The fund's business date as :func:`load_locked_book` read it (None: no row, or not read
    # so): the command's rules and its answer use it instead of asking the session twice more.
    # It moves only by end of day, whose writes wait for the locks the command holds.
    today: date | None = field(default=None, repr=False)

    @property
    def state(self) -> LoanState:
        return LoanState(self.loan.status)

    @property
    def order(self) -> Any:
        return allocation_order(self.loan.allocation_order)

    def active(self, kind: TxKind | None = None) -> list[LoanTransactionRecord]:
        return [
            r
            for r in self.records
            if r.reversed_at is None and (kind is None or r.kind == kind.value)
        ]

    def transactions(self) -> list[LoanTransaction]:
        return [
            LoanTransaction(
                id=r.id,
                kind=TxKind(r.kind),
                value_date=r.value_date,
                amount=r.amount,
                sequence=r.seq,
                reversed=r.reversed_at is not None,
                installment_number=r.installment_number,
            )
            for r in self.records
        ]

    def _schedule(self, tranches: list[Tranche], tenor: int, grace: int) -> list[Installment]:
        loan = self.loan
        return build_schedule(
            tranches=tranches,
            annual_rate=loan.annual_rate,
            tenor_periods=tenor,
            frequency=Frequency(loan.frequency),
            method=InterestMethod(loan.method),
            grace_periods=grace,
            # A first tranche later than the agreed first due date falls back to one period on.
            first_due_date=(
                loan.first_due_date if min(t.date for t in tranches) < _first_due(loan) else None
            ),
            rounding=loan.rounding,
        )

    def installments(self) -> list[InstallmentLike]:
        """A successor's opening arrears first, then the schedule over the disbursed tranches
        (or over the principal a successor opened with)."""
        shaping = tuple(
            (r.kind, r.value_date, r.amount)
            for r in self.active()
            if r.kind in (TxKind.disbursement.value, TxKind.rescheduled_in.value)
        )
        if self._schedule_cache is not None and self._schedule_cache[0] == shaping:
            return self._schedule_cache[1]
        installments = self._build_installments()
        self._schedule_cache = (shaping, installments)
        return installments

    def _build_installments(self) -> list[InstallmentLike]:
        tranches = [
            Tranche(r.value_date, r.amount)
            for r in self.active()
            if r.kind in (TxKind.disbursement.value, TxKind.rescheduled_in.value)
        ]
        if not tranches:
            return []
        out: list[InstallmentLike] = opening_installments(self.loan)
        schedule = self._schedule(tranches, self.loan.tenor_periods, self.loan.grace_periods)
        if not out:  # numbered from 1 already (frozen: nothing to copy)
            out.extend(schedule)
            return out
        first = len(out) + 1
        for n, i in enumerate(schedule):
            out.append(dataclasses.replace(i, number=first + n))
        return out

    def replay(self, until: date | None = None) -> LoanPosition:
        try:
            return replay(
                self.installments(),
                self.transactions(),
                order=self.order,
                accrual=ACCRUAL,
                until=until,
            )
        except ReplayError as exc:
            raise Conflict(str(exc)) from exc

    def apply(self, position: LoanPosition, record: LoanTransactionRecord) -> None:
        """Add ``record`` (flushed, last in replay order) to a position replayed from this
        book: the position :meth:`replay` would give, without replaying the history again."""
        tx = LoanTransaction(
            id=record.id,
            kind=TxKind(record.kind),
            value_date=record.value_date,
            amount=record.amount,
            sequence=record.seq,
            installment_number=record.installment_number,
        )
        try:
            apply_transaction(position, tx, order=self.order, accrual=ACCRUAL)
        except ReplayError as exc:
            raise Conflict(str(exc)) from exc

    def next_seq(self) -> int:
        """A ``seq`` after every transaction the book holds, for a new transaction replayed
        before Postgres numbers it: its own number will be higher still (an identity is
        monotonic, and the loan's lock keeps other transactions of the loan out meanwhile), so
        the replay order is the same."""
        return max((r.seq for r in self.records if r.seq is not None), default=0) + 1

    def arrears(self, position: LoanPosition, as_of: date) -> Arrears:
        return arrears(position, as_of, tolerance_days=self.loan.arrears_tolerance_days)


def opening_installments(loan: Loan) -> list[InstallmentLike]:
    """A successor loan's opening arrears as installments 1..n (see ``Loan.opening_arrears``)."""
    out: list[InstallmentLike] = []
    for n, row in enumerate(loan.opening_arrears or [], start=1):
        interest, penalty, fee = (Decimal(row[k]) for k in ("interest", "penalty", "fee"))
        out.append(
            ScheduledInstallment(
                number=n,
                due_date=date.fromisoformat(row["due_date"]),
                principal=ZERO,
                interest=interest,
                total=interest + penalty + fee,
                balance_after=ZERO,
                penalty=penalty,
                fee=fee,
                carried=True,
            )
        )
    return out


def _first_due(loan: Loan) -> date:
    return loan.first_due_date or date.max


async def load_book(repo: LoanRepository, loan_id: UUID, *, for_update: bool = False) -> LoanBook:
    loan = await repo.loan(loan_id, for_update=for_update)
    if loan is None:
        raise NotFound(f"no loan {loan_id}")
    return await book_for(repo, loan)


async def load_locked_book(
    repo: LoanRepository, loan_id: UUID, *, disbursing: bool = False
) -> LoanBook:
    """The loan locked ``FOR UPDATE``, then in ONE statement its transactions with what the
    command needs besides (business date, account, ledger sums): two round trips where each
    read was one. ``disbursing``: the loan's fund is locked first, in the loan's locking
    statement, and the read has the fund's cash and the loan's commitment and makes a loan
    pending disbursement active (``loan.status`` still says what it was; :func:`settle`)."""
    if disbursing:
        loan = await repo.lock_fund_and_loan(loan_id)
    else:
        loan = await repo.loan(loan_id, for_update=True)
    if loan is None:
        raise NotFound(f"no loan {loan_id}")
    locked = await repo.locked_read(loan.id, loan.fund_id, disbursing=disbursing)
    day = locked.business_date.business_date if locked.business_date is not None else None
    return LoanBook(loan=loan, records=locked.records, locked=locked, today=day)


async def book_for(repo: LoanRepository, loan: Loan) -> LoanBook:
    return LoanBook(loan=loan, records=await repo.transactions(loan.id))


def visible_to(loan: Loan, principal: Principal) -> bool:
    """Fund staff and partners see every loan; a cooperative only its own."""
    if principal.role is Role.cooperative:
        return principal.org_id == loan.cooperative_id
    return principal.role in {
        Role.fund_officer,
        Role.fund_committee,
        Role.partner,
        Role.service,
    }


async def readable_book(repo: LoanRepository, loan_id: UUID, principal: Principal) -> LoanBook:
    book = await load_book(repo, loan_id)
    if not visible_to(book.loan, principal):
        # Another organisation's loan does not exist for this caller.
        raise NotFound(f"no loan {loan_id}")
    return book


def expected_balances(position: LoanPosition) -> dict[Account, Decimal]:
    """What the loan's accounts should hold (debit positive) for this replayed position.

    Cash balances the rest, except for principal moved between loans by a reschedule: that
    moves loans receivable from the closed loan to its successor, never cash.
    """
    others = {
        Account.loans_receivable: position.principal_outstanding,
        Account.interest_income: -(position.interest_paid + position.capitalised_interest),
        Account.penalty_income: -(position.penalty_paid + position.capitalised_penalty),
        Account.fee_income: -(position.fee_paid + position.capitalised_fee),
        Account.overpayments: -position.overpayment,
        Account.writeoff_losses: position.written_off_principal,
        Account.recovery_income: -position.recovered,
    }
    moved = position.transferred_out - position.transferred_in
    return {Account.cash: -(sum(others.values(), ZERO) + moved), **others}


async def ledger_lines(repo: LoanRepository, book: LoanBook, position: LoanPosition) -> list[Line]:
    """The lines that make the ledger hold for the loan what the replay says (may be none)."""
    if book.locked is not None:
        booked = book.locked.ledger
    else:
        booked = await repo.loan_ledger_sums(book.loan.id)
    lines = []
    for account, wanted in expected_balances(position).items():
        diff = wanted - booked.get(account.value, ZERO)
        if diff > 0:
            lines.append(Line(account, debit=diff, loan_id=book.loan.id))
        elif diff < 0:
            lines.append(Line(account, credit=-diff, loan_id=book.loan.id))
    return lines


@dataclass(frozen=True)
class LoanRef:
    """What a loan event names of its loan, when the loan itself was not loaded (end of day)."""

    id: UUID
    fund_id: UUID
    cooperative_id: UUID


async def emit_loan_event(
    session: AsyncSession, type_: str, loan: Loan | LoanRef, data: dict[str, Any]
) -> None:
    await emit(
        session,
        outbox_events,
        source=SOURCE,
        type=type_,
        subject=loan.id,
        # The cooperative's own webhook subscriptions receive its loan's events.
        parties=[loan.cooperative_id],
        data={
            "loan_id": str(loan.id),
            "fund_id": str(loan.fund_id),
            "cooperative_id": str(loan.cooperative_id),
            **data,
        },
    )


async def settle(
    session: AsyncSession,
    repo: LoanRepository,
    book: LoanBook,
    *,
    event: LoanEvent,
    target: LoanState | None,
    today: date,
    entry_kind: str,
    memo: str,
    entry_date: date,
    actor: str,
    reference: str | None = None,
    record: LoanTransactionRecord | None = None,
) -> tuple[LoanPosition, JournalEntry | None]:
    """Replay, move the state, book the ledger difference, refresh the snapshot, emit.

    ``record``, the command's new transaction not yet written, is written once, with its
    allocation and its journal entry's id, together with the entry and its lines: in the
    request's one write statement before the commit when the request defers its write-only
    rows and the book was read by :func:`load_locked_book` (its account row then too). The
    entry is answered only when it was written through the session."""
    position = book.replay()
    if target is None:
        target = states.state_from_position(position)
    previous = book.state
    status = states.transition(previous, event, target).value
    if status != book.loan.status:  # else the loan stays clean: no unit of work at the flushes
        if book.locked is not None and book.locked.activated and status == LoanState.active:
            # The disbursement's read wrote it already: no UPDATE at the flush, and the loan
            # not even marked changed.
            set_committed_value(book.loan, "status", status)
        else:
            book.loan.status = status
    # Book, as one balanced entry, whatever the ledger lacks to match the replay.
    lines = await ledger_lines(repo, book, position)
    posting = (
        Posting(
            fund_id=book.loan.fund_id,
            entry_date=entry_date,
            kind=entry_kind,
            memo=memo,
            lines=lines,
            loan_id=book.loan.id,
            reference=reference,
            created_by=actor,
        )
        if lines
        else None
    )
    entry = None
    if record is None:
        if posting is not None:
            entry = await post_entry(session, posting)
    else:
        # The entry's id is made before anything is written, so the transaction row carries
        # it from its insert on (no update after); the entry is written with the transaction.
        rows = posting.rows() if posting is not None else None
        record.journal_entry_id = rows[0]["id"] if rows is not None else None
        write_allocations([record], position)
        locked = book.locked
        queue = deferred_inserts(session)
        if locked is not None and queue is not None:
            repo.queue_new_transaction(queue, record, rows, now=locked.now)
        else:
            entry = entry_of(rows) if rows is not None else None
            await repo.write_new_transaction(record, entry)
    before, state = await refresh_account(
        session, repo, book, position, today, closed_on=position.settled_on or today
    )
    book.locked = None
    new_state = LoanState(book.loan.status)
    if new_state.closed and not previous.closed:
        # Whatever approval is still undrawn goes back to what the fund can lend.
        await release_commitment(session, loan_id=book.loan.id)
        if new_state is LoanState.closed_obligations_met:
            await emit_loan_event(
                session,
                EventType.LOAN_CLOSED,
                book.loan,
                {
                    "status": new_state.value,
                    "reason": "obligations_met",
                    "closed_on": str(position.settled_on or today),
                },
            )
    if previous.closed and not new_state.closed:
        # Only a reversal reopens a loan (of the payment that closed it).
        await emit_loan_event(
            session,
            EventType.LOAN_REOPENED,
            book.loan,
            {
                "from_status": previous.value,
                "status": new_state.value,
                "reopened_on": str(today),
                "reason": memo,
                "principal_outstanding": money_text(position.principal_outstanding),
                "total_outstanding": money_text(position.total_outstanding),
            },
        )
    if not new_state.closed and before != int(state.collectibility):
        await emit_class_change(session, book.loan, before, state)
    await flush(session)
    return position, entry


async def emit_class_change(
    session: AsyncSession, loan: Loan | LoanRef, before: int, state: Arrears
) -> None:
    await emit_loan_event(
        session,
        EventType.LOAN_OVERDUE,
        loan,
        {
            "as_of": str(state.as_of),
            "days_past_due": state.days_past_due,
            "from_class": before,
            "to_class": int(state.collectibility),
            "collectibility_label": state.collectibility.label,
            "overdue_principal": money_text(state.overdue_principal),
            "overdue_interest": money_text(state.overdue_interest),
        },
    )


async def check_event(repo: LoanRepository, book: LoanBook, event: LoanEvent) -> None:
    """:func:`states.check`, naming the successor when the loan was closed by a reschedule."""
    if book.state is LoanState.closed_rescheduled:
        successor = await repo.successor_id(book.loan.id)
        error = InvalidTransition(book.state.value, event.value, [])
        error.detail = f"{error.detail}; the loan continues as loan {successor}"
        error.extra["successor_loan_id"] = str(successor) if successor else None
        raise error
    states.check(book.state, event)


def check_value_date(requested: date | None, today: date, book: LoanBook, what: str) -> date:
    day = requested or today
    if day > today:
        raise ValidationProblem.for_field(
            "body.value_date", f"{what} cannot be dated after the business date {today}", "future"
        )
    opened = [
        r.value_date
        for r in book.active()
        if r.kind in (TxKind.disbursement.value, TxKind.rescheduled_in.value)
    ]
    if opened and day < min(opened):
        raise ValidationProblem.for_field(
            "body.value_date",
            f"{what} cannot be dated before the first disbursement ({min(opened)})",
            "early",
        )
    return day


def new_transaction(
    book: LoanBook,
    kind: TxKind,
    value_date: date,
    amount: Decimal,
    actor: str,
    *,
    reference: str | None = None,
    installment_number: int | None = None,
    note: str | None = None,
) -> LoanTransactionRecord:
    record = LoanTransactionRecord(
        id=new_id(),
        loan_id=book.loan.id,
        fund_id=book.loan.fund_id,
        kind=kind.value,
        value_date=value_date,
        amount=amount,
        external_reference=reference,
        installment_number=installment_number,
        note=note,
        created_by=actor,
    )
    book.records.append(record)
    return record


def by_reference(book: LoanBook, reference: str) -> LoanTransactionRecord | None:
    """The loan's transaction with ``reference`` (the book holds every one, reversed included)."""
    return next((r for r in book.records if r.external_reference == reference), None)


def reference_free(book: LoanBook, reference: str | None) -> None:
    if reference is not None and by_reference(book, reference) is not None:
        raise Conflict(f"reference {reference} is already recorded on this loan", field="reference")


async def page_of_loans(
    repo: LoanRepository,
    principal: Principal,
    *,
    limit: int,
    after: tuple[datetime, UUID] | None,
    fund_id: UUID | None,
    cooperative_id: UUID | None,
    status: LoanState | None,
) -> Sequence[tuple[Loan, LoanAccount | None]]:
    """Loans with their snapshots, newest first, ``limit + 1`` rows (the extra one tells there
    is a next page). A cooperative sees only its own, whatever it filters by."""
    if principal.role is Role.cooperative:
        cooperative_id = principal.org_id
    return await repo.page_loans(
        limit=limit,
        after=after,
        fund_id=fund_id,
        cooperative_id=cooperative_id,
        status=status.value if status else None,
    )


async def successors_of(repo: LoanRepository, loans: Iterable[Loan]) -> dict[UUID, UUID]:
    """The loan that continues each of ``loans`` closed by a reschedule."""
    return await repo.successor_ids(
        [loan.id for loan in loans if loan.status == LoanState.closed_rescheduled.value]
    )
