"""Mergers, fusions and spin-offs: one recorded event each, with lineage and an outbox event.

Every participant is locked (in id order, so two concurrent restructurings cannot deadlock)
before its status is checked, so a cooperative cannot be merged twice at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from kopmod_shared.auth import Principal
from kopmod_shared.errors import Conflict, FieldError, NotFound, ValidationProblem
from kopmod_shared.events import EventType
from kopmod_shared.outbox import emit
from kopmod_shared.schemas.registry import (
    CooperativeRestructured,
    CooperativeStatus,
    Lineage,
    LineageLink,
    MovedAsset,
    RestructuringKind,
)
from registry import access
from registry.cooperatives import service as cooperatives
from registry.cooperatives.models import Cooperative
from registry.cooperatives.repository import CooperativeRepository
from registry.cooperatives.schemas import CooperativeCreate
from registry.enums import ParticipantRole
from registry.models import outbox_events
from registry.regions import province_of
from registry.restructuring.models import Restructuring
from registry.restructuring.repository import RestructuringRepository
from registry.restructuring.schemas import FusionIn, MergerIn, RestructuringOut, SpinOffIn

ENDED = frozenset({CooperativeStatus.dissolved, CooperativeStatus.merged})
MAX_LINEAGE_DEPTH = 25


async def _lock(repo: CooperativeRepository, ids: Sequence[UUID]) -> dict[UUID, Cooperative]:
    return {c.id: c for c in await repo.get_many(sorted(set(ids)), for_update=True)}


def _require(found: dict[UUID, Cooperative], ids: Sequence[UUID], field: str) -> None:
    missing = [str(i) for i in ids if i not in found]
    if missing:
        raise ValidationProblem.for_field(
            field, f"no cooperative with id {', '.join(missing)}", "unknown_cooperative"
        )


def _distinct(ids: Sequence[UUID], field: str) -> None:
    if len(set(ids)) != len(ids):
        raise ValidationProblem.for_field(field, "a cooperative is listed twice", "duplicate")


def _not_ended(cooperative: Cooperative, field: str, what: str) -> None:
    if cooperative.status in ENDED:
        raise Conflict(
            f"{what} {cooperative.id} is {cooperative.status.value}",
            errors=[
                FieldError(
                    field=field,
                    message=f"cooperative is {cooperative.status.value}",
                    code=f"cooperative_{cooperative.status.value}",
                )
            ],
        )


def _province_reason(
    predecessors: Sequence[Cooperative], successor_region: str, reason: str | None
) -> None:
    other = sorted(
        {province_of(p.region_code) for p in predecessors} - {province_of(successor_region)}
    )
    if other and not (reason and reason.strip()):
        raise ValidationProblem.for_field(
            "body.reason",
            f"the successor is in province {province_of(successor_region)} but a predecessor is "
            f"in {', '.join(other)}: say why",
            "reason_required",
        )


async def _record(
    repo: CooperativeRepository,
    *,
    kind: RestructuringKind,
    data: MergerIn | FusionIn | SpinOffIn,
    predecessors: Sequence[Cooperative],
    successor: Cooperative,
    actor: str,
) -> Restructuring:
    merged: list[UUID] = []
    moved = data.moved_assets if isinstance(data, SpinOffIn) else []
    if kind is not RestructuringKind.spin_off:
        for p in predecessors:
            p.status = CooperativeStatus.merged
            merged.append(p.id)
        await repo.session.flush()
    event = await RestructuringRepository(repo.session).add(
        Restructuring(
            kind=kind,
            effective_on=data.effective_on,
            decree_number=data.decree_number,
            reason=data.reason,
            note=data.note,
            recorded_by=actor,
            moved_assets=[a.model_dump(mode="json") for a in moved],
        ),
        [p.id for p in predecessors],
        [successor.id],
    )
    await emit(
        repo.session,
        outbox_events,
        source=cooperatives.SOURCE,
        type=EventType.COOPERATIVE_RESTRUCTURED,
        subject=successor.id,
        data=CooperativeRestructured(
            restructuring_id=event.id,
            kind=kind,
            effective_on=data.effective_on,
            predecessor_ids=[p.id for p in predecessors],
            successor_ids=[successor.id],
            merged_ids=merged,
            moved_assets=moved,
            successor_names={successor.id: successor.name},
        ),
        parties=[*(p.id for p in predecessors), successor.id],
    )
    return event


async def merge(repo: CooperativeRepository, data: MergerIn, *, actor: str) -> Restructuring:
    if data.successor_id in data.predecessor_ids:
        raise ValidationProblem.for_field(
            "body.successor_id", "a cooperative cannot be merged into itself", "merge_into_self"
        )
    _distinct(data.predecessor_ids, "body.predecessor_ids")
    everyone = await _lock(repo, [*data.predecessor_ids, data.successor_id])
    _require(everyone, [data.successor_id], "body.successor_id")
    _require(everyone, data.predecessor_ids, "body.predecessor_ids")
    successor = everyone[data.successor_id]
    predecessors = [everyone[i] for i in data.predecessor_ids]
    _not_ended(successor, "body.successor_id", "successor")
    for i, p in enumerate(predecessors):
        _not_ended(p, f"body.predecessor_ids.{i}", "predecessor")
    _province_reason(predecessors, successor.region_code, data.reason)
    return await _record(
        repo,
        kind=RestructuringKind.merger,
        data=data,
        predecessors=predecessors,
        successor=successor,
        actor=actor,
    )


async def _new_successor(
    repo: CooperativeRepository, successor: CooperativeCreate, actor: str
) -> Cooperative:
    try:
        return await cooperatives.create_cooperative(repo, successor, actor=actor)
    except (ValidationProblem, Conflict) as exc:
        # The successor's fields sit under body.successor in this request.
        for e in exc.errors or []:
            e.field = e.field.replace("body.", "body.successor.", 1)
        raise


async def fuse(repo: CooperativeRepository, data: FusionIn, *, actor: str) -> Restructuring:
    _distinct(data.predecessor_ids, "body.predecessor_ids")
    found = await _lock(repo, data.predecessor_ids)
    _require(found, data.predecessor_ids, "body.predecessor_ids")
    predecessors = [found[i] for i in data.predecessor_ids]
    for i, p in enumerate(predecessors):
        _not_ended(p, f"body.predecessor_ids.{i}", "predecessor")
    _province_reason(predecessors, data.successor.region_code, data.reason)
    successor = await _new_successor(repo, data.successor, actor)
    return await _record(
        repo,
        kind=RestructuringKind.fusion,
        data=data,
        predecessors=predecessors,
        successor=successor,
        actor=actor,
    )


async def spin_off(repo: CooperativeRepository, data: SpinOffIn, *, actor: str) -> Restructuring:
    found = await _lock(repo, [data.parent_id])
    _require(found, [data.parent_id], "body.parent_id")
    parent = found[data.parent_id]
    _not_ended(parent, "body.parent_id", "parent")
    child = data.successor
    if child.type == parent.type and set(child.business_sectors) <= set(parent.business_sectors):
        raise ValidationProblem.for_field(
            "body.successor.type",
            "a spin-off founds a cooperative in another sector: change its type or sectors",
            "same_sector",
        )
    _province_reason([parent], child.region_code, data.reason)
    successor = await _new_successor(repo, child, actor)
    return await _record(
        repo,
        kind=RestructuringKind.spin_off,
        data=data,
        predecessors=[parent],
        successor=successor,
        actor=actor,
    )


async def describe(repo: RestructuringRepository, event: Restructuring) -> RestructuringOut:
    parts = await repo.participants(event.id)
    return RestructuringOut(
        id=event.id,
        kind=event.kind,
        effective_on=event.effective_on,
        decree_number=event.decree_number,
        reason=event.reason,
        note=event.note,
        predecessors=[
            cooperatives.summary(c) for role, c in parts if role is ParticipantRole.predecessor
        ],
        successors=[
            cooperatives.summary(c) for role, c in parts if role is ParticipantRole.successor
        ],
        recorded_by=event.recorded_by,
        moved_assets=[MovedAsset.model_validate(a) for a in event.moved_assets or []],
        created_at=event.created_at,
    )


async def get_restructuring(
    repo: RestructuringRepository, principal: Principal | None, restructuring_id: UUID
) -> RestructuringOut:
    event = await repo.get(restructuring_id)
    if event is None:
        raise NotFound("no restructuring with this id")
    out = await describe(repo, event)
    own = access.own_cooperative(principal) if principal is not None else None
    if own is not None and own not in {c.id for c in [*out.predecessors, *out.successors]}:
        raise NotFound("no restructuring with this id")
    return out


async def _walk(
    repo: RestructuringRepository, start: UUID, towards: ParticipantRole
) -> list[LineageLink]:
    seen = {start}
    frontier = [start]
    links: list[LineageLink] = []
    depth = 0
    while frontier and depth < MAX_LINEAGE_DEPTH:
        depth += 1
        found = await repo.links(frontier, towards=towards)
        frontier = []
        for via, event, c in found:
            if c.id in seen:
                continue
            seen.add(c.id)
            frontier.append(c.id)
            links.append(
                LineageLink(
                    restructuring_id=event.id,
                    kind=event.kind,
                    effective_on=event.effective_on,
                    cooperative=cooperatives.summary(c),
                    via=via,
                    depth=depth,
                )
            )
    return links


async def lineage(
    repo: CooperativeRepository, principal: Principal, cooperative_id: UUID
) -> Lineage:
    cooperative = await cooperatives.get_visible(repo, principal, cooperative_id)
    events = RestructuringRepository(repo.session)
    return Lineage(
        cooperative=cooperatives.summary(cooperative),
        predecessors=await _walk(events, cooperative.id, ParticipantRole.predecessor),
        successors=await _walk(events, cooperative.id, ParticipantRole.successor),
    )
