"""Registry settings: environment variables prefixed ``KOPMOD_REGISTRY_``."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from kopmod_shared.settings import Environment, ServiceSettings


class RegistrySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="KOPMOD_REGISTRY_", extra="ignore")

    service_name: str = "registry"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/kopmod_registry"
    token_audience: str = "kopmod-registry"

    # Token issuing.
    signing_key_pem: SecretStr | None = None
    signing_key_file: Path | None = None
    # Rotation (docs/deploy.md): a next key is published in the JWKS before it signs; a previous
    # one stays published until the tokens it signed have expired. Absent files are skipped.
    signing_key_next_file: Path | None = None
    signing_key_previous_file: Path | None = None
    token_ttl_seconds: int = 900
    token_audiences: list[str] = ["kopmod-registry", "kopmod-financing", "kopmod-marketplace"]

    # The modernisation scorecard's calls to financing and marketplace.
    scorecard_deadline_seconds: float = Field(
        default=3.0,
        description="Longest wait for financing or marketplace (retries included) before the "
        "scorecard answers without that source, marked unavailable.",
    )
    programme_target: int = Field(
        default=500, description="The programme's target of modern cooperatives."
    )

    max_import_rows: int = 100_000
    max_import_bytes: int = 64 * 1024 * 1024

    @model_validator(mode="after")
    def _key_required_in_production(self) -> RegistrySettings:
        if self.environment is Environment.production and not (
            self.signing_key_pem or self.signing_key_file
        ):
            raise ValueError("a signing key (PEM or file) is required in production")
        return self
