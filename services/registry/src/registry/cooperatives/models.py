"""The cooperative's own tables: the record itself, the member groups of a multi-stakeholder
cooperative, and the member cooperatives of a secondary one."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Computed,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR, UUID
from sqlalchemy.orm import Mapped, mapped_column

from kopmod_shared.ids import new_id
from kopmod_shared.schemas.registry import (
    CooperativeLevel,
    CooperativeStatus,
    CooperativeType,
    ModernisationPhase,
)
from registry.enums import MemberGroupKind, MembershipArea, ScaleBand, db_enum
from registry.models import Base


class Cooperative(Base):
    """A cooperative as the registry records it. Derived facts (active, age, health, RAT
    compliance) are computed from the RAT and assessment history, never stored here."""

    __tablename__ = "cooperatives"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    # Word-prefix search on the name (`q`); built-in full text with the 'simple' configuration,
    # because the embedded Postgres ships no contrib extensions (no pg_trgm).
    name_search: Mapped[str] = mapped_column(
        TSVECTOR, Computed("to_tsvector('simple', name)", persisted=True), deferred=True
    )
    type: Mapped[CooperativeType] = mapped_column(db_enum(CooperativeType, "cooperative_type"))
    level: Mapped[CooperativeLevel] = mapped_column(db_enum(CooperativeLevel, "cooperative_level"))
    legal_decree_number: Mapped[str | None] = mapped_column(String(100))
    legal_decree_date: Mapped[date | None] = mapped_column(Date)
    # The identifiers are compared as bytes (collation "C"): only ever for equality (unique,
    # looked up), never sorted; a memcmp in their unique indexes instead of the locale's
    # strcoll (migration 90629cb6e2c6).
    nib: Mapped[str | None] = mapped_column(String(13, collation="C"), unique=True)
    nik_koperasi: Mapped[str | None] = mapped_column(String(30, collation="C"), unique=True)
    founded_on: Mapped[date] = mapped_column(Date)
    address: Mapped[str | None] = mapped_column(String(500))
    region_code: Mapped[str] = mapped_column(String(13))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    business_sectors: Mapped[list[str]] = mapped_column(
        ARRAY(String(100)), server_default="{}", default=list
    )
    commodities: Mapped[list[str]] = mapped_column(
        ARRAY(String(10)), server_default="{}", default=list
    )
    membership_area: Mapped[MembershipArea | None] = mapped_column(
        db_enum(MembershipArea, "membership_area")
    )
    scale_band: Mapped[ScaleBand | None] = mapped_column(db_enum(ScaleBand, "scale_band"))
    member_count: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[CooperativeStatus] = mapped_column(
        db_enum(CooperativeStatus, "cooperative_status")
    )
    external_id: Mapped[str | None] = mapped_column(String(100, collation="C"), unique=True)
    # The current modernisation stage: written only together with a row of its history
    # (modernisation_stages), in the same transaction, so it cannot drift from it.
    cohort_year: Mapped[int | None] = mapped_column(Integer)
    phase: Mapped[ModernisationPhase | None] = mapped_column(
        db_enum(ModernisationPhase, "modernisation_phase")
    )
    import_batch_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), index=True)
    created_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __table_args__ = (
        Index("ix_cooperatives_name_search", "name_search", postgresql_using="gin"),
        Index("ix_cooperatives_name_id", "name", "id"),
        Index("ix_cooperatives_founded_on_id", "founded_on", "id"),
        Index(
            "ix_cooperatives_region_code",
            "region_code",
            postgresql_ops={"region_code": "varchar_pattern_ops"},
        ),
        Index("ix_cooperatives_commodities", "commodities", postgresql_using="gin"),
        # A list by type in name order: names often begin with the type ("Koperasi Simpan
        # Pinjam ..."), so a walk of the name index met one type's rows only late.
        Index("ix_cooperatives_type_name_id", "type", "name", "id"),
        # Secondary cooperatives are few: without an index their list read the whole table.
        # Partial, as the two below: only the rare rows are in it, so most inserts (a bulk
        # import's primary, active rows without a stage) skip it; a filter on the common value
        # matches most of the table and walks the page order (tests/cooperatives/
        # test_list_plans.py).
        Index(
            "ix_cooperatives_level_id",
            "level",
            "id",
            postgresql_where=text("level::text <> 'primary'"),
        ),
        # Inactive or dissolved cooperatives are few: walking the page order to find them read
        # most of the table (13 ms per page at 130,000).
        Index(
            "ix_cooperatives_status_id",
            "status",
            "id",
            postgresql_where=text("status::text <> 'active'"),
        ),
        # Only cooperatives in the modernisation programme have a stage (phase and cohort).
        Index(
            "ix_cooperatives_phase_cohort",
            "phase",
            "cohort_year",
            postgresql_where=text("phase IS NOT NULL OR cohort_year IS NOT NULL"),
        ),
        CheckConstraint("(latitude IS NULL) = (longitude IS NULL)", name="coordinates_pair"),
    )


class MemberGroup(Base):
    """A member group of a multi-stakeholder cooperative (koperasi multipihak, Permenkop 8/2021)."""

    __tablename__ = "member_groups"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    cooperative_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cooperatives.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[MemberGroupKind] = mapped_column(db_enum(MemberGroupKind, "member_group_kind"))
    name: Mapped[str] = mapped_column(String(200))
    member_count: Mapped[int] = mapped_column(Integer)
    voting_share: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    description: Mapped[str | None] = mapped_column(Text)


class SecondaryMembership(Base):
    """A member cooperative of a secondary cooperative."""

    __tablename__ = "secondary_memberships"

    secondary_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cooperatives.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cooperatives.id"), primary_key=True, index=True
    )


class CooperativeHistory(Base):
    """A cooperative's history as the list reads it: its RATs, health assessments, member
    groups and member cooperatives, one row per cooperative instead of five lookups per listed
    row. Kept by database triggers on those four tables in the transaction of every change
    (migration ``e4a6c8b0d2f1``), so it cannot drift from them; the derived facts (active,
    RAT compliance, latest health) are still computed from it on each read, for the read's
    date. No row: no history. ``tests/cooperatives/test_history_summary.py`` holds it equal
    to the tables after a randomized history."""

    __tablename__ = "cooperative_history"

    cooperative_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cooperatives.id", ondelete="CASCADE"), primary_key=True
    )
    # RATs, latest year first: parallel arrays.
    rat_years: Mapped[list[int] | None] = mapped_column(ARRAY(Integer))
    rat_dates: Mapped[list[date] | None] = mapped_column(ARRAY(Date))
    # Health assessments, earliest year first: parallel arrays.
    health_years: Mapped[list[int] | None] = mapped_column(ARRAY(Integer))
    health_categories: Mapped[list[str] | None] = mapped_column(ARRAY(Text))
    health_scores: Mapped[list[Decimal] | None] = mapped_column(ARRAY(Numeric(5, 2)))
    health_dates: Mapped[list[date] | None] = mapped_column(ARRAY(Date))
    # As the views write them (``json``, not ``jsonb``: the text and its key order are kept).
    member_groups: Mapped[Any | None] = mapped_column(JSON)
    member_group_count: Mapped[int] = mapped_column(Integer, server_default="0")
    member_cooperative_ids: Mapped[Any | None] = mapped_column(JSON)
