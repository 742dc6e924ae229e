"""Financing settings: environment variables prefixed ``KOPMOD_FINANCING_``."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from kopmod_shared.settings import ServiceSettings


class FinancingSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="KOPMOD_FINANCING_", extra="ignore")

    service_name: str = "financing"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/kopmod_financing"
    token_audience: str = "kopmod-financing"

    documents_dir: Path = Field(
        default=Path(".kopmod/financing-documents"),
        description="Where the local-disk document storage keeps application files.",
    )
    max_document_bytes: int = Field(default=4 * 1024 * 1024, description="Largest upload.")
    required_document_kinds: list[str] = Field(
        default_factory=list,
        description="Document kinds an application must carry before it can be submitted.",
    )
    eligibility_retry_enabled: bool = Field(
        default=True, description="Run the eligibility retry loop inside the service process."
    )
    eligibility_retry_interval_seconds: float = 30.0
    eligibility_retry_base_seconds: float = 30.0
    eligibility_retry_max_seconds: float = 3600.0
