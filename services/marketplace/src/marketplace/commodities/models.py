"""Commodity reference data, seeded by a migration and kept by test truncation."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.models import Base

REFERENCE_TABLES = ("units", "commodities", "commodity_units", "commodity_grades")


class Unit(Base):
    """A unit of measure (UN/ECE Recommendation 20 code)."""

    __tablename__ = "units"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    dimension: Mapped[str] = mapped_column(String(20))  # mass, volume, count


class Commodity(Base):
    __tablename__ = "commodities"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    hs_code: Mapped[str] = mapped_column(String(12))
    base_unit: Mapped[str] = mapped_column(ForeignKey("units.code"))


class CommodityUnit(Base):
    """A unit a commodity may be quoted in, with its size in the commodity's base unit."""

    __tablename__ = "commodity_units"

    commodity_code: Mapped[str] = mapped_column(
        ForeignKey("commodities.code", ondelete="CASCADE"), primary_key=True
    )
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), primary_key=True)
    factor: Mapped[Decimal] = mapped_column(Numeric(20, 6))


class CommodityGrade(Base):
    """A quality grade; a higher ``rank`` is a better grade."""

    __tablename__ = "commodity_grades"

    commodity_code: Mapped[str] = mapped_column(
        ForeignKey("commodities.code", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(30), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    rank: Mapped[int] = mapped_column(Integer)
