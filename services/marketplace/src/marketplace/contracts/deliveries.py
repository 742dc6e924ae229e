"""Deliveries against a contract's milestones and disputes over them: what is delivered and
accepted, the contract completed when every milestone is, the ``delivery.recorded`` event the
closed loop in financing listens to."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import Conflict, Forbidden, InvalidTransition, NotFound, ValidationProblem
from kopmod_shared.events import EventType
from kopmod_shared.money import quantize
from kopmod_shared.outbox import emit
from kopmod_shared.schemas.marketplace import DeliveryRecorded
from marketplace.commodities import service as commodities
from marketplace.commodities.repository import CommodityRepository
from marketplace.contracts.models import Contract, Delivery, Dispute, Milestone
from marketplace.contracts.repository import ContractRepository
from marketplace.contracts.schemas import DeliveryCreate, DisputeCreate, DisputeResolution
from marketplace.contracts.service import (
    milestone_status,
    now,
    party_of,
    step,
    summary,
)
from marketplace.models import outbox_events


def _apply(contract: Contract, milestone: Milestone, delivered: Decimal, accepted: Decimal) -> None:
    """Book a delivery from ``milestone`` on: accepted quantity fills each milestone's gap in
    turn (an early or large delivery counts towards the next ones); the rejected part stays on
    the milestone delivered against."""
    rejected = delivered - accepted
    left = accepted
    following = [m for m in contract.milestones if m.seq >= milestone.seq]
    for n, m in enumerate(following):
        gap = max(Decimal(0), m.quantity - m.accepted_quantity)
        take = left if n == len(following) - 1 else min(left, gap)
        extra = rejected if m is milestone else Decimal(0)
        if take == 0 and extra == 0:
            continue
        m.accepted_quantity += take
        m.delivered_quantity += take + extra
        m.status = milestone_status(m, contract.status, date.max).value
        left -= take
    contract.delivered_quantity += delivered
    contract.accepted_quantity += accepted


async def _complete_if_done(session: AsyncSession, contract: Contract) -> None:
    if contract.status == "active" and contract.accepted_quantity >= contract.quantity:
        contract.status = step("complete", contract.status)
        contract.completed_at = now()
        await emit(
            session,
            outbox_events,
            source="marketplace",
            type=EventType.CONTRACT_COMPLETED,
            subject=contract.id,
            parties=[contract.offtaker_id, contract.cooperative_id],
            data=summary(contract).model_dump(mode="json"),
        )


async def record_delivery(
    session: AsyncSession, principal: Principal, contract_id: UUID, data: DeliveryCreate
) -> tuple[Contract, Delivery]:
    """A delivery received by the offtaker, against one milestone; partial deliveries welcome."""
    repo = ContractRepository(session)
    contract = await repo.get(contract_id, for_update=True)
    if contract is None or not (party_of(principal, contract) or principal.role is Role.admin):
        raise NotFound(f"no contract {contract_id}")
    if party_of(principal, contract) == "cooperative":
        raise Forbidden("deliveries are recorded by the receiving offtaker")
    step("deliver", contract.status)
    if data.quantity_accepted > data.quantity_delivered:
        raise ValidationProblem.for_field(
            "body.quantity_accepted", "more accepted than delivered", "accepted_above_delivered"
        )
    if data.quantity_accepted < data.quantity_delivered and not data.rejection_reason:
        raise ValidationProblem.for_field(
            "body.rejection_reason",
            "say why part of the delivery was rejected",
            "missing",
        )
    left = contract.quantity - contract.accepted_quantity
    if data.quantity_delivered > left:
        raise ValidationProblem.for_field(
            "body.quantity_delivered",
            f"delivering {data.quantity_delivered} {contract.base_unit} is more than the contract: "
            f"{left} {contract.base_unit} remain to be accepted",
            "exceeds_contract",
        )
    if data.delivered_on > now().date():
        raise ValidationProblem.for_field(
            "body.delivered_on", "a delivery cannot be recorded before it happens", "future"
        )
    if data.grade_at_receipt is not None:
        info = await commodities.load(
            CommodityRepository(session), contract.commodity_code, "body.grade_at_receipt"
        )
        commodities.grade_rank(info, data.grade_at_receipt, "body.grade_at_receipt")
    if data.milestone_id is not None:
        milestone = next((m for m in contract.milestones if m.id == data.milestone_id), None)
        if milestone is None:
            raise ValidationProblem.for_field(
                "body.milestone_id", "no such milestone on this contract", "unknown_milestone"
            )
    else:
        milestone = next(
            (m for m in contract.milestones if m.accepted_quantity < m.quantity),
            contract.milestones[-1],
        )
    delivery = Delivery(
        contract_id=contract.id,
        milestone_id=milestone.id,
        delivered_on=data.delivered_on,
        quantity_delivered=data.quantity_delivered,
        quantity_accepted=data.quantity_accepted,
        grade_at_receipt=data.grade_at_receipt,
        rejection_reason=data.rejection_reason,
        recorded_by=principal.client_id,
    )
    _apply(contract, milestone, data.quantity_delivered, data.quantity_accepted)
    delivery = await repo.add_delivery(delivery)
    await emit(
        session,
        outbox_events,
        source="marketplace",
        type=EventType.DELIVERY_RECORDED,
        subject=contract.id,
        parties=[contract.offtaker_id, contract.cooperative_id],
        data=DeliveryRecorded(
            contract_id=contract.id,
            delivery_id=delivery.id,
            cooperative_id=contract.cooperative_id,
            offtaker_id=contract.offtaker_id,
            milestone_seq=milestone.seq,
            delivered_on=delivery.delivered_on,
            quantity_delivered=delivery.quantity_delivered,
            quantity_accepted=delivery.quantity_accepted,
            base_unit=contract.base_unit,
            unit_price=contract.unit_price,
            # What the offtaker owes for this delivery (financing's closed loop reads it).
            accepted_value=quantize(delivery.quantity_accepted * contract.unit_price),
        ),
    )
    await _complete_if_done(session, contract)
    await session.flush()
    return contract, delivery


async def open_dispute(
    session: AsyncSession, principal: Principal, delivery_id: UUID, data: DisputeCreate
) -> Dispute:
    repo = ContractRepository(session)
    delivery = await repo.get_delivery(delivery_id, for_update=True)
    contract = await repo.get(delivery.contract_id) if delivery else None
    party = party_of(principal, contract) if contract else None
    if delivery is None or contract is None or party is None:
        raise NotFound(f"no delivery {delivery_id}")
    rejected = delivery.quantity_delivered - delivery.quantity_accepted
    if rejected <= 0:
        raise ValidationProblem.for_field(
            "path.delivery_id", "nothing of this delivery was rejected", "nothing_rejected"
        )
    if data.claimed_quantity > rejected:
        raise ValidationProblem.for_field(
            "body.claimed_quantity",
            f"only {rejected} {contract.base_unit} of this delivery were rejected",
            "above_rejected",
        )
    if await repo.open_dispute_for(delivery.id) is not None:
        raise Conflict("this delivery already has an open dispute")
    return await repo.add_dispute(
        Dispute(
            delivery_id=delivery.id,
            contract_id=contract.id,
            raised_by=party,
            reason=data.reason,
            claimed_quantity=data.claimed_quantity,
            status="open",
        )
    )


async def resolve_dispute(
    session: AsyncSession, principal: Principal, dispute_id: UUID, data: DisputeResolution
) -> Dispute:
    """Settled by the platform's mediator (admin) or conceded by the offtaker."""
    repo = ContractRepository(session)
    dispute = await repo.get_dispute(dispute_id, for_update=True)
    contract = await repo.get(dispute.contract_id, for_update=True) if dispute else None
    party = party_of(principal, contract) if contract else None
    if dispute is None or contract is None or not (party or principal.role is Role.admin):
        raise NotFound(f"no dispute {dispute_id}")
    if party == "cooperative":
        raise Forbidden("a dispute is settled by the mediator or conceded by the offtaker")
    if dispute.status != "open":
        raise InvalidTransition(dispute.status, "resolve", [])
    if data.awarded_quantity > dispute.claimed_quantity:
        raise ValidationProblem.for_field(
            "body.awarded_quantity", "more awarded than claimed", "above_claim"
        )
    if data.awarded_quantity > contract.quantity - contract.accepted_quantity:
        raise ValidationProblem.for_field(
            "body.awarded_quantity", "the award would exceed the contract", "exceeds_contract"
        )
    delivery = await repo.get_delivery(dispute.delivery_id, for_update=True)
    assert delivery is not None
    if data.awarded_quantity > 0:
        milestone = next(m for m in contract.milestones if m.id == delivery.milestone_id)
        delivery.quantity_accepted += data.awarded_quantity
        _apply(contract, milestone, Decimal(0), data.awarded_quantity)
        await _complete_if_done(session, contract)
    dispute.status = "resolved"
    dispute.resolution = data.resolution
    dispute.awarded_quantity = data.awarded_quantity
    dispute.resolved_by = principal.client_id
    dispute.resolved_at = now()
    await session.flush()
    await session.refresh(dispute)
    return dispute
