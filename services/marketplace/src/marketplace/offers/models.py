"""Supply offers and their certifications: quantities in the base unit, asking price per base
unit."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, DateTime, Float, ForeignKey, Index, Integer, String, func, text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kopmod_shared.ids import new_id
from kopmod_shared.money import MONEY_SQL
from marketplace.common import QTY_SQL
from marketplace.models import Base


class SupplyOffer(Base):
    """What a cooperative can supply. Quantities in the base unit, asking price per base unit."""

    __tablename__ = "supply_offers"
    __table_args__ = (
        # Candidate generation: bounding box on indexed coordinates, open offers only.
        Index(
            "ix_supply_offers_open_position",
            "commodity_code",
            "latitude",
            "longitude",
            postgresql_where=text("status IN ('open', 'partially_committed')"),
        ),
        Index("ix_supply_offers_cooperative_created", "cooperative_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    cooperative_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    cooperative_name: Mapped[str] = mapped_column(String(200))
    commodity_code: Mapped[str] = mapped_column(ForeignKey("commodities.code"))
    grade: Mapped[str | None] = mapped_column(String(30))
    grade_rank: Mapped[int | None] = mapped_column(Integer)
    quantity: Mapped[Decimal] = mapped_column(QTY_SQL)
    remaining_quantity: Mapped[Decimal] = mapped_column(QTY_SQL)
    entered_quantity: Mapped[Decimal] = mapped_column(QTY_SQL)
    entered_unit: Mapped[str] = mapped_column(String(8))
    base_unit: Mapped[str] = mapped_column(String(8))
    period: Mapped[str] = mapped_column(String(10))
    min_order: Mapped[Decimal | None] = mapped_column(QTY_SQL)
    order_multiple: Mapped[Decimal | None] = mapped_column(QTY_SQL)
    window_start: Mapped[date] = mapped_column(Date)
    window_end: Mapped[date] = mapped_column(Date)
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    region_code: Mapped[str] = mapped_column(String(13))
    location_source: Mapped[str] = mapped_column(String(10))
    asking_price: Mapped[Decimal] = mapped_column(MONEY_SQL)
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    certifications: Mapped[list[OfferCertification]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="OfferCertification.scheme"
    )


class OfferCertification(Base):
    __tablename__ = "offer_certifications"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    offer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("supply_offers.id", ondelete="CASCADE"), index=True
    )
    scheme: Mapped[str] = mapped_column(String(30))
    number: Mapped[str] = mapped_column(String(100))
    issuer: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
