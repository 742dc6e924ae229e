"""The operator commands act on the stack `kopmod up` runs from a data folder, and refuse when
there is none, never falling back to a server on 127.0.0.1:5432. A clean start logs no warnings.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kopmod_shared.testing import free_port

pytestmark = pytest.mark.e2e


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not (k.startswith("KOPMOD_") and k.endswith("DATABASE_URL"))
    }
    return {**env, "KOPMOD_DATA_DIR": str(data_dir), "COLUMNS": "200", **extra}


def _kopmod(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kopmod_cli.main", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_create_client_demo_data_and_jobs_act_on_the_running_stack(tmp_path: Path) -> None:
    data = tmp_path / "d"
    # The console too: left out, it took its default 8000, which a `kopmod up` (make run) or any
    # other program on the machine may hold.
    ports = {name: free_port() for name in ("registry", "financing", "marketplace", "console")}
    env = _env(data, **{f"KOPMOD_{n.upper()}_PORT": str(p) for n, p in ports.items()})
    up = subprocess.Popen(
        [sys.executable, "-m", "kopmod_cli.main", "up"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output: list[str] = []
    try:
        assert up.stdout is not None
        deadline = time.monotonic() + 150
        while time.monotonic() < deadline:
            line = up.stdout.readline()
            if not line:
                break
            output.append(line)
            if "Ctrl-C stops everything" in line:
                break
        assert "kopmod is up" in "".join(output), "".join(output)[-3000:]
        registry = f"http://127.0.0.1:{ports['registry']}"

        created = _kopmod(env, "create-client", "--name", "Bank Jabar", "--role", "ministry")
        assert created.returncode == 0, created.stdout + created.stderr
        client_id = re.search(r"client id:\s+(\S+)", created.stdout).group(1)  # type: ignore[union-attr]
        secret = re.search(r"client secret:\s+(kms_\S+)", created.stdout).group(1)  # type: ignore[union-attr]

        loaded = _kopmod(env, "demo-data", "--count", "12")
        assert loaded.returncode == 0, loaded.stdout + loaded.stderr
        assert "already_loaded=False" in loaded.stdout

        job = _kopmod(env, "jobs", "retry-eligibility")
        assert job.returncode == 0, job.stdout + job.stderr

        with httpx.Client(timeout=10) as http:
            # The client the CLI created is one the running registry knows ...
            token = http.post(
                f"{registry}/v1/oauth/token",
                data={"grant_type": "client_credentials"},
                auth=(client_id, secret),
            )
            assert token.status_code == 200, token.text
            headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
            # ... and the demo cooperatives are in the database the running registry reads.
            listed = http.get(f"{registry}/v1/cooperatives", params={"limit": 100}, headers=headers)
            assert listed.status_code == 200, listed.text
            assert len(listed.json()["items"]) >= 12
    finally:
        up.send_signal(signal.SIGINT)
        try:
            rest, _ = up.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            up.kill()
            rest, _ = up.communicate()
    log = "".join(output) + rest
    assert up.returncode == 0, log[-2000:]
    levels = [json.loads(line)["level"] for line in log.splitlines() if line.startswith("{")]
    assert levels and set(levels) == {"INFO"}, [
        line for line in log.splitlines() if '"level": "WARNING"' in line or "ERROR" in line
    ]
    assert not (data / "stack.json").exists()


def test_without_a_stack_the_commands_refuse_with_a_clear_message(tmp_path: Path) -> None:
    env = _env(tmp_path / "empty")
    for args in (
        ["create-client", "--name", "x", "--role", "ministry"],
        ["demo-data", "--count", "1"],
        ["jobs", "retry-eligibility"],
        ["migrate"],
    ):
        result = _kopmod(env, *args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert "no kopmod stack found" in result.stdout, result.stdout
        assert str(tmp_path / "empty" / "pgdata") in result.stdout
        assert "5432" not in result.stdout + result.stderr
