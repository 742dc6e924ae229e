"""A running platform for the partner-facing tests (the SDK and the guide): the three services as
processes on free ports, fresh databases, the environment `kopmod up` gives them."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from kopmod_cli.services import SERVICES
from kopmod_cli.stack import (
    Credentials,
    bootstrap_clients,
    service_env,
    signing_key_file,
    spawn,
    wait_ready,
)
from kopmod_shared.testing import REPO_ROOT, free_port, fresh_database

HOST = "127.0.0.1"
NAMES = ("registry", "financing", "marketplace")


@dataclass
class Platform:
    urls: dict[str, str]
    creds: Credentials

    def admin_token(self) -> str:
        resp = httpx.post(
            f"{self.urls['registry']}/v1/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=(self.creds.admin_client_id, self.creds.admin_client_secret),
            timeout=10,
        )
        assert resp.status_code == 200, resp.text
        return str(resp.json()["access_token"])


def _stop(procs: dict[str, subprocess.Popen[bytes]]) -> None:
    for proc in procs.values():
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 15
    for proc in procs.values():
        try:
            proc.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


async def _drop(urls: list[str]) -> None:
    for url in urls:
        u = make_url(url)
        host = u.query.get("host") or u.host
        kw: dict[str, Any] = {"user": u.username or "postgres", "database": "postgres"}
        kw["host"] = host[0] if isinstance(host, tuple) else host
        if u.port:
            kw["port"] = u.port
        conn = await asyncpg.connect(**kw)
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{u.database}" WITH (FORCE)')
        finally:
            await conn.close()


@pytest.fixture(scope="session")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    data_dir = tmp_path_factory.mktemp("kopmod-partner")
    run = uuid.uuid4().hex[:8]
    databases: dict[str, str] = {}
    procs: dict[str, subprocess.Popen[bytes]] = {}
    try:
        for name in NAMES:
            databases[name] = fresh_database(
                REPO_ROOT / "services" / name, f"kopmod_{name}_partner_{run}"
            )
        creds = Credentials.load_or_create(data_dir)
        key_file = signing_key_file(data_dir)
        bootstrap_clients(databases["registry"], creds)
        ports = {name: free_port() for name in NAMES}
        urls = {name: f"http://{HOST}:{port}" for name, port in ports.items()}
        for name in NAMES:
            service = SERVICES[name]
            env = service_env(
                service, urls=databases, host=HOST, ports=ports, creds=creds, key_file=key_file
            )
            p = service.env_prefix
            env[p + "WEBHOOKS_ALLOW_PRIVATE"] = "true"
            env[p + "LOG_LEVEL"] = "WARNING"
            if name == "financing":
                env[p + "DOCUMENTS_DIR"] = str(data_dir / "documents")
            procs[name] = spawn(service, env, HOST, ports[name])
        ready = wait_ready(urls, procs, timeout=120)
        assert all(ready.values()), f"not ready: {ready}"
        yield Platform(urls=urls, creds=creds)
    finally:
        _stop(procs)
        asyncio.run(_drop(list(databases.values())))
