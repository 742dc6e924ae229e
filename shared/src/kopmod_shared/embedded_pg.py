"""The embedded Postgres (the ``pgserver`` wheel) used when no database URL is configured.

pgserver stops its server when the Python process that started it exits normally, but not on
SIGINT/SIGTERM/SIGKILL; callers stop it on those signals (the CLI does), and a start here copes
with a server left running on the same folder by reusing it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL


@dataclass
class EmbeddedPostgres:
    datadir: Path
    server: Any

    @property
    def url(self) -> URL:
        return URL.create(
            "postgresql+asyncpg",
            username="postgres",
            database="postgres",
            query={"host": str(self.datadir)},
        )

    def stop(self) -> None:
        try:
            self.server.cleanup()
        except Exception:  # noqa: S110 - already stopped is fine
            pass


def start_embedded(datadir: Path, cleanup_mode: str | None = "stop") -> EmbeddedPostgres:
    import logging

    import pgserver  # imported late: only needed where no server is configured

    # pgserver logs at INFO from an atexit hook, after test runners have closed their streams.
    logging.getLogger("pgserver").setLevel(logging.WARNING)

    datadir.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(str(datadir), cleanup_mode=cleanup_mode)
    return EmbeddedPostgres(datadir=datadir, server=server)
