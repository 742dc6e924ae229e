"""Queries on a cooperative's products."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.pagination import PageParams, Slice, fetch_page
from registry.products.models import Product


class ProductRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, product: Product) -> Product:
        self.session.add(product)
        await self.session.flush()
        await self.session.refresh(product)
        return product

    async def get(self, cooperative_id: UUID, id: UUID) -> Product | None:
        return await self.session.scalar(
            select(Product).where(Product.id == id, Product.cooperative_id == cooperative_id)
        )

    async def for_cooperative(self, cooperative_id: UUID, page: PageParams) -> Slice[Product]:
        """By name, one page."""
        stmt = select(Product).where(Product.cooperative_id == cooperative_id)
        return await fetch_page(self.session, stmt, page, Product.name, Product.id)

    async def delete(self, product: Product) -> None:
        await self.session.delete(product)
        await self.session.flush()

    async def save(self, product: Product) -> Product:
        await self.session.flush()
        await self.session.refresh(product)
        return product
