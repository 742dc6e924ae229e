"""Queries on API clients."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy import select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from registry.identity.models import ApiClient


class ApiClientRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, client: ApiClient) -> ApiClient:
        self.session.add(client)
        await self.session.flush()
        return client

    async def by_client_id(self, client_id: str) -> ApiClient | None:
        return await self.session.scalar(select(ApiClient).where(ApiClient.client_id == client_id))

    async def get(self, id: UUID) -> ApiClient | None:
        return await self.session.get(ApiClient, id)

    async def page(self, limit: int, after: tuple[datetime, UUID] | None) -> Sequence[ApiClient]:
        stmt = select(ApiClient).order_by(ApiClient.created_at, ApiClient.id).limit(limit + 1)
        if after is not None:
            stmt = stmt.where(tuple_(ApiClient.created_at, ApiClient.id) > tuple_(*after))
        return (await self.session.scalars(stmt)).all()

    async def touch_token(self, id: UUID) -> None:
        await self.session.execute(
            update(ApiClient).where(ApiClient.id == id).values(last_token_at=datetime.now(UTC))
        )
