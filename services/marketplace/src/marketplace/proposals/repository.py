"""Queries on proposals and their negotiation history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import raiseload

from marketplace.demands.models import Demand
from marketplace.offers.models import SupplyOffer
from marketplace.offtakers.models import Offtaker
from marketplace.proposals.models import Proposal, ProposalEvent
from marketplace.rows import detach, insert_new

OPEN = ("proposed", "countered")


class ProposalRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, proposal: Proposal) -> Proposal:
        self.session.add(proposal)
        await self.session.flush()
        await self.session.refresh(proposal)
        return proposal

    async def add_event(self, event: ProposalEvent) -> ProposalEvent:
        """Queued with the commit's statement when the transaction defers its inserts."""
        if not await insert_new(self.session, [event]):
            self.session.add(event)
            await self.session.flush()
        return event

    async def for_answer(
        self, id: UUID, *, with_terms: bool = False
    ) -> tuple[Proposal, str, list[ProposalEvent], SupplyOffer | None, Demand | None] | None:
        """In one statement: the proposal locked, its offtaker's name and its history (in
        order), and with ``with_terms`` its offer (without its certifications) and demand, not
        locked. Each is taken out of the session (``marketplace.rows.detach``): the command
        writes what it changes with ``write_back``."""
        stmt = (
            select(Proposal, Offtaker.name, ProposalEvent)
            .join(Offtaker, Offtaker.id == Proposal.offtaker_id)
            .outerjoin(ProposalEvent, ProposalEvent.proposal_id == Proposal.id)
            .where(Proposal.id == id)
            .order_by(ProposalEvent.at, ProposalEvent.round)
            .with_for_update(of=Proposal)
            .execution_options(populate_existing=True)
        )
        if with_terms:
            stmt = (
                stmt.add_columns(SupplyOffer, Demand)
                .join(SupplyOffer, SupplyOffer.id == Proposal.offer_id)
                .join(Demand, Demand.id == Proposal.demand_id)
                .options(raiseload(SupplyOffer.certifications))
            )
        rows = (await self.session.execute(stmt)).all()
        if not rows:
            return None
        first = rows[0]
        history = [r[2] for r in rows if r[2] is not None]
        offer, demand = (first[3], first[4]) if with_terms else (None, None)
        detach(self.session, first[0], *history, *(o for o in (offer, demand) if o is not None))
        return first[0], first[1], history, offer, demand

    async def get(self, id: UUID, *, for_update: bool = False) -> Proposal | None:
        stmt = select(Proposal).where(Proposal.id == id)
        if for_update:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(stmt)

    async def open_for_pair(
        self, demand_id: UUID, offer_id: UUID, now: datetime
    ) -> Proposal | None:
        stmt = select(Proposal).where(
            Proposal.demand_id == demand_id,
            Proposal.offer_id == offer_id,
            Proposal.status.in_(("proposed", "countered")),
            Proposal.expires_at > now,
        )
        return await self.session.scalar(stmt)

    async def history(self, proposal_id: UUID) -> Sequence[ProposalEvent]:
        stmt = (
            select(ProposalEvent)
            .where(ProposalEvent.proposal_id == proposal_id)
            .order_by(ProposalEvent.at, ProposalEvent.round)
        )
        return (await self.session.scalars(stmt)).all()

    def _named(self) -> Any:
        """Proposals with their counterparties' names (the offer's cooperative, the offtaker)."""
        return (
            select(Proposal, SupplyOffer.cooperative_name, Offtaker.name)
            .join(SupplyOffer, SupplyOffer.id == Proposal.offer_id)
            .join(Offtaker, Offtaker.id == Proposal.offtaker_id)
        )

    async def named(self, id: UUID) -> Row[tuple[Proposal, str, str]] | None:
        return (await self.session.execute(self._named().where(Proposal.id == id))).first()

    async def page(
        self,
        limit: int,
        after: UUID | None,
        *,
        cooperative_id: UUID | None = None,
        offtaker_id: UUID | None = None,
        demand_id: UUID | None = None,
        awaiting: tuple[str, datetime] | None = None,
    ) -> Sequence[Row[tuple[Proposal, str, str]]]:
        """A page of proposals with the counterparties' names. ``awaiting`` (side, now) keeps
        those still open at ``now`` whose turn is that side's."""
        stmt = self._named().order_by(Proposal.id).limit(limit + 1)
        if after is not None:
            stmt = stmt.where(Proposal.id > after)
        if cooperative_id is not None:
            stmt = stmt.where(Proposal.cooperative_id == cooperative_id)
        if offtaker_id is not None:
            stmt = stmt.where(Proposal.offtaker_id == offtaker_id)
        if demand_id is not None:
            stmt = stmt.where(Proposal.demand_id == demand_id)
        if awaiting is not None:
            side, now = awaiting
            stmt = stmt.where(
                Proposal.status.in_(OPEN), Proposal.expires_at > now, Proposal.turn == side
            )
        return (await self.session.execute(stmt)).all()
