"""Every query on contracts, milestones, deliveries and disputes, and the fulfilment figures per
cooperative."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from uuid import UUID

from sqlalchemy import any_, bindparam, case, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.pagination import PageParams, Slice, fetch_page
from marketplace.contracts.models import Contract, Delivery, Dispute, Milestone

SIGNED = ("active", "completed", "terminated")

_UUIDS = ARRAY(PG_UUID(as_uuid=True))


class ContractRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, contract: Contract) -> Contract:
        self.session.add(contract)
        await self.session.flush()
        await self.session.refresh(contract)
        return contract

    async def get(self, id: UUID, *, for_update: bool = False) -> Contract | None:
        stmt = select(Contract).where(Contract.id == id)
        if for_update:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(stmt)

    async def by_proposal(self, proposal_id: UUID) -> Contract | None:
        return await self.session.scalar(
            select(Contract).where(Contract.proposal_id == proposal_id)
        )

    async def page(
        self,
        limit: int,
        after: UUID | None,
        *,
        cooperative_id: UUID | None = None,
        offtaker_id: UUID | None = None,
    ) -> Sequence[Contract]:
        stmt = select(Contract).order_by(Contract.id).limit(limit + 1)
        if after is not None:
            stmt = stmt.where(Contract.id > after)
        if cooperative_id is not None:
            stmt = stmt.where(Contract.cooperative_id == cooperative_id)
        if offtaker_id is not None:
            stmt = stmt.where(Contract.offtaker_id == offtaker_id)
        return (await self.session.scalars(stmt)).all()

    async def scheduled_on_offer(
        self, offer_id: UUID, *, exclude_contract: UUID | None = None
    ) -> list[tuple[date, Decimal]]:
        """(due date, quantity) of every milestone of the contracts drawing on an offer, but
        cancelled ones (their quantity went back to the offer). Plain rows, read afresh."""
        stmt = (
            select(Milestone.due_date, Milestone.quantity)
            .join(Contract, Contract.id == Milestone.contract_id)
            .where(Contract.offer_id == offer_id, Contract.status != "cancelled")
        )
        if exclude_contract is not None:
            stmt = stmt.where(Contract.id != exclude_contract)
        return [(r[0], r[1]) for r in await self.session.execute(stmt)]

    async def add_delivery(self, delivery: Delivery) -> Delivery:
        self.session.add(delivery)
        await self.session.flush()
        await self.session.refresh(delivery)
        return delivery

    async def get_delivery(self, id: UUID, *, for_update: bool = False) -> Delivery | None:
        stmt = select(Delivery).where(Delivery.id == id)
        if for_update:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(stmt)

    async def deliveries(self, contract_id: UUID, page: PageParams) -> Slice[Delivery]:
        """By delivery date, then as recorded; one page."""
        stmt = select(Delivery).where(Delivery.contract_id == contract_id)
        key = (Delivery.delivered_on, Delivery.created_at, Delivery.id)
        return await fetch_page(self.session, stmt, page, *key)

    async def add_dispute(self, dispute: Dispute) -> Dispute:
        self.session.add(dispute)
        await self.session.flush()
        await self.session.refresh(dispute)
        return dispute

    async def get_dispute(self, id: UUID, *, for_update: bool = False) -> Dispute | None:
        stmt = select(Dispute).where(Dispute.id == id)
        if for_update:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(stmt)

    async def open_dispute_for(self, delivery_id: UUID) -> Dispute | None:
        stmt = select(Dispute).where(Dispute.delivery_id == delivery_id, Dispute.status == "open")
        return await self.session.scalar(stmt)

    async def disputes(self, contract_id: UUID, page: PageParams) -> Slice[Dispute]:
        """Oldest first, one page."""
        stmt = select(Dispute).where(Dispute.contract_id == contract_id)
        return await fetch_page(self.session, stmt, page, Dispute.created_at, Dispute.id)

    async def fulfilment_totals(
        self, cooperative_ids: Iterable[UUID], today: date
    ) -> dict[UUID, tuple[int, Decimal, Decimal, Decimal, Decimal]]:
        """Per cooperative: contracts, contracted, due by today, accepted on due, accepted."""
        ids = list(cooperative_ids)
        if not ids:
            return {}
        due = Milestone.due_date <= today
        stmt = (
            select(
                Contract.cooperative_id,
                func.count(func.distinct(Contract.id)),
                func.coalesce(func.sum(Milestone.quantity), 0),
                func.coalesce(func.sum(case((due, Milestone.quantity), else_=0)), 0),
                func.coalesce(func.sum(case((due, Milestone.accepted_quantity), else_=0)), 0),
                func.coalesce(func.sum(Milestone.accepted_quantity), 0),
            )
            .join(Milestone, Milestone.contract_id == Contract.id)
            # One array parameter, not one per id: a national matching run asks about tens of
            # thousands of cooperatives (and asyncpg takes at most 32,767 parameters).
            .where(
                Contract.cooperative_id == any_(bindparam("cooperative_ids", ids, type_=_UUIDS)),
                Contract.status.in_(SIGNED),
            )
            .group_by(Contract.cooperative_id)
        )
        rows = await self.session.execute(stmt)
        return {r[0]: (int(r[1]), r[2], r[3], r[4], r[5]) for r in rows}

    async def fulfilment_rates(
        self, cooperative_ids: Iterable[UUID], today: date
    ) -> dict[UUID, float]:
        """Past delivery reliability per cooperative (only those with something due)."""
        totals = await self.fulfilment_totals(cooperative_ids, today)
        return {
            cid: min(1.0, float(accepted_due / due_q))
            for cid, (_, _, due_q, accepted_due, _) in totals.items()
            if due_q > 0
        }
