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

    # Throttling wrong client secrets on the token endpoint (registry.identity.throttle).
    secret_failure_window_seconds: int = Field(
        default=300, ge=1, le=86_400, description="Window in which failed attempts are counted."
    )
    secret_failures_per_client: int = Field(
        default=10,
        ge=1,
        description="Failed attempts for one client id within the window before it is locked "
        "(answers 429 with Retry-After, even to the right secret, until the window moves on).",
    )
    secret_failures_per_address: int = Field(
        default=100,
        ge=1,
        description="Failed attempts from one address (any client ids) within the window before "
        "that address is locked out of the token endpoint.",
    )
    # People and the OpenID Connect provider (registry.people, registry.oidc).
    people_url: str = Field(
        default="",
        description="Base URL of links in emails (invitation, reset); empty: the token issuer.",
    )
    smtp_host: str = Field(default="", description="SMTP server; empty: mails go to mail_dir.")
    smtp_port: int = 587
    smtp_starttls: bool = True
    smtp_username: str = ""
    smtp_password: SecretStr = SecretStr("")
    mail_from: str = "kopmod <no-reply@kopmod.invalid>"
    mail_dir: Path | None = Field(
        default=None, description="Write mails as .eml files here instead of sending them."
    )
    password_min_length: int = Field(default=10, ge=8)
    invitation_ttl_hours: int = 72
    reset_ttl_minutes: int = 60
    signin_slowdown_after: int = Field(
        default=3, description="Failed sign-ins of an account before each retry must wait."
    )
    signin_slowdown_seconds: int = Field(
        default=5, description="First wait after a slowed failure; doubles with each one."
    )
    signin_lock_after: int = Field(
        default=10, description="Consecutive failed sign-ins that lock an account."
    )
    signin_address_limit: int = Field(
        default=30, description="Failed sign-ins from one address per window before refusal."
    )
    signin_address_window_minutes: int = 15
    session_ttl_hours: int = 12
    code_ttl_seconds: int = 60
    refresh_ttl_days: int = 14

    max_import_rows: int = 100_000
    import_processes: int = Field(
        default=2, ge=1, le=32, description="Worker processes that parse and validate uploads."
    )
    max_concurrent_imports: int = Field(
        default=2, ge=1, description="Imports running at once in one service process."
    )
    max_concurrent_imports_per_client: int = Field(
        default=1, ge=1, description="Imports one API client may have running at once."
    )
    max_import_bytes: int = 64 * 1024 * 1024

    @model_validator(mode="after")
    def _key_required_in_production(self) -> RegistrySettings:
        if self.environment is Environment.production and not (
            self.signing_key_pem or self.signing_key_file
        ):
            raise ValueError("a signing key (PEM or file) is required in production")
        if self.environment is Environment.production and not self.smtp_host:
            raise ValueError("smtp_host is required in production (mails must reach people)")
        return self

    @property
    def links_base(self) -> str:
        return (self.people_url or self.token_issuer).rstrip("/")
