"""What a consumer of ``registry.cooperative.restructured`` keeps so that what it holds follows
the cooperative: the successions it has heard of, and one row per thing it moved.

Handlers move "by predecessor id to the final successor": the successor named in the event is
followed through every succession already recorded here, so events may arrive in any order
(a merger A->B heard after the fusion B+C->D moves A's things straight to D) and a replay
finds nothing left to move. Only mergers and fusions are successions; a spin-off moves just the
assets it names (``CooperativeRestructured.moved_assets``).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import Column, Date, DateTime, MetaData, String, Table, func, insert, select
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.ids import new_id
from kopmod_shared.schemas.registry import CooperativeRestructured, RestructuringKind

MAX_CHAIN = 25


def define_succession_tables(metadata: MetaData) -> tuple[Table, Table]:
    """``cooperative_successions`` (predecessor -> successor, per restructuring) and
    ``cooperative_transfers`` (one row per thing moved, with from/to and the event)."""
    successions = Table(
        "cooperative_successions",
        metadata,
        Column("predecessor_id", PG_UUID(as_uuid=True), primary_key=True),
        Column("restructuring_id", PG_UUID(as_uuid=True), primary_key=True),
        Column("successor_id", PG_UUID(as_uuid=True), nullable=False, index=True),
        Column("kind", String(20), nullable=False),
        Column("effective_on", Date, nullable=False),
        Column("event_id", PG_UUID(as_uuid=True), nullable=False),
        Column("recorded_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    transfers = Table(
        "cooperative_transfers",
        metadata,
        Column("id", PG_UUID(as_uuid=True), primary_key=True, default=new_id),
        Column("restructuring_id", PG_UUID(as_uuid=True), nullable=False, index=True),
        Column("event_id", PG_UUID(as_uuid=True), nullable=False),
        Column("kind", String(20), nullable=False),
        Column("entity", String(20), nullable=False),
        Column("entity_id", PG_UUID(as_uuid=True), nullable=False, index=True),
        Column("from_cooperative_id", PG_UUID(as_uuid=True), nullable=False, index=True),
        Column("to_cooperative_id", PG_UUID(as_uuid=True), nullable=False, index=True),
        Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    return successions, transfers


async def record_successions(
    session: AsyncSession, successions: Table, data: CooperativeRestructured, event_id: UUID
) -> None:
    """Remember each predecessor -> successor of a merger or fusion (a replay adds nothing)."""
    if data.kind is RestructuringKind.spin_off or not data.successor_ids:
        return
    rows = [
        {
            "predecessor_id": p,
            "restructuring_id": data.restructuring_id,
            "successor_id": data.successor_ids[0],
            "kind": data.kind.value,
            "effective_on": data.effective_on,
            "event_id": event_id,
        }
        for p in data.predecessor_ids
    ]
    if rows:
        await session.execute(pg_insert(successions).values(rows).on_conflict_do_nothing())


async def final_successor(session: AsyncSession, successions: Table, cooperative_id: UUID) -> UUID:
    """Follow recorded successions from ``cooperative_id`` to the cooperative that holds its
    things today (itself when it has no recorded successor)."""
    current, seen = cooperative_id, {cooperative_id}
    for _ in range(MAX_CHAIN):
        nxt = (
            await session.execute(
                select(successions.c.successor_id)
                .where(successions.c.predecessor_id == current)
                .order_by(successions.c.effective_on.desc(), successions.c.recorded_at.desc())
                .limit(1)
            )
        ).scalar_one_or_none()
        if nxt is None or nxt in seen:
            return current
        seen.add(nxt)
        current = nxt
    return current


async def record_transfers(
    session: AsyncSession, transfers: Table, rows: list[dict[str, Any]]
) -> None:
    if rows:
        await session.execute(insert(transfers), rows)


def moved_asset_ids(data: CooperativeRestructured, service: str, entity: str) -> list[UUID]:
    """Ids of the assets a spin-off names for ``service`` and ``entity``."""
    return [a.id for a in data.moved_assets if a.service == service and a.entity == entity]
