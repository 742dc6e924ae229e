"""Fault tests: real service processes (uvicorn), real HTTP, real Postgres; every wait is bounded.

What the services need from outside is served by :class:`Stub`, a small HTTP server in the test
process on a free port: the issuer's public keys (tokens come from a ``TestIssuer``), the
registry's eligibility snapshot, and a partner's webhook receiver that records what it got.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from kopmod_shared.testing import TestIssuer, free_port

SNAPSHOT_PATH = re.compile(r"^/v1/cooperatives/([0-9a-f-]{36})/eligibility-snapshot$")


def healthy_snapshot(cooperative_id: str) -> dict[str, Any]:
    """A cooperative that passes every eligibility rule of the products these tests create."""
    return {
        "cooperative_id": cooperative_id,
        "name": "Koperasi Produsen Kopi Gayo",
        "type": "produsen",
        "status": "active",
        "region_code": "11.17",
        "province_code": "11",
        "has_legal_entity": True,
        "nik_koperasi": "1234567890123",
        "founded_on": "2015-03-01",
        "age_years": 11,
        "active": True,
        "rat_years": [2025, 2024, 2023, 2022],
        "missed_rat_years": [],
        "latest_health": "sehat",
        "latest_health_year": 2025,
        "latest_financials": {
            "year": 2025,
            "assets": "9000000000.00",
            "liabilities": "3000000000.00",
            "equity": "6000000000.00",
            "revenue": "12000000000.00",
            "net_surplus": "1200000000.00",
        },
        "as_of": date.today().isoformat(),
    }


class Stub:
    """JWKS at ``/jwks``, eligibility snapshots, and a webhook receiver at ``/hook``."""

    def __init__(self, issuer: TestIssuer) -> None:
        self.issuer = issuer
        self.hooks: list[tuple[str, dict[str, Any]]] = []  # (webhook-id header, body)
        self.snapshot_calls = 0
        self.lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_: Any) -> None:
                pass

            def _send(self, status: int, body: Any) -> None:
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def do_GET(self) -> None:
                if self.path == "/jwks":
                    self._send(200, stub.issuer.jwks())
                    return
                match = SNAPSHOT_PATH.match(self.path)
                if match:
                    with stub.lock:
                        stub.snapshot_calls += 1
                    self._send(200, healthy_snapshot(match.group(1)))
                    return
                self._send(404, {"title": "not found", "status": 404})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                if len(raw) < length:  # the sender died mid-request: nothing was delivered
                    self.close_connection = True
                    return
                body = json.loads(raw or b"{}")
                if self.path == "/hook":
                    with stub.lock:
                        stub.hooks.append((self.headers.get("webhook-id", ""), body))
                    self._send(200, {})
                    return
                self._send(404, {"title": "not found", "status": 404})

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def issuer() -> TestIssuer:
    return TestIssuer()


@pytest.fixture
def stub(issuer: TestIssuer) -> Iterator[Stub]:
    server = Stub(issuer)
    yield server
    server.close()


class Service:
    """One service as a uvicorn process on a fixed port, restartable on that port."""

    def __init__(self, name: str, env: dict[str, str], log_dir: Path) -> None:
        self.name = name
        self.env = env
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_dir = log_dir
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self, timeout: float = 60.0) -> None:
        self.starts += 1
        log = (self.log_dir / f"{self.name}-{self.starts}.log").open("wb")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                f"{self.name}.main:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--timeout-graceful-shutdown",
                "5",
                "--no-proxy-headers",  # as every starter: see kopmod_cli.services.SERVER_FLAGS
                "--no-server-header",
            ],
            env={**os.environ, **self.env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        self.wait_ready(timeout)

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=2.0) as client:
            while time.monotonic() < deadline:
                assert self.proc is not None
                if self.proc.poll() is not None:
                    raise RuntimeError(f"{self.name} exited: {self.log_tail()}")
                with contextlib.suppress(httpx.HTTPError):
                    if client.get(self.url + "/readyz").status_code == 200:
                        return
                time.sleep(0.1)
        raise TimeoutError(f"{self.name} not ready in {timeout}s: {self.log_tail()}")

    def kill(self) -> None:
        """SIGKILL: no shutdown hook runs, open transactions die with the connections."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)

    def log_tail(self, chars: int = 4000) -> str:
        path = self.log_dir / f"{self.name}-{self.starts}.log"
        return path.read_text(errors="replace")[-chars:] if path.exists() else ""


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Callable[[str, dict[str, str]], Service]]:
    started: list[Service] = []

    def make(name: str, env: dict[str, str]) -> Service:
        service = Service(name, env, tmp_path)
        started.append(service)
        return service

    yield make
    for service in started:
        service.stop()
