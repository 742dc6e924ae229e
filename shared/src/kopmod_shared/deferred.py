"""Write-only rows of a command gathered into one statement sent just before the commit.

Outbox events, the audit row and the idempotency record (and a command's own write-only rows:
its state change and history rows) are written and never read back inside the transaction:
instead of one round trip each, they go out as one statement with the others as data-modifying
CTEs. Opt-in per command (:func:`defer_inserts`): only where nothing reads those rows back
inside the transaction and no savepoint is rolled back. Without it every helper executes at
once, as before. The transactional route calls :func:`write_deferred`; a commit with rows still
queued is refused, so a forgotten queue fails loudly rather than losing rows.

The statement is built from bind parameters and compiled once per shape (which tables, columns
and how many rows) and dialect; each commit sends the compiled SQL with its parameters
(``exec_driver_sql``, the columns' bind processors applied). SQLAlchemy's own statement cache
cannot hold it: a multi-row ``INSERT ... VALUES`` has no cache key, so handing the statement to
``session.execute`` compiled it again on every request, and compiling the multi-CTE statement
cost more than running it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Insert,
    Table,
    bindparam,
    event,
    func,
    insert,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from kopmod_shared import driver

_DEFERRED = "kopmod_deferred_inserts"


class Upsert(NamedTuple):
    """A row inserted, or on a conflict on ``conflict`` its other columns replaced (and the
    ``now`` columns set to ``now()``)."""

    table: Table
    values: dict[str, Any]
    conflict: tuple[str, ...]
    now: tuple[str, ...] = ()


class RowUpdate(NamedTuple):
    """``UPDATE table SET values WHERE key columns = key values`` (one row, by its key)."""

    table: Table
    key: dict[str, Any]
    values: dict[str, Any]


class SQLPart(NamedTuple):
    """One data-modifying statement of the command's own, as SQL text (no ``WITH``, no
    ``RETURNING`` needed): its bind parameters are written ``:{p}_name`` and ``params`` names
    them without the prefix. ``name`` tells the statement's shape (same name, same SQL)."""

    name: str
    sql: str
    params: dict[str, Any]


Deferred = tuple[Table, dict[str, Any]] | Upsert | RowUpdate | SQLPart | Insert


def defer_inserts(session: AsyncSession) -> None:
    """From now until the commit, helpers that support it queue their inserts on ``session``."""
    session.info.setdefault(_DEFERRED, [])


def deferred_inserts(session: AsyncSession) -> list[Deferred] | None:
    """The queue if this transaction defers its write-only inserts, else None."""
    queue: list[Deferred] | None = session.info.get(_DEFERRED)
    return queue


def _part(kind: str, table: Table, cols: tuple[str, ...], n: int, extra: Any, i: int) -> Any:
    def p(r: int, c: str) -> Any:
        return bindparam(f"d{i}_{r}_{c}", type_=table.c[c].type)

    if kind == "sql":
        part: SQLPart = table  # type: ignore[assignment]  # a SQL part in a table's place
        return text(part.sql.format(p=f"d{i}_0")).columns()
    if kind == "update":
        keys, sets = extra, cols
        where: list[ColumnElement[bool]] = [table.c[k] == p(0, k) for k in keys]
        return update(table).where(*where).values({c: p(0, c) for c in sets})
    rows = [{c: p(r, c) for c in cols} for r in range(n)]
    if kind == "insert":
        return insert(table).values(rows)
    conflict, now = extra
    stmt = pg_insert(table).values(rows)
    replace = {c: stmt.excluded[c] for c in cols if c not in conflict}
    return stmt.on_conflict_do_update(
        index_elements=[table.c[c] for c in conflict],
        set_={**replace, **{c: func.now() for c in now}},
    )


_SHAPES: dict[tuple[Any, ...], Any] = {}
_MAX_SHAPES = 512


class Compiled(NamedTuple):
    """A shape's statement compiled for one dialect: its SQL, its parameters' names in
    positional order and each one's bind processor (None when the driver takes the value)."""

    sql: str
    names: tuple[str, ...]
    processors: tuple[Callable[[Any], Any] | None, ...]

    def args(self, params: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(
            params[n] if p is None else p(params[n])
            for n, p in zip(self.names, self.processors, strict=True)
        )


_COMPILED: dict[tuple[tuple[Any, ...], str], Compiled] = {}


def compiled_insert(items: list[Deferred], dialect: Dialect) -> tuple[Compiled, dict[str, Any]]:
    """:func:`combined_insert` compiled for ``dialect`` (once per shape) and its parameters.
    Raises ``LookupError`` for a queue holding a free-form statement (no shape to keep)."""
    shape, stmt, params = _shaped(items)
    if shape is None:
        raise LookupError("a free-form statement is compiled each time")
    key = (shape, dialect.name)
    compiled = _COMPILED.get(key)
    if compiled is None:
        c = stmt.compile(dialect=dialect)
        names = tuple(c.positiontup or ())
        procs = c._bind_processors
        compiled = Compiled(c.string, names, tuple(procs.get(n) for n in names))
        if len(_COMPILED) < _MAX_SHAPES:
            _COMPILED[key] = compiled
    return compiled, params


def combined_insert(items: list[Deferred]) -> tuple[Any, dict[str, Any]]:
    """One statement for the queued rows and its parameters: rows of the same table (and
    columns) become one multi-row ``INSERT`` in the order they were queued (so an outbox's
    identity keeps their order); each part is a data-modifying CTE of the last one."""
    _shape, stmt, params = _shaped(items)
    return stmt, params


def _shaped(items: list[Deferred]) -> tuple[tuple[Any, ...] | None, Any, dict[str, Any]]:
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    singles: list[tuple[tuple[Any, ...], list[dict[str, Any]]]] = []
    statements: list[Insert] = []
    for item in items:
        if isinstance(item, Upsert):
            cols = tuple(sorted(item.values))
            singles.append(
                (("upsert", item.table, cols, 1, (item.conflict, item.now)), [item.values])
            )
        elif isinstance(item, SQLPart):
            singles.append((("sql", item, tuple(sorted(item.params)), 1, None), [item.params]))
        elif isinstance(item, RowUpdate):
            cols, keys = tuple(sorted(item.values)), tuple(sorted(item.key))
            singles.append((("update", item.table, cols, 1, keys), [{**item.values, **item.key}]))
        elif isinstance(item, tuple):
            table, row = item
            groups.setdefault(("insert", table, tuple(sorted(row))), []).append(row)
        else:
            statements.append(item)
    # SQL parts first: the statement's last part (the one the others are CTEs of) is Core.
    shaped = [s for s in singles if s[0][0] == "sql"]
    shaped += [s for s in singles if s[0][0] == "update"]
    shaped += [((*key, len(rows), None), rows) for key, rows in groups.items()]
    shaped += [s for s in singles if s[0][0] not in ("update", "sql")]
    shape = tuple((kind, table.name, cols, n, extra) for (kind, table, cols, n, extra), _ in shaped)
    params: dict[str, Any] = {}
    for i, ((kind, _table, cols, _n, _extra), rows) in enumerate(shaped):
        for r, row in enumerate(rows):
            for c in cols if kind != "update" else (*cols, *_extra):
                params[f"d{i}_{r}_{c}"] = row[c]
    if statements:  # free-form statements: built and compiled each time
        parts = [_part(k, t, c, n, x, i) for i, ((k, t, c, n, x), _) in enumerate(shaped)]
        return None, _chain(parts + statements), params
    stmt = _SHAPES.get(shape)
    if stmt is None:
        parts = [_part(k, t, c, n, x, i) for i, ((k, t, c, n, x), _) in enumerate(shaped)]
        stmt = _chain(parts)
        if len(_SHAPES) < _MAX_SHAPES:
            _SHAPES[shape] = stmt
    return shape, stmt, params


def _chain(parts: list[Any]) -> Any:
    *ctes, main = parts
    for i, part in enumerate(ctes):
        main = main.add_cte(part.cte(f"deferred_{i}"))
    return main


async def write_deferred(session: AsyncSession) -> None:
    """Send the queued rows (the transactional route calls this right before the commit)."""
    queue = session.info.pop(_DEFERRED, None)
    if not queue:
        return
    if all(isinstance(item, SQLPart) for item in queue):  # no Core statement to chain them on
        for item in queue:
            sql = text(item.sql.format(p="p"))
            await session.execute(sql, {f"p_{k}": v for k, v in item.params.items()})
        return
    conn = await session.connection()
    try:
        compiled, params = compiled_insert(queue, conn.dialect)
    except LookupError:
        stmt, params = combined_insert(queue)
        await session.execute(stmt, params)
        return
    args = compiled.args(params)
    raw = await conn.get_raw_connection()
    pg: Any = raw.driver_connection
    if pg.is_in_transaction():
        # Sent on the driver: SQLAlchemy's execution context, cursor and result setup cost a
        # money command about 0.15 ms of CPU per request for a statement that answers nothing.
        await driver.run_on_driver(conn, "execute", compiled.sql, args)
    else:  # the request's first statement: SQLAlchemy's adapter begins the transaction first
        await conn.exec_driver_sql(compiled.sql, args)


@event.listens_for(Session, "before_commit")
def _refuse_lost_inserts(session: Session) -> None:
    if session.info.get(_DEFERRED):
        raise RuntimeError("deferred inserts were not written before the commit (write_deferred)")


__all__ = [
    "Compiled",
    "Deferred",
    "RowUpdate",
    "SQLPart",
    "Upsert",
    "combined_insert",
    "compiled_insert",
    "defer_inserts",
    "deferred_inserts",
    "write_deferred",
]
