"""Every query on loans, their transactions, snapshots and successors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import (
    ColumnElement,
    any_,
    func,
    literal,
    select,
    text,
    tuple_,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from financing.ledger.models import Commitment, JournalEntry, JournalLine
from financing.loans.locked_reads import LockedRead, locked_loan, locked_read
from financing.loans.models import (
    Loan,
    LoanAccount,
    LoanInstallmentBalance,
    LoanMonthEnd,
    LoanTransactionRecord,
)
from kopmod_shared.deferred import Deferred, RowUpdate, SQLPart


def id_array(ids: Sequence[UUID]) -> ColumnElement[Any]:
    """``ANY($1)`` over one array parameter: a list of ids as ``IN`` binds one parameter per id,
    and asyncpg refuses more than 32,767 (a fund's loans can be more)."""
    return any_(literal(list(ids), ARRAY(PG_UUID(as_uuid=True))))


@dataclass(frozen=True)
class InstallmentRow:
    """What is still owed on one installment (a ``loan_installment_balances`` row)."""

    number: int
    due_date: date
    principal: Decimal
    interest: Decimal
    penalty: Decimal
    fee: Decimal
    # The day it was paid in full (none while owing, or when written off), and whether what it
    # owed moved to a successor loan: the financing summaries judge the repayment record on them.
    paid_on: date | None = None
    rescheduled: bool = False


def _row(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """Every column of a mapped object as a row (columns named as their attributes)."""
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns if c.key not in skip}


def array_text(values: Sequence[int | Decimal | date | bool | None]) -> str:
    """A Postgres array literal of numbers, dates, booleans and nulls (``{1,2.50,NULL}``): no
    element of these types holds a character the literal would have to quote. Decimal's text is
    exact (Postgres reads its exponent form too), a date's is ISO."""
    parts = []
    for v in values:
        if v is None:
            parts.append("NULL")
        elif v is True or v is False:
            parts.append("t" if v else "f")
        else:
            parts.append(str(v))
    return "{" + ",".join(parts) + "}"


# The same two writes as parts of the request's one write statement before the commit
# (``kopmod_shared.deferred``: data-modifying statements in a WITH cannot hold their own WITH;
# the two touch different rows, as a WITH's parts must). Each array is sent as its text literal
# (:func:`array_text`) and cast by Postgres: asyncpg's binary encoding of an array checks and
# encodes every element in Python, about 0.12 ms of a money command's CPU for the nine arrays of
# a twelve-installment loan, against a few microseconds for the text.
_UPSERT_INSTALLMENTS = """
    INSERT INTO loan_installment_balances AS b
        (loan_id, number, fund_id, due_date, principal, interest, penalty, fee, paid_on,
         rescheduled)
    SELECT CAST(:{p}_loan AS uuid), number, CAST(:{p}_fund AS uuid), due_date, principal,
           interest, penalty, fee, paid_on, rescheduled
    FROM unnest(
        CAST(CAST(:{p}_numbers AS text) AS integer[]),
        CAST(CAST(:{p}_dues AS text) AS date[]),
        CAST(CAST(:{p}_principal AS text) AS numeric[]),
        CAST(CAST(:{p}_interest AS text) AS numeric[]),
        CAST(CAST(:{p}_penalty AS text) AS numeric[]),
        CAST(CAST(:{p}_fee AS text) AS numeric[]),
        CAST(CAST(:{p}_paid_on AS text) AS date[]),
        CAST(CAST(:{p}_rescheduled AS text) AS boolean[])
    ) AS t(number, due_date, principal, interest, penalty, fee, paid_on, rescheduled)
    ON CONFLICT (loan_id, number) DO UPDATE SET
        due_date = EXCLUDED.due_date, principal = EXCLUDED.principal,
        interest = EXCLUDED.interest, penalty = EXCLUDED.penalty, fee = EXCLUDED.fee,
        paid_on = EXCLUDED.paid_on, rescheduled = EXCLUDED.rescheduled
    WHERE (b.due_date, b.principal, b.interest, b.penalty, b.fee, b.paid_on, b.rescheduled)
        IS DISTINCT FROM (EXCLUDED.due_date, EXCLUDED.principal, EXCLUDED.interest,
                          EXCLUDED.penalty, EXCLUDED.fee, EXCLUDED.paid_on,
                          EXCLUDED.rescheduled)
"""
_DROP_INSTALLMENTS = """
    DELETE FROM loan_installment_balances
    WHERE loan_id = CAST(:{p}_loan AS uuid)
        AND number <> ALL(CAST(CAST(:{p}_numbers AS text) AS integer[]))
"""
# At once, the two above as one statement (without their ``:{p}_`` prefix): upsert every
# installment (rows whose figures did not change are not touched) and drop the ones the
# schedule no longer has (an undone tranche shortens nothing today, but a schedule is whatever
# the replay says).
_WRITE_INSTALLMENTS = text(
    "WITH upserted AS ({} RETURNING 1) {}".format(
        *(sql.replace(":{p}_", ":") for sql in (_UPSERT_INSTALLMENTS, _DROP_INSTALLMENTS))
    )
)


class LoanRepository:
    """Loans, their transactions, their snapshots and the journal lines booked for them."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, obj: object) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def loan(self, loan_id: UUID, *, for_update: bool = False) -> Loan | None:
        if for_update:
            # Re-read under the lock: an earlier read in this request may be stale by now.
            return await locked_loan(self.session, loan_id, with_fund=False)
        return await self.session.scalar(select(Loan).where(Loan.id == loan_id))

    async def lock_fund_and_loan(self, loan_id: UUID) -> Loan | None:
        """The loan's fund locked (cash checks serialise on it), then the loan ``FOR UPDATE``,
        in one statement; the loan re-read under its lock. None when there is no such loan."""
        return await locked_loan(self.session, loan_id, with_fund=True)

    async def loans_by_id(self, loan_ids: Sequence[UUID]) -> dict[UUID, Loan]:
        if not loan_ids:
            return {}
        rows = await self.session.scalars(select(Loan).where(Loan.id == id_array(loan_ids)))
        return {loan.id: loan for loan in rows}

    async def loans_of_fund(
        self, fund_id: UUID, statuses: Sequence[str] | None = None, *, for_update: bool = False
    ) -> Sequence[Loan]:
        stmt = select(Loan).where(Loan.fund_id == fund_id).order_by(Loan.id)
        if statuses is not None:
            stmt = stmt.where(Loan.status.in_(list(statuses)))
        if for_update:
            stmt = stmt.with_for_update()
        return (await self.session.scalars(stmt)).all()

    async def loans_after(
        self,
        fund_id: UUID,
        statuses: Sequence[str],
        *,
        after: UUID | None,
        limit: int,
        for_update: bool = False,
    ) -> Sequence[Loan]:
        """The next ``limit`` loans of the fund in id order after ``after`` (a batch's chunk)."""
        stmt = (
            select(Loan)
            .where(Loan.fund_id == fund_id, Loan.status.in_(list(statuses)))
            .order_by(Loan.id)
            .limit(limit)
        )
        if after is not None:
            stmt = stmt.where(Loan.id > after)
        if for_update:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return (await self.session.scalars(stmt)).all()

    async def loans_page(
        self, *, after: UUID | None, limit: int, for_update: bool = False
    ) -> Sequence[Loan]:
        """The next ``limit`` loans of every fund in id order after ``after``."""
        stmt = select(Loan).order_by(Loan.id).limit(limit)
        if after is not None:
            stmt = stmt.where(Loan.id > after)
        if for_update:
            stmt = stmt.with_for_update()
        return (await self.session.scalars(stmt)).all()

    async def accounts_of_loans(self, loan_ids: Sequence[UUID]) -> dict[UUID, LoanAccount]:
        if not loan_ids:
            return {}
        rows = await self.session.scalars(
            select(LoanAccount).where(LoanAccount.loan_id == id_array(loan_ids))
        )
        return {a.loan_id: a for a in rows.all()}

    async def transactions(self, loan_id: UUID) -> list[LoanTransactionRecord]:
        stmt = (
            select(LoanTransactionRecord)
            .where(LoanTransactionRecord.loan_id == loan_id)
            .order_by(LoanTransactionRecord.value_date, LoanTransactionRecord.seq)
            .execution_options(populate_existing=True)
        )
        return list((await self.session.scalars(stmt)).all())

    async def locked_read(
        self, loan_id: UUID, fund_id: UUID, *, disbursing: bool = False
    ) -> LockedRead:
        """The loan's transactions (in replay order), its fund's business date, its account,
        its ledger sums and ``now()``, and with ``disbursing`` the fund's cash (its maintained
        row, the deltas rolled in: lock the fund first), the loan's commitment, and the loan
        made active if it was pending disbursement: one statement (``loans.locked_reads``),
        sent after the loan's lock (at READ COMMITTED a statement's snapshot is taken when it
        starts, so everything committed before the lock was granted is in it)."""
        return await locked_read(self.session, loan_id, fund_id, disbursing=disbursing)

    async def draw_commitment(self, loan_id: UUID, amount: Decimal) -> bool:
        """``drawn += amount`` on the loan's commitment if it is open and covers it (one
        statement, the row locked by the update itself); False when it did not."""
        drawn = await self.session.scalar(
            Commitment.__table__.update()
            .where(
                Commitment.loan_id == loan_id,
                Commitment.released_at.is_(None),
                Commitment.drawn + amount <= Commitment.amount,
            )
            .values(drawn=Commitment.drawn + amount)
            .returning(Commitment.id)
        )
        return drawn is not None

    async def write_new_transaction(
        self, record: LoanTransactionRecord, entry: JournalEntry | None
    ) -> None:
        """Write a command's new transaction (its allocation and journal entry id set) with its
        journal entry and lines, through the session at once."""
        if entry is not None:
            self.session.add(entry)
        record.seq = None  # numbered by Postgres
        self.session.add(record)
        await self.session.flush()

    def queue_new_transaction(
        self,
        queue: list[Deferred],
        record: LoanTransactionRecord,
        entry: tuple[dict[str, Any], list[dict[str, Any]]] | None,
        *,
        now: datetime,
    ) -> None:
        """The same as rows of the request's one write statement before the commit
        (``kopmod_shared.deferred``): Postgres numbers ``seq`` then, and ``created_at`` is the
        transaction's ``now()``, what the columns' default would write."""
        record.created_at = now
        if entry is not None:
            head, lines = entry
            queue.append((JournalEntry.__table__, {**head, "created_at": now}))
            queue.extend((JournalLine.__table__, line) for line in lines)
        queue.append((LoanTransactionRecord.__table__, _row(record, skip=("seq",))))

    def queue_draw(self, queue: list[Deferred], commitment: Commitment, amount: Decimal) -> None:
        """``drawn += amount`` on a commitment read under the fund's and the loan's locks, as a
        row of the request's one write statement before the commit."""
        drawn = commitment.drawn + amount
        queue.append(RowUpdate(Commitment.__table__, {"id": commitment.id}, {"drawn": drawn}))

    def queue_account(
        self, queue: list[Deferred], account: LoanAccount | None, values: dict[str, Any]
    ) -> None:
        """The loan's ``loan_accounts`` row (``values`` name every column but the key) as a row
        of the request's one write statement: an insert for a loan without one, else an update
        (the ORM object stays as it was read)."""
        if account is None:
            queue.append((LoanAccount.__table__, values))
        else:
            key = {"loan_id": values["loan_id"]}
            rest = {k: v for k, v in values.items() if k != "loan_id"}
            queue.append(RowUpdate(LoanAccount.__table__, key, rest))

    async def transactions_of_loans(
        self, loan_ids: Sequence[UUID]
    ) -> dict[UUID, list[LoanTransactionRecord]]:
        out: dict[UUID, list[LoanTransactionRecord]] = {i: [] for i in loan_ids}
        if not loan_ids:
            return out
        stmt = (
            select(LoanTransactionRecord)
            .where(LoanTransactionRecord.loan_id == id_array(loan_ids))
            .order_by(LoanTransactionRecord.value_date, LoanTransactionRecord.seq)
        )
        for record in (await self.session.scalars(stmt)).all():
            out[record.loan_id].append(record)
        return out

    async def fund_has_transactions(self, fund_id: UUID) -> bool:
        return bool(
            await self.session.scalar(
                select(
                    select(LoanTransactionRecord.id)
                    .where(LoanTransactionRecord.fund_id == fund_id)
                    .exists()
                )
            )
        )

    async def by_reference(self, loan_id: UUID, reference: str) -> LoanTransactionRecord | None:
        return await self.session.scalar(
            select(LoanTransactionRecord).where(
                LoanTransactionRecord.loan_id == loan_id,
                LoanTransactionRecord.external_reference == reference,
            )
        )

    async def account(self, loan_id: UUID) -> LoanAccount | None:
        return await self.session.get(LoanAccount, loan_id)

    async def accounts_of_fund(self, fund_id: UUID) -> Sequence[LoanAccount]:
        return (
            await self.session.scalars(select(LoanAccount).where(LoanAccount.fund_id == fund_id))
        ).all()

    async def month_ends(self, loan_id: UUID) -> Sequence[Any]:
        """The loan's month ends written so far: ``month_end`` and ``digest`` each."""
        stmt = select(LoanMonthEnd.month_end, LoanMonthEnd.digest).where(
            LoanMonthEnd.loan_id == loan_id
        )
        return (await self.session.execute(stmt)).all()

    async def write_month_ends(self, rows: Sequence[LoanMonthEnd]) -> None:
        """Insert or replace month-end rows (one statement)."""
        values = [
            {
                "loan_id": r.loan_id,
                "month_end": r.month_end,
                "fund_id": r.fund_id,
                "principal_outstanding": r.principal_outstanding,
                "collectibility": r.collectibility,
                "digest": r.digest,
            }
            for r in rows
        ]
        stmt = pg_insert(LoanMonthEnd).values(values)
        await self.session.execute(
            stmt.on_conflict_do_update(
                index_elements=[LoanMonthEnd.loan_id, LoanMonthEnd.month_end],
                set_={
                    "principal_outstanding": stmt.excluded.principal_outstanding,
                    "collectibility": stmt.excluded.collectibility,
                    "digest": stmt.excluded.digest,
                },
            )
        )

    async def write_installments(
        self,
        loan_id: UUID,
        fund_id: UUID,
        rows: Sequence[InstallmentRow],
        *,
        queue: list[Deferred] | None = None,
    ) -> None:
        """Upsert the loan's installment balances and drop the ones the schedule no longer
        has: at once, or with ``queue`` in the request's one write statement."""
        params = {
            "loan": loan_id,
            "fund": fund_id,
            "numbers": array_text([r.number for r in rows]),
            "dues": array_text([r.due_date for r in rows]),
            "principal": array_text([r.principal for r in rows]),
            "interest": array_text([r.interest for r in rows]),
            "penalty": array_text([r.penalty for r in rows]),
            "fee": array_text([r.fee for r in rows]),
            "paid_on": array_text([r.paid_on for r in rows]),
            "rescheduled": array_text([r.rescheduled for r in rows]),
        }
        if queue is not None:
            queue.append(SQLPart("loan_installment_balances.upsert", _UPSERT_INSTALLMENTS, params))
            drop = {"loan": loan_id, "numbers": params["numbers"]}
            queue.append(SQLPart("loan_installment_balances.drop", _DROP_INSTALLMENTS, drop))
            return
        await self.session.execute(_WRITE_INSTALLMENTS, params)

    async def installments(self, loan_id: UUID) -> list[InstallmentRow]:
        rows = await self.session.execute(
            select(
                LoanInstallmentBalance.number,
                LoanInstallmentBalance.due_date,
                LoanInstallmentBalance.principal,
                LoanInstallmentBalance.interest,
                LoanInstallmentBalance.penalty,
                LoanInstallmentBalance.fee,
                LoanInstallmentBalance.paid_on,
                LoanInstallmentBalance.rescheduled,
            )
            .where(LoanInstallmentBalance.loan_id == loan_id)
            .order_by(LoanInstallmentBalance.number)
        )
        return [InstallmentRow(*r) for r in rows.all()]

    async def loan_ledger_sums(self, loan_id: UUID) -> dict[str, Decimal]:
        """Debits minus credits per account over every journal line booked for the loan."""
        rows = await self.session.execute(
            select(JournalLine.account, func.sum(JournalLine.debit - JournalLine.credit))
            .where(JournalLine.loan_id == loan_id)
            .group_by(JournalLine.account)
        )
        return {r[0]: Decimal(r[1]) for r in rows}

    async def successor_id(self, loan_id: UUID) -> UUID | None:
        """The loan a reschedule of ``loan_id`` opened, if any."""
        return await self.session.scalar(select(Loan.id).where(Loan.rescheduled_from_id == loan_id))

    async def successor_ids(self, loan_ids: Sequence[UUID]) -> dict[UUID, UUID]:
        if not loan_ids:
            return {}
        rows = await self.session.execute(
            select(Loan.rescheduled_from_id, Loan.id).where(
                Loan.rescheduled_from_id == id_array(loan_ids)
            )
        )
        return {r[0]: r[1] for r in rows.all()}

    async def by_reference_on_predecessors(
        self, loan: Loan, reference: str
    ) -> LoanTransactionRecord | None:
        """The transaction with ``reference`` on a loan this one continues (reschedules)."""
        previous = loan.rescheduled_from_id
        while previous is not None:
            record = await self.by_reference(previous, reference)
            if record is not None:
                return record
            previous = await self.session.scalar(
                select(Loan.rescheduled_from_id).where(Loan.id == previous)
            )
        return None

    async def page_loans(
        self,
        *,
        limit: int,
        after: tuple[datetime, UUID] | None,
        fund_id: UUID | None,
        cooperative_id: UUID | None,
        status: str | None,
    ) -> Sequence[tuple[Loan, LoanAccount | None]]:
        """Newest first, ``limit + 1`` rows (the extra one tells there is a next page)."""
        stmt = (
            select(Loan, LoanAccount)
            .outerjoin(LoanAccount, LoanAccount.loan_id == Loan.id)
            .order_by(Loan.created_at.desc(), Loan.id.desc())
            .limit(limit + 1)
        )
        if after is not None:
            stmt = stmt.where(tuple_(Loan.created_at, Loan.id) < after)
        if fund_id is not None:
            stmt = stmt.where(Loan.fund_id == fund_id)
        if cooperative_id is not None:
            stmt = stmt.where(Loan.cooperative_id == cooperative_id)
        if status is not None:
            stmt = stmt.where(Loan.status == status)
        return [(r[0], r[1]) for r in (await self.session.execute(stmt)).all()]
