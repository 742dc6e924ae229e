"""Disputes as the parties follow them: a party's disputes, and one dispute with the delivery it
is about and its history (the delivery as received, the claim, the settlement)."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import NotFound
from kopmod_shared.schemas.market_views import (
    DisputeDelivery,
    DisputeDetail,
    DisputeStatus,
    DisputeStep,
    DisputeView,
)
from marketplace.common import can_read_all
from marketplace.contracts.models import Contract, Delivery, Dispute
from marketplace.contracts.repository import ContractRepository
from marketplace.contracts.service import party_of


def own_filters(principal: Principal) -> dict[str, UUID | None]:
    """A party lists the disputes of its own contracts; readers (the mediator) all of them."""
    if can_read_all(principal):
        return {}
    if principal.role is Role.cooperative:
        return {"cooperative_id": principal.org_id}
    return {"offtaker_id": principal.org_id}


def to_view(d: Dispute, c: Contract) -> DisputeView:
    return DisputeView(
        id=d.id,
        delivery_id=d.delivery_id,
        contract_id=c.id,
        commodity_code=c.commodity_code,
        base_unit=c.base_unit,
        cooperative_id=c.cooperative_id,
        cooperative_name=c.cooperative_name,
        offtaker_id=c.offtaker_id,
        offtaker_name=c.offtaker_name,
        raised_by=d.raised_by,
        reason=d.reason,
        claimed_quantity=d.claimed_quantity,
        status=DisputeStatus(d.status),
        resolution=d.resolution,
        awarded_quantity=d.awarded_quantity,
        resolved_by=d.resolved_by,
        created_at=d.created_at,
        resolved_at=d.resolved_at,
    )


def history(d: Dispute, c: Contract, delivery: Delivery) -> list[DisputeStep]:
    """Derived from the rows themselves: the receipt, the claim, the settlement."""
    steps = [
        DisputeStep(
            at=delivery.decided_at or delivery.created_at,
            actor="offtaker",
            action="delivered",
            quantity=delivery.quantity_delivered,
            note=delivery.rejection_reason,
        ),
        DisputeStep(
            at=d.created_at,
            actor=d.raised_by,
            action="raised",
            quantity=d.claimed_quantity,
            note=d.reason,
        ),
    ]
    if d.resolved_at is not None:
        # The offtaker concedes (one of its clients) or the platform's mediator settles.
        actor = "offtaker" if d.resolved_as == "offtaker" else "mediator"
        steps.append(
            DisputeStep(
                at=d.resolved_at,
                actor=actor,
                action="resolved",
                quantity=d.awarded_quantity,
                note=d.resolution,
            )
        )
    return steps


async def detail(session: AsyncSession, principal: Principal, id: UUID) -> DisputeDetail:
    repo = ContractRepository(session)
    row = await repo.dispute_with_contract(id)
    if row is None or not (party_of(principal, row[1]) or can_read_all(principal)):
        raise NotFound(f"no dispute {id}")
    dispute, contract = row
    delivery = await repo.get_delivery(dispute.delivery_id)
    assert delivery is not None
    return DisputeDetail(
        **to_view(dispute, contract).model_dump(),
        delivery=DisputeDelivery(
            delivered_on=delivery.delivered_on,
            quantity_delivered=delivery.quantity_delivered,
            quantity_accepted=delivery.quantity_accepted,
            grade_at_receipt=delivery.grade_at_receipt,
            rejection_reason=delivery.rejection_reason,
        ),
        history=history(dispute, contract, delivery),
    )
