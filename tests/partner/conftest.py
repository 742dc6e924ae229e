"""A running platform for the partner-facing tests (the SDK and the guide): the three services as
processes on free ports, fresh databases, the environment `kopmod up` gives them."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from kopmod_cli.services import SERVICES
from kopmod_cli.stack import (
    Credentials,
    bootstrap_clients,
    service_env,
    signing_key_file,
    spawn,
    wait_ready,
)
from kopmod_shared.testing import (
    REPO_ROOT,
    drop_databases,
    free_port,
    fresh_database,
    stop_processes,
)

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
        stop_processes(procs.values())
        drop_databases(databases.values())
