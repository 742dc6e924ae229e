"""Queries for bank-statement imports and what a preview needs to know about loans."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from financing.loans.models import Loan, LoanTransactionRecord
from financing.reconciliation.models import BankStatementImport, BankStatementLine


class StatementRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_all(self, rows: Sequence[object]) -> None:
        self.session.add_all(rows)
        await self.session.flush()

    async def get(self, import_id: UUID, *, for_update: bool = False) -> BankStatementImport | None:
        stmt = select(BankStatementImport).where(BankStatementImport.id == import_id)
        if for_update:
            stmt = stmt.with_for_update()
        return (await self.session.scalars(stmt)).first()

    async def lines(self, import_id: UUID) -> list[BankStatementLine]:
        rows = await self.session.scalars(
            select(BankStatementLine)
            .where(BankStatementLine.import_id == import_id)
            .order_by(BankStatementLine.line_no)
        )
        return list(rows)

    async def loan_funds(self, loan_ids: Sequence[UUID]) -> dict[UUID, tuple[UUID, str]]:
        """Each named loan's fund and state."""
        if not loan_ids:
            return {}
        rows = await self.session.execute(
            select(Loan.id, Loan.fund_id, Loan.status).where(Loan.id.in_(list(loan_ids)))
        )
        return {r.id: (r.fund_id, r.status) for r in rows}

    async def booked(self, pairs: Sequence[tuple[UUID, str]]) -> set[tuple[UUID, str]]:
        """The (loan, reference) pairs already recorded as a transaction."""
        if not pairs:
            return set()
        rows = await self.session.execute(
            select(LoanTransactionRecord.loan_id, LoanTransactionRecord.external_reference).where(
                tuple_(LoanTransactionRecord.loan_id, LoanTransactionRecord.external_reference).in_(
                    list(pairs)
                )
            )
        )
        return {(r.loan_id, r.external_reference) for r in rows}
