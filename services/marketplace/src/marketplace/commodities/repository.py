"""Queries on commodity reference data: commodities, units and grades."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.pagination import PageParams, Slice, fetch_page
from marketplace.commodities.models import Commodity, CommodityGrade, CommodityUnit, Unit


class CommodityRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @property
    def source(self) -> str:
        """The database read (its URL, password hidden): reference data kept per database."""
        bind = self.session.bind
        return str(bind.engine.url) if bind is not None else ""

    async def page(self, page: PageParams) -> Slice[Commodity]:
        """By code, one page."""
        return await fetch_page(self.session, select(Commodity), page, Commodity.code)

    async def get(self, code: str) -> Commodity | None:
        return await self.session.get(Commodity, code)

    async def unit(self, code: str) -> Unit | None:
        return await self.session.get(Unit, code)

    async def units_of(self, code: str) -> Sequence[tuple[CommodityUnit, Unit]]:
        rows = await self.session.execute(
            select(CommodityUnit, Unit)
            .join(Unit, Unit.code == CommodityUnit.unit_code)
            .where(CommodityUnit.commodity_code == code)
            .order_by(CommodityUnit.factor)
        )
        return [(row[0], row[1]) for row in rows]

    async def grades_of(self, code: str) -> Sequence[CommodityGrade]:
        return (
            await self.session.scalars(
                select(CommodityGrade)
                .where(CommodityGrade.commodity_code == code)
                .order_by(CommodityGrade.rank)
            )
        ).all()
