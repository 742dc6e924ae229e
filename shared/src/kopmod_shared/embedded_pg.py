"""The embedded Postgres (the ``pgserver`` wheel) used when no database URL is configured.

pgserver stops its server when the Python process that started it exits normally, but not on
SIGINT/SIGTERM/SIGKILL. So: :meth:`EmbeddedPostgres.stop` stops it explicitly (the CLI calls it on
those signals), and :func:`start_embedded` copes with a server left running on the same folder
(it is reused) and forgets handles of processes that died without cleaning up, which would
otherwise keep a later normal exit from stopping the server. After :meth:`EmbeddedPostgres.stop`,
:func:`start_embedded` on the same folder starts the server again (the fault tests restart
Postgres under load that way).
"""

from __future__ import annotations

import atexit
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, make_url

log = logging.getLogger(__name__)


@dataclass
class EmbeddedPostgres:
    datadir: Path
    server: Any

    @property
    def url(self) -> URL:
        """``postgresql+asyncpg://postgres@/postgres?host=<socket dir>``."""
        uri = make_url(self.server.get_uri())
        return URL.create(
            "postgresql+asyncpg",
            username="postgres",
            database="postgres",
            host=uri.host,
            port=uri.port,
            query=dict(uri.query),
        )

    def stop(self) -> None:
        """Stop the server now, whoever else holds a handle on it."""
        from pgserver._commands import pg_ctl  # type: ignore[attr-defined]

        # Fast first (rolls back open transactions, closes connections); on a loaded machine
        # that can outlast pg_ctl's default minute, and a server still running here would be
        # found again by the next start: then immediate (crash recovery at the next start).
        for mode, seconds in (("fast", "120"), ("immediate", "60")):
            try:
                pg_ctl(
                    ["-w", "-t", seconds, "-m", mode, "stop"],
                    pgdata=self.datadir,
                    user=self.server.system_user,
                )
            except Exception as exc:  # already stopped is fine
                log.debug("embedded postgres stop (%s): %s", mode, exc)
            if not (Path(self.datadir) / "postmaster.pid").exists():
                break
        _write_handles(self.datadir, [])
        # pgserver keeps one handle per folder per process and hands it out again without
        # checking the server still runs: forget it, so a later start_embedded() on this folder
        # starts the server again instead of returning the stopped one.
        atexit.unregister(self.server._cleanup)
        type(self.server)._instances.pop(self.datadir, None)


def _handles_file(datadir: Path) -> Path:
    return datadir / ".handle_pids.json"


def _write_handles(datadir: Path, pids: list[int]) -> None:
    path = _handles_file(datadir)
    if path.exists():
        path.write_text(json.dumps(pids))


def _prune_dead_handles(datadir: Path) -> None:
    import psutil

    path = _handles_file(datadir)
    if not path.exists():
        return
    try:
        pids = json.loads(path.read_text() or "[]")
    except ValueError:
        pids = []
    _write_handles(datadir, [p for p in pids if psutil.pid_exists(p)])


def start_embedded(datadir: Path, cleanup_mode: str | None = "stop") -> EmbeddedPostgres:
    import warnings

    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    import pgserver  # imported late: only needed where no server is configured

    # pgserver logs at INFO from an atexit hook, after test runners have closed their streams.
    logging.getLogger("pgserver").setLevel(logging.WARNING)
    datadir = datadir.resolve()
    datadir.mkdir(parents=True, exist_ok=True)
    _prune_dead_handles(datadir)
    server = pgserver.get_server(str(datadir), cleanup_mode=cleanup_mode)
    return EmbeddedPostgres(datadir=datadir, server=server)
