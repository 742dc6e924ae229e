"""Marketplace settings: environment variables prefixed ``KOPMOD_MARKETPLACE_``."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from kopmod_shared.settings import ServiceSettings


class MarketplaceSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="KOPMOD_MARKETPLACE_", extra="ignore")

    service_name: str = "marketplace"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/kopmod_marketplace"
    token_audience: str = "kopmod-marketplace"
