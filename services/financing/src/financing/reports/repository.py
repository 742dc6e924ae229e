"""Queries the fund reports need beyond the loans themselves."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from financing.products.models import Product


class ReportRepository:
    """Lookups for the fund reports."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def product_codes(self, product_ids: Sequence[UUID]) -> dict[UUID, str]:
        if not product_ids:
            return {}
        rows = await self.session.execute(
            select(Product.id, Product.code).where(Product.id.in_(list(set(product_ids))))
        )
        return {r[0]: r[1] for r in rows}
