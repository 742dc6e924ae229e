"""``kopmod up --replicas N``: the Kubernetes layout on one machine. N processes per service on
free ports behind haproxy (on the service's usual port), all on one Postgres server through a
PgBouncer in transaction mode, as the pods of a Deployment behind a Service and a CloudNativePG
Pooler."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from kopmod_cli import stack
from kopmod_cli.balancer import Balancer, start_balancer
from kopmod_cli.pooler import PgBouncer, start_pgbouncer
from kopmod_cli.services import SERVICES
from kopmod_shared.ports import free_port


@dataclass
class Replicated:
    bouncer: PgBouncer | None = None
    balancer: Balancer | None = None
    replica_ports: dict[str, list[int]] = field(default_factory=dict)

    def start(
        self,
        dbs: stack.Databases,
        creds: stack.Credentials,
        key_file: Path,
        *,
        host: str,
        ports: dict[str, int],
        n: int,
    ) -> dict[str, subprocess.Popen[bytes]]:
        urls = dict(dbs.urls)
        if dbs.server_url is not None:  # one server: PgBouncer in front of it
            self.bouncer = start_pgbouncer(dbs.server_url, free_port())
            urls = {name: self.bouncer.url(url) for name, url in urls.items()}
        procs: dict[str, subprocess.Popen[bytes]] = {}
        for name, svc in SERVICES.items():
            env = stack.service_env(
                svc, urls=urls, host=host, ports=ports, creds=creds, key_file=key_file
            )
            if self.bouncer is not None:
                env[svc.env_prefix + "DB_TRANSACTION_POOLER"] = "true"
            self.replica_ports[name] = [free_port() for _ in range(n)]
            for i, port in enumerate(self.replica_ports[name]):
                procs[f"{name}-{i}"] = stack.spawn(svc, env, host, port)
        self._host = host
        self._ports = ports
        return procs

    def wait_ready(
        self, base: dict[str, str], procs: dict[str, subprocess.Popen[bytes]], timeout: float
    ) -> dict[str, bool]:
        each = {
            f"{name}-{i}": f"http://{self._host}:{port}"
            for name, ports in self.replica_ports.items()
            for i, port in enumerate(ports)
        }
        ready = stack.wait_ready(each, procs, timeout)
        if not all(ready.values()):
            return {n: all(ok for k, ok in ready.items() if k.startswith(n + "-")) for n in base}
        self.balancer = start_balancer(self._ports, self.replica_ports, host=self._host)
        return stack.wait_ready(base, {n: procs[f"{n}-0"] for n in base}, timeout)

    def describe(self) -> str:
        where = (
            f"PgBouncer (transaction mode) on port {self.bouncer.port}"
            if self.bouncer
            else "the configured databases"
        )
        counts = ", ".join(f"{n}: {len(p)}" for n, p in self.replica_ports.items())
        return f"replicas behind haproxy: {counts}; databases through {where}"

    def stop_front(self) -> None:
        if self.balancer is not None:
            self.balancer.stop()

    def stop_back(self) -> None:
        if self.bouncer is not None:
            self.bouncer.stop()
