"""The demands table: what an offtaker needs, in the commodity's base unit, with price, window
and terms."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ARRAY,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from kopmod_shared.ids import new_id
from kopmod_shared.money import MONEY_SQL
from marketplace.common import QTY_SQL
from marketplace.models import Base


class Demand(Base):
    """What an offtaker needs. Quantities are in the commodity's base unit, prices per base unit."""

    __tablename__ = "demands"
    __table_args__ = (
        Index("ix_demands_commodity_status", "commodity_code", "status"),
        Index("ix_demands_offtaker_created", "offtaker_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    offtaker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offtakers.id"))
    commodity_code: Mapped[str] = mapped_column(ForeignKey("commodities.code"))
    min_grade: Mapped[str | None] = mapped_column(String(30))
    min_grade_rank: Mapped[int | None] = mapped_column(Integer)
    quantity: Mapped[Decimal] = mapped_column(QTY_SQL)
    remaining_quantity: Mapped[Decimal] = mapped_column(QTY_SQL)
    entered_quantity: Mapped[Decimal] = mapped_column(QTY_SQL)
    entered_unit: Mapped[str] = mapped_column(String(8))
    base_unit: Mapped[str] = mapped_column(String(8))
    min_lot: Mapped[Decimal | None] = mapped_column(QTY_SQL)
    window_start: Mapped[date] = mapped_column(Date)
    window_end: Mapped[date] = mapped_column(Date)
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    region_code: Mapped[str | None] = mapped_column(String(13))
    place_name: Mapped[str | None] = mapped_column(String(200))
    max_distance_km: Mapped[float] = mapped_column(Float)
    price_type: Mapped[str] = mapped_column(String(10))
    price_fixed: Mapped[Decimal | None] = mapped_column(MONEY_SQL)
    price_floor: Mapped[Decimal | None] = mapped_column(MONEY_SQL)
    price_ceiling: Mapped[Decimal | None] = mapped_column(MONEY_SQL)
    price_base: Mapped[Decimal | None] = mapped_column(MONEY_SQL)
    price_formula: Mapped[str | None] = mapped_column(Text)
    price_adjustments: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    price_private: Mapped[bool] = mapped_column(Boolean, default=False)
    payment_days: Mapped[int] = mapped_column(Integer)
    payment_terms: Mapped[str | None] = mapped_column(Text)
    required_certifications: Mapped[list[str]] = mapped_column(ARRAY(String(30)), default=list)
    market: Mapped[str] = mapped_column(String(10))
    incoterm: Mapped[str | None] = mapped_column(String(3))
    incoterm_place: Mapped[str | None] = mapped_column(String(200))
    recurrence: Mapped[dict[str, Any]] = mapped_column(JSONB)
    status: Mapped[str] = mapped_column(String(20))
    posted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
