"""Settings base shared by every service.

Each service subclasses :class:`ServiceSettings` with its own environment prefix
(``KOPMOD_REGISTRY_``, ``KOPMOD_FINANCING_``, ``KOPMOD_MARKETPLACE_``). Secrets are
``SecretStr``. ``environment=production`` refuses to start with anything an operator could not
trust (:meth:`ServiceSettings._production_checks`, listed in docs/security.md).
"""

from __future__ import annotations

import math
import string
from enum import StrEnum
from typing import ClassVar

from pydantic import AnyHttpUrl, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

DEV_SERVICE_SECRET = "dev-service-secret-change-me"
# Every default or example secret that ever shipped in this repository (settings, compose, docs):
# refused in production whatever their length.
KNOWN_DEFAULT_SECRETS = frozenset(
    {
        DEV_SERVICE_SECRET,
        "admin-secret-change-me",
        "kopmod-local",
        "kopmod",
        "postgres",
        "secret",
        "change-me",
        "changeme",
    }
)
# 32 random bytes: what ``secrets.token_urlsafe(32)``, ``openssl rand -base64 32`` or
# ``openssl rand -hex 32`` print.
MIN_SECRET_BITS = 256
_HEX = frozenset(string.hexdigits)
_BASE64 = frozenset(string.ascii_letters + string.digits + "+/=-_")


def secret_problem(value: str, defaults: frozenset[str] = frozenset()) -> str | None:
    """Why ``value`` is not a production secret, or None.

    Randomness cannot be measured from one string; what can be checked is that the string is
    long enough for 32 random bytes in its alphabet (64 hex digits, 43 base64 characters) and is
    not a known default or one character repeated.
    """
    if value in KNOWN_DEFAULT_SECRETS or value in defaults:
        return "is a default secret"
    chars = set(value)
    if chars <= _HEX:
        per_char = 4.0
    elif chars <= _BASE64:
        per_char = 6.0
    else:
        per_char = math.log2(95)
    if len(value) * per_char < MIN_SECRET_BITS - 4 or len(chars) < 8:
        return "is shorter than 32 random bytes (use `openssl rand -base64 32`)"
    return None


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
    # A refusal at start-up is logged: it must not echo the values (secrets among them).
    model_config = SettingsConfigDict(extra="ignore", env_file=None, hide_input_in_errors=True)
    # A service's own development defaults, refused in production like the shared ones.
    default_secrets: ClassVar[frozenset[str]] = frozenset()

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
    revocation_refresh_seconds: float = Field(
        default=2.0,
        gt=0,
        le=60,
        description="The oldest each process's deny-list of revoked token subjects may be when a "
        "token is judged (reloaded in the background every half of it): the longest a revoked "
        "token keeps working after the revocation reached the service.",
    )
    forwarded_allow_ips: list[str] = Field(
        default_factory=list,
        description="Addresses or networks of the reverse proxies whose X-Forwarded-For and "
        'X-Forwarded-Proto are believed (e.g. ["10.0.0.0/8"]). Empty (the default): nobody\'s '
        "are, and the client address is the TCP peer. uvicorn must run with --no-proxy-headers "
        "(every starter in this repository does) so that this setting alone decides.",
    )

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

    # What the service shows about itself.
    docs_enabled: bool | None = Field(
        default=None,
        description="Serve /docs, /redoc and /openapi.json. Unset: on outside production, off in "
        "production (set true to publish them there).",
    )
    metrics_token: SecretStr | None = Field(
        default=None,
        description="Bearer token a scraper must send to read /metrics; required in production "
        "(at least 32 random bytes).",
    )
    hsts_max_age_seconds: int = Field(
        default=63_072_000, ge=0, description="Strict-Transport-Security max-age (production)."
    )

    log_level: str = "INFO"
    log_json: bool = True

    @property
    def production(self) -> bool:
        return self.environment is Environment.production

    @property
    def serve_docs(self) -> bool:
        return self.docs_enabled if self.docs_enabled is not None else not self.production

    def secrets_to_check(self) -> dict[str, str]:
        """Secrets this service holds that production requires strong; subclasses add theirs."""
        out: dict[str, str] = {}
        if self.service_client_id:
            out["service_client_secret"] = self.service_client_secret.get_secret_value()
        if self.metrics_token is not None:
            out["metrics_token"] = self.metrics_token.get_secret_value()
        try:
            password = make_url(self.database_url).password
        except ArgumentError:
            password = None
        if password:
            out["database_url password"] = str(password)
        return out

    @model_validator(mode="after")
    def _production_checks(self) -> ServiceSettings:
        if not self.production:
            return self
        refusals: list[str] = []
        for name, url in (("token_issuer", self.token_issuer), ("jwks_url", self.jwks_url)):
            if not url.lower().startswith("https://"):
                refusals.append(f"{name} must be an https:// URL")
        for name, value in self.secrets_to_check().items():
            problem = secret_problem(value, self.default_secrets)
            if problem:
                refusals.append(f"{name} {problem}")
        if not self.rate_limit_enabled:
            refusals.append("rate_limit_enabled must be true")
        if self.metrics_token is None:
            refusals.append("metrics_token must be set (/metrics would be open to anyone)")
        if self.webhooks_allow_private:
            refusals.append("webhooks_allow_private is for development only")
        if refusals:
            raise ValueError("refused in production: " + "; ".join(refusals))
        return self
