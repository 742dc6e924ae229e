"""Queries for the OpenID Connect provider: clients, sessions, codes and refresh tokens."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.pagination import PageParams, Slice, fetch_page
from registry.oidc.models import AuthorizationCode, BrowserSession, OidcClient, RefreshToken


class OidcRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: object) -> None:
        self.session.add(row)
        await self.session.flush()

    async def client(self, client_id: str) -> OidcClient | None:
        return await self.session.scalar(
            select(OidcClient).where(OidcClient.client_id == client_id)
        )

    async def clients(self, page: PageParams) -> Slice[OidcClient]:
        """Oldest first, one page."""
        key = (OidcClient.created_at, OidcClient.id)
        return await fetch_page(self.session, select(OidcClient), page, *key)

    async def browser_session(self, token_hash: str) -> BrowserSession | None:
        return await self.session.scalar(
            select(BrowserSession).where(BrowserSession.token_hash == token_hash)
        )

    async def session_by_id(self, id: UUID) -> BrowserSession | None:
        return await self.session.get(BrowserSession, id)

    async def code(self, code_hash: str) -> AuthorizationCode | None:
        return await self.session.scalar(
            select(AuthorizationCode)
            .where(AuthorizationCode.code_hash == code_hash)
            .with_for_update()
        )

    async def refresh(self, token_hash: str) -> RefreshToken | None:
        return await self.session.scalar(
            select(RefreshToken).where(RefreshToken.token_hash == token_hash).with_for_update()
        )

    async def revoke_family(self, family_id: UUID, now: datetime) -> None:
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )

    async def end_session(self, session_id: UUID, now: datetime) -> None:
        await self.session.execute(
            update(BrowserSession)
            .where(BrowserSession.id == session_id, BrowserSession.ended_at.is_(None))
            .values(ended_at=now)
        )
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.session_id == session_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )
