"""Write-only rows of a command gathered into one statement sent just before the commit.

Outbox events, the audit row and the idempotency record are written and never read back inside
the transaction: instead of one round trip each, they go out as one ``INSERT`` with the others
as data-modifying CTEs. Opt-in per command (:func:`defer_inserts`): only where nothing reads
those rows back inside the transaction and no savepoint is rolled back. Without it every helper
executes at once, as before. The transactional route calls :func:`write_deferred`; a commit
with rows still queued is refused, so a forgotten queue fails loudly rather than losing rows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Insert, Table, event, insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

_DEFERRED = "kopmod_deferred_inserts"
Deferred = tuple[Table, dict[str, Any]] | Insert


def defer_inserts(session: AsyncSession) -> None:
    """From now until the commit, helpers that support it queue their inserts on ``session``."""
    session.info.setdefault(_DEFERRED, [])


def deferred_inserts(session: AsyncSession) -> list[Deferred] | None:
    """The queue if this transaction defers its write-only inserts, else None."""
    queue: list[Deferred] | None = session.info.get(_DEFERRED)
    return queue


def combined_insert(items: list[Deferred]) -> Insert:
    """One statement for the queued inserts: rows of the same table (and columns) become one
    multi-row ``INSERT`` in the order they were queued (so an outbox's identity keeps their
    order); each is a data-modifying CTE of the last one."""
    groups: dict[tuple[Any, ...], tuple[Table, list[dict[str, Any]]]] = {}
    statements: list[Insert] = []
    for item in items:
        if isinstance(item, tuple):
            table, row = item
            groups.setdefault((table.name, *sorted(row)), (table, []))[1].append(row)
        else:
            statements.append(item)
    parts = [insert(table).values(rows) for table, rows in groups.values()] + statements
    *ctes, main = parts
    for i, part in enumerate(ctes):
        main = main.add_cte(part.cte(f"deferred_{i}"))
    return main


async def write_deferred(session: AsyncSession) -> None:
    """Send the queued inserts (the transactional route calls this right before the commit)."""
    queue = session.info.pop(_DEFERRED, None)
    if queue:
        await session.execute(combined_insert(queue))


@event.listens_for(Session, "before_commit")
def _refuse_lost_inserts(session: Session) -> None:
    if session.info.get(_DEFERRED):
        raise RuntimeError("deferred inserts were not written before the commit (write_deferred)")
