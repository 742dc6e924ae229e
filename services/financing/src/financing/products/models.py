"""Financing products and their dated tariffs."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    ARRAY,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from financing.models import Base
from kopmod_shared.ids import new_id
from kopmod_shared.money import MONEY_SQL, RATE_SQL


class Product(Base):
    """A financing scheme of one fund: its terms and who may apply."""

    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("amount_min > 0 AND amount_min <= amount_max", name="amount_range"),
        CheckConstraint("grace_max_periods < tenor_max_periods", name="grace_below_tenor"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"), index=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(String(30))
    pattern: Mapped[str] = mapped_column(String(20))
    akad: Mapped[str | None] = mapped_column(String(20))
    profit_share_ratio: Mapped[Decimal | None] = mapped_column(RATE_SQL)
    amount_min: Mapped[Decimal] = mapped_column(MONEY_SQL)
    amount_max: Mapped[Decimal] = mapped_column(MONEY_SQL)
    tenor_max_periods: Mapped[int] = mapped_column(Integer)
    grace_max_periods: Mapped[int] = mapped_column(Integer, default=0)
    frequency: Mapped[str] = mapped_column(String(20))
    method: Mapped[str] = mapped_column(String(40))
    rounding: Mapped[Decimal] = mapped_column(Numeric(20, 2))
    allocation_order: Mapped[list[str]] = mapped_column(ARRAY(String(20)))
    arrears_tolerance_days: Mapped[int] = mapped_column(Integer, default=0)
    max_tranches: Mapped[int] = mapped_column(Integer, default=1)
    penalty_rate: Mapped[Decimal | None] = mapped_column(RATE_SQL)
    # Eligibility rules.
    min_age_years: Mapped[int] = mapped_column(Integer, default=0)
    rat_years_required: Mapped[int] = mapped_column(Integer, default=0)
    min_health: Mapped[str | None] = mapped_column(String(40))
    max_equity_multiple: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    require_positive_result: Mapped[bool] = mapped_column(Boolean, default=True)
    # Closed loop: share of an accepted delivery's value applied as a repayment (null: off).
    closed_loop_share: Mapped[Decimal | None] = mapped_column(Numeric(5, 4))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Tariff(Base):
    """A product's rate from a date on (rates are changed by decree, many times)."""

    __tablename__ = "product_tariffs"
    __table_args__ = (UniqueConstraint("product_id", "effective_from"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("products.id"), index=True)
    effective_from: Mapped[date] = mapped_column(Date)
    annual_rate: Mapped[Decimal] = mapped_column(RATE_SQL)
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
