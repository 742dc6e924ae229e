"""Restructuring previews and lineage graphs.

A preview says what would follow the cooperatives of a merger, fusion or spin-off before it is
recorded, and writes nothing: the registry's own records (people, API clients, products, RATs
...) in a session closed before anything leaves, then the predecessors' loans, applications and
contracts from financing and the marketplace (their summaries, one bulk call each, under the
scorecard's deadline). What recording moves is what the services do when they hear
``registry.cooperative.restructured`` (docs/registry.md); everything else stays with the merged
cooperative's record, which the lineage links to its successor.

A lineage graph is the same lineage as ``GET /v1/cooperatives/{id}/lineage``, as nodes and
edges (predecessor to successor) with every participant of each restructuring, ready to draw.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from kopmod_shared.auth import Principal
from kopmod_shared.errors import ValidationProblem
from kopmod_shared.money import quantize
from kopmod_shared.schemas.financing import FinancingSummary
from kopmod_shared.schemas.marketplace import MarketSummary
from kopmod_shared.schemas.registry import CooperativeStatus, RestructuringKind
from registry.cooperatives import service as cooperatives
from registry.cooperatives.models import Cooperative
from registry.cooperatives.repository import CooperativeRepository
from registry.enums import ParticipantRole
from registry.regions import province_of
from registry.restructuring.repository import RestructuringRepository
from registry.restructuring.schemas import (
    NEW_NODE,
    GraphEdge,
    GraphNode,
    Holding,
    LineageGraph,
    ParticipantPreview,
    PreviewIn,
    PreviewOut,
)
from registry.restructuring.service import (
    _distinct,
    _not_ended,
    _require,
    _walk,
)
from registry.scorecard.rules import Source
from registry.scorecard.schemas import UnavailableSource
from registry.scorecard.service import Upstreams, ask

Maker = async_sessionmaker[AsyncSession]
MERGING = (RestructuringKind.merger, RestructuringKind.fusion)

# What the registry keeps with the cooperative's own record, and what to do about it.
STAYS = {
    "people": "their memberships stay bound to this cooperative: invite them to the successor",
    "api_clients": "they stay bound to this cooperative: create clients for the successor",
    "webhook_endpoints": "they keep receiving this cooperative's events only",
    "products": "its product mix stays on its record",
    "rats": "its RAT history stays on its record, linked by the lineage",
    "health_assessments": "its health history stays on its record, linked by the lineage",
    "mentoring_records": "its mentoring history stays on its record",
    "member_groups": "its member groups stay on its record",
    "secondary_memberships": "update the secondary cooperatives it is a member of",
}


@dataclass(frozen=True)
class _Parties:
    predecessors: list[Cooperative]
    successor: Cooperative | None  # a merger's existing successor
    reason_required: bool


def _missing(field: str, what: str) -> ValidationProblem:
    return ValidationProblem.for_field(field, f"a {what} needs {field.split('.')[-1]}", "required")


async def _parties(repo: CooperativeRepository, data: PreviewIn) -> _Parties:
    """The same checks as recording (unknown, listed twice, merged or dissolved), no locks."""
    if data.kind is RestructuringKind.spin_off:
        if data.parent_id is None:
            raise _missing("body.parent_id", "spin-off")
        ids = [data.parent_id]
        field = "body.parent_id"
    else:
        ids = list(data.predecessor_ids)
        field = "body.predecessor_ids"
        least = 1 if data.kind is RestructuringKind.merger else 2
        if len(ids) < least:
            raise ValidationProblem.for_field(
                field, f"a {data.kind.value} needs at least {least} predecessor(s)", "too_few"
            )
        _distinct(ids, field)
    successor_id = data.successor_id if data.kind is RestructuringKind.merger else None
    if data.kind is RestructuringKind.merger:
        if successor_id is None:
            raise _missing("body.successor_id", "merger")
        if successor_id in ids:
            raise ValidationProblem.for_field(
                "body.successor_id", "a cooperative cannot be merged into itself", "merge_into_self"
            )
    found = {
        c.id: c for c in await repo.get_many([*ids, *([successor_id] if successor_id else [])])
    }
    _require(found, ids, field)
    predecessors = [found[i] for i in ids]
    for i, p in enumerate(predecessors):
        _not_ended(
            p, field if data.kind is RestructuringKind.spin_off else f"{field}.{i}", "predecessor"
        )
    successor = None
    if successor_id is not None:
        _require(found, [successor_id], "body.successor_id")
        successor = found[successor_id]
        _not_ended(successor, "body.successor_id", "successor")
    region = (
        successor.region_code
        if successor
        else (data.successor.region_code if data.successor else None)
    )
    other = region is not None and any(
        province_of(p.region_code) != province_of(region) for p in predecessors
    )
    return _Parties(predecessors, successor, reason_required=bool(other))


def _node(c: Cooperative, *, status: str | None = None, proposed: bool = False) -> GraphNode:
    return GraphNode(
        id=str(c.id),
        name=c.name,
        status=status or c.status.value,
        province_code=province_of(c.region_code),
        proposed=proposed,
    )


async def _graph(events: RestructuringRepository, ids: Sequence[UUID]) -> LineageGraph:
    """Every recorded restructuring touching ``ids``, with all of its participants."""
    recorded = await events.events_touching(ids)
    parts = await events.participants_of([e.id for e in recorded])
    nodes: dict[str, GraphNode] = {}
    by_event: dict[UUID, tuple[list[str], list[str]]] = {e.id: ([], []) for e in recorded}
    for event_id, role, c in parts:
        nodes.setdefault(str(c.id), _node(c))
        side = 0 if role is ParticipantRole.predecessor else 1
        by_event[event_id][side].append(str(c.id))
    edges = [
        GraphEdge(
            source=source,
            target=target,
            kind=e.kind,
            restructuring_id=e.id,
            effective_on=e.effective_on,
            proposed=False,
        )
        for e in recorded
        for source in by_event[e.id][0]
        for target in by_event[e.id][1]
    ]
    return LineageGraph(nodes=list(nodes.values()), edges=edges)


async def lineage_graph(
    repo: CooperativeRepository, principal: Principal, cooperative_id: UUID
) -> LineageGraph:
    cooperative = await cooperatives.get_visible(repo, principal, cooperative_id)
    events = RestructuringRepository(repo.session)
    ids = {cooperative.id}
    for towards in (ParticipantRole.predecessor, ParticipantRole.successor):
        ids |= {link.cooperative.id for link in await _walk(events, cooperative.id, towards)}
    graph = await _graph(events, sorted(ids))
    if not graph.nodes:
        graph.nodes.append(_node(cooperative))
    return graph


def _upstream_lines(
    c: Cooperative,
    to: str,
    outcome: str,
    financing: FinancingSummary | str | None,
    market: MarketSummary | str | None,
) -> list[Holding]:
    f = financing if isinstance(financing, FinancingSummary) else None
    m = market if isinstance(market, MarketSummary) else None
    f_down, m_down = isinstance(financing, str), isinstance(market, str)
    moving = outcome == "moves"
    pending = m.contracts_by_status.get("pending", 0) if m else 0
    return [
        Holding(
            cooperative_id=c.id,
            what="loans",
            count=None if f_down else (f.active_loans if f else 0),
            amount=None if f_down else quantize(f.outstanding_principal) if f else quantize(0),
            outcome=outcome,
            to=to if moving else None,
            note="open loans (outstanding principal); financing moves them when it hears of "
            "the restructuring"
            if moving
            else "stay with the parent unless named to move",
        ),
        Holding(
            cooperative_id=c.id,
            what="applications_in_review",
            count=None if f_down else (f.applications_in_review if f else 0),
            outcome=outcome,
            to=to if moving else None,
            note="open financing applications" if moving else "stay with the parent",
        ),
        Holding(
            cooperative_id=c.id,
            what="contracts",
            count=None if m_down else ((m.active_contracts + pending) if m else 0),
            amount=None if m_down else quantize(m.active_contracted_value) if m else quantize(0),
            outcome=outcome,
            to=to if moving else None,
            note="active and pending contracts; the marketplace moves them with open offers "
            "and proposals"
            if moving
            else "stay with the parent unless named to move",
        ),
    ]


def _holdings(
    data: PreviewIn,
    parties: _Parties,
    held: dict[str, dict[UUID, int]],
    financing: dict[UUID, FinancingSummary] | str,
    market: dict[UUID, MarketSummary] | str,
) -> list[Holding]:
    to = str(parties.successor.id) if parties.successor else NEW_NODE
    merging = data.kind in MERGING
    lines: list[Holding] = []
    for c in parties.predecessors:
        if merging:
            lines.append(
                Holding(
                    cooperative_id=c.id,
                    what="members",
                    count=c.member_count or 0,
                    outcome="moves",
                    to=to,
                    note="its members join the successor: update the successor's member count",
                )
            )
        f = financing if isinstance(financing, str) else financing.get(c.id)
        m = market if isinstance(market, str) else market.get(c.id)
        lines += _upstream_lines(c, to, "moves" if merging else "stays", f, m)
        for asset in data.moved_assets if not merging else []:
            lines.append(
                Holding(
                    cooperative_id=c.id,
                    what=asset.entity,
                    count=1,
                    outcome="moves",
                    to=NEW_NODE,
                    note=f"{asset.service} moves {asset.entity} {asset.id} to the new cooperative",
                )
            )
        for what, note in STAYS.items():
            n = held.get(what, {}).get(c.id, 0)
            if n:
                lines.append(
                    Holding(
                        cooperative_id=c.id, what=what, count=n, outcome="stays", to=None, note=note
                    )
                )
    return lines


def _proposed_graph(base: LineageGraph, data: PreviewIn, parties: _Parties) -> LineageGraph:
    nodes = {n.id: n for n in base.nodes}
    merging = data.kind in MERGING
    for c in parties.predecessors:
        status = CooperativeStatus.merged.value if merging else c.status.value
        nodes[str(c.id)] = _node(c, status=status, proposed=merging)
    if parties.successor is not None:
        target = str(parties.successor.id)
        nodes.setdefault(target, _node(parties.successor))
    else:
        target = NEW_NODE
        new = data.successor
        nodes[NEW_NODE] = GraphNode(
            id=NEW_NODE,
            name=new.name if new else "(new cooperative)",
            status=CooperativeStatus.active.value,
            province_code=province_of(new.region_code) if new else None,
            proposed=True,
        )
    proposed = [
        GraphEdge(
            source=str(c.id),
            target=target,
            kind=data.kind,
            restructuring_id=None,
            effective_on=None,
            proposed=True,
        )
        for c in parties.predecessors
    ]
    return LineageGraph(nodes=list(nodes.values()), edges=[*base.edges, *proposed])


async def preview(maker: Maker, upstreams: Upstreams, data: PreviewIn) -> PreviewOut:
    async with maker() as session:
        repo = CooperativeRepository(session)
        parties = await _parties(repo, data)
        events = RestructuringRepository(session)
        ids = [c.id for c in parties.predecessors]
        everyone = [*ids, *([parties.successor.id] if parties.successor else [])]
        held = await events.holdings(ids)
        base = await _graph(events, everyone)
    deadline = upstreams.deadline_seconds
    financing_answer, market_answer = await asyncio.gather(
        ask(Source.financing, upstreams.financing.financing_summaries(ids), deadline),
        ask(Source.marketplace, upstreams.marketplace.market_summaries(ids), deadline),
    )
    financing = (
        financing_answer
        if isinstance(financing_answer, str)
        else {f.cooperative_id: f for f in financing_answer}
    )
    market = (
        market_answer
        if isinstance(market_answer, str)
        else {m.cooperative_id: m for m in market_answer}
    )
    down = [
        UnavailableSource(source=source, reason=reason)
        for source, reason in ((Source.financing, financing), (Source.marketplace, market))
        if isinstance(reason, str)
    ]
    merging = data.kind in MERGING
    participants = [
        ParticipantPreview(
            cooperative=cooperatives.summary(c),
            role="predecessor" if merging else "parent",
            status_after=CooperativeStatus.merged if merging else c.status,
        )
        for c in parties.predecessors
    ]
    if parties.successor is not None:
        participants.append(
            ParticipantPreview(
                cooperative=cooperatives.summary(parties.successor),
                role="successor",
                status_after=parties.successor.status,
            )
        )
    members_after = None
    if merging:
        members_after = sum(c.member_count or 0 for c in parties.predecessors)
        if parties.successor is not None:
            members_after += parties.successor.member_count or 0
    return PreviewOut(
        kind=data.kind,
        participants=participants,
        holdings=_holdings(data, parties, held, financing, market),
        member_count_after=members_after,
        reason_required=parties.reason_required,
        graph=_proposed_graph(base, data, parties),
        partial=bool(down),
        unavailable=down,
    )
