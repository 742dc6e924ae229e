"""Bulk import's writes and checks: identifiers already registered, the batch row, and COPY of
the cooperatives and their outbox events on the request's connection."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import asyncpg
from sqlalchemy import String, any_, bindparam, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.errors import Conflict
from registry.cooperatives.models import Cooperative
from registry.imports.models import ImportBatch

COOPERATIVE_COLUMNS = (
    "id",
    "name",
    "type",
    "level",
    "legal_decree_number",
    "legal_decree_date",
    "nib",
    "nik_koperasi",
    "founded_on",
    "address",
    "region_code",
    "latitude",
    "longitude",
    "business_sectors",
    "commodities",
    "membership_area",
    "scale_band",
    "member_count",
    "status",
    "external_id",
    "import_batch_id",
    "created_by",
)
OUTBOX_COLUMNS = ("id", "type", "subject", "payload", "correlation_id", "occurred_at")


class ImportRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def taken(self, field: str, values: Sequence[str]) -> set[str]:
        """Which of ``values`` of identifier ``field`` are already registered."""
        if not values:
            return set()
        column = getattr(Cooperative, field)
        wanted = bindparam("wanted", list(values), type_=ARRAY(String()))
        rows = await self.session.scalars(select(column).where(column == any_(wanted)))
        return set(rows.all())

    async def add_batch(self, batch: ImportBatch) -> ImportBatch:
        self.session.add(batch)
        await self.session.flush()
        return batch

    async def _copy(self, table: str, columns: Sequence[str], lines: str) -> None:
        # COPY through the request's own connection, so the rows share its transaction.
        connection = await self.session.connection()
        raw = await connection.get_raw_connection()
        driver: Any = raw.driver_connection
        try:
            await driver.copy_to_table(
                table, source=io.BytesIO(lines.encode()), columns=list(columns), format="csv"
            )
        except asyncpg.UniqueViolationError as exc:
            # Checked before the COPY; only a registration racing this upload gets here.
            raise Conflict(
                "an identifier in the upload was registered meanwhile; nothing was written, "
                "retry the upload",
                constraint=exc.constraint_name,
            ) from exc

    async def copy_cooperatives_csv(self, lines: str) -> None:
        """Cooperatives as COPY CSV lines in ``COOPERATIVE_COLUMNS`` order
        (``validate.copy_line``: built in the import workers, not on the loop)."""
        await self._copy("cooperatives", COOPERATIVE_COLUMNS, lines)

    async def copy_events_csv(self, lines: str) -> None:
        await self._copy("outbox_events", OUTBOX_COLUMNS, lines)
