"""Queries on products and their dated tariffs."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from financing.products.models import Product, Tariff
from kopmod_shared.pagination import PageParams, Slice, fetch_page


class ProductRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, obj: object) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def get(self, product_id: UUID) -> Product | None:
        return await self.session.get(Product, product_id)

    async def get_locked(self, product_id: UUID, *, exclusive: bool) -> Product | None:
        """The product read afresh under a row lock: ``exclusive`` (``FOR NO KEY UPDATE``) to
        change it, else ``FOR SHARE`` to act on its current state (an application drafted or
        submitted on it) while nobody retires it. Neither blocks the foreign-key checks of rows
        that reference the product."""
        stmt = (
            select(Product)
            .where(Product.id == product_id)
            .execution_options(populate_existing=True)
        )
        stmt = (
            stmt.with_for_update(key_share=True) if exclusive else stmt.with_for_update(read=True)
        )
        return await self.session.scalar(stmt)

    async def by_code(self, code: str) -> Product | None:
        return await self.session.scalar(select(Product).where(Product.code == code))

    async def list(
        self, page: PageParams, fund_id: UUID | None, active: bool | None = None
    ) -> Slice[Product]:
        """By code (unique), one page."""
        stmt = select(Product)
        if fund_id is not None:
            stmt = stmt.where(Product.fund_id == fund_id)
        if active is not None:
            stmt = stmt.where(Product.active.is_(active))
        return await fetch_page(self.session, stmt, page, Product.code)

    async def tariffs(self, product_id: UUID, page: PageParams) -> Slice[Tariff]:
        """Oldest effective date first, one page."""
        stmt = select(Tariff).where(Tariff.product_id == product_id)
        return await fetch_page(self.session, stmt, page, Tariff.effective_from, Tariff.id)

    async def tariff_on(self, product_id: UUID, on: date) -> Tariff | None:
        return await self.session.scalar(
            select(Tariff)
            .where(Tariff.product_id == product_id, Tariff.effective_from <= on)
            .order_by(Tariff.effective_from.desc())
            .limit(1)
        )

    async def tariff_at(self, product_id: UUID, effective_from: date) -> Tariff | None:
        return await self.session.scalar(
            select(Tariff).where(
                Tariff.product_id == product_id, Tariff.effective_from == effective_from
            )
        )
