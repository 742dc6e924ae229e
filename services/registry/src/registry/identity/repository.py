"""Queries on API clients."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import func, insert, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from registry.identity.models import ApiClient, TokenRequestAudit

WRONG_SECRET = "wrong_secret"
LOCKED_OUT = "locked_out"


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


class TokenAuditRepository:
    """Refused secret attempts; runs on its own connection and commits at once, since the token
    request that fails rolls its own transaction back."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    def _nth_latest_failure(self, column: Any, value: str, n: int, window: timedelta) -> Any:
        audit = TokenRequestAudit
        return (
            select(audit.at)
            .where(
                column == value,
                audit.outcome == WRONG_SECRET,
                audit.at > func.now() - window,
            )
            .order_by(audit.at.desc())
            .offset(n - 1)
            .limit(1)
            .scalar_subquery()
        )

    async def locked_for(
        self, *, client_id: str, address: str, window: timedelta, per_client: int, per_address: int
    ) -> float:
        """Seconds until neither the client id nor the address has too many recent failures
        (0 when neither has): the n-th latest failure leaves the window then."""
        until = func.greatest(
            self._nth_latest_failure(TokenRequestAudit.client_id, client_id, per_client, window),
            self._nth_latest_failure(TokenRequestAudit.address, address, per_address, window),
        )
        row = (
            await self.conn.execute(select(func.extract("epoch", until + window - func.now())))
        ).first()
        return max(0.0, float(row[0])) if row and row[0] is not None else 0.0

    async def record(
        self, *, client_id: str, address: str, outcome: str, request_id: str | None
    ) -> None:
        await self.conn.execute(
            insert(TokenRequestAudit).values(
                client_id=client_id[:100],
                address=address[:100],
                outcome=outcome,
                request_id=request_id,
            )
        )
