"""Command 1 for real: `kopmod up` starts the three services and the console as processes, prints
credentials that obtain a token every service accepts, and stops everything on Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kopmod_shared.testing import REPO_ROOT, free_port, fresh_database

pytestmark = pytest.mark.e2e


def test_kopmod_up_serves_all_three_and_stops_cleanly(tmp_path: Path) -> None:
    urls = {
        name: fresh_database(REPO_ROOT / "services" / name, f"kopmod_{name}_up_test", migrate=False)
        for name in ("registry", "financing", "marketplace", "console")
    }
    ports = {name: free_port() for name in urls}
    env = {
        **os.environ,
        "KOPMOD_DATA_DIR": str(tmp_path),
        **{f"KOPMOD_{n.upper()}_DATABASE_URL": u for n, u in urls.items()},
        **{f"KOPMOD_{n.upper()}_PORT": str(p) for n, p in ports.items()},
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "kopmod_cli.main", "up"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output: list[str] = []
    try:
        # Four processes on a shared machine: the services and the console start together.
        deadline = time.monotonic() + 150
        assert proc.stdout is not None
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            output.append(line)
            if "Ctrl-C stops everything" in line:
                break
        text = "".join(output)
        assert "kopmod is up" in text, text[-3000:]
        creds = json.loads((tmp_path / "credentials.json").read_text())
        assert creds["admin_client_secret"] in text  # the printed secret is the stored one

        every = {n: f"http://127.0.0.1:{p}" for n, p in ports.items()}
        base = {n: u for n, u in every.items() if n != "console"}
        assert f"console  {every['console']}" in text
        with httpx.Client(timeout=5) as client:
            for name, url in every.items():
                ready = client.get(f"{url}/readyz")
                assert ready.status_code == 200 and ready.json()["status"] == "ready", name
            # The console is registered at the registry: its sign-in goes to the provider.
            sign_in = client.get(f"{every['console']}/sign-in")
            assert sign_in.status_code == 303
            assert sign_in.headers["location"].startswith(f"{base['registry']}/oauth/authorize?")
            authorize = client.get(sign_in.headers["location"])
            assert authorize.status_code == 200, authorize.text
            token = client.post(
                f"{base['registry']}/v1/oauth/token",
                data={"grant_type": "client_credentials"},
                auth=("admin", creds["admin_client_secret"]),
            ).json()["access_token"]
            for name, url in base.items():
                me = client.get(f"{url}/v1/me", headers={"Authorization": f"Bearer {token}"})
                assert me.status_code == 200, (name, me.text)
                assert me.json()["role"] == "admin" and me.json()["service"] == name
                # uvicorn runs without its `server` header; authenticated answers are not stored.
                assert "server" not in me.headers
                assert me.headers["cache-control"] == "no-store"
                assert me.headers["x-content-type-options"] == "nosniff"
                anonymous = client.get(f"{url}/v1/me")
                assert anonymous.status_code == 401
                assert anonymous.headers["content-type"] == "application/problem+json"
                # The request id is echoed back on every answer.
                rid = client.get(f"{url}/healthz", headers={"X-Request-ID": "abc123"})
                assert rid.headers["x-request-id"] == "abc123"
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            rest, _ = proc.communicate(timeout=40)
        except subprocess.TimeoutExpired:
            proc.kill()
            rest, _ = proc.communicate()
    assert proc.returncode == 0, rest[-2000:]
    assert "stopped" in rest
    with httpx.Client(timeout=1) as client:
        for port in ports.values():
            with pytest.raises(httpx.ConnectError):
                client.get(f"http://127.0.0.1:{port}/healthz")
