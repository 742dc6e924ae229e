"""Settings base shared by every service.

Each service subclasses :class:`ServiceSettings` with its own environment prefix
(``KOPMOD_REGISTRY_``, ``KOPMOD_FINANCING_``, ``KOPMOD_MARKETPLACE_``). Secrets are
``SecretStr``; development defaults are refused outside development.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import AnyHttpUrl, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_SERVICE_SECRET = "dev-service-secret-change-me"


# Idle keep-alive: a server keeps an idle connection open longer than any client of ours reuses
# one, so no client sends a request on a connection the server is closing at that moment (seen
# as a ReadError on a GET when both sides used 5 s).
SERVER_KEEPALIVE_SECONDS = 65
CLIENT_KEEPALIVE_SECONDS = 30


class Environment(StrEnum):
    development = "development"
    test = "test"
    production = "production"


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", env_file=None)

    service_name: str = "kopmod"
    environment: Environment = Environment.development
    database_url: str = Field(
        default="postgresql+asyncpg://postgres@127.0.0.1:5432/kopmod",
        description="SQLAlchemy URL of this service's own database (asyncpg driver).",
    )
    db_pool_size: int = 20
    db_max_overflow: int = 5
    db_pool_timeout_seconds: float = 10.0
    db_statement_timeout_ms: int = 15_000
    # A round trip per request; off: a dropped connection fails one request with 503 instead.
    db_pool_pre_ping: bool = False
    # The database URL is a PgBouncer in transaction mode (a CloudNativePG Pooler): unnamed
    # prepared statements, no session state (db.create_engine).
    db_transaction_pooler: bool = False
    # gc.freeze() after startup (app.freeze_startup_objects); off where one process builds many
    # apps (the tests), since frozen objects are never collected.
    gc_freeze: bool = True

    # Token verification: the issuer and where its public keys are.
    token_issuer: str = "http://127.0.0.1:8001"
    jwks_url: str = "http://127.0.0.1:8001/.well-known/jwks.json"
    token_audience: str = Field(default="kopmod", description="Audience this service accepts.")
    jwks_cache_seconds: int = 300
    clock_skew_seconds: int = 30

    # Where the other services are, and the credentials this service uses to call them.
    registry_url: AnyHttpUrl = AnyHttpUrl("http://127.0.0.1:8001")
    financing_url: AnyHttpUrl = AnyHttpUrl("http://127.0.0.1:8002")
    marketplace_url: AnyHttpUrl = AnyHttpUrl("http://127.0.0.1:8003")
    token_url: str = "http://127.0.0.1:8001/v1/oauth/token"
    service_client_id: str = ""
    service_client_secret: SecretStr = SecretStr(DEV_SERVICE_SECRET)
    outgoing_timeout_seconds: float = 5.0
    outgoing_retries: int = 3

    # Limits (OWASP API4): configurable, enforced by shared middleware and schemas.
    max_page_size: int = Field(
        default=100, ge=1, le=1000, description="Largest `limit` a list route accepts."
    )
    rate_limit_enabled: bool = Field(
        default=True, description="Count requests per client and answer 429 above the limit."
    )
    rate_limit_requests: int = Field(
        default=1200, ge=1, description="Requests one client may make per window."
    )
    rate_limit_window_seconds: int = Field(
        default=60, ge=1, le=86_400, description="Length of a rate-limit window."
    )
    rate_limit_exempt_roles: list[str] = Field(
        default_factory=lambda: ["service"],
        description="Roles never rate limited (the platform's own service clients).",
    )
    idempotency_window_hours: int = 24

    # Events and webhooks.
    public_url: str = Field(
        default="",
        description="How the other services reach this one (for their event deliveries here); "
        "empty disables subscribing to other services.",
    )
    relay_enabled: bool = True
    relay_poll_seconds: float = 1.0
    relay_lease_seconds: float = Field(
        default=120.0,
        gt=0,
        description="How long a replica holds a delivery it claimed (retried by another after).",
    )
    webhooks_allow_private: bool = Field(
        default=False,
        description="Allow webhook URLs on loopback/private networks and plain http "
        "(development and tests only; refused in production).",
    )

    log_level: str = "INFO"
    log_json: bool = True

    @model_validator(mode="after")
    def _refuse_dev_defaults(self) -> ServiceSettings:
        if (
            self.environment is Environment.production
            and self.service_client_id
            and self.service_client_secret.get_secret_value() == DEV_SERVICE_SECRET
        ):
            raise ValueError("service_client_secret must be set outside development")
        if self.environment is Environment.production and self.webhooks_allow_private:
            raise ValueError("webhooks_allow_private is for development only")
        return self
