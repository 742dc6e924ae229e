"""Queries on proposals and their negotiation history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row, Select, bindparam, exists, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, raiseload

from marketplace.demands.models import Demand
from marketplace.offers.models import SupplyOffer
from marketplace.offtakers.models import Offtaker
from marketplace.proposals.models import Proposal, ProposalEvent
from marketplace.rows import detach, insert_new

OPEN = ("proposed", "countered")

Answer = tuple[Proposal, str, list[ProposalEvent], SupplyOffer | None, Demand | None]


def _with_history(stmt: Select[Any], proposal: Any) -> Select[Any]:
    return stmt.outerjoin(ProposalEvent, ProposalEvent.proposal_id == proposal.id).order_by(
        ProposalEvent.at, ProposalEvent.round
    )


# Built once (bind parameters ``id``, ``org``): building them cost more than running them.
# A counter: the proposal locked, its offtaker's name, its offer (without its certifications)
# and demand (not locked) and its history.
_FOR_COUNTER = _with_history(
    select(Proposal, Offtaker.name, ProposalEvent, SupplyOffer, Demand)
    .join(Offtaker, Offtaker.id == Proposal.offtaker_id)
    .join(SupplyOffer, SupplyOffer.id == Proposal.offer_id)
    .join(Demand, Demand.id == Proposal.demand_id)
    .where(Proposal.id == bindparam("id"))
    .with_for_update(of=Proposal)
    .options(raiseload(SupplyOffer.certifications)),
    Proposal,
).execution_options(populate_existing=True)


def _for_accept() -> Select[Any]:
    """An acceptance: the proposal, its offer and its demand locked in that order (the lock
    order everywhere) in one statement, with the offtaker's name and the history. Each lock is
    its own materialized CTE whose rows the next one needs (the offer's id comes from the
    proposal, the demand's from the proposal once the offer is locked), so Postgres takes them
    in that order whatever plan it picks. The offer and the demand are locked only for a party
    of the proposal (``org``): anyone else finds nothing (404) and locks nothing of others'."""
    p = _locked(Proposal, bindparam("id"), "p")
    org: Any = bindparam("org")
    mine = or_(p.c.cooperative_id == org, p.c.offtaker_id == org)
    o = _locked(SupplyOffer, select(p.c.offer_id).where(mine).scalar_subquery(), "o")
    offer_locked = exists(select(o.c.id))
    d = _locked(Demand, select(p.c.demand_id).where(offer_locked).scalar_subquery(), "d")
    proposal = aliased(Proposal, p)
    offer, demand = aliased(SupplyOffer, o), aliased(Demand, d)
    stmt = (
        select(proposal, Offtaker.name, ProposalEvent, offer, demand)
        .select_from(proposal)
        .join(Offtaker, Offtaker.id == proposal.offtaker_id)
        .join(offer, true())
        .join(demand, true())
        .options(raiseload(offer.certifications))
    )
    return _with_history(stmt, proposal).execution_options(populate_existing=True)


def _locked(model: Any, id: Any, name: str) -> Any:
    """``WITH name AS MATERIALIZED (SELECT model's row with ``id`` FOR UPDATE)``."""
    stmt = select(model).where(model.id == id).with_for_update()
    return stmt.cte(name).prefix_with("MATERIALIZED")


_FOR_ACCEPT = _for_accept()


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

    async def for_counter(self, id: UUID) -> Answer | None:
        """In one statement: the proposal locked, its offtaker's name, its offer (without its
        certifications) and demand, not locked, and its history (in order). Each is taken out of
        the session (``marketplace.rows.detach``): the command writes what it changes with
        ``write_back``."""
        return await self._answer(_FOR_COUNTER, {"id": id})

    async def for_accept(self, id: UUID, org_id: UUID | None) -> Answer | None:
        """In one statement: the proposal, its offer (without its certifications) and its
        demand locked in that order, for a party of the proposal (``org_id``, a cooperative's
        or an offtaker's id); its offtaker's name and its history. Detached as
        :meth:`for_counter`."""
        return await self._answer(_FOR_ACCEPT, {"id": id, "org": org_id})

    async def _answer(self, stmt: Select[Any], params: dict[str, Any]) -> Answer | None:
        rows = (await self.session.execute(stmt, params)).all()
        if not rows:
            return None
        first = rows[0]
        history = [r[2] for r in rows if r[2] is not None]
        detach(self.session, first[0], *history, first[3], first[4])
        return first[0], first[1], history, first[3], first[4]

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
