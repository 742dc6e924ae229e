"""Partnership contracts (kemitraan): schedule, signature, ending, fulfilment; deliveries
and disputes are in ``deliveries``."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import (
    Conflict,
    InvalidTransition,
    NotFound,
    ValidationProblem,
)
from kopmod_shared.events import EventType
from kopmod_shared.money import PROPORTION, quantize
from kopmod_shared.outbox import emit
from kopmod_shared.schemas.marketplace import (
    ContractStatus,
    ContractSummary,
    MilestoneStatus,
)
from marketplace.common import can_read_all
from marketplace.contracts.models import Contract, Milestone
from marketplace.contracts.repository import ContractRepository
from marketplace.contracts.schemas import (
    ContractOut,
    CooperativeFulfilment,
    MilestoneOut,
)
from marketplace.demands import service as demands
from marketplace.demands.models import Demand
from marketplace.demands.repository import DemandRepository
from marketplace.models import outbox_events
from marketplace.offers import service as offers
from marketplace.offers.models import SupplyOffer
from marketplace.offers.repository import OfferRepository
from marketplace.periods import is_periodic, period_bounds, period_index
from marketplace.proposals.models import Proposal
from marketplace.proposals.schemas import MilestoneIn

QTY_STEP = Decimal("0.001")

# action -> {from: to}
TRANSITIONS: dict[str, dict[str, str]] = {
    "confirm": {"pending": "active"},
    "cancel": {"pending": "cancelled"},
    "terminate": {"active": "terminated"},
    "deliver": {"active": "active"},
    "complete": {"active": "completed"},
}


def now() -> datetime:
    return datetime.now(UTC)


def step(action: str, current: str) -> str:
    allowed = TRANSITIONS[action]
    if current not in allowed:
        raise InvalidTransition(
            current, action, [a for a, m in TRANSITIONS.items() if current in m]
        )
    return allowed[current]


class PeriodCapacityExceeded(Conflict):
    slug, title = "period-capacity-exceeded", "More than the offer supplies in one period"


def party_of(principal: Principal, contract: Contract) -> str | None:
    if principal.is_org(Role.cooperative, contract.cooperative_id):
        return "cooperative"
    if principal.is_org(Role.offtaker, contract.offtaker_id):
        return "offtaker"
    return None


def default_schedule(
    demand: Demand, quantity: Decimal, start: date, end: date
) -> list[MilestoneIn]:
    """One milestone at the window's end, or the demand's recurrence spread over the window."""
    rec = demand.recurrence or {}
    n = int(rec.get("occurrences") or 1) if rec.get("kind") == "schedule" else 1
    if n <= 1:
        return [MilestoneIn(due_date=end, quantity=quantity)]
    step = timedelta(days=7) if rec.get("interval") == "weekly" else timedelta(days=30)
    share = (quantity / n).quantize(QTY_STEP, rounding="ROUND_DOWN")
    out = []
    for k in range(n):
        due = min(start + step * k, end)
        q = share if k < n - 1 else quantity - share * (n - 1)
        out.append(MilestoneIn(due_date=due, quantity=q))
    return out


def _milestones(items: list[MilestoneIn]) -> list[Milestone]:
    return [
        Milestone(
            seq=i + 1,
            due_date=m.due_date,
            quantity=m.quantity.quantize(QTY_STEP),
            delivered_quantity=Decimal("0.000"),
            accepted_quantity=Decimal("0.000"),
            status=MilestoneStatus.scheduled.value,
        )
        for i, m in enumerate(sorted(items, key=lambda m: m.due_date))
    ]


def _period_totals(offer: SupplyOffer, items: list[tuple[date, Decimal]]) -> dict[int, Decimal]:
    totals: dict[int, Decimal] = {}
    for due, quantity in items:
        k = period_index(offer.period, offer.window_start, due)
        totals[k] = totals.get(k, Decimal(0)) + quantity
    return totals


async def _scheduled_on_offer(
    session: AsyncSession, offer: SupplyOffer, exclude_contract: UUID | None
) -> dict[int, Decimal]:
    """Per period of the offer: what the other contracts drawing on it have scheduled."""
    rows = await ContractRepository(session).scheduled_on_offer(
        offer.id, exclude_contract=exclude_contract
    )
    return _period_totals(offer, rows)


def check_periods(
    offer: SupplyOffer, scheduled: dict[int, Decimal], items: list[MilestoneIn]
) -> None:
    """Refuse a schedule on a periodic offer that puts more into one period than it supplies.

    ``scheduled`` is what other contracts already hold per period. Milestones must fall inside
    the offer's window (a date outside it draws on no period the cooperative offered).
    """
    if not is_periodic(offer.period):
        return
    for i, m in enumerate(items):
        if not offer.window_start <= m.due_date <= offer.window_end:
            raise ValidationProblem.for_field(
                f"body.milestones.{i}.due_date",
                f"due {m.due_date.isoformat()}, outside the supply offer's window "
                f"{offer.window_start.isoformat()}..{offer.window_end.isoformat()}",
                "outside_offer_window",
            )
    new = _period_totals(offer, [(m.due_date, m.quantity.quantize(QTY_STEP)) for m in items])
    for k in sorted(new):
        already = scheduled.get(k, Decimal("0.000"))
        if already + new[k] > offer.quantity:
            first, last = period_bounds(offer.period, offer.window_start, offer.window_end, k)
            unit = offer.base_unit
            raise PeriodCapacityExceeded(
                f"the {offer.period} offer supplies {offer.quantity} {unit} per period; in period "
                f"{k + 1} ({first.isoformat()}..{last.isoformat()}) other contracts already hold "
                f"{already} {unit} and this schedule puts {new[k]} {unit} more",
                offer_id=str(offer.id),
                period=k + 1,
                period_start=first.isoformat(),
                period_end=last.isoformat(),
                per_period_quantity=format(offer.quantity, "f"),
                already_scheduled=format(already, "f"),
                requested=format(new[k], "f"),
                available=format(max(Decimal(0), offer.quantity - already), "f"),
            )


def spread_over_periods(
    offer: SupplyOffer, scheduled: dict[int, Decimal], quantity: Decimal, start: date, end: date
) -> list[MilestoneIn] | None:
    """``quantity`` spread over the offer's periods inside ``start..end``: evenly where there is
    room, the rest into the earliest periods with room left; each milestone due on its period's
    last day. ``None`` when the periods' room cannot hold it."""
    lo, hi = max(start, offer.window_start), min(end, offer.window_end)
    if hi < lo:
        return None
    ks = list(
        range(
            period_index(offer.period, offer.window_start, lo),
            period_index(offer.period, offer.window_start, hi) + 1,
        )
    )
    room = {k: max(Decimal(0), offer.quantity - scheduled.get(k, Decimal(0))) for k in ks}
    share = (quantity / len(ks)).quantize(QTY_STEP, rounding="ROUND_DOWN")
    take = {k: min(share, room[k]) for k in ks}
    left = quantity - sum(take.values(), Decimal(0))
    for k in ks:
        extra = min(left, room[k] - take[k])
        take[k] += extra
        left -= extra
    if left > 0:
        return None
    out = []
    for k in ks:
        if take[k] > 0:
            _, last = period_bounds(offer.period, offer.window_start, offer.window_end, k)
            out.append(MilestoneIn(due_date=min(last, hi), quantity=take[k]))
    return out


async def create_from_proposal(
    session: AsyncSession,
    *,
    proposal: Proposal,
    demand: Demand,
    offer: SupplyOffer,
    offtaker_name: str,
) -> Contract:
    """The contract an acceptance creates: pending until the offtaker confirms it.

    On a periodic offer (locked by the caller) the schedule must keep every period within the
    offer's per-period quantity, counting the other contracts on the offer: the demand's own
    schedule when it fits, otherwise the quantity spread over the periods of the window;
    ``PeriodCapacityExceeded`` when even that cannot hold it.
    """
    schedule = default_schedule(
        demand, proposal.quantity, proposal.window_start, proposal.window_end
    )
    if is_periodic(offer.period):
        scheduled = await _scheduled_on_offer(session, offer, exclude_contract=None)
        try:
            check_periods(offer, scheduled, schedule)
        except (PeriodCapacityExceeded, ValidationProblem) as refused:
            spread = spread_over_periods(
                offer, scheduled, proposal.quantity, proposal.window_start, proposal.window_end
            )
            if spread is None:
                raise PeriodCapacityExceeded(
                    f"the {offer.period} offer supplies {offer.quantity} {offer.base_unit} per "
                    f"period; its periods within {proposal.window_start.isoformat()}.."
                    f"{proposal.window_end.isoformat()} have too little room left for "
                    f"{proposal.quantity} {offer.base_unit} beside the other contracts",
                    offer_id=str(offer.id),
                    per_period_quantity=format(offer.quantity, "f"),
                    requested=format(proposal.quantity, "f"),
                    **{
                        k: v
                        for k, v in refused.extra.items()
                        if k in ("period", "period_start", "period_end", "already_scheduled")
                    },
                ) from None
            schedule = spread
    contract = Contract(
        proposal_id=proposal.id,
        demand_id=demand.id,
        offer_id=offer.id,
        offtaker_id=demand.offtaker_id,
        offtaker_name=offtaker_name,
        cooperative_id=offer.cooperative_id,
        cooperative_name=offer.cooperative_name,
        commodity_code=demand.commodity_code,
        grade=offer.grade,
        base_unit=demand.base_unit,
        quantity=proposal.quantity,
        unit_price=proposal.unit_price,
        value=quantize(proposal.quantity * proposal.unit_price),
        price_terms=demands.price_terms(demand).model_dump(mode="json"),
        payment_days=demand.payment_days,
        payment_terms=demand.payment_terms,
        incoterm=demand.incoterm,
        incoterm_place=demand.incoterm_place,
        delivered_quantity=Decimal(0),
        accepted_quantity=Decimal(0),
        status=ContractStatus.pending.value,
        milestones=_milestones(schedule),
    )
    # Not read back: the acceptance answers with the proposal, naming the contract by id.
    return await ContractRepository(session).add(contract, refresh=False)


async def sign(
    session: AsyncSession, contract: Contract, milestones: list[MilestoneIn] | None
) -> Contract:
    """The offtaker's confirmation: the contract becomes active (``contract.signed``)."""
    contract.status = step("confirm", contract.status)
    if milestones is not None:
        total = sum((m.quantity for m in milestones), Decimal(0))
        if total != contract.quantity:
            raise ValidationProblem.for_field(
                "body.milestones",
                f"milestone quantities add up to {total}, the contract is for {contract.quantity}",
                "schedule_total",
            )
        # Lock order: contract, offer (as cancelling does). Two schedules on one offer wait
        # for each other, so they cannot both fit into the same period's room.
        offer = await OfferRepository(session).get(contract.offer_id, for_update=True)
        assert offer is not None
        scheduled = await _scheduled_on_offer(session, offer, exclude_contract=contract.id)
        check_periods(offer, scheduled, milestones)
        contract.milestones.clear()
        await session.flush()
        contract.milestones.extend(_milestones(milestones))
    contract.signed_at = now()
    await session.flush()
    await emit(
        session,
        outbox_events,
        source="marketplace",
        type=EventType.CONTRACT_SIGNED,
        subject=contract.id,
        parties=[contract.offtaker_id, contract.cooperative_id],
        data=summary(contract).model_dump(mode="json"),
    )
    return contract


def list_filters(principal: Principal, counterparty_id: UUID | None) -> dict[str, UUID | None]:
    """What a list of contracts is narrowed to: a party's own, then the counterparty asked for
    (for a reader, who is no party, an id matches either side)."""
    if can_read_all(principal):
        if counterparty_id is None:
            return {}
        return {"either_id": counterparty_id}
    if principal.role is Role.cooperative:
        return {"cooperative_id": principal.org_id, "offtaker_id": counterparty_id}
    return {"offtaker_id": principal.org_id, "cooperative_id": counterparty_id}


async def get_visible(repo: ContractRepository, principal: Principal, id: UUID) -> Contract:
    contract = await repo.get(id)
    if contract is None or not (party_of(principal, contract) or can_read_all(principal)):
        raise NotFound(f"no contract {id}")
    return contract


async def _release(session: AsyncSession, contract: Contract, quantity: Decimal) -> None:
    """Give back committed quantity to the offer and the demand (locks in the usual order)."""
    offer = await OfferRepository(session).get(contract.offer_id, for_update=True)
    demand = await DemandRepository(session).get(contract.demand_id, for_update=True)
    assert offer is not None and demand is not None
    offer.remaining_quantity += quantity
    if offer.status in ("partially_committed", "committed"):
        offer.status = (
            "open"
            if offer.remaining_quantity >= offers.capacity_total(offer)
            else "partially_committed"
        )
    demand.remaining_quantity += quantity
    if demand.status in ("partially_allocated", "allocated"):
        demand.status = (
            "open" if demand.remaining_quantity >= demand.quantity else "partially_allocated"
        )


async def cancel(session: AsyncSession, principal: Principal, id: UUID, reason: str) -> Contract:
    repo = ContractRepository(session)
    contract = await repo.get(id, for_update=True)
    if contract is None or not (party_of(principal, contract) or principal.role is Role.admin):
        raise NotFound(f"no contract {id}")
    contract.status = step("cancel", contract.status)
    contract.ended_at, contract.end_reason = now(), reason
    await _release(session, contract, contract.quantity)
    await session.flush()
    return contract


async def terminate(session: AsyncSession, principal: Principal, id: UUID, reason: str) -> Contract:
    repo = ContractRepository(session)
    contract = await repo.get(id, for_update=True)
    if contract is None or not (party_of(principal, contract) or principal.role is Role.admin):
        raise NotFound(f"no contract {id}")
    contract.status = step("terminate", contract.status)
    contract.ended_at, contract.end_reason = now(), reason
    await session.flush()
    return contract


def milestone_status(m: Milestone, contract_status: str, today: date) -> MilestoneStatus:
    if m.accepted_quantity >= m.quantity:
        return MilestoneStatus.delivered
    if m.delivered_quantity > 0:
        return MilestoneStatus.partially_delivered
    if m.due_date < today and contract_status in ("active", "terminated"):
        return MilestoneStatus.missed
    return MilestoneStatus.scheduled


def fulfilment_rate(contract: Contract) -> Decimal:
    return (
        quantize(contract.accepted_quantity / contract.quantity, PROPORTION.unit)
        if contract.quantity
        else Decimal(0)
    )


def summary(c: Contract) -> ContractSummary:
    today = now().date()
    accepted_value = quantize(c.accepted_quantity * c.unit_price)
    return ContractSummary(
        id=c.id,
        status=ContractStatus(c.status),
        offtaker_id=c.offtaker_id,
        offtaker_name=c.offtaker_name,
        cooperative_id=c.cooperative_id,
        cooperative_name=c.cooperative_name,
        commodity_code=c.commodity_code,
        base_unit=c.base_unit,
        quantity=c.quantity,
        unit_price=c.unit_price,
        value=c.value,
        delivered_quantity=c.delivered_quantity,
        accepted_quantity=c.accepted_quantity,
        delivered_value=accepted_value,
        remaining_value=max(Decimal("0.00"), c.value - accepted_value),
        fulfilment_rate=fulfilment_rate(c),
        payment_days=c.payment_days,
        signed_at=c.signed_at,
        schedule=[_milestone_out(m, c.status, today) for m in c.milestones],
    )


def _milestone_out(m: Milestone, contract_status: str, today: date) -> MilestoneOut:
    return MilestoneOut(
        id=m.id,
        seq=m.seq,
        due_date=m.due_date,
        quantity=m.quantity,
        delivered_quantity=m.delivered_quantity,
        accepted_quantity=m.accepted_quantity,
        status=milestone_status(m, contract_status, today),
    )


def to_out(c: Contract) -> ContractOut:
    from marketplace.demands.schemas import PriceTerms

    today = now().date()
    return ContractOut(
        id=c.id,
        proposal_id=c.proposal_id,
        demand_id=c.demand_id,
        offer_id=c.offer_id,
        offtaker_id=c.offtaker_id,
        offtaker_name=c.offtaker_name,
        cooperative_id=c.cooperative_id,
        cooperative_name=c.cooperative_name,
        commodity_code=c.commodity_code,
        grade=c.grade,
        base_unit=c.base_unit,
        quantity=c.quantity,
        unit_price=c.unit_price,
        value=c.value,
        price_terms=PriceTerms.model_validate(c.price_terms),
        payment_days=c.payment_days,
        payment_terms=c.payment_terms,
        incoterm=c.incoterm,
        incoterm_place=c.incoterm_place,
        delivered_quantity=c.delivered_quantity,
        accepted_quantity=c.accepted_quantity,
        fulfilment_rate=fulfilment_rate(c),
        status=ContractStatus(c.status),
        signed_at=c.signed_at,
        completed_at=c.completed_at,
        ended_at=c.ended_at,
        end_reason=c.end_reason,
        milestones=[_milestone_out(m, c.status, today) for m in c.milestones],
        created_at=c.created_at,
    )


async def cooperative_fulfilment(
    session: AsyncSession, principal: Principal, cooperative_id: UUID
) -> CooperativeFulfilment:
    if not (principal.is_org(Role.cooperative, cooperative_id) or can_read_all(principal)):
        raise NotFound(f"no fulfilment record for cooperative {cooperative_id}")
    today = now().date()
    totals = await ContractRepository(session).fulfilment_totals([cooperative_id], today)
    count, contracted, due, accepted_due, accepted = totals.get(
        cooperative_id, (0, Decimal(0), Decimal(0), Decimal(0), Decimal(0))
    )
    return CooperativeFulfilment(
        cooperative_id=cooperative_id,
        contracts=count,
        contracted_quantity=contracted,
        due_quantity=due,
        accepted_on_due=accepted_due,
        accepted_quantity=accepted,
        fulfilment_rate=quantize(min(Decimal(1), accepted_due / due), PROPORTION.unit)
        if due > 0
        else None,
        as_of=today,
    )
