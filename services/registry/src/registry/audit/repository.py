"""Queries on the registry's audit trail."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.audit import AuditFilters, page_query
from registry.audit.models import AuditRecord


class AuditRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def page(
        self, *, limit: int, before: tuple[datetime, UUID] | None, filters: AuditFilters
    ) -> Sequence[Row[Any]]:
        stmt = page_query(AuditRecord.__table__, limit=limit, before=before, filters=filters)
        return (await self.session.execute(stmt)).all()
