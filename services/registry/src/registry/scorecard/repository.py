"""Every registry query of the scorecard: the cooperatives and the history its aspects use."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.auth import Role
from kopmod_shared.schemas.registry import CooperativeStatus
from registry.cooperatives import derived
from registry.cooperatives.models import Cooperative
from registry.cooperatives.repository import CooperativeRepository
from registry.identity.models import ApiClient
from registry.models import webhook_tables
from registry.modernisation.models import MentoringRecord
from registry.people.models import Membership, SignInEvent
from registry.products.models import Product
from registry.scorecard import rules
from registry.scorecard.rules import RegistryFacts

GONE = (CooperativeStatus.merged, CooperativeStatus.dissolved)


@dataclass(frozen=True)
class ProgrammeFilter:
    province: str | None = None  # 2-digit code
    cohort_year: int | None = None


class ScorecardRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def cooperative(self, cooperative_id: UUID) -> Cooperative | None:
        return await self.session.get(Cooperative, cooperative_id)

    async def programme_page(
        self, after: UUID | None, limit: int, where: ProgrammeFilter | None = None
    ) -> list[Cooperative]:
        """Cooperatives in the programme (a phase recorded), not merged or dissolved, by id."""
        stmt = (
            select(Cooperative)
            .where(Cooperative.phase.is_not(None), Cooperative.status.not_in(GONE))
            .order_by(Cooperative.id)
            .limit(limit)
        )
        if where is not None and where.province is not None:
            stmt = stmt.where(Cooperative.region_code.startswith(f"{where.province}."))
        if where is not None and where.cohort_year is not None:
            stmt = stmt.where(Cooperative.cohort_year == where.cohort_year)
        if after is not None:
            stmt = stmt.where(Cooperative.id > after)
        return list((await self.session.scalars(stmt)).all())

    async def _products(self, ids: Sequence[UUID]) -> dict[UUID, tuple[int, int, int, int]]:
        rows = await self.session.execute(
            select(
                Product.cooperative_id,
                func.count(),
                func.count().filter(Product.processed),
                func.count().filter(Product.export_market),
                func.count().filter(Product.domestic_market),
            )
            .where(Product.cooperative_id.in_(list(ids)))
            .group_by(Product.cooperative_id)
        )
        return {r[0]: (int(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in rows}

    async def _mentoring(self, ids: Sequence[UUID]) -> dict[UUID, tuple[int, int, list[str]]]:
        """Per cooperative: mentoring records, those still open, and every record's focus."""
        rows = await self.session.execute(
            select(
                MentoringRecord.cooperative_id,
                func.count(),
                func.count().filter(MentoringRecord.ended_on.is_(None)),
                func.array_agg(func.array_to_string(MentoringRecord.focus, ",")),
            )
            .where(MentoringRecord.cooperative_id.in_(list(ids)))
            .group_by(MentoringRecord.cooperative_id)
        )
        return {
            r[0]: (int(r[1]), int(r[2]), [f for joined in r[3] for f in joined.split(",") if f])
            for r in rows
        }

    async def _digital(self, ids: Sequence[UUID]) -> dict[UUID, tuple[int, int, int]]:
        """Per cooperative: its people who signed in recently (distinct, active memberships),
        its API clients that obtained a token recently, its enabled webhook endpoints here."""
        now = datetime.now(UTC)
        signed_in_since = now - timedelta(days=rules.TECH_RECENT_SIGNIN_DAYS)
        client_since = now - timedelta(days=rules.TECH_CLIENT_RECENT_DAYS)
        endpoints = webhook_tables.endpoints
        people = (
            select(Membership.org_id, func.count(func.distinct(Membership.person_id)))
            .join(SignInEvent, SignInEvent.person_id == Membership.person_id)
            .where(
                Membership.org_id.in_(list(ids)),
                Membership.role == Role.cooperative.value,
                Membership.active.is_(True),
                SignInEvent.outcome == "success",
                SignInEvent.at >= signed_in_since,
            )
            .group_by(Membership.org_id)
        )
        clients = (
            select(ApiClient.org_id, func.count())
            .where(
                ApiClient.org_id.in_(list(ids)),
                ApiClient.role == Role.cooperative.value,
                ApiClient.active.is_(True),
                ApiClient.last_token_at >= client_since,
            )
            .group_by(ApiClient.org_id)
        )
        hooks = (
            select(endpoints.c.owner_org_id, func.count())
            .where(
                endpoints.c.owner_org_id.in_(list(ids)),
                endpoints.c.owner_role == Role.cooperative.value,
                endpoints.c.enabled.is_(True),
            )
            .group_by(endpoints.c.owner_org_id)
        )
        out: dict[UUID, list[int]] = {}
        for slot, stmt in enumerate((people, clients, hooks)):
            for cid, n in await self.session.execute(stmt):
                out.setdefault(cid, [0, 0, 0])[slot] = int(n)
        return {cid: (v[0], v[1], v[2]) for cid, v in out.items()}

    async def facts(
        self, cooperatives: Sequence[Cooperative], as_of: date
    ) -> dict[UUID, RegistryFacts]:
        ids = [c.id for c in cooperatives]
        if not ids:
            return {}
        history = CooperativeRepository(self.session)
        rats = await history.rat_records(ids)
        health = await history.health_records(ids)
        products = await self._products(ids)
        mentoring = await self._mentoring(ids)
        digital = await self._digital(ids)
        last_due = derived.last_due_year(as_of)
        out = {}
        for c in cooperatives:
            c_rats, c_health = derived.known_at(rats.get(c.id, []), health.get(c.id, []), as_of)
            latest = derived.latest_health(c_health)
            n, processed, export, domestic = products.get(c.id, (0, 0, 0, 0))
            people, clients, hooks = digital.get(c.id, (0, 0, 0))
            records, open_records, focus = mentoring.get(c.id, (0, 0, []))
            out[c.id] = RegistryFacts(
                products=n,
                processed_products=processed,
                export_products=export,
                domestic_products=domestic,
                active=derived.is_active(c.status, c_rats, as_of),
                last_due_rat_year=last_due,
                last_due_rat_held=any(r.year == last_due for r in c_rats),
                rat_warning=derived.rat_warning(c.founded_on, c_rats, as_of),
                last_rat_held_on=max((r.held_on for r in c_rats), default=None),
                latest_health=latest.category if latest else None,
                latest_health_year=latest.year if latest else None,
                latest_health_score=latest.score if latest else None,
                mentoring_records=records,
                open_mentoring=open_records,
                mentoring_focus=tuple(focus),
                people_signed_in_recently=people,
                api_clients_used_recently=clients,
                webhook_endpoints=hooks,
            )
        return out
