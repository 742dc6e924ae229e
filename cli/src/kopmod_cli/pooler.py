"""A local PgBouncer in transaction mode, the pooler CloudNativePG runs in front of each cluster
(``deploy/kubernetes``), for ``kopmod up --pooler`` and the tests that prove the services work
behind one.

PgBouncer (Debian's ``pgbouncer``) refuses to run as root; as root it is started with ``-u`` as
the owner of the database server's socket folder, the one user sure to reach that socket.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url


def pgbouncer_binary() -> str:
    found = shutil.which("pgbouncer") or (
        "/usr/sbin/pgbouncer" if Path("/usr/sbin/pgbouncer").exists() else None
    )
    if found is None:
        raise RuntimeError("pgbouncer is not installed (apt-get install pgbouncer)")
    return found


@dataclass
class PgBouncer:
    process: subprocess.Popen[bytes]
    host: str
    port: int
    workdir: Path

    def url(self, database_url: str) -> str:
        """``database_url`` (same user and database) through this PgBouncer."""
        u = make_url(database_url)
        return (
            u.set(host=self.host, port=self.port, query={})
            .set(password=None)
            .render_as_string(hide_password=False)
        )

    def log(self) -> str:
        path = self.workdir / "pgbouncer.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # PgBouncer: SIGINT is a safe shutdown
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        shutil.rmtree(self.workdir, ignore_errors=True)


def _server_address(server_url: str) -> tuple[str, int, str | None, str | None]:
    u = make_url(server_url)
    host = u.query.get("host") or u.host or "127.0.0.1"
    if isinstance(host, tuple):
        host = host[0]
    return host, u.port or 5432, u.username, u.password


def _run_as(host: str) -> str | None:
    """The user PgBouncer switches to when started as root."""
    if os.geteuid() != 0:
        return None
    if host.startswith("/"):
        return pwd.getpwuid(Path(host).stat().st_uid).pw_name
    return "nobody"


def start_pgbouncer(
    server_url: str,
    port: int,
    *,
    pool_size: int = 5,
    pool_mode: str = "transaction",
    host: str = "127.0.0.1",
    timeout: float = 15.0,
) -> PgBouncer:
    """PgBouncer on ``host:port`` in front of the server of ``server_url`` (any database on it),
    ``pool_size`` server connections per database and user: fewer than the services' pools, so
    clients share server connections as they do behind a CloudNativePG Pooler."""
    server_host, server_port, user, password = _server_address(server_url)
    user = user or "postgres"
    # Its own folder right under the temp dir: the user PgBouncer switches to must reach it
    # (pytest's tmp_path sits in a folder only root may enter).
    workdir = Path(tempfile.mkdtemp(prefix="kopmod-pgbouncer-"))
    target = f"host={server_host} port={server_port} user={user}"
    if password:
        target += f" password={password}"
    (workdir / "userlist.txt").write_text(f'"{user}" ""\n')
    (workdir / "pgbouncer.ini").write_text(
        "\n".join(
            [
                "[databases]",
                f"* = {target}",
                "[pgbouncer]",
                f"listen_addr = {host}",
                f"listen_port = {port}",
                "unix_socket_dir =",
                # Clients on this machine only (the tests, kopmod up); the server checks the
                # password, if it has one, from the line above.
                "auth_type = trust",
                f"auth_file = {workdir / 'userlist.txt'}",
                f"pool_mode = {pool_mode}",
                f"default_pool_size = {pool_size}",
                "max_client_conn = 1000",
                f"logfile = {workdir / 'pgbouncer.log'}",
                f"pidfile = {workdir / 'pgbouncer.pid'}",
                "",
            ]
        )
    )
    argv = [pgbouncer_binary(), "-q"]
    run_as = _run_as(server_host)
    if run_as:
        shutil.chown(workdir, run_as)
        for child in workdir.iterdir():
            shutil.chown(child, run_as)
        argv += ["-u", run_as]
    argv.append(str(workdir / "pgbouncer.ini"))
    process = subprocess.Popen(argv, start_new_session=True)  # noqa: S603 - fixed argv
    bouncer = PgBouncer(process=process, host=host, port=port, workdir=workdir)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"pgbouncer exited ({process.returncode}): {bouncer.log()}")
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return bouncer
        except OSError:
            time.sleep(0.05)
    bouncer.stop()
    raise RuntimeError(f"pgbouncer did not listen on {host}:{port}: {bouncer.log()}")
