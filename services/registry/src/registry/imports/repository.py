"""Bulk import's writes and checks: identifiers already registered, the batch row, COPY of the
valid rows into a staging table and the set-based inserts of the cooperatives and their outbox
events from it, on the request's connection."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import asyncpg
from sqlalchemy import String, any_, bindparam, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.errors import Conflict
from registry.cooperatives.models import Cooperative
from registry.imports.columns import VALUE_FIELDS
from registry.imports.models import ImportBatch

# The cooperative's columns an import writes: its id, the row's values in the order the
# validation gives them, the batch and the actor.
COOPERATIVE_COLUMNS = ("id", *VALUE_FIELDS, "import_batch_id", "created_by")
STAGING_COLUMNS = ("row_number", "event_id", *COOPERATIVE_COLUMNS)
_COLUMNS = ", ".join(COOPERATIVE_COLUMNS)
# The upload's valid rows, COPYed here first: a temporary table without indexes, dropped at
# commit; from it one INSERT each for the cooperatives and their outbox events.
_CREATE_STAGING = f"""
CREATE TEMPORARY TABLE import_staging ON COMMIT DROP AS
SELECT 0 AS row_number, NULL::uuid AS event_id, {_COLUMNS} FROM cooperatives WITH NO DATA
"""  # noqa: S608 - constant column names
_INSERT_COOPERATIVES = f"""
INSERT INTO cooperatives ({_COLUMNS})
SELECT {_COLUMNS} FROM import_staging ORDER BY row_number
"""  # noqa: S608 - constant column names
# The ``cooperative.registered`` envelope each row's event carries (the same fields
# ``kopmod_shared.outbox.emit`` writes for a registration through the API).
_INSERT_EVENTS = """
INSERT INTO outbox_events (id, type, subject, payload, correlation_id, occurred_at)
SELECT s.event_id, $1::text, s.id::text,
       jsonb_build_object(
           'id', s.event_id::text, 'type', $1::text, 'source', $2::text, 'subject', s.id::text,
           'occurred_at', $3::text, 'correlation_id', $4::text,
           'parties', jsonb_build_array(s.id::text),
           'data', jsonb_build_object(
               'id', s.id::text, 'name', s.name, 'type', s.type, 'status', s.status,
               'region_code', s.region_code, 'latitude', s.latitude, 'longitude', s.longitude,
               'level', s.level, 'import_batch_id', s.import_batch_id::text)),
       $4::text, $5::timestamptz
FROM import_staging s ORDER BY s.row_number
"""


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

    async def _driver(self) -> Any:
        # The request's own connection, so everything shares its transaction.
        connection = await self.session.connection()
        raw = await connection.get_raw_connection()
        return raw.driver_connection

    async def mark(self) -> None:
        """A savepoint before the rows written while the upload is still being checked (through
        the session, so the request's transaction has begun)."""
        await self.session.execute(text("SAVEPOINT import_rows"))

    async def undo(self) -> None:
        """Back to ``mark``: those rows (and the staging table made after it) are gone."""
        await (await self._driver()).execute("ROLLBACK TO SAVEPOINT import_rows")

    async def clear_staging(self) -> None:
        await (await self._driver()).execute("TRUNCATE import_staging")

    async def create_staging(self) -> None:
        await (await self._driver()).execute(_CREATE_STAGING)

    async def copy_staging_csv(self, lines: str) -> None:
        """Rows as COPY CSV lines in ``STAGING_COLUMNS`` order (``validate.copy_line``: built
        in the import workers, not on the loop)."""
        await (await self._driver()).copy_to_table(
            "import_staging",
            source=io.BytesIO(lines.encode()),
            columns=list(STAGING_COLUMNS),
            format="csv",
        )

    async def insert_staged(
        self,
        *,
        event_type: str,
        source: str,
        occurred_at: datetime,
        correlation_id: str | None,
    ) -> None:
        """The staged cooperatives, then their outbox events, each in one statement, in row
        order."""
        driver = await self._driver()
        stamp = occurred_at.isoformat().replace("+00:00", "Z")
        try:
            await driver.execute(_INSERT_COOPERATIVES)
        except asyncpg.UniqueViolationError as exc:
            # Checked before; only a registration racing this upload gets here.
            raise Conflict(
                "an identifier in the upload was registered meanwhile; nothing was written, "
                "retry the upload",
                constraint=exc.constraint_name,
            ) from exc
        await driver.execute(_INSERT_EVENTS, event_type, source, stamp, correlation_id, occurred_at)
