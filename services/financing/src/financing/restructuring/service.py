"""Restructuring follows the cooperative: on ``registry.cooperative.restructured`` a merger's or
fusion's predecessors' loans that are not closed and applications still open move to the
successor; a spin-off moves only the loans and applications it names.

The ledger is untouched (its entries name funds and loans, not cooperatives); each move leaves a
``cooperative_transfers`` row and an audit record. Moves go from whoever holds the thing now to
the final successor (see ``kopmod_shared.restructuring``), so the handler is order-independent
and a replay moves nothing.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from financing.applications.models import Application
from financing.applications.states import TERMINAL
from financing.audit.models import AuditRecord
from financing.loans.models import Loan
from financing.restructuring.models import cooperative_successions, cooperative_transfers
from kopmod_shared.restructuring import (
    final_successor,
    moved_asset_ids,
    record_successions,
    record_transfers,
)
from kopmod_shared.schemas.registry import CooperativeRestructured, RestructuringKind

TERMINAL_STATUSES = sorted(s.value for s in TERMINAL)


async def _loans(
    session: AsyncSession, *, holders: list[UUID], ids: list[UUID] | None = None
) -> list[Loan]:
    q = select(Loan).where(Loan.cooperative_id.in_(holders), Loan.status.not_like("closed_%"))
    if ids is not None:
        q = q.where(Loan.id.in_(ids))
    return list((await session.scalars(q.order_by(Loan.id).with_for_update())).all())


async def _applications(
    session: AsyncSession, *, holders: list[UUID], ids: list[UUID] | None = None
) -> list[Application]:
    q = select(Application).where(
        Application.cooperative_id.in_(holders),
        Application.status.not_in(TERMINAL_STATUSES),
    )
    if ids is not None:
        q = q.where(Application.id.in_(ids))
    return list((await session.scalars(q.order_by(Application.id).with_for_update())).all())


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
    if data.kind is RestructuringKind.spin_off:
        loan_ids: list[UUID] | None = moved_asset_ids(data, "financing", "loan")
        application_ids: list[UUID] | None = moved_asset_ids(data, "financing", "application")
        if not loan_ids and not application_ids:
            return
    else:
        loan_ids = application_ids = None
    moved: list[tuple[str, Loan | Application]] = []
    if loan_ids is None or loan_ids:
        moved += [("loan", x) for x in await _loans(session, holders=holders, ids=loan_ids)]
    if application_ids is None or application_ids:
        moved += [
            ("application", x)
            for x in await _applications(session, holders=holders, ids=application_ids)
        ]
    rows = []
    for entity, thing in moved:
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
        session.add(
            AuditRecord(
                actor="registry",
                actor_role="service",
                actor_org_id=None,
                action=f"{entity}.transfer",
                method="EVENT",
                path=f"/v1/events/registry/{envelope['type']}",
                target_id=thing.id,
                request={
                    "event_id": str(event_id),
                    "restructuring_id": str(data.restructuring_id),
                    "kind": data.kind.value,
                    "from_cooperative_id": str(thing.cooperative_id),
                    "to_cooperative_id": str(target),
                },
                outcome="succeeded",
                status_code=204,
                request_id=envelope.get("correlation_id"),
            )
        )
        thing.cooperative_id = target
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
