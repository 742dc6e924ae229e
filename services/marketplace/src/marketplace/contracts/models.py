"""Partnership contracts and their milestones, the deliveries received against them, and disputes
over a delivery."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kopmod_shared.ids import new_id
from kopmod_shared.money import MONEY_SQL
from marketplace.common import QTY_SQL
from marketplace.models import Base


class Contract(Base):
    """A partnership contract (kemitraan) born from an accepted proposal."""

    __tablename__ = "contracts"
    __table_args__ = (
        Index("ix_contracts_cooperative", "cooperative_id", "created_at"),
        Index("ix_contracts_offtaker", "offtaker_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    proposal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("proposals.id"), unique=True)
    demand_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("demands.id"))
    offer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supply_offers.id"))
    offtaker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offtakers.id"))
    offtaker_name: Mapped[str] = mapped_column(String(200))
    cooperative_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    cooperative_name: Mapped[str] = mapped_column(String(200))
    commodity_code: Mapped[str] = mapped_column(ForeignKey("commodities.code"))
    grade: Mapped[str | None] = mapped_column(String(30))
    base_unit: Mapped[str] = mapped_column(String(8))
    quantity: Mapped[Decimal] = mapped_column(QTY_SQL)
    unit_price: Mapped[Decimal] = mapped_column(MONEY_SQL)
    value: Mapped[Decimal] = mapped_column(MONEY_SQL)
    price_terms: Mapped[dict[str, Any]] = mapped_column(JSONB)
    payment_days: Mapped[int] = mapped_column(Integer)
    payment_terms: Mapped[str | None] = mapped_column(Text)
    incoterm: Mapped[str | None] = mapped_column(String(3))
    incoterm_place: Mapped[str | None] = mapped_column(String(200))
    delivered_quantity: Mapped[Decimal] = mapped_column(QTY_SQL, default=Decimal(0))
    accepted_quantity: Mapped[Decimal] = mapped_column(QTY_SQL, default=Decimal(0))
    status: Mapped[str] = mapped_column(String(12))
    signed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    end_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    milestones: Mapped[list[Milestone]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="Milestone.seq"
    )


class Milestone(Base):
    __tablename__ = "contract_milestones"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    contract_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contracts.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date] = mapped_column(Date)
    quantity: Mapped[Decimal] = mapped_column(QTY_SQL)
    delivered_quantity: Mapped[Decimal] = mapped_column(QTY_SQL, default=Decimal(0))
    accepted_quantity: Mapped[Decimal] = mapped_column(QTY_SQL, default=Decimal(0))
    status: Mapped[str] = mapped_column(String(20), default="scheduled")
    # When the reminders sweep announced it as due soon (once; marketplace.reminders).
    reminded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Delivery(Base):
    """Goods handed over against a milestone: noticed by the cooperative, then accepted (in part)
    or rejected by the offtaker; or recorded by the offtaker in one step."""

    __tablename__ = "deliveries"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"), index=True)
    milestone_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract_milestones.id"))
    delivered_on: Mapped[date] = mapped_column(Date)
    quantity_delivered: Mapped[Decimal] = mapped_column(QTY_SQL)
    quantity_accepted: Mapped[Decimal] = mapped_column(QTY_SQL)
    grade_at_receipt: Mapped[str | None] = mapped_column(String(30))
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    # notified (the cooperative says it delivered; nothing booked yet) | received (the offtaker
    # accepted some or all of it) | rejected (nothing accepted). Older rows were received.
    status: Mapped[str] = mapped_column(String(10), server_default="received")
    note: Mapped[str | None] = mapped_column(Text)  # the cooperative's, with its notice
    recorded_by: Mapped[str] = mapped_column(String(200))
    received_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Dispute(Base):
    """A quality shortfall contested after receipt, and how it was settled."""

    __tablename__ = "disputes"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    delivery_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("deliveries.id"), index=True)
    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"), index=True)
    raised_by: Mapped[str] = mapped_column(String(12))  # cooperative | offtaker
    reason: Mapped[str] = mapped_column(Text)
    claimed_quantity: Mapped[Decimal] = mapped_column(QTY_SQL)
    status: Mapped[str] = mapped_column(String(10))  # open | resolved
    resolution: Mapped[str | None] = mapped_column(Text)
    awarded_quantity: Mapped[Decimal | None] = mapped_column(QTY_SQL)
    resolved_by: Mapped[str | None] = mapped_column(String(200))
    resolved_as: Mapped[str | None] = mapped_column(String(12))  # offtaker | mediator
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
