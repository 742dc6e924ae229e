"""Matching against the database: load candidates through indexes, solve, explain, record."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Any
from uuid import UUID

import numpy as np
from sqlalchemy import Row, Text, cast, literal
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import NotFound, ValidationProblem
from kopmod_shared.ids import new_ids
from kopmod_shared.money import quantize
from marketplace.commodities.repository import CommodityRepository
from marketplace.common import MATCH_SCOPE, can_read_all
from marketplace.contracts.repository import ContractRepository
from marketplace.demands import service as demands
from marketplace.demands.models import Demand
from marketplace.demands.repository import DemandRepository
from marketplace.geo import bounding_box, haversine_km
from marketplace.matching import engine, solver
from marketplace.matching.candidates import candidate_arcs
from marketplace.matching.models import MatchingRun
from marketplace.matching.repository import MatchingRepository
from marketplace.matching.schemas import (
    AllocationOut,
    Candidate,
    Excluded,
    MatchPreview,
    ReplayOut,
    RunOut,
)
from marketplace.matching.workers import INLINE, MatchingWorkers
from marketplace.offers.models import SupplyOffer
from marketplace.offers.repository import OfferRepository
from marketplace.periods import is_periodic
from marketplace.proposals import service as proposals
from marketplace.settings import MarketplaceSettings

CENTS = Decimal(100)


def parameters(settings: MarketplaceSettings) -> engine.Parameters:
    return engine.Parameters(
        transport_cents_per_unit_km=float(settings.transport_cost_per_unit_km * CENTS),
        unmet_penalty_cents=int(settings.unmet_penalty_per_unit * CENTS),
        max_candidates_per_demand=settings.max_candidates_per_demand,
        repair_time_limit_seconds=settings.repair_time_limit_seconds,
        min_candidates_per_offer=settings.min_candidates_per_offer,
    )


def _rupiah(cents: int) -> Decimal:
    return quantize(Decimal(cents) / CENTS)


def demand_input(d: Demand | Row[Any]) -> engine.DemandInput:
    return engine.DemandInput(
        id=str(d.id),
        quantity=int(d.remaining_quantity),  # whole base units
        min_lot=math.ceil(d.min_lot) if d.min_lot else 0,
        latitude=d.latitude,
        longitude=d.longitude,
        radius_km=d.max_distance_km,
        window_start=d.window_start.toordinal(),
        window_end=d.window_end.toordinal(),
        min_grade_rank=d.min_grade_rank,
        required_certifications=tuple(d.required_certifications),
        reference_price=int(demands.reference_price(d) * CENTS),
    )


def offer_input(o: SupplyOffer, reliability: float | None) -> engine.OfferInput:
    """An offer as the engine reads it (``offers.repository.OPEN_COLUMNS`` computes the same
    in SQL for a commodity's run, read by ``_offer_columns``)."""
    return engine.OfferInput(
        id=str(o.id),
        cooperative_id=str(o.cooperative_id),
        quantity=int(o.remaining_quantity),
        min_order=math.ceil(o.min_order) if o.min_order else 0,
        order_multiple=max(int(o.order_multiple), 1) if o.order_multiple else 1,
        latitude=o.latitude,
        longitude=o.longitude,
        window_start=o.window_start.toordinal(),
        window_end=o.window_end.toordinal(),
        grade_rank=o.grade_rank,
        asking_price=int(o.asking_price * CENTS),
        certifications=tuple(
            engine.CertificationInput(c.scheme, c.valid_from.toordinal(), c.valid_to.toordinal())
            for c in o.certifications
        ),
        reliability=reliability,
        period=o.period,
        period_quantity=int(o.quantity) if is_periodic(o.period) else 0,
    )


async def _offer_inputs(
    session: AsyncSession, offers: Sequence[SupplyOffer]
) -> list[engine.OfferInput]:
    rates = await ContractRepository(session).fulfilment_rates(
        {o.cooperative_id for o in offers}, demands.today()
    )
    return [offer_input(o, rates.get(o.cooperative_id)) for o in offers]


async def _offer_columns(
    session: AsyncSession, records: list[Any], certs: list[Any]
) -> tuple[engine.OfferColumns, list[UUID], list[UUID]]:
    """Records of ``offers.repository.OPEN_COLUMNS`` and ``OPEN_CERTIFICATIONS`` as the
    engine's columns (each field converted at once, never an object per offer), with the
    offers' ids and cooperatives' ids by position."""
    n = len(records)
    cols: list[tuple[Any, ...]] = list(zip(*records, strict=True)) if n else [()] * 15
    ids, cooperatives = list(cols[0]), list(cols[1])
    rates = await ContractRepository(session).fulfilment_rates(set(cooperatives), demands.today())
    period = list(cols[13])
    periodic = np.fromiter((is_periodic(x) for x in period), bool, n)

    def ints(k: int) -> np.ndarray:
        return np.array(cols[k], dtype=np.int64) if n else np.empty(0, np.int64)

    def floats(k: int) -> np.ndarray:
        return np.array(cols[k], dtype=float) if n else np.empty(0, float)

    index = {offer_id: i for i, offer_id in enumerate(ids)} if certs else {}
    cert_cols: list[tuple[Any, ...]] = list(zip(*certs, strict=True)) if certs else [()] * 4
    columns = engine.OfferColumns(
        id=list(cols[2]),
        cooperative_id=list(cols[3]),
        quantity=ints(4),
        min_order=ints(5),
        order_multiple=ints(6),
        latitude=floats(7),
        longitude=floats(8),
        window_start=ints(9),
        window_end=ints(10),
        grade_rank=ints(11),
        asking_price=ints(12),
        reliability=np.array([rates.get(c, math.nan) for c in cooperatives], dtype=float)
        if rates
        else np.full(n, math.nan),
        period=period,
        period_quantity=np.where(periodic, ints(14), 0),
        # By offer id, as the offers are: the positions come out in order.
        cert_offer=np.array([index[o] for o in cert_cols[0]], dtype=np.int64),
        cert_scheme=list(cert_cols[1]),
        cert_from=np.array(cert_cols[2], dtype=np.int64),
        cert_to=np.array(cert_cols[3], dtype=np.int64),
    )
    return columns, ids, cooperatives


def _allocation_out(
    d_in: engine.DemandInput, o_in: engine.OfferInput, a: engine.Allocation
) -> AllocationOut:
    total, factors = engine.score(d_in, o_in, a.distance_km)
    return AllocationOut(
        demand_id=UUID(d_in.id),
        offer_id=UUID(o_in.id),
        cooperative_id=UUID(o_in.cooperative_id),
        quantity=Decimal(a.quantity),
        unit_cost=_rupiah(a.unit_cost),
        distance_km=round(a.distance_km, 3),
        score=total,
        breakdown=factors,
    )


async def preview(
    session: AsyncSession, demand: Demand, settings: MarketplaceSettings
) -> MatchPreview:
    """Candidates with their scores, offers filtered out and why, and the optimal split."""
    d_in = demand_input(demand)
    box = bounding_box(demand.latitude, demand.longitude, demand.max_distance_km)
    nearby = await OfferRepository(session).open_in_box(demand.commodity_code, box, demands.today())
    offers = list(nearby)
    inputs = await _offer_inputs(session, offers)
    p = parameters(settings)
    arcs = candidate_arcs([d_in], inputs, p) if d_in.quantity > 0 else []
    solution = solver.solve([d_in], inputs, arcs, p)
    candidates = []
    passing = {a.offer for a in arcs}
    excluded = []
    for i, (o, o_in) in enumerate(zip(offers, inputs, strict=True)):
        distance = haversine_km(d_in.latitude, d_in.longitude, o_in.latitude, o_in.longitude)
        if i in passing:
            total, factors = engine.score(d_in, o_in, distance)
            candidates.append(
                Candidate(
                    offer_id=o.id,
                    cooperative_id=o.cooperative_id,
                    cooperative_name=o.cooperative_name,
                    grade=o.grade,
                    remaining_quantity=o.remaining_quantity,
                    asking_price=o.asking_price,
                    distance_km=round(distance, 3),
                    unit_cost=_rupiah(engine.unit_cost(o_in, distance, p)),
                    score=total,
                    breakdown=factors,
                )
            )
        else:
            reason = engine.exclusion_reason(d_in, o_in, distance) or (
                "not among the cheapest candidates kept for this demand"
            )
            excluded.append(Excluded(offer_id=o.id, cooperative_id=o.cooperative_id, reason=reason))
    candidates.sort(key=lambda c: (-c.score, str(c.offer_id)))
    allocation = [_allocation_out(d_in, inputs[a.offer], a) for a in solution.allocations]
    return MatchPreview(
        demand_id=demand.id,
        weights=engine.WEIGHTS,
        candidates=candidates,
        excluded=excluded,
        allocation=allocation,
        allocated_quantity=Decimal(sum(a.quantity for a in solution.allocations)),
        unmet_quantity=Decimal(solution.unmet_total),
        supply_cost=_rupiah(solution.supply_cost),
        status=solution.status,
    )


async def run_for_demand(
    session: AsyncSession,
    principal: Principal,
    demand_id: UUID,
    settings: MarketplaceSettings,
    *,
    propose: bool,
    workers: MatchingWorkers = INLINE,
) -> MatchingRun:
    demand = await demands.get_owned(DemandRepository(session), principal, demand_id)
    status = demands.effective_status(demand)
    if status not in ("open", "partially_allocated"):
        raise ValidationProblem.for_field(
            "path.demand_id", f"the demand is {status}: only an open demand is matched", "not_open"
        )
    box = bounding_box(demand.latitude, demand.longitude, demand.max_distance_km)
    offers = list(
        await OfferRepository(session).open_in_box(demand.commodity_code, box, demands.today())
    )
    return await _run(
        session,
        principal,
        scope="demand",
        commodity_code=demand.commodity_code,
        demand_rows=[demand],
        offer_ids=[o.id for o in offers],
        offer_cooperatives=[o.cooperative_id for o in offers],
        settings=settings,
        propose=propose,
        o_inputs=await _offer_inputs(session, offers),
        workers=workers,
    )


async def run_for_commodity(
    session: AsyncSession,
    principal: Principal,
    commodity_code: str,
    settings: MarketplaceSettings,
    *,
    propose: bool,
    workers: MatchingWorkers = INLINE,
) -> MatchingRun:
    """All open demands of a commodity against its open offers, so scarce supply goes where it
    is worth most overall. Demands are read as plain rows, offers as columns (one query each,
    and one for the offers' certifications); the computation runs in ``workers``."""
    if await CommodityRepository(session).get(commodity_code) is None:
        raise ValidationProblem.for_field(
            "body.commodity_code", f"unknown commodity {commodity_code!r}", "unknown_commodity"
        )
    today = demands.today()
    demand_rows = list(await DemandRepository(session).open_for_commodity(commodity_code, today))
    records, certs = await OfferRepository(session).open_columns_for_matching(commodity_code, today)
    columns, offer_ids, cooperatives = await _offer_columns(session, records, certs)
    return await _run(
        session,
        principal,
        scope="commodity",
        commodity_code=commodity_code,
        demand_rows=demand_rows,
        offer_ids=offer_ids,
        offer_cooperatives=cooperatives,
        settings=settings,
        propose=propose,
        o_inputs=columns,
        workers=workers,
    )


async def _run(
    session: AsyncSession,
    principal: Principal,
    *,
    scope: str,
    commodity_code: str,
    demand_rows: Sequence[Demand | Row[Any]],
    offer_ids: Sequence[UUID],
    offer_cooperatives: Sequence[UUID],
    settings: MarketplaceSettings,
    propose: bool,
    o_inputs: engine.Offers,
    workers: MatchingWorkers,
) -> MatchingRun:
    d_inputs = [demand_input(d) for d in demand_rows]
    p = parameters(settings)
    allocated = await workers.allocate(d_inputs, o_inputs, p)
    solution = allocated.solution
    run = MatchingRun(
        scope=scope,
        commodity_code=commodity_code,
        demand_id=demand_rows[0].id if scope == "demand" else None,
        requested_by=principal.client_id,
        parameters={
            "transport_cents_per_unit_km": p.transport_cents_per_unit_km,
            "unmet_penalty_cents": p.unmet_penalty_cents,
            "max_candidates_per_demand": p.max_candidates_per_demand,
            "repair_time_limit_seconds": p.repair_time_limit_seconds,
            "min_candidates_per_offer": p.min_candidates_per_offer,
        },
        # Megabytes for a national run: sent as the JSON text the worker wrote.
        inputs=cast(literal(allocated.inputs_json, Text), JSONB),
        status=solution.status,
        objective=_rupiah(solution.objective),
        supply_cost=_rupiah(solution.supply_cost),
        allocated_quantity=Decimal(sum(a.quantity for a in solution.allocations)),
        unmet_quantity=Decimal(solution.unmet_total),
        stats={**solution.stats, "demands": len(d_inputs), "offers": len(o_inputs)},
    )
    repo = MatchingRepository(session)
    await repo.add_run(run)
    proposal_ids: list[UUID | None] = [None] * len(solution.allocations)
    if propose:  # proposals need the demands and offers themselves, only those allocated
        proposal_ids = await _propose(
            session, run, demand_rows, offer_ids, d_inputs, o_inputs, solution, settings
        )
    # One id call for all (time-ordered, consecutive) and cents to rupiah by moving the point
    # (exact, the scale ``_rupiah`` gives): a national run records tens of thousands.
    allocations = [
        (
            allocation_id,
            run.id,
            demand_rows[a.demand].id,
            offer_ids[a.offer],
            offer_cooperatives[a.offer],
            Decimal(a.quantity),
            Decimal(a.unit_cost).scaleb(-2),
            round(a.distance_km, 3),
            total,
            breakdown,
            proposal_id,
        )
        for allocation_id, a, total, breakdown, proposal_id in zip(
            new_ids(len(solution.allocations)),
            solution.allocations,
            allocated.scores,
            allocated.breakdowns,
            proposal_ids,
            strict=True,
        )
    ]
    await repo.add_allocations(allocations)
    return run


async def _propose(
    session: AsyncSession,
    run: MatchingRun,
    demand_rows: Sequence[Demand | Row[Any]],
    offer_ids: Sequence[UUID],
    d_inputs: list[engine.DemandInput],
    o_inputs: engine.Offers,
    solution: engine.Solution,
    settings: MarketplaceSettings,
) -> list[UUID | None]:
    """One proposal per allocation, to the allocated cooperative."""
    allocated = solution.allocations
    demands_by_id = await DemandRepository(session).by_ids(
        {demand_rows[a.demand].id for a in allocated}
    )
    offers_by_id = await OfferRepository(session).by_ids({offer_ids[a.offer] for a in allocated})
    ids: list[UUID | None] = []
    for a in allocated:
        total, factors = engine.score(d_inputs[a.demand], o_inputs[a.offer], a.distance_km)
        proposal = await proposals.propose(
            session,
            demand=demands_by_id[demand_rows[a.demand].id],
            offer=offers_by_id[offer_ids[a.offer]],
            quantity=Decimal(a.quantity),
            score=total,
            breakdown=factors,
            ttl_hours=settings.proposal_ttl_hours,
            run_id=run.id,
        )
        ids.append(proposal.id)
    return ids


async def get_run(session: AsyncSession, principal: Principal, id: UUID) -> MatchingRun:
    run = await MatchingRepository(session).get(id)
    if run is None:
        raise NotFound(f"no matching run {id}")
    if can_read_all(principal) or (
        principal.role is Role.partner and principal.has_scope(MATCH_SCOPE)
    ):
        return run
    if run.demand_id is not None and principal.role is Role.offtaker:
        demand = await DemandRepository(session).get(run.demand_id)
        if demand is not None and demands.is_owner(principal, demand):
            return run
    raise NotFound(f"no matching run {id}")


async def run_out(session: AsyncSession, run: MatchingRun) -> RunOut:
    repo = MatchingRepository(session)
    rows = await repo.allocations(run.id)
    if "demands" in run.stats:
        n_demands, n_offers = run.stats["demands"], run.stats["offers"]
    else:  # recorded before the counts were kept in the stats
        n_demands, n_offers = await repo.input_counts(run.id)
    return RunOut(
        id=run.id,
        scope=run.scope,
        commodity_code=run.commodity_code,
        demand_id=run.demand_id,
        requested_by=run.requested_by,
        status=run.status,
        objective=run.objective,
        supply_cost=run.supply_cost,
        allocated_quantity=run.allocated_quantity,
        unmet_quantity=run.unmet_quantity,
        parameters=run.parameters,
        stats=run.stats,
        demands=n_demands,
        offers=n_offers,
        allocations=[
            AllocationOut(
                demand_id=a.demand_id,
                offer_id=a.offer_id,
                cooperative_id=a.cooperative_id,
                quantity=a.quantity,
                unit_cost=a.unit_cost,
                distance_km=a.distance_km,
                score=a.score,
                breakdown=a.breakdown,
                proposal_id=a.proposal_id,
            )
            for a in rows
        ],
        created_at=run.created_at,
    )


async def replay(session: AsyncSession, run: MatchingRun) -> ReplayOut:
    """Solve the recorded inputs again with the recorded parameters and compare."""
    await session.refresh(run, ["inputs"])
    d_inputs, o_inputs = engine.load_inputs(run.inputs)
    p = engine.Parameters(**run.parameters)
    arcs = candidate_arcs(d_inputs, o_inputs, p)
    solution = solver.solve(d_inputs, o_inputs, arcs, p)
    allocations = [
        _allocation_out(d_inputs[a.demand], o_inputs[a.offer], a) for a in solution.allocations
    ]
    recorded = {
        (a.demand_id, a.offer_id, a.quantity)
        for a in await MatchingRepository(session).allocations(run.id)
    }
    again = {(a.demand_id, a.offer_id, a.quantity) for a in allocations}
    objective = _rupiah(solution.objective)
    return ReplayOut(
        run_id=run.id,
        identical=recorded == again and objective == run.objective,
        recorded_objective=run.objective,
        objective=objective,
        allocations=allocations,
    )
