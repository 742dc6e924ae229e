"""Every ledger query."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import CTE, ColumnElement, bindparam, delete, func, select, tuple_
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from financing.ledger.models import (
    Commitment,
    Fund,
    FundCash,
    FundCashDelta,
    JournalEntry,
    JournalLine,
)
from kopmod_shared.pagination import PageParams, Slice, fetch_page

ZERO = Decimal(0)


def roll_cash(fund: ColumnElement[Any]) -> CTE:
    """The fund's cash deltas moved into its ``fund_cash`` row, as a CTE whose ``cash`` is the
    fund's cash after the move (debits minus credits of every cash line committed before the
    statement began). A cash check's statement, under the fund's lock: one cash check of a fund
    rolls at a time, and the deltas written by transactions still open stay for the next."""
    gone = (
        delete(FundCashDelta)
        .where(FundCashDelta.fund_id == fund)
        .returning(FundCashDelta.amount)
        .cte("cash_gone")
    )
    moved = pg_insert(FundCash).from_select(
        ["fund_id", "cash"], select(fund, func.coalesce(func.sum(gone.c.amount), 0))
    )
    return (
        moved.on_conflict_do_update(
            index_elements=[FundCash.fund_id], set_={"cash": FundCash.cash + moved.excluded.cash}
        )
        .returning(FundCash.cash)
        .cte("cash_rolled")
    )


_ROLLED = roll_cash(bindparam("fund", type_=PG_UUID(as_uuid=True)))
# The fund's cash after the roll (see :func:`roll_cash`), built once.
_CASH = select(_ROLLED.c.cash)


class LedgerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, obj: object) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def fund(self, fund_id: UUID, *, for_update: bool = False) -> Fund | None:
        stmt = select(Fund).where(Fund.id == fund_id)
        if for_update:
            # FOR NO KEY UPDATE: serialises cash checks on the fund without blocking the foreign
            # key checks of rows that merely name it. FOR UPDATE made a repayment (holding its
            # loan, inserting journal lines for the fund) wait for a disbursement holding the fund
            # and waiting for that loan: a deadlock, seen with concurrent commands on one loan.
            stmt = stmt.with_for_update(key_share=True)
        return await self.session.scalar(stmt)

    async def fund_by_code(self, code: str) -> Fund | None:
        return await self.session.scalar(select(Fund).where(Fund.code == code))

    async def funds(self, page: PageParams) -> Slice[Fund]:
        """Oldest first, one page."""
        return await fetch_page(self.session, select(Fund), page, Fund.created_at, Fund.id)

    async def entry(self, entry_id: UUID) -> JournalEntry | None:
        return await self.session.get(JournalEntry, entry_id)

    async def reversal_of(self, entry_id: UUID) -> JournalEntry | None:
        return await self.session.scalar(
            select(JournalEntry).where(JournalEntry.reverses_entry_id == entry_id)
        )

    async def account_sums(
        self, fund_id: UUID, *, as_of: date | None = None
    ) -> dict[str, tuple[Decimal, Decimal]]:
        """(debits, credits) per account."""
        stmt = (
            select(
                JournalLine.account,
                func.coalesce(func.sum(JournalLine.debit), 0),
                func.coalesce(func.sum(JournalLine.credit), 0),
            )
            .where(JournalLine.fund_id == fund_id)
            .group_by(JournalLine.account)
        )
        if as_of is not None:
            stmt = stmt.join(JournalEntry, JournalEntry.id == JournalLine.entry_id).where(
                JournalEntry.entry_date <= as_of
            )
        rows = (await self.session.execute(stmt)).all()
        return {r[0]: (Decimal(r[1]), Decimal(r[2])) for r in rows}

    async def locked_cash(self, fund_id: UUID) -> Decimal:
        """The fund's cash (debits minus credits), from its maintained row: call under the fund's
        lock (:func:`roll_cash`)."""
        return await self.roll_cash(fund_id)

    async def roll_cash(self, fund_id: UUID) -> Decimal:
        """Move the fund's cash deltas into its ``fund_cash`` row; answers the cash after it.

        Safe without the fund's lock: a delta is deleted by one roll only (a second roll waits on
        its row, then skips it once the first commits) and the upsert adds to the row's latest
        version. Only a cash check needs the fund's lock, to keep what it read until it writes.
        End of day calls this in a transaction of its own (no other lock held), so the deltas of
        a fund that only receives repayments stay one business day's worth."""
        return Decimal((await self.session.execute(_CASH, {"fund": fund_id})).scalar_one())

    async def account_sum(self, fund_id: UUID, account: str) -> tuple[Decimal, Decimal]:
        row = (
            await self.session.execute(
                select(
                    func.coalesce(func.sum(JournalLine.debit), 0),
                    func.coalesce(func.sum(JournalLine.credit), 0),
                ).where(JournalLine.fund_id == fund_id, JournalLine.account == account)
            )
        ).one()
        return Decimal(row[0]), Decimal(row[1])

    async def statement_lines(
        self,
        fund_id: UUID,
        account: str,
        *,
        date_from: date | None,
        date_to: date | None,
        limit: int,
    ) -> Sequence[tuple[JournalLine, JournalEntry]]:
        stmt = (
            select(JournalLine, JournalEntry)
            .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
            .where(JournalLine.fund_id == fund_id, JournalLine.account == account)
            .order_by(JournalEntry.entry_date, JournalEntry.created_at, JournalLine.line_no)
            .limit(limit)
        )
        if date_from is not None:
            stmt = stmt.where(JournalEntry.entry_date >= date_from)
        if date_to is not None:
            stmt = stmt.where(JournalEntry.entry_date <= date_to)
        return [(r[0], r[1]) for r in (await self.session.execute(stmt)).all()]

    async def sum_before(
        self, fund_id: UUID, account: str, before: date
    ) -> tuple[Decimal, Decimal]:
        row = (
            await self.session.execute(
                select(
                    func.coalesce(func.sum(JournalLine.debit), 0),
                    func.coalesce(func.sum(JournalLine.credit), 0),
                )
                .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
                .where(
                    JournalLine.fund_id == fund_id,
                    JournalLine.account == account,
                    JournalEntry.entry_date < before,
                )
            )
        ).one()
        return Decimal(row[0]), Decimal(row[1])

    async def entries(
        self, fund_id: UUID, *, limit: int, after: tuple[date, datetime, UUID] | None
    ) -> Sequence[JournalEntry]:
        """Newest first, ``limit + 1`` rows (the extra one says a next page exists), continuing
        after the (entry date, created at, id) of the previous page's last entry."""
        key = (JournalEntry.entry_date, JournalEntry.created_at, JournalEntry.id)
        stmt = select(JournalEntry).where(JournalEntry.fund_id == fund_id)
        if after is not None:
            stmt = stmt.where(tuple_(*key) < tuple_(*after))
        stmt = stmt.order_by(*(k.desc() for k in key)).limit(limit + 1)
        return (await self.session.scalars(stmt)).all()

    async def loan_book_sums(
        self,
        fund_id: UUID,
        *,
        product_id: UUID | None,
        province_code: str | None,
        cooperative_ids: Sequence[UUID] | None,
    ) -> dict[str, tuple[Decimal, Decimal]]:
        """(debits, credits) per account of the lines of some loans only (a product, a
        province, a cohort's cooperatives)."""
        # Imported here: the ledger's package loads with ``financing.models``, before these.
        from financing.loans.models import Loan
        from financing.trends.repository import narrowed

        stmt = (
            select(
                JournalLine.account,
                func.coalesce(func.sum(JournalLine.debit), 0),
                func.coalesce(func.sum(JournalLine.credit), 0),
            )
            .join(Loan, Loan.id == JournalLine.loan_id)
            .where(JournalLine.fund_id == fund_id)
            .group_by(JournalLine.account)
        )
        stmt = narrowed(
            stmt,
            product_id=product_id,
            province_code=province_code,
            cooperative_ids=cooperative_ids,
        )
        rows = (await self.session.execute(stmt)).all()
        return {r[0]: (Decimal(r[1]), Decimal(r[2])) for r in rows}

    async def committed_of(
        self,
        fund_id: UUID,
        *,
        product_id: UUID | None,
        province_code: str | None,
        cooperative_ids: Sequence[UUID] | None,
    ) -> Decimal:
        """Still committed for the approved applications of a product, province or cohort."""
        from financing.applications.models import Application
        from financing.loans.repository import id_array

        stmt = (
            select(func.coalesce(func.sum(Commitment.amount - Commitment.drawn), 0))
            .join(Application, Application.id == Commitment.application_id)
            .where(Commitment.fund_id == fund_id, Commitment.released_at.is_(None))
        )
        if product_id is not None:
            stmt = stmt.where(Application.product_id == product_id)
        if province_code is not None:
            stmt = stmt.where(Application.province_code == province_code)
        if cooperative_ids is not None:
            stmt = stmt.where(Application.cooperative_id == id_array(cooperative_ids))
        return Decimal(await self.session.scalar(stmt) or 0)

    async def committed(self, fund_id: UUID) -> Decimal:
        value = await self.session.scalar(
            select(func.coalesce(func.sum(Commitment.amount - Commitment.drawn), 0)).where(
                Commitment.fund_id == fund_id, Commitment.released_at.is_(None)
            )
        )
        return Decimal(value or 0)

    async def commitment_for_application(self, application_id: UUID) -> Commitment | None:
        return await self.session.scalar(
            select(Commitment).where(Commitment.application_id == application_id).with_for_update()
        )

    async def commitment_for_loan(self, loan_id: UUID) -> Commitment | None:
        return await self.session.scalar(
            select(Commitment).where(Commitment.loan_id == loan_id).with_for_update()
        )
