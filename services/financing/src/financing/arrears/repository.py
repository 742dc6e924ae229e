"""Queries on funds' business dates and closed business days."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from financing.arrears.models import EndOfDayRun, FundBusinessDate


class ArrearsRepository:
    """Business dates and end-of-day runs."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, obj: object) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def business_date(
        self, fund_id: UUID, *, for_update: bool = False
    ) -> FundBusinessDate | None:
        stmt = select(FundBusinessDate).where(FundBusinessDate.fund_id == fund_id)
        if for_update:
            stmt = stmt.with_for_update()
        return await self.session.scalar(stmt)

    async def end_of_day_run(
        self, fund_id: UUID, day: date, *, for_update: bool = False
    ) -> EndOfDayRun | None:
        stmt = select(EndOfDayRun).where(
            EndOfDayRun.fund_id == fund_id, EndOfDayRun.business_date == day
        )
        if for_update:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(stmt)

    async def end_of_day_runs(
        self, fund_id: UUID, date_from: date, date_to: date
    ) -> Sequence[EndOfDayRun]:
        return (
            await self.session.scalars(
                select(EndOfDayRun)
                .where(
                    EndOfDayRun.fund_id == fund_id,
                    EndOfDayRun.business_date >= date_from,
                    EndOfDayRun.business_date <= date_to,
                )
                .order_by(EndOfDayRun.business_date)
            )
        ).all()
