"""Restructuring follows the cooperative: on ``registry.cooperative.restructured`` a merger's or
fusion's predecessors' open offers, open proposals and pending or active contracts move to the
successor; a spin-off moves only those it names.

Each move leaves a ``cooperative_transfers`` row; offers and contracts take the successor's
name. Moves go from whoever holds the thing now to the final successor (see
``kopmod_shared.restructuring``), so the handler is order-independent and a replay moves
nothing. Quantities, prices and the negotiation history are untouched.
"""

from __future__ import annotations

from typing import Any, TypeAlias
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.restructuring import (
    final_successor,
    moved_asset_ids,
    record_successions,
    record_transfers,
)
from kopmod_shared.schemas.registry import CooperativeRestructured, RestructuringKind
from marketplace.contracts.models import Contract
from marketplace.offers.models import SupplyOffer
from marketplace.offers.repository import OPEN_STATUSES as OPEN_OFFERS
from marketplace.proposals.models import Proposal
from marketplace.proposals.service import OPEN as OPEN_PROPOSALS
from marketplace.restructuring.models import cooperative_successions, cooperative_transfers

OPEN_CONTRACTS = ("pending", "active")

Movable: TypeAlias = SupplyOffer | Proposal | Contract
ENTITIES: dict[str, tuple[type[Movable], tuple[str, ...]]] = {
    "offer": (SupplyOffer, OPEN_OFFERS),
    "proposal": (Proposal, OPEN_PROPOSALS),
    "contract": (Contract, OPEN_CONTRACTS),
}


async def _open(
    session: AsyncSession,
    model: type[Movable],
    statuses: tuple[str, ...],
    holders: list[UUID],
    ids: list[UUID] | None,
) -> list[Movable]:
    q = select(model).where(model.cooperative_id.in_(holders), model.status.in_(statuses))
    if ids is not None:
        q = q.where(model.id.in_(ids))
    return list((await session.scalars(q.order_by(model.id).with_for_update())).all())


async def _name_of(
    session: AsyncSession, target: UUID, data: CooperativeRestructured
) -> str | None:
    """The name to show for ``target``: from the event when it names it, else the name already
    kept next to something ``target`` holds (a successor reached through an earlier event)."""
    if target in data.successor_names:
        return data.successor_names[target]
    for model in (Contract, SupplyOffer):
        name = await session.scalar(
            select(model.cooperative_name)
            .where(model.cooperative_id == target)
            .order_by(model.created_at.desc())
            .limit(1)
        )
        if name is not None:
            return str(name)
    return None


async def handle_restructured(session: AsyncSession, envelope: dict[str, Any]) -> None:
    data = CooperativeRestructured.model_validate(envelope["data"])
    if not data.successor_ids:
        return
    event_id = UUID(str(envelope["id"]))
    await record_successions(session, cooperative_successions, data, event_id)
    target = await final_successor(session, cooperative_successions, data.successor_ids[0])
    holders = [p for p in data.predecessor_ids if p != target]
    if not holders:
        return
    name = await _name_of(session, target, data)
    rows = []
    for entity, (model, statuses) in ENTITIES.items():
        ids: list[UUID] | None = None
        if data.kind is RestructuringKind.spin_off:
            ids = moved_asset_ids(data, "marketplace", entity)
            if not ids:
                continue
        for thing in await _open(session, model, statuses, holders, ids):
            rows.append(
                {
                    "restructuring_id": data.restructuring_id,
                    "event_id": event_id,
                    "kind": data.kind.value,
                    "entity": entity,
                    "entity_id": thing.id,
                    "from_cooperative_id": thing.cooperative_id,
                    "to_cooperative_id": target,
                }
            )
            thing.cooperative_id = target
            if name is not None and isinstance(thing, SupplyOffer | Contract):
                thing.cooperative_name = name
    await record_transfers(session, cooperative_transfers, rows)
    await session.flush()


async def transfers(
    session: AsyncSession, *, cooperative_id: UUID | None, entity_id: UUID | None
) -> list[dict[str, Any]]:
    t = cooperative_transfers
    q = select(t).order_by(t.c.at, t.c.id).limit(500)
    if cooperative_id is not None:
        q = q.where(
            (t.c.from_cooperative_id == cooperative_id) | (t.c.to_cooperative_id == cooperative_id)
        )
    if entity_id is not None:
        q = q.where(t.c.entity_id == entity_id)
    return [dict(r._mapping) for r in (await session.execute(q)).all()]
