"""Test support shared by every service's suite: a real Postgres, databases migrated by Alembic,
per-test isolation, and a throw-away token issuer.

The server is ``KOPMOD_TEST_DATABASE_URL`` when set (any Postgres the tests may create databases
on, e.g. ``postgresql://postgres@127.0.0.1:5432/postgres``), otherwise an embedded one started
from the ``pgserver`` wheel under ``.kopmod/test-pg`` (git-ignored).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import os
import signal
import subprocess
import time
import uuid
from collections.abc import Iterable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import jwt
from alembic import command
from alembic.config import Config
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from kopmod_shared.auth import StaticKeySource
from kopmod_shared.ports import free_port as free_port  # the stacks' ports, re-exported

REPO_ROOT = Path(__file__).resolve().parents[3]
_server: Any = None


def server_url() -> str:
    """A ``postgresql+asyncpg://`` URL of a server the tests may create databases on."""
    global _server
    url = os.environ.get("KOPMOD_TEST_DATABASE_URL")
    if url:
        return (
            make_url(url).set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)
        )
    if _server is None:
        from kopmod_shared.embedded_pg import start_embedded

        _server = start_embedded(REPO_ROOT / ".kopmod" / "test-pg")
    return _server.url.render_as_string(hide_password=False)


def _admin_dsn(url: str) -> str:
    u = make_url(url).set(drivername="postgresql", database="postgres")
    return u.render_as_string(hide_password=False)


def _asyncpg_kwargs(url: str) -> dict[str, Any]:
    u = make_url(url)
    kw: dict[str, Any] = {"user": u.username or "postgres", "database": u.database or "postgres"}
    if u.password:
        kw["password"] = u.password
    host = u.query.get("host") or u.host
    if isinstance(host, tuple):
        host = host[0]
    kw["host"] = host or "127.0.0.1"
    if u.port:
        kw["port"] = u.port
    return kw


async def _recreate(url: str, name: str, *, create: bool = True) -> None:
    kw = _asyncpg_kwargs(url)
    kw["database"] = "postgres"
    conn = await asyncpg.connect(**kw)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


def drop_databases(urls: Iterable[str]) -> None:
    """Drop each URL's database (made by :func:`fresh_database`), closing its connections."""
    for url in urls:
        _in_thread(lambda u=url: asyncio.run(_recreate(u, str(make_url(u).database), create=False)))


def stop_processes(procs: Iterable[subprocess.Popen[Any]], grace: float = 15.0) -> None:
    """SIGTERM every process still running, then SIGKILL whatever has not exited within
    ``grace`` seconds of the first signal."""
    procs = list(procs)
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + grace
    for proc in procs:
        try:
            proc.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def _in_thread(fn: Any, *args: Any) -> Any:
    # Alembic's async env.py calls asyncio.run(); keep it off the test's event loop.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(fn, *args).result()


def alembic_config(service_dir: Path, url: str) -> Config:
    cfg = Config(str(service_dir / "alembic.ini"))
    cfg.set_main_option("script_location", str(service_dir / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def _checkout_tag() -> str:
    return hashlib.sha256(str(REPO_ROOT).encode()).hexdigest()[:6]


def fresh_database(service_dir: Path, name: str, *, migrate: bool = True) -> str:
    """Create (or re-create) database ``name`` and apply every migration; return its URL.

    The name gets a short tag of the checkout (and the xdist worker, if any), so two checkouts
    (worktrees) testing on one Postgres server at once never drop each other's databases.
    """
    base = server_url()
    name = f"{name}_{_checkout_tag()}"
    if worker := os.environ.get("PYTEST_XDIST_WORKER", ""):
        name = f"{name}_{worker}"
    _in_thread(lambda: asyncio.run(_recreate(base, name)))
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    if migrate:
        _in_thread(command.upgrade, alembic_config(service_dir, url), "head")
    return url


async def truncate_all(engine: AsyncEngine, keep: Iterable[str] = ()) -> None:
    """Empty every table but ``alembic_version`` and the reference tables in ``keep``."""
    skip = {"alembic_version", *keep}
    async with engine.begin() as conn:
        tables = [
            r[0]
            for r in await conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            )
            if r[0] not in skip
        ]
        if tables:
            names = ", ".join(f'"{t}"' for t in tables)
            await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@asynccontextmanager
async def running(app: FastAPI) -> Any:
    """Run an app's lifespan around a block (what uvicorn does at start and stop)."""
    async with app.router.lifespan_context(app):
        yield app


class TestIssuer:
    """A throw-away Ed25519 issuer for tests of services other than the registry."""

    __test__ = False

    def __init__(self, issuer: str = "http://issuer.test", kid: str | None = None) -> None:
        self.issuer = issuer
        self.kid = kid or f"test-{uuid.uuid4().hex[:8]}"
        self.key = Ed25519PrivateKey.generate()
        self._jwk = jwt.PyJWK.from_json(
            jwt.algorithms.OKPAlgorithm.to_jwk(self.key.public_key()), algorithm="EdDSA"
        )

    def jwks(self) -> dict[str, Any]:
        import json

        public = json.loads(jwt.algorithms.OKPAlgorithm.to_jwk(self.key.public_key()))
        public.update({"kid": self.kid, "use": "sig", "alg": "EdDSA"})
        return {"keys": [public]}

    def key_source(self, *_: Any) -> StaticKeySource:
        return StaticKeySource(self.jwks)

    def token(
        self,
        role: str,
        *,
        org: uuid.UUID | str | None = None,
        scopes: Iterable[str] = (),
        audience: str | list[str] = "kopmod",
        sub: str | None = None,
        ttl: timedelta = timedelta(minutes=5),
        issuer: str | None = None,
        key: Ed25519PrivateKey | None = None,
        extra: dict[str, Any] | None = None,
    ) -> str:
        """``extra`` adds claims, e.g. a person's token: ``{"amr": ["pwd"], "client_id": ...}``."""
        now = datetime.now(UTC)
        claims: dict[str, Any] = {
            "iss": issuer or self.issuer,
            "sub": sub or f"{role}-{uuid.uuid4().hex[:8]}",
            "aud": audience,
            "iat": int(now.timestamp()),
            "exp": int((now + ttl).timestamp()),
            "jti": uuid.uuid4().hex,
            "role": role,
            "scope": " ".join(scopes),
        }
        if org is not None:
            claims["org"] = str(org)
        claims.update(extra or {})
        return jwt.encode(claims, key or self.key, algorithm="EdDSA", headers={"kid": self.kid})

    def headers(self, role: str, **kw: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(role, **kw)}"}


def wait_until(predicate: Any, timeout: float = 30.0, interval: float = 0.2) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    raise TimeoutError("condition not met in time")
