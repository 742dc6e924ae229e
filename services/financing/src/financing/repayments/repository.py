"""Queries repayments need beyond the loan's own: the loans a marketplace delivery pays."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from sqlalchemy import any_, select
from sqlalchemy.ext.asyncio import AsyncSession

from financing.applications.models import Application
from financing.loans.models import Loan, LoanStatus
from financing.products.models import Product


class RepaymentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def closed_loop_loans(self, contract_id: UUID) -> list[tuple[UUID, Decimal]]:
        """Active closed-loop loans whose application references ``contract_id``, oldest
        first, with their product's ``closed_loop_share``."""
        rows = await self.session.execute(
            select(Loan.id, Product.closed_loop_share)
            .join(Application, Application.id == Loan.application_id)
            .join(Product, Product.id == Loan.product_id)
            .where(
                any_(Application.offtake_contract_ids) == contract_id,
                Product.closed_loop_share.is_not(None),
                Loan.status == LoanStatus.active.value,
            )
            .order_by(Loan.signed_at, Loan.id)
        )
        return [(r[0], r[1]) for r in rows.all()]
