"""Queries for person accounts, memberships, email links, sign-in events and data-access rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.pagination import PageParams, Slice, fetch_page
from registry.oidc.models import BrowserSession, RefreshToken
from registry.people.models import (
    EmailLink,
    Membership,
    Person,
    PersonDataAccess,
    SignInEvent,
)


class PeopleRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: object) -> None:
        self.session.add(row)
        await self.session.flush()

    async def get(self, id: UUID, *, for_update: bool = False) -> Person | None:
        stmt = select(Person).where(Person.id == id)
        if for_update:
            stmt = stmt.with_for_update()
        return await self.session.scalar(stmt)

    async def by_email(self, email: str, *, for_update: bool = False) -> Person | None:
        stmt = select(Person).where(Person.email == email)
        if for_update:
            stmt = stmt.with_for_update()
        return await self.session.scalar(stmt)

    async def memberships(self, person_id: UUID, *, active_only: bool = True) -> list[Membership]:
        stmt = select(Membership).where(Membership.person_id == person_id)
        if active_only:
            stmt = stmt.where(Membership.active.is_(True))
        return list(await self.session.scalars(stmt.order_by(Membership.created_at)))

    async def membership(self, id: UUID) -> Membership | None:
        return await self.session.get(Membership, id)

    async def find_membership(
        self, person_id: UUID, role: str, org_id: UUID | None
    ) -> Membership | None:
        stmt = select(Membership).where(
            Membership.person_id == person_id,
            Membership.role == role,
            Membership.org_id.is_(None) if org_id is None else Membership.org_id == org_id,
        )
        return await self.session.scalar(stmt)

    async def link(self, token_hash: str) -> EmailLink | None:
        return await self.session.scalar(
            select(EmailLink).where(EmailLink.token_hash == token_hash).with_for_update()
        )

    async def address_failures(self, address: str, since: datetime) -> int:
        return int(
            await self.session.scalar(
                select(func.count())
                .select_from(SignInEvent)
                .where(
                    SignInEvent.address == address,
                    SignInEvent.at >= since,
                    SignInEvent.outcome != "success",
                )
            )
            or 0
        )

    async def signins(self, person_id: UUID, limit: int = 100) -> Sequence[SignInEvent]:
        stmt = (
            select(SignInEvent)
            .where(SignInEvent.person_id == person_id)
            .order_by(SignInEvent.at.desc())
            .limit(limit)
        )
        return (await self.session.scalars(stmt)).all()

    async def signins_page(self, person_id: UUID, page: PageParams) -> Slice[SignInEvent]:
        """Newest first, one page."""
        stmt = select(SignInEvent).where(SignInEvent.person_id == person_id)
        key = (SignInEvent.at, SignInEvent.id)
        return await fetch_page(self.session, stmt, page, *key, descending=True)

    async def accesses(self, person_id: UUID) -> Sequence[PersonDataAccess]:
        stmt = (
            select(PersonDataAccess)
            .where(PersonDataAccess.person_id == person_id)
            .order_by(PersonDataAccess.at.desc())
        )
        return (await self.session.scalars(stmt)).all()

    async def org_people(
        self, roles: Sequence[str], org_id: UUID, page: PageParams
    ) -> Slice[Person]:
        """The people with a membership in the organisation (as one of ``roles``), by name."""
        member = select(Membership.id).where(
            Membership.person_id == Person.id,
            Membership.role.in_(roles),
            Membership.org_id == org_id,
        )
        stmt = select(Person).where(member.exists())
        return await fetch_page(self.session, stmt, page, Person.name, Person.id)

    async def search(
        self,
        page: PageParams,
        *,
        q: str | None,
        role: str | None,
        status: str | None,
        org_id: UUID | None,
    ) -> Slice[Person]:
        """Every person, by name: ``q`` in the name or the email (case-insensitive), with a
        membership of ``role`` and/or in ``org_id``, in ``status``."""
        stmt = select(Person)
        if q:
            text = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            pattern = f"%{text}%"
            stmt = stmt.where(
                Person.name.ilike(pattern, escape="\\") | Person.email.ilike(pattern, escape="\\")
            )
        if status is not None:
            stmt = stmt.where(Person.status == status)
        if role is not None or org_id is not None:
            member = select(Membership.id).where(Membership.person_id == Person.id)
            if role is not None:
                member = member.where(Membership.role == role)
            if org_id is not None:
                member = member.where(Membership.org_id == org_id)
            stmt = stmt.where(member.exists())
        return await fetch_page(self.session, stmt, page, Person.name, Person.id)

    async def recipients(
        self, role: str, org_id: UUID | None, page: PageParams, person_id: UUID | None = None
    ) -> tuple[list[tuple[Person, Membership]], str | None]:
        """Active people with an active membership in ``role`` (of ``org_id`` when given; only
        ``person_id`` when given), in the order of their memberships' ids."""
        stmt = (
            select(Membership)
            .join(Person, Membership.person_id == Person.id)
            .where(
                Person.status == "active",
                Membership.active.is_(True),
                Membership.role == role,
                Membership.org_id == org_id if org_id is not None else Membership.org_id.is_(None),
            )
        )
        if person_id is not None:
            stmt = stmt.where(Membership.person_id == person_id)
        memberships, cursor = await fetch_page(self.session, stmt, page, Membership.id)
        ids = [m.person_id for m in memberships]
        people = {
            p.id: p
            for p in (await self.session.scalars(select(Person).where(Person.id.in_(ids)))).all()
        }
        return [(people[m.person_id], m) for m in memberships], cursor

    async def end_sessions(
        self, person_id: UUID, now: datetime, *, keep: UUID | None = None
    ) -> None:
        """End a person's sessions (all but ``keep``) and revoke their refresh tokens."""
        stmt = update(BrowserSession).where(
            BrowserSession.person_id == person_id, BrowserSession.ended_at.is_(None)
        )
        if keep is not None:
            stmt = stmt.where(BrowserSession.id != keep)
        ended = select(BrowserSession.id).where(BrowserSession.person_id == person_id)
        if keep is not None:
            ended = ended.where(BrowserSession.id != keep)
        await self.session.execute(stmt.values(ended_at=now))
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.session_id.in_(ended), RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )

    async def end_membership_sessions(self, membership_id: UUID, now: datetime) -> list[UUID]:
        """End the sessions acting in a membership, revoke their refresh tokens, and return the
        ids of the sessions this ended."""
        sessions = select(BrowserSession.id).where(BrowserSession.membership_id == membership_id)
        ended = await self.session.execute(
            update(BrowserSession)
            .where(BrowserSession.membership_id == membership_id, BrowserSession.ended_at.is_(None))
            .values(ended_at=now)
            .returning(BrowserSession.id)
        )
        ended_ids = list(ended.scalars())
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.session_id.in_(sessions), RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        return ended_ids
