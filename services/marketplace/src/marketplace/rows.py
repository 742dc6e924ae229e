"""Rows a hot command writes and never reads back, queued for the commit's one statement.

The offer and the proposal reply (``marketplace.offers``, ``marketplace.proposals``) opt in to
``kopmod_shared.deferred``: their new rows and the changes of the rows they locked go out with
the outbox event and the idempotency record as one statement just before the commit, not as an
ORM flush of one statement each. What they change stays out of the session (``detach``), so the
commit's flush sends nothing twice; every column of a new row is given here (ids, timestamps),
so the answer is built from the same values Postgres stores, with no read-back.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.deferred import RowUpdate, deferred_inserts
from marketplace.models import Base


def _table(obj: Base) -> Table:
    table = obj.__table__
    assert isinstance(table, Table)
    return table


def complete(obj: Base, at: datetime | None = None) -> tuple[Table, dict[str, Any]]:
    """Every column of a new row: what ``obj`` holds, else its Python default (ids), else ``at``
    for the ``now()`` timestamps; set back on ``obj`` so an answer built from it reads as the
    stored row."""
    at = at or datetime.now(UTC)
    table = _table(obj)
    row: dict[str, Any] = {}
    for column in table.columns:
        value = getattr(obj, column.key)
        if value is None and column.default is not None:
            default: Any = column.default
            value = default.arg(None) if default.is_callable else default.arg
            setattr(obj, column.key, value)
        elif value is None and column.server_default is not None:
            if column.key not in ("created_at", "updated_at"):
                raise ValueError(f"{table.name}.{column.key}: give it, its default is Postgres's")
            value = at
            setattr(obj, column.key, value)
        row[column.key] = value
    return table, row


async def insert_new(session: AsyncSession, objs: Iterable[Base]) -> bool:
    """Queue new rows when the transaction defers its inserts; False (nothing queued) when it
    does not, and the caller adds them to the session as before."""
    queue = deferred_inserts(session)
    if queue is None:
        return False
    at = datetime.now(UTC)
    queue.extend(complete(o, at) for o in objs)
    return True


def detach(session: AsyncSession, *objs: Base) -> None:
    """Take loaded rows out of the session: changed by a command that writes them with
    :func:`write_back`, so the commit's flush does not send them again."""
    for o in objs:
        session.expunge(o)


def write_back(session: AsyncSession, obj: Base, *fields: str) -> None:
    """Queue ``UPDATE ... SET fields (and updated_at) WHERE id = obj.id`` of a detached row."""
    queue = deferred_inserts(session)
    assert queue is not None, "write_back needs defer_inserts(session) first"
    values = {f: getattr(obj, f) for f in fields}
    if "updated_at" in _table(obj).c:
        values["updated_at"] = datetime.now(UTC)
    queue.append(RowUpdate(_table(obj), {"id": obj.id}, values))
