"""Which stack an operator command acts on.

``kopmod up`` keeps everything a stack is under its data folder (``KOPMOD_DATA_DIR``, default
``.kopmod/``): the embedded Postgres in ``pgdata/``, the credentials, the signing key and, while
it runs, ``stack.json`` (where the services listen). Operator commands (``create-client``,
``demo-data``, ``jobs ...``, ``migrate``, ``bootstrap``) find their database the same way ``up``
does, in this order:

1. ``KOPMOD_<SERVICE>_DATABASE_URL``, used as given (deployments, compose, Kubernetes);
2. ``KOPMOD_DATABASE_URL``: one server holding the ``kopmod_<service>`` databases;
3. the embedded Postgres under ``<data dir>/pgdata`` (attached to while ``up`` runs, started for
   the command and stopped after it otherwise).

With none of these they refuse with :class:`NoStack`, never falling back to a server that
happens to listen on 127.0.0.1:5432 (it may hold another project's ``kopmod_registry``).
"""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path
from typing import Any

import asyncpg

from kopmod_cli.services import APPS, SERVICES

STACK_FILE = "stack.json"


class NoStack(RuntimeError):
    """No kopmod stack where the command looked; the message says where and what to do."""


def _hint(data_dir: Path) -> str:
    return (
        f"start one with `make run` (or `kopmod up`) using this data folder, choose another "
        f"with KOPMOD_DATA_DIR (now {data_dir}), or name the database with "
        "KOPMOD_<SERVICE>_DATABASE_URL or KOPMOD_DATABASE_URL"
    )


def database_url(name: str, data_dir: Path) -> str:
    """The SQLAlchemy (asyncpg) URL of service ``name``'s database in this stack."""
    from kopmod_cli.stack import asyncpg_url
    from kopmod_shared.db import db_url_with_database

    service = APPS[name]
    explicit = os.environ.get(service.env_prefix + "DATABASE_URL")
    if explicit:
        return asyncpg_url(explicit)
    server = os.environ.get("KOPMOD_DATABASE_URL")
    if server:
        return asyncpg_url(db_url_with_database(asyncpg_url(server), service.database))
    pgdata = data_dir / "pgdata"
    if not (pgdata / "PG_VERSION").is_file():
        raise NoStack(f"no kopmod stack found: {pgdata} holds no database; {_hint(data_dir)}")
    from kopmod_shared.embedded_pg import start_embedded

    # "stop": if this command started the server it stops it on exit; while `kopmod up` holds
    # it too, the server keeps running (pgserver counts the processes using it).
    embedded = start_embedded(pgdata, cleanup_mode="stop")
    server_url = embedded.url.render_as_string(hide_password=False)
    return asyncpg_url(db_url_with_database(server_url, service.database))


async def _schema_present(url: str) -> bool:
    from sqlalchemy.engine import make_url

    u = make_url(url)
    host = u.query.get("host") or u.host or "127.0.0.1"
    if isinstance(host, tuple):
        host = host[0]
    kw: dict[str, Any] = {"user": u.username or "postgres", "host": host, "database": u.database}
    if u.port:
        kw["port"] = u.port
    if u.password:
        kw["password"] = u.password
    try:
        conn = await asyncpg.connect(timeout=10, **kw)
    except (OSError, asyncpg.PostgresError) as exc:
        raise NoStack(f"cannot open database {u.database}: {exc}") from exc
    try:
        return bool(await conn.fetchval("SELECT to_regclass('alembic_version') IS NOT NULL"))
    finally:
        await conn.close()


def migrated_database_url(name: str, data_dir: Path) -> str:
    """:func:`database_url`, refusing a database that ``kopmod up``/``migrate`` never set up."""
    url = database_url(name, data_dir)
    if not asyncio.run(_schema_present(url)):
        raise NoStack(
            f"the {name} database of this stack has no kopmod tables (not migrated); run "
            f"`kopmod migrate {name}` or `kopmod up` first"
        )
    return url


def migrated_database_url_or_none(name: str, data_dir: Path) -> str | None:
    """:func:`migrated_database_url`, or ``None`` for a database not set up (e.g. a registry
    migrated alone)."""
    try:
        return migrated_database_url(name, data_dir)
    except NoStack:
        return None


def write_stack_file(data_dir: Path, host: str, ports: dict[str, int]) -> Path:
    path = data_dir / STACK_FILE
    path.write_text(
        json.dumps(
            {"pid": os.getpid(), "urls": {n: f"http://{host}:{p}" for n, p in ports.items()}},
            indent=2,
        )
    )
    return path


def running_urls(data_dir: Path) -> dict[str, str] | None:
    """Where the services of the ``kopmod up`` running on this data folder listen, if one is."""
    path = data_dir / STACK_FILE
    if not path.is_file():
        return None
    try:
        raw = json.loads(path.read_text())
        os.kill(int(raw["pid"]), 0)
    except (ValueError, KeyError, TypeError, ProcessLookupError, PermissionError):
        return None
    return {str(k): str(v) for k, v in raw["urls"].items()}


def service_overrides(name: str, data_dir: Path) -> dict[str, Any]:
    """Settings for a job of service ``name`` acting as part of this stack: its database and,
    when ``kopmod up`` runs, where its peers and the issuer are and its service credentials.
    Settings given in the environment win."""
    from kopmod_cli.stack import Credentials

    service = SERVICES[name]
    values: dict[str, Any] = {"database_url": migrated_database_url(name, data_dir)}
    urls = running_urls(data_dir)
    if urls:
        registry = urls["registry"]
        values.update(
            {f"{peer}_url": url for peer, url in urls.items()},
            token_issuer=registry,
            jwks_url=registry + "/.well-known/jwks.json",
            token_url=registry + "/v1/oauth/token",
        )
        creds_file = data_dir / "credentials.json"
        if name != "registry" and creds_file.is_file():
            creds = Credentials.load_or_create(data_dir)
            values["service_client_id"] = f"svc-{name}"
            values["service_client_secret"] = creds.service_secrets[name]
    return {
        key: value
        for key, value in values.items()
        if key == "database_url" or service.env_prefix + key.upper() not in os.environ
    }
