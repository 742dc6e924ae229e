"""Every query on contracts, milestones, deliveries and disputes, and the fulfilment figures per
cooperative."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import Row, any_, bindparam, case, func, or_, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.pagination import PageParams, Slice, fetch_page
from marketplace.contracts.models import Contract, Delivery, Dispute, Milestone
from marketplace.rows import insert_new

SIGNED = ("active", "completed", "terminated")

_UUIDS = ARRAY(PG_UUID(as_uuid=True))


class ContractRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, contract: Contract, *, refresh: bool = True) -> Contract:
        """Insert; ``refresh`` reads it back (the stored scale of its numbers, for an answer
        that shows the contract). Queued with the commit's statement, milestones included, when
        the transaction defers its inserts (never read back then)."""
        if await insert_new(self.session, [contract]):
            for m in contract.milestones:
                m.contract_id = contract.id
            await insert_new(self.session, contract.milestones)
            return contract
        self.session.add(contract)
        await self.session.flush()
        if refresh:
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
        either_id: UUID | None = None,
        statuses: Sequence[str] = (),
    ) -> Sequence[Contract]:
        stmt = select(Contract).order_by(Contract.id).limit(limit + 1)
        if statuses:
            stmt = stmt.where(Contract.status.in_(statuses))
        if either_id is not None:
            stmt = stmt.where(
                or_(Contract.cooperative_id == either_id, Contract.offtaker_id == either_id)
            )
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

    async def noticed_quantity(self, contract_id: UUID) -> Decimal:
        """Quantity of the notices still waiting for the offtaker's answer."""
        stmt = select(func.coalesce(func.sum(Delivery.quantity_delivered), 0)).where(
            Delivery.contract_id == contract_id, Delivery.status == "notified"
        )
        return Decimal(await self.session.scalar(stmt) or 0)

    async def delivery_page(
        self,
        limit: int,
        after: UUID | None,
        *,
        cooperative_id: UUID | None = None,
        offtaker_id: UUID | None = None,
        status: str | None = None,
    ) -> Sequence[Delivery]:
        """Deliveries of a party's contracts, by id; narrowed to a status."""
        stmt = (
            select(Delivery)
            .join(Contract, Contract.id == Delivery.contract_id)
            .order_by(Delivery.id)
            .limit(limit + 1)
        )
        if after is not None:
            stmt = stmt.where(Delivery.id > after)
        if cooperative_id is not None:
            stmt = stmt.where(Contract.cooperative_id == cooperative_id)
        if offtaker_id is not None:
            stmt = stmt.where(Contract.offtaker_id == offtaker_id)
        if status is not None:
            stmt = stmt.where(Delivery.status == status)
        return (await self.session.scalars(stmt)).all()

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

    async def dispute_with_contract(self, id: UUID) -> Row[tuple[Dispute, Contract]] | None:
        stmt = (
            select(Dispute, Contract)
            .join(Contract, Contract.id == Dispute.contract_id)
            .where(Dispute.id == id)
        )
        return (await self.session.execute(stmt)).first()

    async def dispute_page(
        self,
        limit: int,
        after: UUID | None,
        *,
        cooperative_id: UUID | None = None,
        offtaker_id: UUID | None = None,
        status: str | None = None,
    ) -> Sequence[Row[tuple[Dispute, Contract]]]:
        """Disputes with their contracts, by id; narrowed to a party and a status."""
        stmt = (
            select(Dispute, Contract)
            .join(Contract, Contract.id == Dispute.contract_id)
            .order_by(Dispute.id)
            .limit(limit + 1)
        )
        if after is not None:
            stmt = stmt.where(Dispute.id > after)
        if cooperative_id is not None:
            stmt = stmt.where(Contract.cooperative_id == cooperative_id)
        if offtaker_id is not None:
            stmt = stmt.where(Contract.offtaker_id == offtaker_id)
        if status is not None:
            stmt = stmt.where(Dispute.status == status)
        return (await self.session.execute(stmt)).all()

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

    async def offtaker_fulfilment(self, offtaker_id: UUID, today: date) -> list[tuple[Any, ...]]:
        """Per cooperative and commodity of an offtaker's signed contracts: cooperative id,
        name, commodity, base unit, contracts, active contracts, contracted, due by today,
        accepted on due, accepted, contracted value, accepted value (unrounded)."""
        due = Milestone.due_date <= today
        per_contract = (
            select(
                Milestone.contract_id.label("contract_id"),
                func.sum(case((due, Milestone.quantity), else_=0)).label("due"),
                func.sum(case((due, Milestone.accepted_quantity), else_=0)).label("accepted_due"),
            )
            .group_by(Milestone.contract_id)
            .subquery()
        )
        stmt = (
            select(
                Contract.cooperative_id,
                func.max(Contract.cooperative_name),
                Contract.commodity_code,
                Contract.base_unit,
                func.count(Contract.id),
                func.count(Contract.id).filter(Contract.status == "active"),
                func.sum(Contract.quantity),
                func.coalesce(func.sum(per_contract.c.due), 0),
                func.coalesce(func.sum(per_contract.c.accepted_due), 0),
                func.sum(Contract.accepted_quantity),
                func.sum(Contract.value),
                func.sum(Contract.accepted_quantity * Contract.unit_price),
            )
            .outerjoin(per_contract, per_contract.c.contract_id == Contract.id)
            .where(Contract.offtaker_id == offtaker_id, Contract.status.in_(SIGNED))
            .group_by(Contract.cooperative_id, Contract.commodity_code, Contract.base_unit)
        )
        return [tuple(r) for r in await self.session.execute(stmt)]

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
