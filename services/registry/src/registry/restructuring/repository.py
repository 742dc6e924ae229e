"""Queries on restructurings: recording one with its participants, and following the links
between predecessors and successors."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from kopmod_shared.schemas.registry import RestructuringKind
from registry.cooperatives.models import Cooperative
from registry.enums import ParticipantRole
from registry.restructuring.models import Restructuring, RestructuringParticipant


class RestructuringRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(
        self,
        event: Restructuring,
        predecessors: Sequence[UUID],
        successors: Sequence[UUID],
    ) -> Restructuring:
        self.session.add(event)
        await self.session.flush()
        self.session.add_all(
            [
                RestructuringParticipant(
                    restructuring_id=event.id, cooperative_id=c, role=ParticipantRole.predecessor
                )
                for c in predecessors
            ]
            + [
                RestructuringParticipant(
                    restructuring_id=event.id, cooperative_id=c, role=ParticipantRole.successor
                )
                for c in successors
            ]
        )
        await self.session.flush()
        return event

    async def get(self, id: UUID) -> Restructuring | None:
        return await self.session.get(Restructuring, id)

    async def participants(self, id: UUID) -> list[tuple[ParticipantRole, Cooperative]]:
        rows = await self.session.execute(
            select(RestructuringParticipant.role, Cooperative)
            .join(Cooperative, Cooperative.id == RestructuringParticipant.cooperative_id)
            .where(RestructuringParticipant.restructuring_id == id)
            .order_by(Cooperative.id)
        )
        return [(role, c) for role, c in rows]

    async def links(
        self, ids: Sequence[UUID], *, towards: ParticipantRole
    ) -> list[tuple[UUID, Restructuring, Cooperative]]:
        """For each id, the cooperatives on the ``towards`` side of its restructurings.

        ``towards=predecessor`` walks back (events where the id is a successor),
        ``towards=successor`` walks forward.
        """
        given_role = (
            ParticipantRole.successor
            if towards is ParticipantRole.predecessor
            else ParticipantRole.predecessor
        )
        mine = aliased(RestructuringParticipant)
        other = aliased(RestructuringParticipant)
        rows = await self.session.execute(
            select(mine.cooperative_id, Restructuring, Cooperative)
            .join(Restructuring, Restructuring.id == mine.restructuring_id)
            .join(other, other.restructuring_id == mine.restructuring_id)
            .join(Cooperative, Cooperative.id == other.cooperative_id)
            .where(mine.cooperative_id.in_(ids), mine.role == given_role, other.role == towards)
            .order_by(Restructuring.effective_on, Restructuring.id, Cooperative.id)
        )
        return [(via, event, c) for via, event, c in rows]

    async def successors_of(self, cooperative_id: UUID) -> list[UUID]:
        """Who took over a merged cooperative (merger or fusion successors)."""
        mine = aliased(RestructuringParticipant)
        other = aliased(RestructuringParticipant)
        rows = await self.session.scalars(
            select(other.cooperative_id)
            .select_from(mine)
            .join(Restructuring, Restructuring.id == mine.restructuring_id)
            .join(other, other.restructuring_id == mine.restructuring_id)
            .where(
                mine.cooperative_id == cooperative_id,
                mine.role == ParticipantRole.predecessor,
                other.role == ParticipantRole.successor,
                Restructuring.kind.in_([RestructuringKind.merger, RestructuringKind.fusion]),
            )
        )
        return list(rows.all())
