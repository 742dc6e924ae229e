"""Financing settings: environment variables prefixed ``KOPMOD_FINANCING_``."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from kopmod_shared.settings import ServiceSettings


class FinancingSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="KOPMOD_FINANCING_", extra="ignore")

    service_name: str = "financing"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/kopmod_financing"
    token_audience: str = "kopmod-financing"
