"""Bring the whole platform up: a database server, migrations, bootstrap clients, three services
and the console.

Database servers, in order of preference:
- per-service URLs ``KOPMOD_REGISTRY_DATABASE_URL``, ``KOPMOD_FINANCING_DATABASE_URL``,
  ``KOPMOD_MARKETPLACE_DATABASE_URL`` (each used as given; the console's
  ``KOPMOD_CONSOLE_DATABASE_URL``, or ``kopmod_console`` beside the registry's);
- ``KOPMOD_DATABASE_URL``: one server; the databases ``kopmod_<service>`` are created on it;
- otherwise the embedded Postgres (pgserver) with its data under ``<data dir>/pgdata``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from alembic import command
from sqlalchemy.engine import make_url

from kopmod_cli.services import APPS, CONSOLE, REPO_ROOT, SERVER_FLAGS, SERVICES, Service
from kopmod_shared.db import db_url_with_database
from kopmod_shared.embedded_pg import EmbeddedPostgres, start_embedded
from kopmod_shared.testing import alembic_config

DEFAULT_DATA_DIR = REPO_ROOT / ".kopmod"


def asyncpg_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)


@dataclass
class Databases:
    urls: dict[str, str]
    embedded: EmbeddedPostgres | None = None
    server_url: str | None = None


def resolve_databases(data_dir: Path) -> Databases:
    explicit = {n: os.environ.get(s.env_prefix + "DATABASE_URL") for n, s in APPS.items()}
    if all(explicit[n] for n in SERVICES):
        urls = {n: asyncpg_url(u) for n, u in explicit.items() if u}
        urls.setdefault(
            CONSOLE.name, asyncpg_url(db_url_with_database(urls["registry"], CONSOLE.database))
        )
        return Databases(urls=urls)
    embedded = None
    server = os.environ.get("KOPMOD_DATABASE_URL")
    if server:
        server = asyncpg_url(server)
    else:
        embedded = start_embedded(data_dir / "pgdata", cleanup_mode=None)
        server = embedded.url.render_as_string(hide_password=False)
    urls = {
        n: asyncpg_url(explicit[n] or db_url_with_database(server, s.database))
        for n, s in APPS.items()
    }
    return Databases(urls=urls, embedded=embedded, server_url=server)


def connect_kwargs(url: str, database: str | None = None) -> dict[str, Any]:
    u = make_url(url)
    host = u.query.get("host") or u.host or "127.0.0.1"
    if isinstance(host, tuple):
        host = host[0]
    kw: dict[str, Any] = {
        "user": u.username or "postgres",
        "host": host,
        "database": database or u.database or "postgres",
    }
    if u.port:
        kw["port"] = u.port
    if u.password:
        kw["password"] = u.password
    return kw


async def _ensure_database(url: str) -> None:
    u = make_url(url)
    conn = await asyncpg.connect(**connect_kwargs(url, "postgres"))
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", u.database)
        if not exists:
            await conn.execute(f'CREATE DATABASE "{u.database}"')
    finally:
        await conn.close()


def ensure_database(url: str) -> None:
    asyncio.run(_ensure_database(url))


# Migrations whose new columns only a replay of each loan can fill (docs/deploy.md): an upgrade
# of a database that was already migrated before and crosses one of them ends with financing's
# rebuild of every loan's maintained state (a database created at or after them needs none).
REBUILD_AFTER: dict[str, frozenset[str]] = {
    "financing": frozenset({"7d1e5a2c9b40", "e4a6c8d0b2f1", "c8e2a4f6b1d7"}),
}


def crossed_rebuilds(service: Service, before: set[str]) -> set[str]:
    """The revisions of :data:`REBUILD_AFTER` an upgrade from ``before`` (the database's
    revisions, empty for a database never migrated) to head applies."""
    wanted = REBUILD_AFTER.get(service.name, frozenset())
    if not before or not wanted:
        return set()
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(service.directory, ""))
    applied = {rev.revision for rev in script.iterate_revisions(tuple(before), "base") if rev}
    return set(wanted - applied)


def migrate(service: Service, url: str) -> int | None:
    """Upgrade to head; when that crossed a revision of :data:`REBUILD_AFTER`, rebuild the
    maintained loan state and answer how many loans it went through (None: no rebuild)."""
    before = asyncio.run(_current(url))
    command.upgrade(alembic_config(service.directory, url), "head")
    if not crossed_rebuilds(service, before):
        return None
    from financing.rebuild import rebuild_database

    return asyncio.run(rebuild_database(url))


def heads(service: Service) -> set[str]:
    """The revisions this code's migrations end at."""
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(alembic_config(service.directory, "")).get_heads())


async def _current(url: str) -> set[str]:
    conn = await asyncpg.connect(**connect_kwargs(url))
    try:
        rows = await conn.fetch("SELECT version_num FROM alembic_version")
    except asyncpg.UndefinedTableError:
        return set()
    finally:
        await conn.close()
    return {r["version_num"] for r in rows}


def wait_for_head(service: Service, url: str, timeout: float, interval: float = 2.0) -> bool:
    """Whether the database reached this code's head within ``timeout`` seconds (an unreachable
    database counts as not yet)."""
    wanted = heads(service)
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(OSError, asyncpg.PostgresError):
            if asyncio.run(_current(url)) == wanted:
                return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


@dataclass
class Credentials:
    admin_client_id: str
    admin_client_secret: str
    service_secrets: dict[str, str] = field(default_factory=dict)
    # The console's OpenID Connect client secret (console.settings.oidc_client_secret).
    console_client_secret: str = field(default_factory=lambda: "kms_" + secrets.token_urlsafe(32))

    @classmethod
    def load_or_create(cls, data_dir: Path) -> Credentials:
        path = data_dir / "credentials.json"
        if path.exists():
            raw = json.loads(path.read_text())
            creds = cls(**raw)
            if "console_client_secret" in raw and "console" in creds.service_secrets:
                return creds
            # Written by an older release: the console's own service client is new.
            creds.service_secrets.setdefault("console", "kms_" + secrets.token_urlsafe(32))
        else:
            creds = cls(
                admin_client_id="admin",
                admin_client_secret="kms_" + secrets.token_urlsafe(32),
                service_secrets={
                    n: "kms_" + secrets.token_urlsafe(32)
                    for n in [*SERVICES, "console"]
                    if n != "registry"
                },
            )
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(creds.__dict__, indent=2))
        path.chmod(0o600)
        return creds


def signing_key_file(data_dir: Path) -> Path:
    from registry.identity.keys import generate_pem

    path = data_dir / "signing-key.pem"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_bytes(generate_pem())
        path.chmod(0o600)
    return path


async def _bootstrap_clients(registry_url: str, creds: Credentials) -> None:
    from kopmod_shared.auth import Role
    from kopmod_shared.db import create_engine, make_sessionmaker
    from registry.identity.repository import ApiClientRepository
    from registry.identity.service import ensure_client

    engine = create_engine(registry_url, pool_size=1, max_overflow=0)
    try:
        async with make_sessionmaker(engine)() as session:
            repo = ApiClientRepository(session)
            await ensure_client(
                repo,
                client_id=creds.admin_client_id,
                secret=creds.admin_client_secret,
                role=Role.admin,
                name="Platform administrator (bootstrap)",
            )
            for name, secret in creds.service_secrets.items():
                await ensure_client(
                    repo,
                    client_id=f"svc-{name}",
                    secret=secret,
                    role=Role.service,
                    name=f"{name} service",
                )
            await session.commit()
    finally:
        await engine.dispose()


def bootstrap_clients(registry_url: str, creds: Credentials) -> None:
    asyncio.run(_bootstrap_clients(registry_url, creds))


def service_env(
    service: Service,
    *,
    urls: dict[str, str],
    host: str,
    ports: dict[str, int],
    creds: Credentials,
    key_file: Path,
) -> dict[str, str]:
    registry = f"http://{host}:{ports['registry']}"
    p = service.env_prefix
    env = {
        p + "DATABASE_URL": urls[service.name],
        p + "TOKEN_ISSUER": registry,
        p + "JWKS_URL": registry + "/.well-known/jwks.json",
        p + "TOKEN_URL": registry + "/v1/oauth/token",
        p + "REGISTRY_URL": registry,
        p + "FINANCING_URL": f"http://{host}:{ports['financing']}",
        p + "MARKETPLACE_URL": f"http://{host}:{ports['marketplace']}",
        p + "PUBLIC_URL": f"http://{host}:{ports[service.name]}",
    }
    if service.name == "registry":
        env[p + "SIGNING_KEY_FILE"] = str(key_file)
        # `kopmod rotate-signing-key` writes these beside it (read only when present).
        env[p + "SIGNING_KEY_NEXT_FILE"] = str(key_file.with_name("signing-key.next.pem"))
        env[p + "SIGNING_KEY_PREVIOUS_FILE"] = str(key_file.with_name("signing-key.previous.pem"))
        # Without SMTP settings, invitation and reset mails land here as .eml files.
        env[p + "MAIL_DIR"] = str(mail_dir(key_file.parent))
    elif service.name == CONSOLE.name:
        env[p + "OIDC_CLIENT_SECRET"] = creds.console_client_secret
        # Notifications: the console subscribes to the services' events with its own client
        # and asks the registry who to tell; without SMTP settings mails land in MAIL_DIR.
        env[p + "EVENTS_URL"] = f"http://{host}:{ports[service.name]}"
        env[p + "MAIL_DIR"] = str(mail_dir(key_file.parent))
        if "console" in creds.service_secrets:
            env[p + "SERVICE_CLIENT_ID"] = "svc-console"
            env[p + "SERVICE_CLIENT_SECRET"] = creds.service_secrets["console"]
    else:
        env[p + "SERVICE_CLIENT_ID"] = f"svc-{service.name}"
        env[p + "SERVICE_CLIENT_SECRET"] = creds.service_secrets[service.name]
    return env


def mail_dir(data_dir: Path) -> Path:
    return data_dir / "mail"


def spawn(service: Service, env: dict[str, str], host: str, port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 - fixed argv, our own interpreter
        [
            sys.executable,
            "-m",
            "uvicorn",
            f"{service.name}.main:create_app",
            "--factory",
            "--host",
            host,
            "--port",
            str(port),
            "--timeout-graceful-shutdown",
            "10",
            *SERVER_FLAGS,
        ],
        env={**os.environ, **env},
        start_new_session=True,
    )


def wait_ready(
    base_urls: dict[str, str], procs: dict[str, subprocess.Popen[bytes]], timeout: float
) -> dict[str, bool]:
    ready = dict.fromkeys(base_urls, False)
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=2.0) as client:
        while time.monotonic() < deadline and not all(ready.values()):
            for name, url in base_urls.items():
                if ready[name]:
                    continue
                if procs[name].poll() is not None:
                    raise RuntimeError(f"{name} exited with code {procs[name].returncode}")
                with contextlib.suppress(httpx.HTTPError):
                    ready[name] = client.get(url + "/readyz").status_code == 200
            time.sleep(0.2)
    return ready


def stop_all(procs: dict[str, subprocess.Popen[bytes]], embedded: EmbeddedPostgres | None) -> None:
    for proc in procs.values():
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 15
    for proc in procs.values():
        try:
            proc.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
    if embedded is not None:
        embedded.stop()


async def _load_demo(registry_url: str, count: int, seed: int, marketplace_url: str | None) -> Any:
    from kopmod_shared.db import create_engine, make_sessionmaker
    from registry.demo import load_demo_data

    engine = create_engine(registry_url, pool_size=1, max_overflow=0)
    try:
        async with make_sessionmaker(engine)() as session:
            summary = await load_demo_data(session, n=count, seed=seed)
            await session.commit()
            cooperatives = await _demo_cooperatives(session, seed)
    finally:
        await engine.dispose()
    if marketplace_url is None:
        return summary, None
    return summary, await _load_demo_market(marketplace_url, cooperatives, seed)


async def _demo_cooperatives(session: Any, seed: int) -> list[Any]:
    """The registry's active demo cooperatives, as the marketplace reads them."""
    from sqlalchemy import select

    from kopmod_shared.schemas.registry import CooperativeStatus
    from registry.cooperatives.models import Cooperative
    from registry.cooperatives.service import summary

    rows = await session.scalars(
        select(Cooperative)
        .where(
            Cooperative.external_id.like(f"DEMO-{seed}-%"),
            Cooperative.status == CooperativeStatus.active,
        )
        .order_by(Cooperative.external_id)
    )
    return [summary(c) for c in rows]


async def _load_demo_market(url: str, cooperatives: list[Any], seed: int) -> Any:
    """Offers, demands, proposals, a contract and a noticed delivery (``marketplace.demo``)."""
    from kopmod_shared.db import create_engine, make_sessionmaker
    from marketplace.demo import load_demo_market
    from marketplace.settings import MarketplaceSettings

    engine = create_engine(url, pool_size=1, max_overflow=0)
    try:
        async with make_sessionmaker(engine)() as session:
            market = await load_demo_market(
                session, cooperatives, MarketplaceSettings(database_url=url), seed=seed
            )
            await session.commit()
            return market
    finally:
        await engine.dispose()


def load_demo(
    registry_url: str,
    count: int = 300,
    seed: int = 20240101,
    marketplace_url: str | None = None,
) -> Any:
    """The registry's demo data and, with ``marketplace_url``, the demo market beside it (else
    ``None`` in its place)."""
    return asyncio.run(_load_demo(registry_url, count, seed, marketplace_url))
