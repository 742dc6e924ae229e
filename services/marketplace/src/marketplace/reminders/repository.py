"""Queries of the reminders sweep: open proposals past expiry and milestones of active contracts
falling due, each claimed once (``SKIP LOCKED``, so replicas share the sweep)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.contracts.models import Contract, Milestone
from marketplace.proposals.models import Proposal
from marketplace.proposals.repository import OPEN


class ReminderRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def expired_unannounced(self, at: datetime, limit: int) -> Sequence[Proposal]:
        stmt = (
            select(Proposal)
            .where(
                Proposal.status.in_(OPEN),
                Proposal.expires_at <= at,
                Proposal.expiry_announced_at.is_(None),
            )
            .order_by(Proposal.expires_at, Proposal.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return (await self.session.scalars(stmt)).all()

    async def milestones_due(self, until: date, limit: int) -> Sequence[Any]:
        """(milestone, contract) of active contracts, due by ``until``, not yet reminded and
        not fully delivered."""
        stmt = (
            select(Milestone, Contract)
            .join(Contract, Contract.id == Milestone.contract_id)
            .where(
                Contract.status == "active",
                Milestone.due_date <= until,
                Milestone.reminded_at.is_(None),
                Milestone.delivered_quantity < Milestone.quantity,
            )
            .order_by(Milestone.due_date, Milestone.id)
            .limit(limit)
            .with_for_update(of=Milestone, skip_locked=True)
        )
        return (await self.session.execute(stmt)).all()
