"""Queries on proposals and their negotiation history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row, select
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.offers.models import SupplyOffer
from marketplace.offtakers.models import Offtaker
from marketplace.proposals.models import Proposal, ProposalEvent

OPEN = ("proposed", "countered")


class ProposalRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, proposal: Proposal) -> Proposal:
        self.session.add(proposal)
        await self.session.flush()
        await self.session.refresh(proposal)
        return proposal

    async def add_event(self, event: ProposalEvent) -> None:
        self.session.add(event)
        await self.session.flush()

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
