"""Proposals: one cooperative's share of a demand, negotiated in turns.

The platform proposes on the offtaker's behalf, so the cooperative moves first. Whoever's turn it
is may accept, reject or counter (new quantity, price or window); a counter hands the turn to the
other party and restarts the expiry clock. Acceptance commits the quantity on both the offer and
the demand in the same transaction, under row locks taken in one order (proposal, offer, demand),
so concurrent acceptances can never commit an offer beyond what it has (its whole window's
capacity: quantity per period x periods). An accepted proposal becomes a pending contract, which
the offtaker's confirmation signs; on a weekly or monthly offer the contract's schedule is checked
period by period against the offer's other contracts under the same offer lock.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, NamedTuple
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import Conflict, InvalidTransition, NotFound, ValidationProblem
from kopmod_shared.events import EventType
from kopmod_shared.money import quantize
from kopmod_shared.outbox import emit
from marketplace.common import can_read_all
from marketplace.contracts import service as contracts
from marketplace.contracts.models import Contract
from marketplace.contracts.repository import ContractRepository
from marketplace.demands import service as demands
from marketplace.demands.models import Demand
from marketplace.demands.schemas import PriceType
from marketplace.models import outbox_events
from marketplace.offers import service as offers
from marketplace.offers.models import SupplyOffer
from marketplace.proposals.models import Proposal, ProposalEvent
from marketplace.proposals.repository import OPEN, ProposalRepository
from marketplace.proposals.schemas import (
    Confirmation,
    Counter,
    ProposalEventOut,
    ProposalOut,
    ProposalStatus,
)
from marketplace.rows import write_back

QTY_STEP, MONEY_STEP = Decimal("0.001"), Decimal("0.01")
MAX_ROUNDS = 10


class Answered(NamedTuple):
    """What a reply knows for its answer without reading back: the proposal, the names of the
    cooperative and the offtaker, the whole history and the contract (an acceptance's)."""

    proposal: Proposal
    named: tuple[str, str]
    history: list[ProposalEvent]
    contract_id: UUID | None


class ProposalExpired(Conflict):
    slug, title = "proposal-expired", "The proposal has expired"


class NotYourTurn(Conflict):
    slug, title = "not-your-turn", "It is the other party's turn"


class InsufficientQuantity(Conflict):
    slug, title = "insufficient-quantity", "Not enough quantity left"


def now() -> datetime:
    return datetime.now(UTC)


def effective_status(p: Proposal, at: datetime | None = None) -> str:
    if p.status in OPEN and p.expires_at <= (at or now()):
        return ProposalStatus.expired.value
    return p.status


def proposed_price(demand: Demand, offer: SupplyOffer) -> Decimal:
    """The price the platform opens with: the demand's terms applied to the asking price."""
    terms = demands.price_terms(demand)
    if terms.type is PriceType.fixed and terms.fixed is not None:
        return terms.fixed
    if terms.type is PriceType.range and terms.floor is not None and terms.ceiling is not None:
        return min(max(offer.asking_price, terms.floor), terms.ceiling)
    return terms.reference()


def party(principal: Principal, p: Proposal) -> str | None:
    if principal.is_org(Role.cooperative, p.cooperative_id):
        return "cooperative"
    if principal.is_org(Role.offtaker, p.offtaker_id):
        return "offtaker"
    return None


async def propose(
    session: AsyncSession,
    *,
    demand: Demand,
    offer: SupplyOffer,
    quantity: Decimal,
    score: float | None,
    breakdown: dict[str, Any] | None,
    ttl_hours: int,
    run_id: UUID | None = None,
) -> Proposal:
    """A proposal for one allocation (an open one for the same pair is reused)."""
    repo = ProposalRepository(session)
    existing = await repo.open_for_pair(demand.id, offer.id, now())
    if existing is not None:
        return existing
    proposal = await repo.add(
        Proposal(
            run_id=run_id,
            demand_id=demand.id,
            offer_id=offer.id,
            offtaker_id=demand.offtaker_id,
            cooperative_id=offer.cooperative_id,
            commodity_code=demand.commodity_code,
            base_unit=demand.base_unit,
            quantity=quantity,
            unit_price=proposed_price(demand, offer),
            window_start=max(demand.window_start, offer.window_start),
            window_end=min(demand.window_end, offer.window_end),
            status=ProposalStatus.proposed.value,
            turn="cooperative",
            round=1,
            expires_at=now() + timedelta(hours=ttl_hours),
            score=score,
            breakdown=breakdown,
        )
    )
    await _history(repo, proposal, "platform", "proposed", None)
    await emit(
        session,
        outbox_events,
        source="marketplace",
        type=EventType.PROPOSAL_MADE,
        subject=proposal.id,
        parties=[proposal.offtaker_id, proposal.cooperative_id],
        data=_event_data(proposal)
        | {"turn": proposal.turn, "expires_at": proposal.expires_at.isoformat()},
    )
    return proposal


def _event_data(p: Proposal) -> dict[str, Any]:
    return {
        "proposal_id": str(p.id),
        "demand_id": str(p.demand_id),
        "offer_id": str(p.offer_id),
        "offtaker_id": str(p.offtaker_id),
        "cooperative_id": str(p.cooperative_id),
        "quantity": format(p.quantity, "f"),
        "unit_price": format(p.unit_price, "f"),
        "base_unit": p.base_unit,
    }


async def _history(
    repo: ProposalRepository, p: Proposal, actor: str, action: str, note: str | None
) -> ProposalEvent:
    return await repo.add_event(
        ProposalEvent(
            proposal_id=p.id,
            round=p.round,
            actor=actor,
            action=action,
            quantity=p.quantity,
            unit_price=p.unit_price,
            window_start=p.window_start,
            window_end=p.window_end,
            note=note,
            at=now(),
        )
    )


async def get_visible(repo: ProposalRepository, principal: Principal, id: UUID) -> Proposal:
    p = await repo.get(id)
    if p is None or not (party(principal, p) or can_read_all(principal)):
        raise NotFound(f"no proposal {id}")
    return p


async def _for_move(
    repo: ProposalRepository, principal: Principal, id: UUID
) -> tuple[Proposal, str]:
    """The proposal locked, the caller's side, checked to be open and the caller's turn."""
    return _check_move(await repo.get(id, for_update=True), principal, id)


def _check_move(p: Proposal | None, principal: Principal, id: UUID) -> tuple[Proposal, str]:
    side = party(principal, p) if p else None
    if p is None or side is None:
        raise NotFound(f"no proposal {id}")
    status = effective_status(p)
    if status == ProposalStatus.expired.value:
        raise ProposalExpired(
            f"the proposal expired at {p.expires_at.isoformat()}; ask for a new match",
            expired_at=p.expires_at.isoformat(),
        )
    if status not in OPEN:
        raise InvalidTransition(status, "respond", [])
    if p.turn != side:
        raise NotYourTurn(f"it is the {p.turn}'s turn to answer", turn=p.turn)
    return p, side


async def accept(
    session: AsyncSession, principal: Principal, id: UUID, note: str | None
) -> Answered:
    """Accept the terms on the table: the proposal, its new contract's id, the names of the
    cooperative and the offtaker and the history, so the answer needs no read of what this just
    wrote. Needs ``defer_inserts(session)``: every change goes out with the commit's one
    statement (``marketplace.rows``)."""
    repo = ProposalRepository(session)
    # The proposal, offer and demand locked in that order (the lock order everywhere).
    found = await repo.for_accept(id, principal.org_id)
    p, side = _check_move(found[0] if found else None, principal, id)
    assert found is not None
    _, offtaker_name, history, offer, demand = found
    assert offer is not None and demand is not None
    offer_status = offers.effective_status(offer)
    if offer_status not in ("open", "partially_committed"):
        raise Conflict(f"the supply offer is {offer_status}")
    if offer.remaining_quantity < p.quantity:
        raise InsufficientQuantity(
            f"the offer has {offer.remaining_quantity} {offer.base_unit} left; "
            f"this proposal needs {p.quantity}",
            available=format(offer.remaining_quantity, "f"),
        )
    demand_status = demands.effective_status(demand)
    if demand_status not in ("open", "partially_allocated"):
        raise Conflict(f"the demand is {demand_status}")
    if demand.remaining_quantity < p.quantity:
        raise InsufficientQuantity(
            f"the demand needs only {demand.remaining_quantity} {demand.base_unit} more; "
            f"this proposal is for {p.quantity}",
            available=format(demand.remaining_quantity, "f"),
        )
    contract = await contracts.create_from_proposal(
        session, proposal=p, demand=demand, offer=offer, offtaker_name=offtaker_name
    )
    offer.remaining_quantity -= p.quantity
    offer.status = offers.status_after_commit(offer.remaining_quantity)
    demand.remaining_quantity -= p.quantity
    demand.status = "allocated" if demand.remaining_quantity <= 0 else "partially_allocated"
    p.status = ProposalStatus.accepted.value
    p.decided_at = now()
    write_back(session, offer, "remaining_quantity", "status")
    write_back(session, demand, "remaining_quantity", "status")
    write_back(session, p, "status", "decided_at")
    history.append(await _history(repo, p, side, "accepted", note))
    await emit(
        session,
        outbox_events,
        source="marketplace",
        type=EventType.PROPOSAL_ACCEPTED,
        subject=p.id,
        parties=[p.offtaker_id, p.cooperative_id],
        data=_event_data(p) | {"accepted_by": side},
    )
    return Answered(p, (offer.cooperative_name, offtaker_name), history, contract.id)


async def reject(
    session: AsyncSession, principal: Principal, id: UUID, note: str | None
) -> Proposal:
    repo = ProposalRepository(session)
    p, side = await _for_move(repo, principal, id)
    p.status = ProposalStatus.rejected.value
    p.decided_at = now()
    await _history(repo, p, side, "rejected", note)
    await session.flush()
    return p


async def counter(
    session: AsyncSession, principal: Principal, id: UUID, data: Counter, ttl_hours: int
) -> Answered:
    """Counter the terms on the table (quantity, price, window): the turn passes to the other
    party. Needs ``defer_inserts(session)``, as :func:`accept`."""
    repo = ProposalRepository(session)
    found = await repo.for_counter(id)
    p, side = _check_move(found[0] if found else None, principal, id)
    assert found is not None
    _, offtaker_name, history, offer, demand = found
    if p.round >= MAX_ROUNDS:
        raise Conflict(f"{MAX_ROUNDS} rounds reached: accept or reject the terms on the table")
    assert offer is not None and demand is not None
    quantity = data.quantity if data.quantity is not None else p.quantity
    start = data.window_start or p.window_start
    end = data.window_end or p.window_end
    if end < start:
        raise ValidationProblem.for_field(
            "body.window_end", "the window ends before it starts", "window_order"
        )
    if end < now().date():
        raise ValidationProblem.for_field("body.window_end", "the window is over", "window_past")
    lower = max(demand.min_lot or Decimal(0), offer.min_order or Decimal(0))
    if quantity < lower:
        raise ValidationProblem.for_field(
            "body.quantity",
            f"below the minimum lot / minimum order of {lower} {p.base_unit}",
            "below_minimum_lot",
        )
    if offer.order_multiple and quantity % offer.order_multiple != 0:
        raise ValidationProblem.for_field(
            "body.quantity",
            f"not a multiple of the offer's order multiple {offer.order_multiple} {p.base_unit}",
            "order_multiple",
        )
    if quantity > offer.remaining_quantity or quantity > demand.remaining_quantity:
        raise ValidationProblem.for_field(
            "body.quantity",
            f"more than is left (offer {offer.remaining_quantity}, demand "
            f"{demand.remaining_quantity} {p.base_unit})",
            "above_remaining",
        )
    # At the stored scale (NUMERIC(20, 3) and (20, 2); the schemas accept no finer), so the
    # event and the answer read as a later read would, without reading the row back.
    p.quantity = quantity.quantize(QTY_STEP)
    p.unit_price = (data.unit_price if data.unit_price is not None else p.unit_price).quantize(
        MONEY_STEP
    )
    p.window_start, p.window_end = start, end
    p.status = ProposalStatus.countered.value
    p.turn = "offtaker" if side == "cooperative" else "cooperative"
    p.round += 1
    p.expires_at = now() + timedelta(hours=ttl_hours)
    write_back(
        session, p, "quantity", "unit_price", "window_start", "window_end", "status", "turn",
        "round", "expires_at",
    )  # fmt: skip
    history.append(await _history(repo, p, side, "countered", data.note))
    await emit(
        session,
        outbox_events,
        source="marketplace",
        type=EventType.PROPOSAL_COUNTERED,
        subject=p.id,
        parties=[p.offtaker_id, p.cooperative_id],
        data=_event_data(p) | {"turn": p.turn, "expires_at": p.expires_at.isoformat()},
    )
    # An open proposal has no contract (only an acceptance makes one).
    return Answered(p, (offer.cooperative_name, offtaker_name), history, None)


async def confirm(
    session: AsyncSession, principal: Principal, id: UUID, data: Confirmation
) -> Contract:
    """The offtaker confirms an accepted proposal: its contract is signed."""
    repo = ProposalRepository(session)
    p = await repo.get(id, for_update=True)
    if p is None or party(principal, p) is None:
        raise NotFound(f"no proposal {id}")
    if party(principal, p) != "offtaker":
        raise NotYourTurn("the offtaker confirms the partnership")
    status = effective_status(p)
    if status != ProposalStatus.accepted.value:
        raise InvalidTransition(status, "confirm", [])
    contract = await ContractRepository(session).by_proposal(p.id)
    assert contract is not None
    contract = await ContractRepository(session).get(contract.id, for_update=True) or contract
    await contracts.sign(session, contract, data.milestones)
    await _history(repo, p, "offtaker", "confirmed", None)
    return contract


def awaiting_side(principal: Principal) -> str:
    """The side whose turn ``awaiting_me`` asks about: the caller's own organisation's."""
    if principal.org_id is not None and principal.role is Role.cooperative:
        return "cooperative"
    if principal.org_id is not None and principal.role is Role.offtaker:
        return "offtaker"
    raise ValidationProblem.for_field(
        "query.awaiting_me",
        "only a cooperative or an offtaker takes turns in a negotiation",
        "not_a_party",
    )


async def names(session: AsyncSession, p: Proposal) -> tuple[str, str]:
    """(cooperative name, offtaker name) of a proposal."""
    row = await ProposalRepository(session).named(p.id)
    assert row is not None
    return row[1], row[2]


async def to_out(
    session: AsyncSession,
    p: Proposal,
    named: tuple[str, str] | None = None,
    *,
    contract_known: bool = False,
    contract_id: UUID | None = None,
    history: list[ProposalEvent] | None = None,
) -> ProposalOut:
    """The proposal as answered. ``contract_known``: the caller knows its contract
    (``contract_id``: the one an acceptance just made, or none while it is open), so it is not
    looked up; ``history``: the caller has the whole history, in order."""
    repo = ProposalRepository(session)
    if not contract_known:
        contract = await ContractRepository(session).by_proposal(p.id)
        contract_id = contract.id if contract else None
    status = effective_status(p)
    cooperative_name, offtaker_name = named or await names(session, p)
    return ProposalOut(
        id=p.id,
        run_id=p.run_id,
        demand_id=p.demand_id,
        offer_id=p.offer_id,
        offtaker_id=p.offtaker_id,
        offtaker_name=offtaker_name,
        cooperative_id=p.cooperative_id,
        cooperative_name=cooperative_name,
        commodity_code=p.commodity_code,
        base_unit=p.base_unit,
        quantity=p.quantity,
        unit_price=p.unit_price,
        value=quantize(p.quantity * p.unit_price),
        window_start=p.window_start,
        window_end=p.window_end,
        status=ProposalStatus(status),
        turn=p.turn if status in OPEN else None,
        round=p.round,
        expires_at=p.expires_at,
        score=p.score,
        breakdown=p.breakdown,
        contract_id=contract_id,
        history=[
            ProposalEventOut.model_validate(e)
            for e in (history if history is not None else await repo.history(p.id))
        ],
    )
