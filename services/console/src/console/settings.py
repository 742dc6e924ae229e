"""Console settings: environment variables prefixed ``KOPMOD_CONSOLE_``.

The console is a web application, not an API: it holds no signing key and verifies no bearer
token of its own. It signs people in through an OpenID Connect provider (the registry by
default, any provider by configuration) and calls the three services with the person's token.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from kopmod_shared.settings import ServiceSettings

DEV_CONSOLE_SECRET = "dev-console-secret-change-me"


class ConsoleSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="KOPMOD_CONSOLE_", extra="ignore")

    service_name: str = "console"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/kopmod_console"
    db_pool_size: int = 10

    # Where people sign in (OpenID Connect discovery at <issuer>/.well-known/openid-configuration).
    oidc_issuer: str = Field(
        default="",
        description="The provider's issuer URL; empty: the registry (token_issuer).",
    )
    oidc_client_id: str = Field(default="kopmod-console", description="This console's client id.")
    oidc_client_secret: SecretStr = Field(
        default=SecretStr(DEV_CONSOLE_SECRET), description="Its secret (confidential client)."
    )
    oidc_scope: str = "openid profile email"
    public_url: str = Field(
        default="http://127.0.0.1:8000",
        description="Where browsers reach the console; the redirect URIs registered at the "
        "provider are <public_url>/auth/callback and <public_url>/signed-out.",
    )
    # Sessions (console.sessions): idle and absolute lifetimes.
    session_idle_minutes: int = Field(default=30, ge=1, le=24 * 60)
    session_max_hours: int = Field(default=12, ge=1, le=7 * 24)
    refresh_before_seconds: int = Field(
        default=60, ge=0, description="Refresh the access token when it ends within this."
    )
    default_language: str = Field(default="id", pattern="^(id|en)$")
    # Notifications (console.notifications): where the services deliver their events (with
    # service_client_id set, the console subscribes at start), and how mails leave.
    events_url: str = Field(
        default="",
        description="How the services reach the console for event deliveries (its "
        "/v1/events/{source}); empty: no subscription, no notifications from events.",
    )
    notifier_enabled: bool = True
    notifier_poll_seconds: float = Field(default=2.0, gt=0)
    notifier_lease_seconds: float = Field(default=120.0, gt=0)
    notification_retention_days: int = Field(
        default=180,
        ge=7,
        le=3650,
        description="Notifications (and their mails) older than this are deleted by the "
        "notifier's sweep, with the events received before then; at least 7 days, longer "
        "than any redelivery of an event.",
    )
    notifier_sweep_seconds: float = Field(default=3600.0, gt=0)
    smtp_host: str = Field(default="", description="SMTP server; empty: mails go to mail_dir.")
    smtp_port: int = 587
    smtp_starttls: bool = True
    smtp_username: str = ""
    smtp_password: SecretStr = SecretStr("")
    smtp_attempts: int = Field(default=3, ge=1, le=10)
    mail_from: str = "kopmod <no-reply@kopmod.invalid>"
    mail_dir: Path | None = Field(
        default=None, description="Write mails as .eml files here instead of sending them."
    )
    max_upload_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)

    @property
    def issuer(self) -> str:
        return (self.oidc_issuer or self.token_issuer).rstrip("/")

    @property
    def secure_cookies(self) -> bool:
        return self.public_url.startswith("https://")

    def secrets_to_check(self) -> dict[str, str]:
        out = super().secrets_to_check()
        out["oidc_client_secret"] = self.oidc_client_secret.get_secret_value()
        return out

    @model_validator(mode="after")
    def _console_production_checks(self) -> ConsoleSettings:
        if self.production and not self.public_url.startswith("https://"):
            raise ValueError("refused in production: public_url must be an https:// URL")
        if self.production and self.events_url and not self.smtp_host:
            raise ValueError("refused in production: notifications need smtp_host")
        if self.production and self.oidc_client_secret.get_secret_value() == DEV_CONSOLE_SECRET:
            raise ValueError("refused in production: oidc_client_secret is a default secret")
        return self
