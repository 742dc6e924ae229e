"""The services as the CLI knows them: package, app factory, settings, default port.

``SERVICES`` are the three APIs (OpenAPI, SDK, service clients, events); ``APPS`` adds the console,
the web pages people use, which has a database and a port but no API of its own."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kopmod_shared.settings import SERVER_KEEPALIVE_SECONDS

REPO_ROOT = Path(__file__).resolve().parents[3]
# Flags of every uvicorn the CLI starts (``serve``, which the Dockerfiles run, and ``up``).
# --no-proxy-headers: uvicorn would otherwise believe X-Forwarded-For from 127.0.0.1; the app
# trusts forwarded headers only from its ``forwarded_allow_ips`` setting (kopmod_shared.app).
# --no-server-header: no ``server: uvicorn`` header.
SERVER_FLAGS = [
    "--timeout-keep-alive",
    str(SERVER_KEEPALIVE_SECONDS),
    "--no-proxy-headers",
    "--no-server-header",
]


@dataclass(frozen=True)
class Service:
    name: str
    port: int
    settings_class: str

    @property
    def directory(self) -> Path:
        return REPO_ROOT / "services" / self.name

    @property
    def env_prefix(self) -> str:
        return f"KOPMOD_{self.name.upper()}_"

    @property
    def database(self) -> str:
        return f"kopmod_{self.name}"

    @property
    def audience(self) -> str:
        return f"kopmod-{self.name}"

    def create_app(self, **settings: Any) -> Any:
        main = importlib.import_module(f"{self.name}.main")
        return main.create_app(self.settings(**settings))

    def settings(self, **values: Any) -> Any:
        module = importlib.import_module(f"{self.name}.settings")
        return getattr(module, self.settings_class)(**values)


SERVICES = {
    s.name: s
    for s in (
        Service("registry", 8001, "RegistrySettings"),
        Service("financing", 8002, "FinancingSettings"),
        Service("marketplace", 8003, "MarketplaceSettings"),
    )
}

CONSOLE = Service("console", 8000, "ConsoleSettings")
APPS = {**SERVICES, CONSOLE.name: CONSOLE}
