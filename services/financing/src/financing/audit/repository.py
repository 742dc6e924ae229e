"""Queries on the audit trail."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from financing.audit.models import AuditRecord


class AuditRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def page(
        self,
        *,
        limit: int,
        before: tuple[datetime, UUID] | None,
        target_id: UUID | None,
        actor: str | None,
        action: str | None,
    ) -> Sequence[AuditRecord]:
        stmt = select(AuditRecord).order_by(AuditRecord.at.desc(), AuditRecord.id.desc())
        if before is not None:
            stmt = stmt.where(tuple_(AuditRecord.at, AuditRecord.id) < tuple_(*before))
        if target_id is not None:
            stmt = stmt.where(AuditRecord.target_id == target_id)
        if actor is not None:
            stmt = stmt.where(AuditRecord.actor == actor)
        if action is not None:
            stmt = stmt.where(AuditRecord.action == action)
        return (await self.session.scalars(stmt.limit(limit + 1))).all()
