"""Proposals and their negotiation history (every offer and answer, with the terms on the
table)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from kopmod_shared.ids import new_id
from kopmod_shared.money import MONEY_SQL
from marketplace.common import QTY_SQL
from marketplace.models import Base


class Proposal(Base):
    """One cooperative's share of a demand, negotiated in alternating turns until it expires."""

    __tablename__ = "proposals"
    __table_args__ = (
        Index("ix_proposals_demand_offer", "demand_id", "offer_id"),
        Index("ix_proposals_cooperative", "cooperative_id", "created_at"),
        Index("ix_proposals_offtaker", "offtaker_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    run_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("matching_runs.id"))
    demand_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("demands.id"))
    offer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supply_offers.id"))
    offtaker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offtakers.id"))
    cooperative_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    commodity_code: Mapped[str] = mapped_column(ForeignKey("commodities.code"))
    base_unit: Mapped[str] = mapped_column(String(8))
    quantity: Mapped[Decimal] = mapped_column(QTY_SQL)
    unit_price: Mapped[Decimal] = mapped_column(MONEY_SQL)
    window_start: Mapped[date] = mapped_column(Date)
    window_end: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10))
    turn: Mapped[str] = mapped_column(String(12))  # cooperative | offtaker
    round: Mapped[int] = mapped_column(Integer, default=1)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    score: Mapped[float | None] = mapped_column(Float)
    breakdown: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # When the reminders sweep published its expiry (once; marketplace.reminders).
    expiry_announced_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class ProposalEvent(Base):
    """The negotiation history: every offer and answer, with the terms on the table."""

    __tablename__ = "proposal_events"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    proposal_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("proposals.id", ondelete="CASCADE"), index=True
    )
    round: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(12))  # platform | cooperative | offtaker
    action: Mapped[str] = mapped_column(String(12))
    quantity: Mapped[Decimal] = mapped_column(QTY_SQL)
    unit_price: Mapped[Decimal] = mapped_column(MONEY_SQL)
    window_start: Mapped[date] = mapped_column(Date)
    window_end: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
