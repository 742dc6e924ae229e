"""The operator CLI against a real database: migrate, demo data (idempotent), create-client."""

from __future__ import annotations

import re
import secrets

import pytest
from typer.testing import CliRunner

from kopmod_cli.main import app
from kopmod_shared.testing import REPO_ROOT, fresh_database


@pytest.fixture
def registry_url(monkeypatch: pytest.MonkeyPatch) -> str:
    url = fresh_database(REPO_ROOT / "services" / "registry", "kopmod_cli_test", migrate=False)
    monkeypatch.setenv("KOPMOD_REGISTRY_DATABASE_URL", url)
    monkeypatch.setenv("COLUMNS", "200")
    return url


def test_migrate_demo_data_twice_and_create_client(registry_url: str) -> None:
    runner = CliRunner()
    migrated = runner.invoke(app, ["migrate", "registry"])
    assert migrated.exit_code == 0, migrated.output
    assert "registry: migrated" in migrated.output

    first = runner.invoke(app, ["demo-data", "--count", "40"])
    assert first.exit_code == 0, first.output
    assert "already_loaded=False" in first.output
    loaded = int(re.search(r"cooperatives=(\d+)", first.output).group(1))  # type: ignore[union-attr]
    assert loaded >= 40
    again = runner.invoke(app, ["demo-data", "--count", "40"])
    assert again.exit_code == 0 and "already_loaded=True" in again.output

    created = runner.invoke(
        app, ["create-client", "--name", "Bank Jabar", "--role", "partner", "--scope", "repayments"]
    )
    assert created.exit_code == 0, created.output
    assert re.search(r"client secret: kms_\S+", created.output)
    bad = runner.invoke(app, ["create-client", "--name", "x", "--role", "cooperative"])
    assert bad.exit_code != 0
    assert "must be bound to an org_id" in str(bad.exception)


def test_migrate_wait_answers_once_the_database_is_at_head(registry_url: str) -> None:
    # What each pod's init container runs: it migrates nothing and fails while the release's
    # migration Job has not brought the database to this code's head.
    runner = CliRunner()
    early = runner.invoke(app, ["migrate", "registry", "--wait", "0"])
    assert early.exit_code == 1, early.output
    assert "registry: database not at" in early.output
    assert runner.invoke(app, ["migrate", "registry"]).exit_code == 0
    ready = runner.invoke(app, ["migrate", "registry", "--wait", "5"])
    assert ready.exit_code == 0, ready.output
    assert "registry: database at head" in ready.output


def test_rotate_signing_key_in_three_steps(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from registry.identity.keys import generate_pem

    monkeypatch.setenv("COLUMNS", "200")
    (tmp_path / "signing-key.pem").write_bytes(generate_pem())
    first = (tmp_path / "signing-key.pem").read_bytes()
    runner = CliRunner()
    early = runner.invoke(app, ["rotate-signing-key", "promote", "--data-dir", str(tmp_path)])
    assert early.exit_code == 1 and "stage a key" in early.output
    staged = runner.invoke(app, ["rotate-signing-key", "stage", "--data-dir", str(tmp_path)])
    assert staged.exit_code == 0, staged.output
    assert (tmp_path / "signing-key.next.pem").exists()
    assert (tmp_path / "signing-key.pem").read_bytes() == first  # still signing
    promoted = runner.invoke(app, ["rotate-signing-key", "promote", "--data-dir", str(tmp_path)])
    assert promoted.exit_code == 0, promoted.output
    assert (tmp_path / "signing-key.previous.pem").read_bytes() == first
    assert not (tmp_path / "signing-key.next.pem").exists()
    retired = runner.invoke(app, ["rotate-signing-key", "retire", "--data-dir", str(tmp_path)])
    assert retired.exit_code == 0, retired.output
    assert not (tmp_path / "signing-key.previous.pem").exists()
    assert (tmp_path / "signing-key.pem").read_bytes() != first


def test_bootstrap_refuses_default_and_short_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    """The platform's own credentials are never a default: bootstrap stops before touching the
    database (the URL here points nowhere)."""
    monkeypatch.setenv("KOPMOD_REGISTRY_DATABASE_URL", "postgresql+asyncpg://nobody@127.0.0.1:1/x")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("KOPMOD_ADMIN_CLIENT_SECRET", "admin-secret-change-me")
    monkeypatch.setenv("KOPMOD_FINANCING_SERVICE_CLIENT_SECRET", "short")
    strong = "kms_" + secrets.token_urlsafe(32)
    monkeypatch.setenv("KOPMOD_MARKETPLACE_SERVICE_CLIENT_SECRET", strong)
    result = CliRunner().invoke(app, ["bootstrap"])
    assert result.exit_code == 2, result.output
    assert "KOPMOD_ADMIN_CLIENT_SECRET is a default secret" in result.output
    assert "KOPMOD_FINANCING_SERVICE_CLIENT_SECRET is shorter than 32 random bytes" in result.output
    assert "KOPMOD_MARKETPLACE_SERVICE_CLIENT_SECRET" not in result.output


def test_demo_data_loads_a_market_beside_the_registry(
    registry_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    market = fresh_database(
        REPO_ROOT / "services" / "marketplace", "kopmod_cli_market_test", migrate=False
    )
    monkeypatch.setenv("KOPMOD_MARKETPLACE_DATABASE_URL", market)
    runner = CliRunner()
    for name in ("registry", "marketplace"):
        assert runner.invoke(app, ["migrate", name]).exit_code == 0
    first = runner.invoke(app, ["demo-data", "--count", "40"])
    assert first.exit_code == 0, first.output
    line = next(x for x in first.output.splitlines() if x.startswith("demo market:"))
    assert "offers=5" in line and "contracts=1" in line and "already_loaded=False" in line
    proposals = int(re.search(r"proposals=(\d+)", line).group(1))  # type: ignore[union-attr]
    assert proposals >= 3
    again = runner.invoke(app, ["demo-data", "--count", "40"])
    assert "already_loaded=True" in next(
        x for x in again.output.splitlines() if x.startswith("demo market:")
    )


def test_kopmod_up_replicas_never_get_one_port_twice() -> None:
    """``kopmod up --replicas`` takes every replica's port (and pgbouncer's) before any of them
    listens; Linux picks a probed port at random among about 14,000, so a helper that could hand
    one out twice left a replica unable to listen once in a few hundred starts of nine."""
    from kopmod_cli import replicas

    ports = [replicas.free_port() for _ in range(1000)]
    assert len(set(ports)) == len(ports)
