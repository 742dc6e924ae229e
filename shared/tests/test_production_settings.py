"""ENVIRONMENT=production refuses to start with anything an operator could not trust.

Each refusal is shown on its own: a production configuration that passes, then that one setting
made unsafe, and the error names it.
"""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from pydantic import ValidationError

from kopmod_shared.settings import (
    DEV_SERVICE_SECRET,
    KNOWN_DEFAULT_SECRETS,
    ServiceSettings,
    secret_problem,
)


def strong() -> str:
    return secrets.token_urlsafe(32)


def production(**changes: Any) -> ServiceSettings:
    values: dict[str, Any] = {
        "environment": "production",
        "database_url": f"postgresql+asyncpg://kopmod:{strong()}@db:5432/kopmod",
        "token_issuer": "https://id.kopmod.example",
        "jwks_url": "https://id.kopmod.example/.well-known/jwks.json",
        "service_client_id": "svc-financing",
        "service_client_secret": strong(),
        "metrics_token": strong(),
    }
    values.update(changes)
    return ServiceSettings(**values)


def refused(**changes: Any) -> str:
    with pytest.raises(ValidationError) as err:
        production(**changes)
    return str(err.value)


def test_a_complete_production_configuration_starts():
    settings = production()
    assert settings.production
    assert settings.serve_docs is False


@pytest.mark.parametrize("name", ["token_issuer", "jwks_url"])
def test_plain_http_issuer_or_jwks_is_refused(name):
    message = refused(**{name: "http://id.kopmod.example/.well-known/jwks.json"})
    assert f"{name} must be an https:// URL" in message


@pytest.mark.parametrize("secret", sorted(KNOWN_DEFAULT_SECRETS))
def test_every_default_secret_is_refused(secret):
    message = refused(service_client_secret=secret)
    assert "service_client_secret is a default secret" in message


@pytest.mark.parametrize(
    "secret",
    [
        secrets.token_urlsafe(16),  # 16 random bytes
        secrets.token_hex(31),  # 31 bytes as hex
        "a" * 80,  # long, but one character
        "correct horse battery staple",
    ],
)
def test_short_secrets_are_refused(secret):
    message = refused(service_client_secret=secret)
    assert "service_client_secret is shorter than 32 random bytes" in message


@pytest.mark.parametrize(
    "secret",
    [secrets.token_urlsafe(32), secrets.token_hex(32), "kms_" + secrets.token_urlsafe(32)],
)
def test_32_random_bytes_in_any_usual_encoding_pass(secret):
    assert secret_problem(secret) is None
    assert production(service_client_secret=secret).service_client_secret.get_secret_value()


def test_weak_metrics_token_and_database_password_are_refused():
    assert "metrics_token is shorter than 32 random bytes" in refused(metrics_token="scrape-me")
    message = refused(database_url="postgresql+asyncpg://kopmod:kopmod-local@db:5432/kopmod")
    assert "database_url password is a default secret" in message
    # The message never repeats the secrets themselves.
    assert "kopmod-local" not in message
    assert "scrape-me" not in refused(metrics_token="scrape-me")


def test_rate_limiting_off_is_refused():
    assert "rate_limit_enabled must be true" in refused(rate_limit_enabled=False)


def test_metrics_without_a_token_are_refused():
    assert "metrics_token must be set" in refused(metrics_token=None)


def test_private_webhooks_are_refused():
    assert "webhooks_allow_private is for development only" in refused(webhooks_allow_private=True)


def test_docs_are_off_in_production_unless_enabled_explicitly():
    assert production().serve_docs is False
    assert production(docs_enabled=True).serve_docs is True
    assert ServiceSettings().serve_docs is True
    assert ServiceSettings(docs_enabled=False).serve_docs is False


def test_development_keeps_its_conveniences():
    dev = ServiceSettings(service_client_id="svc", service_client_secret=DEV_SERVICE_SECRET)
    assert dev.rate_limit_enabled and dev.metrics_token is None
    assert dev.token_issuer.startswith("http://")


def test_every_refusal_is_listed_at_once():
    message = refused(
        token_issuer="http://x", rate_limit_enabled=False, service_client_secret=DEV_SERVICE_SECRET
    )
    assert "token_issuer" in message and "rate_limit_enabled" in message
    assert "service_client_secret" in message
