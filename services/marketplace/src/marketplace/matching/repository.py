"""Queries on matching runs and their allocations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import undefer

from marketplace.matching.models import MatchingAllocation, MatchingRun

ALLOCATION_COLUMNS = (
    "id",
    "run_id",
    "demand_id",
    "offer_id",
    "cooperative_id",
    "quantity",
    "unit_cost",
    "distance_km",
    "score",
    "breakdown",
    "proposal_id",
)


_STORED = [c.key for c in MatchingRun.__table__.columns if c.key != "inputs"]


class MatchingRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_run(self, run: MatchingRun) -> MatchingRun:
        self.session.add(run)
        await self.session.flush()
        # Read back as stored (NUMERIC scale, defaults), all but the recorded inputs: those are
        # megabytes of JSON for a national run, and fetching and parsing them again is waste
        # (the column is deferred: ``replay`` loads it).
        await self.session.refresh(run, _STORED)
        return run

    async def add_allocations(self, allocations: list[tuple[Any, ...]]) -> None:
        """Record a run's allocations, tuples in ``ALLOCATION_COLUMNS`` order (the breakdown as
        JSON text), with one COPY on the session's own connection (inside its transaction): a
        national run records tens of thousands, and an ORM insert of each costs more than the
        matching."""
        if not allocations:
            return
        conn = await self.session.connection()
        raw = await conn.get_raw_connection()
        driver: Any = raw.driver_connection
        await driver.copy_records_to_table(
            MatchingAllocation.__tablename__, records=allocations, columns=ALLOCATION_COLUMNS
        )

    async def input_counts(self, run_id: UUID) -> tuple[int, int]:
        """How many demands and offers a run's recorded inputs hold."""
        inputs = MatchingRun.inputs
        stmt = select(
            func.jsonb_array_length(inputs["demands"]), func.jsonb_array_length(inputs["offers"])
        ).where(MatchingRun.id == run_id)
        demands, offers = (await self.session.execute(stmt)).one()
        return int(demands), int(offers)

    async def get(self, id: UUID) -> MatchingRun | None:
        return await self.session.get(MatchingRun, id)

    async def latest_for_demand(self, demand_id: UUID) -> MatchingRun | None:
        """The newest run that matched this demand alone or allocated to it in a batch."""
        batch = select(MatchingAllocation.run_id).where(MatchingAllocation.demand_id == demand_id)
        stmt = (
            select(MatchingRun)
            .where(or_(MatchingRun.demand_id == demand_id, MatchingRun.id.in_(batch)))
            .order_by(MatchingRun.created_at.desc(), MatchingRun.id.desc())
            .limit(1)
            .options(undefer(MatchingRun.inputs))  # deferred; the explanation reads them
        )
        return await self.session.scalar(stmt)

    async def offers_used_elsewhere(
        self, run_id: UUID, demand_id: UUID, offer_ids: Sequence[UUID]
    ) -> set[UUID]:
        """Of these offers, those the run allocated to other demands."""
        if not offer_ids:
            return set()
        stmt = select(MatchingAllocation.offer_id).where(
            MatchingAllocation.run_id == run_id,
            MatchingAllocation.demand_id != demand_id,
            MatchingAllocation.offer_id.in_(list(offer_ids)),
        )
        return set((await self.session.scalars(stmt)).all())

    async def allocations(
        self, run_id: UUID, demand_id: UUID | None = None
    ) -> Sequence[MatchingAllocation]:
        stmt = (
            select(MatchingAllocation)
            .where(MatchingAllocation.run_id == run_id)
            .order_by(MatchingAllocation.demand_id, MatchingAllocation.offer_id)
        )
        if demand_id is not None:
            stmt = stmt.where(MatchingAllocation.demand_id == demand_id)
        return (await self.session.scalars(stmt)).all()
