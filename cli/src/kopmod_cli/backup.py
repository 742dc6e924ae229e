"""``kopmod backup`` and ``kopmod restore``: every service database as one set of pg_dump files
with a manifest (checksums, sizes, each database's Alembic revision), restored with pg_restore.

Each dump is a consistent snapshot of its database. The three databases are dumped one after the
other, not at one instant: what crosses services travels as events through each service's
outbox and inbox, so a set restored together catches up by itself (undelivered events are still
in the publisher's outbox and are delivered again; consumers drop the ones they had already
seen). For a set taken at one instant, scale the services to zero first (docs/deploy.md).

In production CloudNativePG's base backups and WAL archive restore a single cluster to any point
in time; this set is the portable one (another cluster, another operator, a developer machine).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url

from kopmod_cli.stack import connect_kwargs
from kopmod_shared.db import sync_url

MANIFEST = "manifest.json"
FORMAT = 1


class BackupError(RuntimeError):
    """A backup or restore that cannot go on; nothing further was changed."""


def pg_tool(name: str) -> str:
    """``pg_dump``/``pg_restore``: from ``KOPMOD_PG_BIN``, else the embedded Postgres wheel's (the
    same major version as the server ``kopmod up`` and the tests run), else the ``PATH``."""
    folder = os.environ.get("KOPMOD_PG_BIN")
    if folder:
        return str(Path(folder) / name)
    try:
        import pgserver

        bundled = Path(pgserver.__file__).parent / "pginstall" / "bin" / name
        if bundled.exists():
            return str(bundled)
    except ImportError:
        pass
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} not found: install postgresql-client or set KOPMOD_PG_BIN")
    return found


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _run(argv: list[str]) -> str:
    done = subprocess.run(argv, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{Path(argv[0]).name} failed: {done.stderr.strip()}")
    return done.stdout


async def _revision(url: str) -> list[str]:
    conn = await asyncpg.connect(**connect_kwargs(url))
    try:
        rows = await conn.fetch("SELECT version_num FROM alembic_version ORDER BY 1")
    finally:
        await conn.close()
    return [r["version_num"] for r in rows]


async def _database_exists(url: str) -> bool:
    conn = await asyncpg.connect(**connect_kwargs(url, "postgres"))
    try:
        found = await conn.fetchval(
            "SELECT 1 FROM pg_database WHERE datname = $1", make_url(url).database
        )
    finally:
        await conn.close()
    return bool(found)


async def _recreate(url: str, *, drop: bool) -> None:
    name = make_url(url).database
    conn = await asyncpg.connect(**connect_kwargs(url, "postgres"))
    try:
        if drop:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


@dataclass
class Entry:
    service: str
    database: str
    file: str
    sha256: str
    bytes: int
    alembic_revision: list[str]


def backup(urls: dict[str, str], target: Path) -> dict[str, Any]:
    """Dump each service's database into ``target`` (new or empty) and write the manifest."""
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"{target} is not empty")
    target.mkdir(parents=True, exist_ok=True)
    pg_dump = pg_tool("pg_dump")
    entries = []
    for service, url in urls.items():
        revision = asyncio.run(_revision(url))
        path = target / f"{service}.dump"
        _run([pg_dump, "--format=custom", "--no-owner", "--no-privileges",
              f"--file={path}", f"--dbname={sync_url(url)}"])  # fmt: skip
        entries.append(
            Entry(
                service=service,
                database=str(make_url(url).database),
                file=path.name,
                sha256=_sha256(path),
                bytes=path.stat().st_size,
                alembic_revision=revision,
            )
        )
    manifest = {
        "format": FORMAT,
        "created_at": datetime.now(UTC).isoformat(),
        "pg_dump": _run([pg_dump, "--version"]).strip(),
        "databases": {e.service: e.__dict__ for e in entries},
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def verify(source: Path) -> dict[str, Any]:
    """The manifest, once every file in it is present with its recorded checksum."""
    path = source / MANIFEST
    if not path.exists():
        raise BackupError(f"{path} is missing: not a kopmod backup")
    manifest: dict[str, Any] = json.loads(path.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    for service, entry in manifest["databases"].items():
        dump = source / entry["file"]
        if not dump.exists():
            raise BackupError(f"{service}: {dump} is missing")
        if _sha256(dump) != entry["sha256"]:
            raise BackupError(f"{service}: {dump} does not match its checksum")
    return manifest


def restore(source: Path, urls: dict[str, str], *, replace: bool = False) -> dict[str, Any]:
    """Restore every database of the set into the servers of ``urls`` (same services). Checks
    every checksum first; a database that exists is refused unless ``replace`` drops it."""
    manifest = verify(source)
    missing = set(manifest["databases"]) - set(urls)
    if missing:
        raise BackupError(f"no database URL for {', '.join(sorted(missing))}")
    existing = [s for s in manifest["databases"] if asyncio.run(_database_exists(urls[s]))]
    if existing and not replace:
        raise BackupError(
            f"databases exist for {', '.join(existing)}: restore with --replace to drop them"
        )
    pg_restore = pg_tool("pg_restore")
    for service, entry in manifest["databases"].items():
        url = urls[service]
        asyncio.run(_recreate(url, drop=service in existing))
        _run([pg_restore, "--no-owner", "--no-privileges", "--exit-on-error",
              "--single-transaction", f"--dbname={sync_url(url)}",
              str(source / entry["file"])])  # fmt: skip
        revision = asyncio.run(_revision(url))
        if revision != entry["alembic_revision"]:
            raise BackupError(f"{service}: restored at {revision}, the set has {entry}")
    return manifest
