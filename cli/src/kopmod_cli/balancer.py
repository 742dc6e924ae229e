"""A local haproxy in front of several replicas of each service (``kopmod up --replicas N`` and
the replica tests): what a Kubernetes Service does in front of a Deployment's pods.

One frontend per service on the service's usual port, round robin over its replicas, each
checked on ``/readyz``; a request that cannot reach a replica (connection refused, reset before
an answer) is sent to another one, so killing a replica costs at most the requests it was
answering.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


def haproxy_binary() -> str:
    found = shutil.which("haproxy") or (
        "/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None
    )
    if found is None:
        raise RuntimeError("haproxy is not installed (apt-get install haproxy)")
    return found


@dataclass
class Balancer:
    process: subprocess.Popen[bytes]
    workdir: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGUSR1)  # soft stop: finish what is in flight
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        shutil.rmtree(self.workdir, ignore_errors=True)


def config(host: str, frontends: dict[str, int], backends: dict[str, list[int]]) -> str:
    lines = [
        "global",
        "  maxconn 4096",
        "defaults",
        "  mode http",
        "  timeout connect 2s",
        "  timeout client 65s",
        "  timeout server 65s",
        "  timeout http-keep-alive 30s",
        # A replica that is gone: try the connection elsewhere (no request was sent yet).
        "  retries 3",
        "  option redispatch",
        "  option http-server-close",
    ]
    for name, port in frontends.items():
        lines += [
            f"frontend {name}",
            f"  bind {host}:{port}",
            f"  default_backend {name}",
            f"backend {name}",
            "  balance roundrobin",
            "  option httpchk GET /readyz",
            "  default-server inter 500ms fall 2 rise 1",
        ]
        lines += [
            f"  server {name}{i} {host}:{p} check" for i, p in enumerate(backends[name], start=1)
        ]
    return "\n".join(lines) + "\n"


def start_balancer(
    frontends: dict[str, int],
    backends: dict[str, list[int]],
    *,
    host: str = "127.0.0.1",
    timeout: float = 10.0,
) -> Balancer:
    """haproxy listening on ``frontends[name]`` for each service, spreading over
    ``backends[name]`` (the replicas' ports)."""
    workdir = Path(tempfile.mkdtemp(prefix="kopmod-haproxy-"))
    path = workdir / "haproxy.cfg"
    path.write_text(config(host, frontends, backends))
    checked = subprocess.run(  # noqa: S603 - fixed argv
        [haproxy_binary(), "-c", "-q", "-f", str(path)], capture_output=True, text=True
    )
    if checked.returncode != 0:
        raise RuntimeError(f"haproxy configuration refused: {checked.stderr}")
    process = subprocess.Popen(  # noqa: S603 - fixed argv
        [haproxy_binary(), "-db", "-q", "-f", str(path)], start_new_session=True
    )
    balancer = Balancer(process=process, workdir=workdir)
    deadline = time.monotonic() + timeout
    pending = set(frontends.values())
    while pending and time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"haproxy exited ({process.returncode})")
        for port in list(pending):
            try:
                with socket.create_connection((host, port), timeout=0.5):
                    pending.discard(port)
            except OSError:
                pass
        time.sleep(0.05)
    if pending:
        balancer.stop()
        raise RuntimeError(f"haproxy did not listen on {sorted(pending)}")
    return balancer
