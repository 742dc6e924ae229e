"""Deliveries against a contract's milestones and disputes over them: the cooperative's notice
and the offtaker's acceptance or rejection (or the offtaker's record in one step), what is
delivered and accepted, the contract completed when every milestone is, the
``delivery.recorded`` event the closed loop in financing listens to."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import Conflict, Forbidden, InvalidTransition, NotFound, ValidationProblem
from kopmod_shared.events import EventType
from kopmod_shared.money import QUANTITY, quantize
from kopmod_shared.outbox import emit
from kopmod_shared.schemas.marketplace import DeliveryRecorded
from marketplace.commodities import service as commodities
from marketplace.commodities.repository import CommodityRepository
from marketplace.common import can_read_all
from marketplace.contracts.models import Contract, Delivery, Dispute, Milestone
from marketplace.contracts.repository import ContractRepository
from marketplace.contracts.schemas import (
    DeliveryCreate,
    DeliveryNoticeCreate,
    DeliveryReceipt,
    DisputeCreate,
    DisputeResolution,
)
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


def _pick_milestone(contract: Contract, milestone_id: UUID | None) -> Milestone:
    if milestone_id is not None:
        milestone = next((m for m in contract.milestones if m.id == milestone_id), None)
        if milestone is None:
            raise ValidationProblem.for_field(
                "body.milestone_id", "no such milestone on this contract", "unknown_milestone"
            )
        return milestone
    return next(
        (m for m in contract.milestones if m.accepted_quantity < m.quantity),
        contract.milestones[-1],
    )


async def _check_handover(
    repo: ContractRepository, contract: Contract, delivered: Decimal, delivered_on: date
) -> None:
    """A delivery fits what the contract has left: its quantity less what is accepted and what
    notices still wait for the offtaker; and it has happened."""
    step("deliver", contract.status)
    left = contract.quantity - contract.accepted_quantity - await repo.noticed_quantity(contract.id)
    if delivered > left:
        raise ValidationProblem.for_field(
            "body.quantity_delivered",
            f"delivering {delivered} {contract.base_unit} is more than the contract: "
            f"{left} {contract.base_unit} remain to be delivered",
            "exceeds_contract",
        )
    if delivered_on > now().date():
        raise ValidationProblem.for_field(
            "body.delivered_on", "a delivery cannot be recorded before it happens", "future"
        )


async def _check_receipt(
    session: AsyncSession,
    contract: Contract,
    delivered: Decimal,
    accepted: Decimal,
    reason: str | None,
    grade: str | None,
    field: str = "body.quantity_accepted",
) -> None:
    if accepted > delivered:
        raise ValidationProblem.for_field(
            field, "more accepted than delivered", "accepted_above_delivered"
        )
    if accepted < delivered and not reason:
        raise ValidationProblem.for_field(
            "body.rejection_reason", "say why part of the delivery was rejected", "missing"
        )
    if grade is not None:
        info = await commodities.load(
            CommodityRepository(session), contract.commodity_code, "body.grade_at_receipt"
        )
        commodities.grade_rank(info, grade, "body.grade_at_receipt")


async def _book(
    session: AsyncSession, contract: Contract, milestone: Milestone, delivery: Delivery
) -> None:
    """What the offtaker accepted counts on the milestones; ``delivery.recorded`` tells financing
    (the closed loop repays from ``accepted_value``); the contract completes when all is in."""
    _apply(contract, milestone, delivery.quantity_delivered, delivery.quantity_accepted)
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


async def record_delivery(
    session: AsyncSession, principal: Principal, contract_id: UUID, data: DeliveryCreate
) -> tuple[Contract, Delivery]:
    """A delivery received by the offtaker, against one milestone, in one step; partial
    deliveries welcome."""
    repo = ContractRepository(session)
    contract = await repo.get(contract_id, for_update=True)
    if contract is None or not (party_of(principal, contract) or principal.role is Role.admin):
        raise NotFound(f"no contract {contract_id}")
    if party_of(principal, contract) == "cooperative":
        raise Forbidden(
            "the receiving offtaker records a delivery; the cooperative gives notice of it "
            f"(POST /v1/contracts/{contract_id}/delivery-notices)"
        )
    await _check_handover(repo, contract, data.quantity_delivered, data.delivered_on)
    await _check_receipt(
        session,
        contract,
        data.quantity_delivered,
        data.quantity_accepted,
        data.rejection_reason,
        data.grade_at_receipt,
    )
    milestone = _pick_milestone(contract, data.milestone_id)
    at = now()
    delivery = await repo.add_delivery(
        Delivery(
            contract_id=contract.id,
            milestone_id=milestone.id,
            delivered_on=data.delivered_on,
            quantity_delivered=data.quantity_delivered,
            quantity_accepted=data.quantity_accepted,
            grade_at_receipt=data.grade_at_receipt,
            rejection_reason=data.rejection_reason,
            status="received" if data.quantity_accepted > 0 else "rejected",
            recorded_by=principal.client_id,
            received_by=principal.client_id,
            decided_at=at,
        )
    )
    await _book(session, contract, milestone, delivery)
    await session.flush()
    return contract, delivery


async def notify_delivery(
    session: AsyncSession, principal: Principal, contract_id: UUID, data: DeliveryNoticeCreate
) -> Delivery:
    """The cooperative says it delivered: nothing counts until the offtaker accepts it, but the
    quantity is held against the contract so notices never exceed it."""
    repo = ContractRepository(session)
    contract = await repo.get(contract_id, for_update=True)
    side = party_of(principal, contract) if contract else None
    if contract is None or side is None:
        raise NotFound(f"no contract {contract_id}")
    if side != "cooperative":
        raise Forbidden(
            "the delivering cooperative gives notice; the offtaker accepts or rejects it"
        )
    await _check_handover(repo, contract, data.quantity_delivered, data.delivered_on)
    milestone = _pick_milestone(contract, data.milestone_id)
    delivery = await repo.add_delivery(
        Delivery(
            contract_id=contract.id,
            milestone_id=milestone.id,
            delivered_on=data.delivered_on,
            quantity_delivered=data.quantity_delivered,
            quantity_accepted=Decimal("0.000"),
            status="notified",
            note=data.note,
            recorded_by=principal.client_id,
        )
    )
    await emit(
        session,
        outbox_events,
        source="marketplace",
        type=EventType.DELIVERY_NOTIFIED,
        subject=contract.id,
        parties=[contract.offtaker_id, contract.cooperative_id],
        data={
            "contract_id": str(contract.id),
            "delivery_id": str(delivery.id),
            "milestone_seq": milestone.seq,
            "delivered_on": delivery.delivered_on.isoformat(),
            "quantity_delivered": QUANTITY.format(delivery.quantity_delivered),
            "base_unit": contract.base_unit,
        },
    )
    return delivery


async def receive(
    session: AsyncSession, principal: Principal, delivery_id: UUID, data: DeliveryReceipt
) -> tuple[Contract, Delivery]:
    """The offtaker's answer to a notice: accept all or part (with the reason for the rest), or
    reject all of it (``quantity_accepted`` 0, with the reason). Booked as a one-step record."""
    repo = ContractRepository(session)
    found = await repo.get_delivery(delivery_id)
    # Lock order: contract, then delivery (as recording does).
    contract = await repo.get(found.contract_id, for_update=True) if found else None
    side = party_of(principal, contract) if contract else None
    if found is None or contract is None or not (side or principal.role is Role.admin):
        raise NotFound(f"no delivery {delivery_id}")
    if side == "cooperative":
        raise Forbidden("the receiving offtaker accepts or rejects a delivery")
    delivery = await repo.get_delivery(delivery_id, for_update=True)
    assert delivery is not None
    if delivery.status != "notified":
        raise InvalidTransition(delivery.status, "receive", [])
    step("deliver", contract.status)
    accepted = (
        delivery.quantity_delivered if data.quantity_accepted is None else data.quantity_accepted
    )
    await _check_receipt(
        session,
        contract,
        delivery.quantity_delivered,
        accepted,
        data.rejection_reason,
        data.grade_at_receipt,
    )
    milestone = next(m for m in contract.milestones if m.id == delivery.milestone_id)
    delivery.quantity_accepted = accepted
    delivery.grade_at_receipt = data.grade_at_receipt
    delivery.rejection_reason = data.rejection_reason
    delivery.status = "received" if accepted > 0 else "rejected"
    delivery.received_by = principal.client_id
    delivery.decided_at = now()
    await _book(session, contract, milestone, delivery)
    await session.flush()
    return contract, delivery


async def visible_delivery(
    repo: ContractRepository, principal: Principal, delivery_id: UUID
) -> Delivery:
    delivery = await repo.get_delivery(delivery_id)
    contract = await repo.get(delivery.contract_id) if delivery else None
    if (
        delivery is None
        or contract is None
        or not (party_of(principal, contract) or can_read_all(principal))
    ):
        raise NotFound(f"no delivery {delivery_id}")
    return delivery


async def open_dispute(
    session: AsyncSession, principal: Principal, delivery_id: UUID, data: DisputeCreate
) -> Dispute:
    repo = ContractRepository(session)
    delivery = await repo.get_delivery(delivery_id, for_update=True)
    contract = await repo.get(delivery.contract_id) if delivery else None
    party = party_of(principal, contract) if contract else None
    if delivery is None or contract is None or party is None:
        raise NotFound(f"no delivery {delivery_id}")
    if delivery.status == "notified":
        raise InvalidTransition(delivery.status, "dispute", [])
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
    dispute.resolved_as = "offtaker" if party == "offtaker" else "mediator"
    dispute.resolved_at = now()
    await session.flush()
    await session.refresh(dispute)
    return dispute
