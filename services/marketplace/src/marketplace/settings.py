"""Marketplace settings: environment variables prefixed ``KOPMOD_MARKETPLACE_``."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from kopmod_shared.settings import ServiceSettings


class MarketplaceSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="KOPMOD_MARKETPLACE_", extra="ignore")

    service_name: str = "marketplace"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/kopmod_marketplace"
    token_audience: str = "kopmod-marketplace"

    # Matching: configurable data, not constants buried in code.
    default_radius_km: float = Field(
        default=300.0, description="Supplier radius of a demand that does not set its own."
    )
    transport_cost_per_unit_km: Decimal = Field(
        default=Decimal("1.00"),
        description="Rupiah to move one base unit one km (about Rp1,000 per tonne-km by truck).",
    )
    unmet_penalty_per_unit: Decimal = Field(
        default=Decimal("1000000"),
        description="Cost of leaving one base unit of demand unmet; above any real supply cost, so "
        "the solver meets what it can, and scarce supply goes to the demands that value it most.",
    )
    max_candidates_per_demand: int = Field(default=50, ge=1, le=1000)
    min_candidates_per_offer: int = Field(
        default=3, ge=0, le=50, description="Nearest demands linked to an offer no demand kept."
    )
    repair_time_limit_seconds: float = Field(default=10.0, gt=0)
    matching_processes: int = Field(
        default=2,
        ge=0,
        description="Worker processes a matching run computes in (runs of different "
        "commodities solve side by side); 0 computes in the service process.",
    )
    proposal_ttl_hours: int = Field(default=72, ge=1)
    # The registry's answer that a cooperative is active, kept per process for offers
    # (marketplace.offers.cooperatives): the longest a suspended, dissolved or merged
    # cooperative can still offer after the change (at once where the registry's event arrives).
    cooperative_cache_seconds: float = Field(
        default=60.0,
        ge=0,
        le=3600,
        description="Seconds an active answer of the registry is trusted for offers; 0 asks "
        "the registry on every offer.",
    )
    cooperative_cache_size: int = Field(default=10_000, ge=1)
    # The reminders sweep (marketplace.reminders): how often (0: never; off with the relay) and
    # how far ahead a delivery milestone is announced as due.
    reminders_poll_seconds: float = Field(default=60.0, ge=0)
    milestone_reminder_days: int = Field(default=7, ge=1, le=60)
