"""Servicing commands and reads: the rules, no SQL.

Every command follows the same path: lock what it spends or changes (the fund for cash checks,
then the loan), record the transaction, replay the loan from its schedule and all its
transactions (:mod:`financing.servicing.engine`), move the loan along the state table, and book
the difference between what the replay says the loan's accounts should hold and what the ledger
holds for it as ONE balanced journal entry. Books therefore always equal the replay, also after
a backdated payment or a reversal moved money between installments.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.errors import FourEyesViolation, InsufficientFundCash
from financing.ledger.models import JournalEntry
from financing.ledger.service import (
    Account,
    Line,
    balance,
    draw_commitment,
    lock_fund,
    post_entry,
    release_commitment,
    reverse_entry,
    undraw_commitment,
)
from financing.loans.models import Loan
from financing.models import outbox_events
from financing.schedules.engine import (
    Frequency,
    Installment,
    InterestMethod,
    ScheduleError,
    Tranche,
    build_schedule,
)
from financing.servicing import states
from financing.servicing.arrears import Arrears, arrears, penalty_for_day, reprice_penalties
from financing.servicing.engine import (
    MONEY_IN,
    ZERO,
    InstallmentLike,
    InterestAccrual,
    LoanPosition,
    LoanTransaction,
    ReplayError,
    ScheduledInstallment,
    TxKind,
    allocation_order,
    replay,
)
from financing.servicing.models import (
    EndOfDayRun,
    FundBusinessDate,
    LoanAccount,
    LoanTransactionRecord,
    RescheduleRequest,
)
from financing.servicing.quotes import (
    PayoffQuote,
    ReschedulePreview,
    payoff_quote,
    reschedule_preview,
)
from financing.servicing.repository import ServicingRepository
from financing.servicing.states import LoanEvent, LoanState
from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import (
    BusinessRuleViolation,
    Conflict,
    InvalidTransition,
    NotFound,
    ValidationProblem,
)
from kopmod_shared.events import EventType
from kopmod_shared.ids import new_id
from kopmod_shared.outbox import emit

SOURCE = "financing"
END_OF_DAY_ACTOR = "end-of-day"
RESCHEDULE_REF = "reschedule:"
# The reversal reason of penalties that repricing replaced (other reversals are waivers).
REPRICED = "repriced after a backdated transaction or a reversal"
# The interest a payoff owes for the running period; products have no setting for it yet.
ACCRUAL = InterestAccrual.daily


def _money(amount: Decimal) -> str:
    return format(amount, "f")


# --- the loan as servicing sees it ---------------------------------------------------------------


@dataclass
class LoanBook:
    """A loan with its transactions, ready to replay."""

    loan: Loan
    records: list[LoanTransactionRecord]
    # The schedule depends only on the tranches in force: built once for them.
    _schedule_cache: tuple[tuple[Any, ...], list[InstallmentLike]] | None = field(
        default=None, repr=False
    )

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
        first = len(out) + 1
        for n, i in enumerate(
            self._schedule(tranches, self.loan.tenor_periods, self.loan.grace_periods)
        ):
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


def _opening_arrears_json(carried: list[ScheduledInstallment]) -> list[dict[str, str]]:
    return [
        {
            "due_date": i.due_date.isoformat(),
            "interest": _money(i.interest),
            "penalty": _money(i.penalty),
            "fee": _money(i.fee),
        }
        for i in carried
    ]


def _first_due(loan: Loan) -> date:
    return loan.first_due_date or date.max


async def load_book(
    repo: ServicingRepository, loan_id: UUID, *, for_update: bool = False
) -> LoanBook:
    loan = await repo.loan(loan_id, for_update=for_update)
    if loan is None:
        raise NotFound(f"no loan {loan_id}")
    return await _book_for(repo, loan)


async def _book_for(repo: ServicingRepository, loan: Loan) -> LoanBook:
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


async def readable_book(repo: ServicingRepository, loan_id: UUID, principal: Principal) -> LoanBook:
    book = await load_book(repo, loan_id)
    if not visible_to(book.loan, principal):
        # Another organisation's loan does not exist for this caller.
        raise NotFound(f"no loan {loan_id}")
    return book


# --- business date -----------------------------------------------------------------------------


async def business_date(repo: ServicingRepository, fund_id: UUID) -> date:
    row = await repo.business_date(fund_id)
    return row.business_date if row is not None else datetime.now(UTC).date()


async def set_business_date(
    session: AsyncSession, repo: ServicingRepository, fund_id: UUID, day: date
) -> FundBusinessDate:
    """Set a fund's business date before its first loan transaction (afterwards only end of
    day moves it)."""
    await lock_fund(session, fund_id)
    row = await repo.business_date(fund_id, for_update=True)
    loans = await repo.loans_of_fund(fund_id)
    has_transactions = any((await repo.transactions_of_loans([loan.id for loan in loans])).values())
    if has_transactions:
        raise Conflict("the fund has loan transactions: its business date moves only by end of day")
    if row is None:
        row = FundBusinessDate(fund_id=fund_id, business_date=day)
        await repo.add(row)
    else:
        row.business_date = day
        await session.flush()
    return row


# --- the common tail of every command ---------------------------------------------------


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


async def ledger_lines(
    repo: ServicingRepository, book: LoanBook, position: LoanPosition
) -> list[Line]:
    """The lines that make the ledger hold for the loan what the replay says (may be none)."""
    booked = await repo.loan_ledger_sums(book.loan.id)
    lines = []
    for account, wanted in expected_balances(position).items():
        diff = wanted - booked.get(account.value, ZERO)
        if diff > 0:
            lines.append(Line(account, debit=diff, loan_id=book.loan.id))
        elif diff < 0:
            lines.append(Line(account, credit=-diff, loan_id=book.loan.id))
    return lines


async def sync_ledger(
    session: AsyncSession,
    repo: ServicingRepository,
    book: LoanBook,
    position: LoanPosition,
    *,
    kind: str,
    memo: str,
    entry_date: date,
    actor: str,
    reference: str | None = None,
) -> JournalEntry | None:
    """Book, as one balanced entry, whatever the ledger lacks to match the replay."""
    lines = await ledger_lines(repo, book, position)
    if not lines:
        return None
    return await post_entry(
        session,
        fund_id=book.loan.fund_id,
        entry_date=entry_date,
        kind=kind,
        memo=memo,
        lines=lines,
        loan_id=book.loan.id,
        reference=reference,
        created_by=actor,
    )


async def refresh_account(
    session: AsyncSession,
    repo: ServicingRepository,
    book: LoanBook,
    position: LoanPosition,
    as_of: date,
) -> tuple[int, Arrears]:
    """Rewrite the loan's snapshot; answer the collectibility class it had before."""
    state = book.arrears(position, as_of)
    account = await repo.account(book.loan.id)
    if account is None:
        account = LoanAccount(loan_id=book.loan.id, fund_id=book.loan.fund_id, collectibility=1)
        session.add(account)
    before = account.collectibility
    account.disbursed = position.disbursed
    account.principal_outstanding = position.principal_outstanding
    account.interest_outstanding = position.interest_outstanding
    account.penalty_outstanding = position.penalty_outstanding
    account.overpayment = position.overpayment
    closed = LoanState(book.loan.status).closed
    account.days_past_due = 0 if closed else state.days_past_due
    account.collectibility = 1 if closed else int(state.collectibility)
    account.as_of = as_of
    await session.flush()
    return before, state


async def _emit(session: AsyncSession, type_: str, loan: Loan, data: dict[str, Any]) -> None:
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


async def _settle(
    session: AsyncSession,
    repo: ServicingRepository,
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
) -> tuple[LoanPosition, JournalEntry | None]:
    """Replay, move the state, book the ledger difference, refresh the snapshot, emit."""
    position = book.replay()
    if target is None:
        target = states.state_from_position(position)
    previous = book.state
    book.loan.status = states.transition(previous, event, target).value
    entry = await sync_ledger(
        session,
        repo,
        book,
        position,
        kind=entry_kind,
        memo=memo,
        entry_date=entry_date,
        actor=actor,
        reference=reference,
    )
    before, state = await refresh_account(session, repo, book, position, today)
    new_state = LoanState(book.loan.status)
    account = await repo.account(book.loan.id)
    if account is not None:
        account.closed_on = (position.settled_on or today) if new_state.closed else None
    if new_state.closed and not previous.closed:
        # Whatever approval is still undrawn goes back to what the fund can lend.
        await release_commitment(session, loan_id=book.loan.id)
        if new_state is LoanState.closed_obligations_met:
            await _emit(
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
        await _emit(
            session,
            EventType.LOAN_REOPENED,
            book.loan,
            {
                "from_status": previous.value,
                "status": new_state.value,
                "reopened_on": str(today),
                "reason": memo,
                "principal_outstanding": _money(position.principal_outstanding),
                "total_outstanding": _money(position.total_outstanding),
            },
        )
    if not new_state.closed and before != int(state.collectibility):
        await _emit_class_change(session, book.loan, before, state)
    await session.flush()
    return position, entry


async def _emit_class_change(
    session: AsyncSession, loan: Loan, before: int, state: Arrears
) -> None:
    await _emit(
        session,
        EventType.LOAN_OVERDUE,
        loan,
        {
            "as_of": str(state.as_of),
            "days_past_due": state.days_past_due,
            "from_class": before,
            "to_class": int(state.collectibility),
            "collectibility_label": state.collectibility.label,
            "overdue_principal": _money(state.overdue_principal),
            "overdue_interest": _money(state.overdue_interest),
        },
    )


async def check_event(repo: ServicingRepository, book: LoanBook, event: LoanEvent) -> None:
    """:func:`states.check`, naming the successor when the loan was closed by a reschedule."""
    if book.state is LoanState.closed_rescheduled:
        successor = await repo.successor_id(book.loan.id)
        error = InvalidTransition(book.state.value, event.value, [])
        error.detail = f"{error.detail}; the loan continues as loan {successor}"
        error.extra["successor_loan_id"] = str(successor) if successor else None
        raise error
    states.check(book.state, event)


def _value_date(requested: date | None, today: date, book: LoanBook, what: str) -> date:
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


def _record(
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


async def _reprice_penalties(
    repo: ServicingRepository, book: LoanBook, since: date, today: date, actor: str
) -> None:
    """After a backdated transaction or a reversal: the closed days' penalties become what they
    would have been had everything been recorded in order."""
    if not book.loan.penalty_rate:
        return
    runs = await repo.end_of_day_runs(book.loan.fund_id, since, today - timedelta(days=1))
    if not runs:
        return
    await repo.session.flush()  # sequences for the records just added
    waived = frozenset(
        r.value_date
        for r in book.records
        if r.kind == TxKind.penalty_charge.value
        and r.reversed_at is not None
        and r.reversal_reason != REPRICED
    )
    plan = reprice_penalties(
        book.installments(),
        book.transactions(),
        first_day=max(since, runs[0].business_date),
        last_day=runs[-1].business_date,
        annual_rate=book.loan.penalty_rate,
        tolerance_days=book.loan.arrears_tolerance_days,
        order=book.order,
        accrual=ACCRUAL,
        waived_days=waived,
    )
    now = datetime.now(UTC)
    for record in book.records:
        if record.id in plan.reverse:
            record.reversed_at = now
            record.reversed_by = actor
            record.reversal_reason = REPRICED
    for day, amount in plan.charge:
        repo.session.add(
            _record(book, TxKind.penalty_charge, day, amount, END_OF_DAY_ACTOR, note="repriced")
        )
    await repo.session.flush()


# --- disbursement --------------------------------------------------------------------------------


async def disburse(
    session: AsyncSession,
    repo: ServicingRepository,
    loan_id: UUID,
    *,
    amount: Decimal,
    value_date: date | None,
    reference: str | None,
    note: str | None,
    actor: str,
) -> tuple[LoanBook, LoanTransactionRecord, LoanPosition]:
    """Disburse one tranche of a signed agreement from the fund's cash."""
    loan = await repo.loan(loan_id)
    if loan is None:
        raise NotFound(f"no loan {loan_id}")
    # Cash checks serialise on the fund, then on the loan (the same order everywhere).
    await lock_fund(session, loan.fund_id)
    book = await load_book(repo, loan_id, for_update=True)
    await check_event(repo, book, LoanEvent.disburse)
    if book.loan.rescheduled_from_id is not None:
        raise BusinessRuleViolation("a loan opened by a reschedule takes no disbursements")
    today = await business_date(repo, loan.fund_id)
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
            approved=_money(book.loan.approved_amount),
            disbursed=_money(disbursed),
            remaining=_money(remaining),
        )
    cash = await balance(session, loan.fund_id, Account.cash)
    if amount > cash:
        raise InsufficientFundCash(
            f"disbursing {amount} needs more than the fund's cash {cash}",
            cash=_money(cash),
            requested=_money(amount),
        )
    await _reference_free(repo, book, reference)
    await draw_commitment(session, loan_id=loan_id, amount=amount)
    record = _record(book, TxKind.disbursement, day, amount, actor, reference=reference, note=note)
    try:
        book.installments()
    except ScheduleError as exc:
        raise BusinessRuleViolation(f"the schedule cannot take this tranche: {exc}") from exc
    await repo.add(record)
    position, entry = await _settle(
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
    )
    record.journal_entry_id = entry.id if entry is not None else None
    await _emit(
        session,
        EventType.LOAN_DISBURSED,
        book.loan,
        {
            "transaction_id": str(record.id),
            "tranche": len(tranches) + 1,
            "amount": _money(amount),
            "value_date": str(day),
            "disbursed_total": _money(position.disbursed),
        },
    )
    await session.flush()
    return book, record, position


async def undo_last_disbursement(
    session: AsyncSession, repo: ServicingRepository, loan_id: UUID, *, reason: str, actor: str
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
    today = await business_date(repo, loan.fund_id)
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
    position, _ = await _settle(
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


# --- money in ------------------------------------------------------------------------------------


async def _reference_free(repo: ServicingRepository, book: LoanBook, reference: str | None) -> None:
    if reference is not None and await repo.by_reference(book.loan.id, reference) is not None:
        raise Conflict(f"reference {reference} is already recorded on this loan", field="reference")


async def _existing_reference(
    repo: ServicingRepository,
    book: LoanBook,
    reference: str,
    *,
    kind: TxKind,
    amount: Decimal,
    value_date: date | None,
    charge_kind: str | None = None,
) -> LoanTransactionRecord | None:
    record = await repo.by_reference(book.loan.id, reference)
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
    repo: ServicingRepository,
    loan_id: UUID,
    *,
    kind: TxKind,
    amount: Decimal,
    reference: str,
    value_date: date | None,
    actor: str,
) -> tuple[LoanBook, LoanTransactionRecord, LoanPosition, bool]:
    """A repayment, payoff or recovery; the same reference twice is the same payment."""
    book = await load_book(repo, loan_id, for_update=True)
    existing = await _existing_reference(
        repo, book, reference, kind=kind, amount=amount, value_date=value_date
    )
    if existing is not None:
        return book, existing, book.replay(), True
    event = LoanEvent.recover if kind is TxKind.recovery else LoanEvent.repay
    await check_event(repo, book, event)
    today = await business_date(repo, book.loan.fund_id)
    what = kind.value.replace("_", " ")
    day = _value_date(value_date, today, book, f"a {what}")
    target: LoanState | None = None
    if kind is TxKind.payoff:
        quote = payoff_quote(book.replay(), day, ACCRUAL)
        if amount < quote.total:
            raise BusinessRuleViolation(
                f"a payoff on {day} needs {quote.total}",
                quote_total=_money(quote.total),
            )
    if kind is TxKind.recovery:
        target = LoanState.closed_written_off
    record = _record(book, kind, day, amount, actor, reference=reference)
    await repo.add(record)
    if day < today:
        await _reprice_penalties(repo, book, day, today, actor)
    position, entry = await _settle(
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
    )
    record.journal_entry_id = entry.id if entry is not None else None
    allocation = position.allocations[record.id]
    await _emit(
        session,
        EventType.REPAYMENT_RECEIVED,
        book.loan,
        {
            "transaction_id": str(record.id),
            "kind": kind.value,
            "external_reference": reference,
            "amount": _money(amount),
            "value_date": str(day),
            "principal": _money(allocation.principal),
            "interest": _money(allocation.interest),
            "penalty": _money(allocation.penalty),
            "fee": _money(allocation.fee),
            "overpayment": _money(allocation.overpayment),
            "recovered": _money(allocation.recovered),
            "principal_outstanding": _money(position.principal_outstanding),
        },
    )
    await session.flush()
    return book, record, position, False


async def refund_overpayment(
    session: AsyncSession,
    repo: ServicingRepository,
    loan_id: UUID,
    *,
    amount: Decimal,
    reference: str | None,
    actor: str,
) -> tuple[LoanBook, LoanTransactionRecord, LoanPosition]:
    book = await load_book(repo, loan_id, for_update=True)
    await check_event(repo, book, LoanEvent.refund_overpayment)
    today = await business_date(repo, book.loan.fund_id)
    overpayment = book.replay().overpayment
    if amount > overpayment:
        raise BusinessRuleViolation(
            f"refund {amount} is above the overpayment {overpayment}",
            overpayment=_money(overpayment),
        )
    await _reference_free(repo, book, reference)
    record = _record(book, TxKind.overpayment_refund, today, amount, actor, reference=reference)
    await repo.add(record)
    position, entry = await _settle(
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
    repo: ServicingRepository,
    loan_id: UUID,
    *,
    amount: Decimal,
    fee_kind: str,
    reason: str,
    reference: str,
    value_date: date | None,
    actor: str,
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
    today = await business_date(repo, book.loan.fund_id)
    day = _value_date(value_date, today, book, "a fee")
    record = _record(book, TxKind.fee_charge, day, amount, actor, reference=reference, note=reason)
    record.charge_kind = fee_kind
    await repo.add(record)
    if day < today:
        await _reprice_penalties(repo, book, day, today, actor)
    position, entry = await _settle(
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
    await _emit(
        session,
        EventType.FEE_CHARGED,
        book.loan,
        {
            "transaction_id": str(record.id),
            "fee_kind": fee_kind,
            "reason": reason,
            "external_reference": reference,
            "amount": _money(amount),
            "value_date": str(day),
            "fee_outstanding": _money(position.fee_outstanding),
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
    repo: ServicingRepository,
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
    today = await business_date(repo, book.loan.fund_id)
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
    await _reprice_penalties(repo, book, record.value_date, today, actor)
    target = LoanState.closed_written_off if kind is TxKind.recovery else None
    position, _ = await _settle(
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


# --- write-off -----------------------------------------------------------------------------------


async def write_off(
    session: AsyncSession, repo: ServicingRepository, loan_id: UUID, *, reason: str, actor: str
) -> tuple[LoanBook, LoanTransactionRecord, LoanPosition]:
    book = await load_book(repo, loan_id, for_update=True)
    await check_event(repo, book, LoanEvent.write_off)
    today = await business_date(repo, book.loan.fund_id)
    outstanding = book.replay().principal_outstanding
    if outstanding <= 0:
        raise BusinessRuleViolation("the loan has no principal outstanding to write off")
    record = _record(book, TxKind.write_off, today, outstanding, actor, note=reason)
    await repo.add(record)
    position, entry = await _settle(
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
    await _emit(
        session,
        EventType.LOAN_WRITTEN_OFF,
        book.loan,
        {
            "transaction_id": str(record.id),
            "on": str(today),
            "principal": _money(position.written_off_principal),
            "interest_and_charges": _money(position.written_off_other),
            "reason": reason,
        },
    )
    await session.flush()
    return book, record, position


# --- payoff quote and rescheduling -------------------------------------------------------------


async def quote(repo: ServicingRepository, book: LoanBook, on: date | None) -> PayoffQuote:
    today = await business_date(repo, book.loan.fund_id)
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


def _preview(
    book: LoanBook, position: LoanPosition, on: date, tenor: int, grace: int, capitalise: bool
) -> ReschedulePreview:
    loan = book.loan

    def schedule_for(amount: Decimal, start: date) -> list[Installment]:
        return build_schedule(
            tranches=[Tranche(start, amount)],
            annual_rate=loan.annual_rate,
            tenor_periods=tenor,
            frequency=Frequency(loan.frequency),
            method=InterestMethod(loan.method),
            grace_periods=grace,
            rounding=loan.rounding,
        )

    try:
        return reschedule_preview(
            position, on, schedule_for, capitalise_arrears=capitalise, accrual=ACCRUAL
        )
    except ScheduleError as exc:
        raise ValidationProblem.for_field("body.tenor_periods", str(exc), "schedule") from exc
    except ValueError as exc:
        raise BusinessRuleViolation(str(exc)) from exc


async def preview_reschedule(
    repo: ServicingRepository, book: LoanBook, *, tenor: int, grace: int, capitalise: bool
) -> ReschedulePreview:
    await check_event(repo, book, LoanEvent.reschedule)
    today = await business_date(repo, book.loan.fund_id)
    return _preview(book, book.replay(), today, tenor, grace, capitalise)


def preview_json(preview: ReschedulePreview) -> dict[str, Any]:
    return {
        "on": str(preview.on),
        "principal_outstanding": _money(preview.principal_outstanding),
        "capitalised_interest": _money(preview.capitalised_interest),
        "capitalised_charges": _money(preview.capitalised_charges),
        "new_principal": _money(preview.new_principal),
        "remaining_scheduled_interest": _money(preview.remaining_scheduled_interest),
        "new_total_interest": _money(preview.new_total_interest),
        "installments": [
            {
                "number": i.number,
                "due_date": str(i.due_date),
                "principal": _money(i.principal),
                "interest": _money(i.interest),
                "total": _money(i.total),
                "balance_after": _money(i.balance_after),
            }
            for i in preview.installments
        ],
    }


async def request_reschedule(
    repo: ServicingRepository,
    book: LoanBook,
    *,
    tenor: int,
    grace: int,
    capitalise: bool,
    reason: str,
    actor: str,
) -> RescheduleRequest:
    """The maker's proposal, with the preview the checker will decide on."""
    if grace >= tenor:
        raise ValidationProblem.for_field(
            "body.grace_periods", "grace must leave at least one period", "grace"
        )
    preview = await preview_reschedule(repo, book, tenor=tenor, grace=grace, capitalise=capitalise)
    request = RescheduleRequest(
        loan_id=book.loan.id,
        status="proposed",
        on_date=preview.on,
        tenor_periods=tenor,
        grace_periods=grace,
        capitalise_arrears=capitalise,
        preview=preview_json(preview),
        reason=reason,
        requested_by=actor,
    )
    await repo.add(request)
    return request


async def decide_reschedule(
    session: AsyncSession,
    repo: ServicingRepository,
    loan_id: UUID,
    request_id: UUID,
    *,
    approve: bool,
    note: str,
    actor: str,
) -> tuple[LoanBook, RescheduleRequest, LoanPosition]:
    """The checker's decision. Approval, on the business date the preview was made for, closes
    the loan (``closed_rescheduled``) and opens its successor with the new schedule, in one
    transaction: the principal moves from one loan to the other in one journal entry."""
    book = await load_book(repo, loan_id, for_update=True)
    request = await repo.reschedule(loan_id, request_id)
    if request is None:
        raise NotFound(f"no reschedule request {request_id} on loan {loan_id}")
    if request.status != "proposed":
        raise InvalidTransition(request.status, "decide", [])
    if request.requested_by == actor:
        raise FourEyesViolation("the reschedule was proposed by this user: another must decide")
    request.decided_by, request.decided_at, request.decision_note = actor, datetime.now(UTC), note
    if not approve:
        request.status = "rejected"
        await session.flush()
        return book, request, book.replay()
    await check_event(repo, book, LoanEvent.reschedule)
    today = await business_date(repo, book.loan.fund_id)
    if request.on_date != today:
        raise Conflict(
            f"the preview was made for {request.on_date}; the business date is now {today}: "
            "propose again"
        )
    preview = _preview(
        book,
        book.replay(),
        today,
        request.tenor_periods,
        request.grace_periods,
        request.capitalise_arrears,
    )
    reference = f"{RESCHEDULE_REF}{request.id}"
    closing = _record(
        book,
        TxKind.reschedule,
        today,
        preview.new_principal,
        actor,
        reference=reference,
        note=request.reason,
    )
    await repo.add(closing)
    old_position = book.replay()
    successor = _successor(book.loan, request, preview.new_principal, old_position, actor)
    await repo.add(successor)
    new_book = LoanBook(loan=successor, records=[])
    opening = _record(
        new_book,
        TxKind.rescheduled_in,
        today,
        preview.new_principal,
        actor,
        reference=reference,
        note=f"rescheduled from loan {loan_id}: {request.reason}",
    )
    try:
        new_book.installments()
    except ScheduleError as exc:
        raise ValidationProblem.for_field("body.tenor_periods", str(exc), "schedule") from exc
    await repo.add(opening)
    new_position = new_book.replay()
    request.status = "approved"
    request.preview = preview_json(preview)
    request.successor_loan_id = successor.id
    book.loan.status = states.transition(
        book.state, LoanEvent.reschedule, LoanState.closed_rescheduled
    ).value
    # One entry: loans receivable leaves the closed loan (with any capitalised arrears earned
    # on it) and arrives on the successor; no cash moves.
    lines = [
        *await ledger_lines(repo, book, old_position),
        *await ledger_lines(repo, new_book, new_position),
    ]
    entry = await post_entry(
        session,
        fund_id=book.loan.fund_id,
        entry_date=today,
        kind="reschedule",
        memo=f"reschedule {request.id}: loan {loan_id} continues as loan {successor.id}",
        lines=lines,
        loan_id=book.loan.id,
        reference=reference,
        created_by=actor,
    )
    closing.journal_entry_id = opening.journal_entry_id = entry.id
    first_due = new_position.installments[len(old_position.carried)].due_date
    await refresh_account(session, repo, book, old_position, today)
    account = await repo.account(loan_id)
    if account is not None:
        account.closed_on = today
    await refresh_account(session, repo, new_book, new_position, today)
    await release_commitment(session, loan_id=loan_id)
    await _emit(
        session,
        EventType.LOAN_CLOSED,
        book.loan,
        {
            "status": LoanState.closed_rescheduled.value,
            "reason": "rescheduled",
            "closed_on": str(today),
            "successor_loan_id": str(successor.id),
        },
    )
    await _emit(
        session,
        EventType.LOAN_RESCHEDULED,
        successor,
        {
            "rescheduled_from_id": str(loan_id),
            "reschedule_id": str(request.id),
            "on": str(today),
            "principal": _money(new_position.principal_outstanding),
            "capitalised_interest": _money(preview.capitalised_interest),
            "capitalised_charges": _money(preview.capitalised_charges),
            "opening_arrears": _money(sum((i.total for i in old_position.carried), ZERO)),
            "tenor_periods": successor.tenor_periods,
            "grace_periods": successor.grace_periods,
            "first_due_date": str(first_due),
            "approved_by": actor,
        },
    )
    await session.flush()
    return new_book, request, new_position


def _successor(
    loan: Loan,
    request: RescheduleRequest,
    principal: Decimal,
    closed: LoanPosition,
    actor: str,
) -> Loan:
    """The loan that continues ``loan`` on the approved terms: same agreement, fund, product,
    cooperative and pricing; the new tenor and grace; opening with what ``closed`` moved out."""
    return Loan(
        id=new_id(),
        application_id=loan.application_id,
        rescheduled_from_id=loan.id,
        opening_arrears=_opening_arrears_json(closed.carried),
        fund_id=loan.fund_id,
        product_id=loan.product_id,
        cooperative_id=loan.cooperative_id,
        province_code=loan.province_code,
        approved_amount=principal,
        annual_rate=loan.annual_rate,
        tenor_periods=request.tenor_periods,
        frequency=loan.frequency,
        method=loan.method,
        grace_periods=request.grace_periods,
        rounding=loan.rounding,
        allocation_order=list(loan.allocation_order),
        arrears_tolerance_days=loan.arrears_tolerance_days,
        max_tranches=1,
        penalty_rate=loan.penalty_rate,
        pattern=loan.pattern,
        akad=loan.akad,
        profit_share_ratio=loan.profit_share_ratio,
        tranche_plan=[],
        status=LoanState.active.value,
        signed_at=request.decided_at or datetime.now(UTC),
        signed_by=actor,
        first_due_date=None,
    )


# --- end of day ----------------------------------------------------------------------------------


async def end_of_day(
    session: AsyncSession,
    repo: ServicingRepository,
    fund_id: UUID,
    *,
    through: date,
    actor: str,
) -> tuple[date, list[EndOfDayRun]]:
    """Close business days up to ``through``: charge penalties, age arrears, reclassify, and
    advance the business date. Days already closed are skipped, so a retry changes nothing."""
    await lock_fund(session, fund_id)
    row = await repo.business_date(fund_id, for_update=True)
    if row is None:
        row = FundBusinessDate(fund_id=fund_id, business_date=datetime.now(UTC).date())
        await repo.add(row)
    closed: list[EndOfDayRun] = []
    while row.business_date <= through:
        day = row.business_date
        if await repo.end_of_day_run(fund_id, day) is None:
            closed.append(await _close_day(session, repo, fund_id, day, actor))
        row.business_date = day + timedelta(days=1)
        await session.flush()
    return row.business_date, closed


async def _close_day(
    session: AsyncSession, repo: ServicingRepository, fund_id: UUID, day: date, actor: str
) -> EndOfDayRun:
    loans = await repo.loans_of_fund(
        fund_id, [LoanState.active.value, LoanState.overpaid.value], for_update=True
    )
    penalties = ZERO
    changes: list[dict[str, Any]] = []
    tomorrow = day + timedelta(days=1)
    for loan in loans:
        book = await _book_for(repo, loan)
        if loan.penalty_rate and book.state is LoanState.active:
            amount = penalty_for_day(
                book.replay(until=day),
                day,
                loan.penalty_rate,
                tolerance_days=loan.arrears_tolerance_days,
            )
            if amount > 0:
                await repo.add(_record(book, TxKind.penalty_charge, day, amount, END_OF_DAY_ACTOR))
                penalties += amount
        position = book.replay()
        before, state = await refresh_account(session, repo, book, position, tomorrow)
        if before != int(state.collectibility):
            await _emit_class_change(session, loan, before, state)
            changes.append(
                {
                    "loan_id": str(loan.id),
                    "from_class": before,
                    "to_class": int(state.collectibility),
                    "days_past_due": state.days_past_due,
                }
            )
    run = EndOfDayRun(
        fund_id=fund_id,
        business_date=day,
        loans_processed=len(loans),
        penalties_charged=penalties,
        class_changes=changes,
        run_by=actor,
    )
    await repo.add(run)
    return run
