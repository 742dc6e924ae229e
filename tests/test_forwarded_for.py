"""A local client cannot pick its own address: the registry runs as a real uvicorn process,
started the way ``kopmod up`` and ``kopmod serve`` (the Dockerfiles) start it, and a caller on
127.0.0.1 that sends a different ``X-Forwarded-For`` with every request still lands in one
rate-limit bucket. (uvicorn's default would believe the header from 127.0.0.1.)"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import httpx
import pytest

from kopmod_cli.services import SERVICES
from kopmod_cli.stack import signing_key_file, spawn, wait_ready
from kopmod_shared.testing import REPO_ROOT, free_port, fresh_database

HOST = "127.0.0.1"
LIMIT = 5


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    service = SERVICES["registry"]
    database = fresh_database(REPO_ROOT / "services" / "registry", "kopmod_registry_xff_test")
    p = service.env_prefix
    port = free_port()
    env = {
        p + "DATABASE_URL": database,
        p + "SIGNING_KEY_FILE": str(signing_key_file(tmp_path_factory.mktemp("xff"))),
        p + "RATE_LIMIT_REQUESTS": str(LIMIT),
        # One window for the whole test (it would only reset at midnight UTC).
        p + "RATE_LIMIT_WINDOW_SECONDS": "86400",
        p + "RELAY_ENABLED": "false",
        p + "LOG_LEVEL": "WARNING",
    }
    proc: subprocess.Popen[bytes] = spawn(service, env, HOST, port)
    url = f"http://{HOST}:{port}"
    try:
        assert wait_ready({"registry": url}, {"registry": proc}, timeout=60) == {"registry": True}
        yield url
    finally:
        proc.terminate()
        proc.wait(15)


def test_a_local_client_cannot_choose_its_rate_limit_bucket_with_x_forwarded_for(registry):
    statuses = []
    with httpx.Client(base_url=registry, timeout=10) as client:
        for i in range(LIMIT + 3):
            resp = client.get(
                "/v1/cooperatives",
                headers={"X-Forwarded-For": f"198.51.100.{i + 1}", "X-Forwarded-Proto": "https"},
            )
            statuses.append(resp.status_code)
            if resp.status_code == 429:
                assert resp.json()["type"].endswith("/rate-limited")
                assert int(resp.headers["Retry-After"]) >= 1
    # Unauthenticated requests are counted by address: the TCP peer, whatever the header says.
    assert statuses == [401] * LIMIT + [429] * 3
