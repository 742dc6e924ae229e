"""Deny-list of token subjects: tokens issued before a subject's ``not_before`` are refused.

Access tokens are verified locally and live up to 15 minutes, so deactivating a client at the
issuer alone would leave its tokens working that long on every service. Instead the registry
records the subject and the moment in its own ``revoked_subjects`` table and publishes
``registry.identity.subject_revoked`` through its outbox; every other service writes the same row
into its own ``revoked_subjects`` when the event arrives (:func:`revocation_handler`). Each
process keeps the recent rows in memory (:class:`DenyList`), reloaded from its database in the
background, and judges no token by rows read more than ``revocation_refresh_seconds`` (2 s by
default) ago, so every replica refuses the token within a few seconds of the event arriving,
with no database round trip on the request path.

A subject is any string a token names in one of :data:`REVOCABLE_CLAIMS`: an API client's id,
a person's id, or a person's sign-in session (``sid``). Refusal is
``iat < not_before``: a token minted in the same second as the revocation is refused too (its
``iat`` is truncated), which errs on the safe side; tokens issued afterwards (a re-activated
client) work. Rows older than the longest token lifetime (``horizon``) cannot refuse anything
that has not expired anyway, so they are not loaded.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Column, DateTime, MetaData, String, Table, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger("kopmod.revocation")

# Claims whose values are deny-list subjects: ``sub`` is the API client or the person, ``sid``
# a person's sign-in session (ended with a membership: the person's other sessions go on).
REVOCABLE_CLAIMS: tuple[str, ...] = ("sub", "sid")
DEFAULT_HORIZON_SECONDS = 86_400


def define_revocation_table(metadata: MetaData) -> Table:
    return Table(
        "revoked_subjects",
        metadata,
        Column("subject", String(200), primary_key=True),
        # Tokens of this subject issued before this moment are refused.
        Column("not_before", DateTime(timezone=True), nullable=False),
        Column("reason", String(200), nullable=True),
        Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


async def record_revocation(
    conn_or_session: Any, table: Table, *, subject: str, not_before: datetime, reason: str | None
) -> None:
    """Upsert a subject's ``not_before``; it only ever moves forward (events may arrive late,
    twice, or out of order)."""
    stmt = pg_insert(table).values(subject=subject, not_before=not_before, reason=reason)
    await conn_or_session.execute(
        stmt.on_conflict_do_update(
            index_elements=[table.c.subject],
            set_={
                "not_before": func.greatest(table.c.not_before, stmt.excluded.not_before),
                "reason": stmt.excluded.reason,
                "updated_at": func.now(),
            },
        )
    )


def revocation_handler(table: Table) -> Any:
    """Event handler for ``registry.identity.subject_revoked`` (a subscriber's handler)."""

    async def handle(session: Any, envelope: dict[str, Any]) -> None:
        data = envelope.get("data") or {}
        await record_revocation(
            session,
            table,
            subject=str(data["subject"])[:200],
            not_before=datetime.fromisoformat(str(data["not_before"])),
            reason=str(data.get("reason") or "")[:200] or None,
        )

    return handle


class DenyList:
    """The recent rows of ``revoked_subjects``; while the database answers, no token is judged
    by rows read more than ``refresh_seconds`` ago.

    :meth:`run_forever` (the app's lifespan runs it) reloads the rows every half interval in the
    background, so a request only looks a subject up in memory. A request that finds the rows
    older than the interval (no loop running, or the loop fell behind: a slow database) waits for
    a reload, and every request that finds the same waits for that one reload: they all resume
    together. Requests once reloaded the rows themselves when due, behind a lock, and the
    requests queued behind it resumed one event-loop turn after another: under load a reload
    every 2 s made the slowest hundredth of a service's requests several times slower.

    The age is counted from the moment the reload's query was sent, so a row committed before
    that moment is in the rows it answers. A reload that fails keeps the rows held and counts as
    one (the database is tried again an interval later, not by every request).
    """

    def __init__(
        self,
        engine: AsyncEngine,
        table: Table,
        *,
        refresh_seconds: float = 2.0,
        horizon_seconds: int = DEFAULT_HORIZON_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.engine = engine
        # One statement a reload: autocommit, no BEGIN and ROLLBACK around it.
        self._reads = engine.execution_options(isolation_level="AUTOCOMMIT")
        self.table = table
        self.refresh_seconds = refresh_seconds
        self.horizon_seconds = horizon_seconds
        self.clock = clock
        self._not_before: dict[str, float] = {}
        self._read_at = float("-inf")  # when the held rows' query was sent (``clock``)
        self._reloading: asyncio.Task[None] | None = None

    async def _refresh(self) -> None:
        t = self.table
        since = func.now() - timedelta(seconds=self.horizon_seconds)
        sent = self.clock()
        try:
            async with self._reads.connect() as conn:
                rows = (
                    await conn.execute(
                        select(t.c.subject, func.extract("epoch", t.c.not_before)).where(
                            t.c.not_before > since
                        )
                    )
                ).all()
        except Exception:
            # Keep the list we have; the next reload, an interval later, tries again. A
            # database that cannot be read fails most requests anyway.
            log.warning("deny-list refresh failed; keeping %d entries", len(self._not_before))
        else:
            self._not_before = {str(r[0]): float(r[1]) for r in rows}
        self._read_at = sent

    def reload(self) -> asyncio.Task[None]:
        """The reload in flight, or a new one: callers at the same time share one query."""
        if self._reloading is None or self._reloading.done():
            self._reloading = asyncio.create_task(self._refresh(), name="deny-list-reload")
        return self._reloading

    def stale(self) -> bool:
        return self.clock() - self._read_at >= self.refresh_seconds

    async def run_forever(self, stop: asyncio.Event) -> None:
        """Reload every half interval until ``stop`` is set, so requests find fresh rows."""
        while not stop.is_set():
            try:
                await asyncio.shield(self.reload())
            except Exception:  # keep reloading: requests would wait for the reloads instead
                log.exception("deny-list reload failed")
            due = self._read_at + self.refresh_seconds / 2 - self.clock()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), max(due, 0.01))

    async def not_before(self, subject: str) -> float | None:
        if self.stale():
            # shielded: a request that is cancelled does not cancel the others' reload
            await asyncio.shield(self.reload())
        return self._not_before.get(subject)

    async def refuses(self, claims: dict[str, Any]) -> bool:
        issued = claims.get("iat")
        if not isinstance(issued, int | float):
            return True
        for claim in REVOCABLE_CLAIMS:
            value = claims.get(claim)
            if value is None:
                continue
            cutoff = await self.not_before(str(value))
            if cutoff is not None and issued < cutoff:
                return True
        return False
