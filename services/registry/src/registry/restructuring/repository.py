"""Queries on restructurings: recording one with its participants, and following the links
between predecessors and successors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from kopmod_shared.schemas.registry import RestructuringKind
from registry.assessments.models import HealthAssessment
from registry.cooperatives.models import Cooperative, MemberGroup, SecondaryMembership
from registry.enums import ParticipantRole
from registry.identity.models import ApiClient
from registry.models import webhook_tables
from registry.modernisation.models import MentoringRecord
from registry.people.models import Membership
from registry.products.models import Product
from registry.rat.models import AnnualMeeting
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

    async def events_touching(self, ids: Sequence[UUID]) -> list[Restructuring]:
        """Every restructuring any of ``ids`` took part in, oldest first."""
        if not ids:
            return []
        stmt = (
            select(Restructuring)
            .where(
                Restructuring.id.in_(
                    select(RestructuringParticipant.restructuring_id).where(
                        RestructuringParticipant.cooperative_id.in_(list(ids))
                    )
                )
            )
            .order_by(Restructuring.effective_on, Restructuring.id)
        )
        return list((await self.session.scalars(stmt)).all())

    async def participants_of(
        self, event_ids: Sequence[UUID]
    ) -> list[tuple[UUID, ParticipantRole, Cooperative]]:
        if not event_ids:
            return []
        rows = await self.session.execute(
            select(
                RestructuringParticipant.restructuring_id,
                RestructuringParticipant.role,
                Cooperative,
            )
            .join(Cooperative, Cooperative.id == RestructuringParticipant.cooperative_id)
            .where(RestructuringParticipant.restructuring_id.in_(list(event_ids)))
            .order_by(Cooperative.id)
        )
        return [(e, role, c) for e, role, c in rows]

    async def holdings(self, ids: Sequence[UUID]) -> dict[str, dict[UUID, int]]:
        """What the registry holds for each cooperative, counted per kind of thing."""
        keys = list(ids)
        endpoints = webhook_tables.endpoints

        def per(column: Any, *where: Any) -> Select[Any]:
            return select(column, func.count()).where(column.in_(keys), *where).group_by(column)

        queries: dict[str, Select[Any]] = {
            "people": select(Membership.org_id, func.count(func.distinct(Membership.person_id)))
            .where(Membership.org_id.in_(keys), Membership.active.is_(True))
            .group_by(Membership.org_id),
            "api_clients": per(ApiClient.org_id, ApiClient.active.is_(True)),
            "webhook_endpoints": per(endpoints.c.owner_org_id, endpoints.c.enabled.is_(True)),
            "products": per(Product.cooperative_id),
            "rats": per(AnnualMeeting.cooperative_id),
            "health_assessments": per(HealthAssessment.cooperative_id),
            "mentoring_records": per(MentoringRecord.cooperative_id),
            "member_groups": per(MemberGroup.cooperative_id),
            "secondary_memberships": per(SecondaryMembership.member_id),
        }
        out: dict[str, dict[UUID, int]] = {}
        for name, stmt in queries.items():
            out[name] = {cid: int(n) for cid, n in await self.session.execute(stmt)}
        return out
