"""docker-compose.yml runs every service in production mode and holds no secret of its own.

CI renders the file with `docker-compose config -q` (with throw-away values); this test reads it
as data: no interpolation has a default, every secret-bearing variable is only a reference to the
environment, and no known default secret is written anywhere.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from sqlalchemy.engine import make_url

from kopmod_shared.settings import KNOWN_DEFAULT_SECRETS

COMPOSE = Path(__file__).resolve().parents[1] / "docker-compose.yml"
SERVICES = ("registry", "financing", "marketplace", "console")
SECRET_NAME = re.compile(r"(SECRET|PASSWORD|_PEM|_KEYS?|METRICS_TOKEN)$")
# A reference the operator must fill in: `${NAME:?message}`, nothing else.
REQUIRED_REF = re.compile(r"^\$\{[A-Z0-9_]+:\?[^}]*\}$")


def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def environment(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    return {str(k): str(v) for k, v in env.items() if k != "<<"}


def test_every_service_runs_in_production_mode():
    services = compose()["services"]
    for name in SERVICES:
        env = environment(services[name])
        assert env[f"KOPMOD_{name.upper()}_ENVIRONMENT"] == "production", name


def test_no_interpolation_has_a_default():
    text = COMPOSE.read_text()
    refs = re.findall(r"\$\{([^}]*)\}", text)
    assert refs, "the file takes its secrets from the environment"
    defaulted = [r for r in refs if re.match(r"^[A-Z0-9_]+:?-", r)]
    assert defaulted == []
    assert all(re.match(r"^[A-Z0-9_]+:\?", r) for r in refs), refs


def test_every_secret_is_only_a_reference_to_the_environment():
    checked = 0
    for name, service in compose()["services"].items():
        for key, value in environment(service).items():
            if SECRET_NAME.search(key):
                assert REQUIRED_REF.match(value), f"{name}.{key} = {value!r}"
                checked += 1
            if key.endswith("DATABASE_URL"):
                password = make_url(value).password
                assert password is not None and REQUIRED_REF.match(str(password)), (name, key)
                checked += 1
    # Database URLs, service secrets, metrics tokens, signing key, document keys, admin secret.
    assert checked >= 16


def test_no_known_default_secret_is_written_anywhere():
    text = COMPOSE.read_text()
    # `kopmod` is also the database user and part of every database name: the longer ones.
    for secret in KNOWN_DEFAULT_SECRETS:
        if "-" in secret:
            assert secret not in text, secret
    for service in compose()["services"].values():
        for key, value in environment(service).items():
            if SECRET_NAME.search(key):
                assert value not in KNOWN_DEFAULT_SECRETS, key


def test_the_console_is_wired_for_notifications():
    """The console subscribes to events as svc-console, which the bootstrap service creates
    with the same secret, and mails over SMTP (production refuses notifications without it)."""
    services = compose()["services"]
    console, bootstrap = environment(services["console"]), environment(services["bootstrap"])
    assert console["KOPMOD_CONSOLE_SERVICE_CLIENT_ID"] == "svc-console"
    assert console["KOPMOD_CONSOLE_EVENTS_URL"] == "http://console:8000"
    assert console["KOPMOD_CONSOLE_SMTP_HOST"].startswith("${KOPMOD_SMTP_HOST:?")
    secret = console["KOPMOD_CONSOLE_SERVICE_CLIENT_SECRET"]
    assert secret.startswith("${KOPMOD_CONSOLE_SERVICE_SECRET:?")
    assert bootstrap["KOPMOD_CONSOLE_SERVICE_CLIENT_SECRET"] == secret
