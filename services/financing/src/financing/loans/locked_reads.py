"""A command's locks and locked read, run on the asyncpg driver.

The loan locked ``FOR UPDATE`` (a disbursement's with its fund first, in one statement), then
ONE statement for its transactions, its fund's business date, its account, its ledger sums and
``now()`` (and for a disbursement the fund's cash and the loan's commitment): each compiled once
and sent on the driver (``kopmod_shared.db.DriverQuery``), without SQLAlchemy's per-execution
work and the ORM's loading, which cost a money command about half of its own CPU for one or
two rows. What they read is attached to the session as the ORM's load would leave it
(:meth:`_Entity.attach`), so the rest of the command, and its flushes, see ORM objects as
before. ``LoanRepository.loan(for_update=True)``, ``lock_fund_and_loan`` and ``locked_read``
are the entries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, String, bindparam, cast, func, literal, select, text
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from financing.arrears.models import FundBusinessDate
from financing.arrears.repository import keep_business_date
from financing.ledger.models import Commitment, JournalLine
from financing.ledger.repository import roll_cash
from financing.loans.models import Loan, LoanAccount, LoanTransactionRecord
from kopmod_shared.db import DriverQuery


@dataclass
class LockedRead:
    """What a command reads of its loan once the loan is locked, in one statement
    (:meth:`LoanRepository.locked_read`)."""

    records: list[LoanTransactionRecord]
    # The fund's business date row (kept in the session for ``arrears.service.business_date``).
    business_date: FundBusinessDate | None
    account: LoanAccount | None
    # Debits minus credits per account over the journal lines booked for the loan.
    ledger: dict[str, Decimal]
    # The transaction's ``now()``: what a server default of this transaction writes.
    now: datetime
    # The fund's cash (debits minus credits), when asked for: the fund must be locked first.
    cash: Decimal | None
    # The loan's commitment, read with the cash (under the fund's and the loan's locks, which
    # every change of a loan's commitment holds).
    commitment: Commitment | None = None
    # A disbursement's read made the loan active (it was pending disbursement): the loan object
    # still says what it was, for the command's checks (``loans.service.settle``).
    activated: bool = False


class _Entity:
    """One mapped class's columns in a row read on the driver (``kopmod_shared.db.DriverQuery``:
    none of SQLAlchemy's per-execution work, no ORM loading), and the object for them."""

    def __init__(self, cls: Any, prefix: str = "") -> None:
        mapper = sa_inspect(cls)
        self.cls = cls
        columns = list(cls.__table__.columns)
        self.keys = [mapper.get_property_by_column(c).key for c in columns]
        self.pk = [self.keys[columns.index(c)] for c in mapper.primary_key]
        self.columns = [c.label(f"{prefix}{c.key}") if prefix else c for c in columns]

    def attach(self, session: AsyncSession, values: Sequence[Any]) -> Any:
        """The object of a row's ``values`` (this class's columns in table order) as the ORM's
        load with ``populate_existing`` gives it: persistent in the session (a change is
        flushed as an UPDATE), or the one the session holds already, its columns refreshed."""
        row = dict(zip(self.keys, values, strict=True))
        held = session.identity_map.get(identity_key(self.cls, tuple(row[k] for k in self.pk)))
        if held is not None:
            for name, value in row.items():
                set_committed_value(held, name, value)
            return held
        obj = self.cls._sa_class_manager.new_instance()
        obj.__dict__.update(row)
        make_transient_to_detached(obj)  # loaded state: no history, identity key set
        session.add(obj)
        return obj


async def _begun(session: AsyncSession) -> AsyncConnection:
    """The session's connection with its transaction begun. SQLAlchemy's asyncpg adapter sends
    ``BEGIN`` before the first statement that passes through it; one sent on the driver does not,
    and as the request's first statement (a command without an Idempotency-Key) it would run in
    autocommit: a lock released at once. So the adapter begins here what it would begin then."""
    conn = await session.connection()
    adapter: Any = (await conn.get_raw_connection()).dbapi_connection
    if adapter._transaction is None:
        async with adapter._execute_mutex:
            if adapter._transaction is None:
                await adapter._start_transaction()
    return conn


_LOAN = _Entity(Loan)
_TX = _Entity(LoanTransactionRecord, "t_")
_DAY = _Entity(FundBusinessDate, "b_")
_ACCOUNT = _Entity(LoanAccount, "a_")
_COMMITMENT = _Entity(Commitment, "c_")


def _locked_read(disbursing: bool) -> Any:
    """The statement of :meth:`LoanRepository.locked_read`, built once (bind parameters
    ``loan`` and ``fund``): every column of each entity (transaction, business date, account,
    commitment), then the ledger sums, ``now()``, the cash and whether the loan was made
    active, run on the driver."""
    loan = bindparam("loan", type_=PG_UUID(as_uuid=True))
    fund = bindparam("fund", type_=PG_UUID(as_uuid=True))
    sums = (
        select(JournalLine.account, func.sum(JournalLine.debit - JournalLine.credit).label("t"))
        .where(JournalLine.loan_id == loan)
        .group_by(JournalLine.account)
        .subquery("sums")
    )
    ledger = select(func.json_object_agg(sums.c.account, cast(sums.c.t, String))).scalar_subquery()
    cash: ColumnElement[Any] = literal(None, String)
    activated: ColumnElement[Any] = literal(False)
    if disbursing:
        # The fund's maintained cash, its deltas rolled in (under the fund's lock): not a sum
        # over every cash line the fund has.
        cash = cast(select(roll_cash(fund).c.cash).scalar_subquery(), String)
        # A disbursement leaves a loan active whatever it was (the state table allows nothing
        # else; a refused one rolls back): a loan pending disbursement is made active here,
        # after its lock, not by one more statement while the fund is locked.
        activate = (
            Loan.__table__.update()
            .where(Loan.id == loan, Loan.status == "pending_disbursement")
            .values(status="active")
            .returning(Loan.id)
            .cte("activated")
        )
        activated = select(activate.c.id).exists()
    one = select(literal(1).label("one")).subquery("one")
    stmt = (
        select(
            *_TX.columns,
            *_DAY.columns,
            *_ACCOUNT.columns,
            *(_COMMITMENT.columns if disbursing else ()),
            ledger.label("ledger"),
            func.now().label("now"),
            cash.label("cash"),
            activated.label("activated"),
        )
        .select_from(one)
        .outerjoin(FundBusinessDate, FundBusinessDate.fund_id == fund)
        .outerjoin(LoanAccount, LoanAccount.loan_id == loan)
    )
    if disbursing:
        stmt = stmt.outerjoin(Commitment, Commitment.loan_id == loan)
    return DriverQuery(
        stmt.outerjoin(LoanTransactionRecord, LoanTransactionRecord.loan_id == loan).order_by(
            LoanTransactionRecord.value_date, LoanTransactionRecord.seq
        )
    )


_LOCKED_READ = _locked_read(False)
_LOCKED_READ_DISBURSING = _locked_read(True)
# The loan's row under its lock, re-read (an earlier read in this request may be stale).
_LOAN_FOR_UPDATE = DriverQuery(
    select(*_LOAN.columns)
    .where(Loan.id == bindparam("loan", type_=PG_UUID(as_uuid=True)))
    .with_for_update()
)


# The loan's fund and the loan locked in ONE statement, in the order every command takes them
# (the fund first: its rowmark is listed first and Postgres locks a row's marks in that order).
# The fund FOR NO KEY UPDATE, as ``LedgerRepository.fund`` (why: there); the loan FOR UPDATE, as
# ``_LOAN_FOR_UPDATE``. A disbursement held the fund's lock over one more round trip before.
# Run on the driver: its columns named one by one (in the model's order, which ``loans.*``
# need not follow).
_LOAN_COLUMNS = ", ".join(f'loans."{c.name}"' for c in _LOAN.columns)
_FUND_AND_LOAN_FOR_UPDATE = DriverQuery(
    text(
        f"SELECT {_LOAN_COLUMNS} FROM funds JOIN loans ON loans.fund_id = funds.id "  # noqa: S608
        "WHERE loans.id = :loan FOR NO KEY UPDATE OF funds FOR UPDATE OF loans"
    )
    .bindparams(bindparam("loan", type_=PG_UUID(as_uuid=True)))
    .columns(*_LOAN.columns)
)


async def locked_loan(session: AsyncSession, loan_id: UUID, *, with_fund: bool) -> Loan | None:
    """The loan re-read under its lock (with its fund's lock first, ``with_fund``) and attached
    to the session as the ORM's load with ``populate_existing`` would (the session's autoflush
    is off, so the ORM's read flushed nothing first either). None when there is no such loan."""
    query = _FUND_AND_LOAN_FOR_UPDATE if with_fund else _LOAN_FOR_UPDATE
    row = await query.fetchrow(await _begun(session), loan=loan_id)
    return None if row is None else _LOAN.attach(session, row)


async def locked_read(
    session: AsyncSession, loan_id: UUID, fund_id: UUID, *, disbursing: bool
) -> LockedRead:
    """See ``LoanRepository.locked_read``."""
    query = _LOCKED_READ_DISBURSING if disbursing else _LOCKED_READ
    rows = await query.fetch_records(await _begun(session), loan=loan_id, fund=fund_id)
    # Each entity's columns in turn, then ledger, now, cash, activated.
    t, b, a = len(_TX.keys), len(_DAY.keys), len(_ACCOUNT.keys)
    c = t + b + a + (len(_COMMITMENT.keys) if disbursing else 0)
    records = [_TX.attach(session, r[:t]) for r in rows if r[0] is not None]
    first = rows[0]
    day = _DAY.attach(session, first[t : t + b]) if first[t] is not None else None
    if day is not None:
        keep_business_date(session, day)
    ledger, now, cash, activated = first[c : c + 4]
    return LockedRead(
        records=records,
        business_date=day,
        account=(
            _ACCOUNT.attach(session, first[t + b : t + b + a]) if first[t + b] is not None else None
        ),
        ledger={k: Decimal(v) for k, v in (ledger or {}).items()},
        now=now,
        cash=Decimal(cash) if cash is not None else None,
        commitment=(
            _COMMITMENT.attach(session, first[t + b + a : c])
            if disbursing and first[t + b + a] is not None
            else None
        ),
        activated=bool(activated),
    )
