"""Matching runs (recorded with their inputs, so they can be solved again) and the allocations
each run made."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime, Float, ForeignKey, Numeric, String, func
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from kopmod_shared.ids import new_id
from marketplace.common import QTY_SQL
from marketplace.models import Base

OBJECTIVE_SQL = Numeric(24, 2)


class MatchingRun(Base):
    """One allocation run, recorded with its inputs so it can be solved again and compared."""

    __tablename__ = "matching_runs"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    scope: Mapped[str] = mapped_column(String(10))  # demand | commodity
    commodity_code: Mapped[str] = mapped_column(ForeignKey("commodities.code"), index=True)
    demand_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("demands.id"), index=True)
    requested_by: Mapped[str] = mapped_column(String(200))
    parameters: Mapped[dict[str, Any]] = mapped_column(JSONB)
    # Megabytes for a national run: loaded only when asked for (``replay``), never with the run.
    inputs: Mapped[dict[str, Any]] = mapped_column(JSONB, deferred=True)
    status: Mapped[str] = mapped_column(String(10))  # optimal | repaired
    objective: Mapped[Decimal] = mapped_column(OBJECTIVE_SQL)
    supply_cost: Mapped[Decimal] = mapped_column(OBJECTIVE_SQL)
    allocated_quantity: Mapped[Decimal] = mapped_column(QTY_SQL)
    unmet_quantity: Mapped[Decimal] = mapped_column(QTY_SQL)
    stats: Mapped[dict[str, Any]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class MatchingAllocation(Base):
    __tablename__ = "matching_allocations"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    run_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("matching_runs.id", ondelete="CASCADE"), index=True
    )
    demand_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("demands.id"), index=True)
    offer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supply_offers.id"))
    cooperative_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    quantity: Mapped[Decimal] = mapped_column(QTY_SQL)
    unit_cost: Mapped[Decimal] = mapped_column(Numeric(20, 2))
    distance_km: Mapped[float] = mapped_column(Float)
    score: Mapped[float] = mapped_column(Float)
    breakdown: Mapped[dict[str, Any]] = mapped_column(JSONB)
    proposal_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
