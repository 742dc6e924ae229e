"""Soak: the three services as uvicorn processes under moderate, steady load.

    uv run python bench/soak.py --minutes 10 [--rate 60]

Registry (seeded with the 300-cooperative demo data), financing and marketplace run as separate
uvicorn processes, each on its own fresh database, trusting the registry's tokens as in
production. A client process sends ``--rate`` requests per second in a fixed mix: registry reads
of a cooperative and API-client creations (writes), financing and marketplace ``/v1/me``
(token verification against the registry's JWKS) and fund/product reads on financing. Prints
the resident memory (RSS) of each service at the start (after warm-up) and at the end, the
requests sent and the errors (any non-2xx or transport failure; expected zero).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import time
import uuid

import httpx
import psutil
from read_path import free_port, start_service
from registry_common import REPO, SERVICE_DIR
from registry_read import seed

from kopmod_shared.settings import CLIENT_KEEPALIVE_SECONDS


async def ensure_admin(url: str) -> None:
    from kopmod_shared.auth import Role
    from kopmod_shared.db import create_engine, make_sessionmaker
    from registry.identity.repository import ApiClientRepository
    from registry.identity.service import ensure_client

    engine = create_engine(url, pool_size=1, max_overflow=0)
    async with make_sessionmaker(engine)() as session:
        # Financing's fund reads are fund staff's, not the platform operator's.
        for client_id, role in (
            ("bench-admin", Role.admin),
            ("bench-committee", Role.fund_committee),
        ):
            await ensure_client(
                ApiClientRepository(session),
                client_id=client_id,
                secret="bench-secret",
                role=role,
                name="bench",
            )
        await session.commit()
    await engine.dispose()


async def token(base: str, client_id: str, audience: str) -> str:
    async with httpx.AsyncClient(base_url=base) as c:
        resp = await c.post(
            "/v1/oauth/token",
            data={"grant_type": "client_credentials", "audience": audience},
            auth=(client_id, "bench-secret"),
        )
        resp.raise_for_status()
        return str(resp.json()["access_token"])


def rss_mb(proc: psutil.Process) -> float:
    return sum(p.memory_info().rss for p in [proc, *proc.children(recursive=True)]) / 2**20


async def load(
    bases: dict[str, str], ids: list[str], seconds: float, rate: float
) -> tuple[int, dict[str, int]]:
    reg = bases["registry"]
    tokens = {
        "ministry": await token(reg, "bench-ministry", "kopmod-registry"),
        "admin": await token(reg, "bench-admin", "kopmod-registry"),
        "financing": await token(reg, "bench-committee", "kopmod-financing"),
        "marketplace": await token(reg, "bench-admin", "kopmod-marketplace"),
    }
    refreshed = time.monotonic()
    errors: dict[str, int] = {}
    sent = 0
    rng = random.Random(7)
    # Like a partner's client: idle connections dropped before the server would close them.
    limits = httpx.Limits(keepalive_expiry=CLIENT_KEEPALIVE_SECONDS)
    async with httpx.AsyncClient(timeout=30, limits=limits) as c:

        async def one(kind: str) -> None:
            nonlocal sent
            sent += 1
            auth = {"Authorization": f"Bearer {tokens[kind_token[kind]]}"}
            try:
                if kind == "registry-read":
                    resp = await c.get(f"{reg}/v1/cooperatives/{rng.choice(ids)}", headers=auth)
                elif kind == "registry-write":
                    name = f"soak-{uuid.uuid4().hex[:12]}"
                    resp = await c.post(
                        f"{reg}/v1/clients",
                        json={"name": name, "role": "partner", "client_id": name},
                        headers={**auth, "Idempotency-Key": name},
                    )
                elif kind == "financing-me":
                    resp = await c.get(f"{bases['financing']}/v1/me", headers=auth)
                elif kind == "financing-funds":
                    resp = await c.get(f"{bases['financing']}/v1/funds", headers=auth)
                else:
                    resp = await c.get(f"{bases['marketplace']}/v1/me", headers=auth)
                ok = resp.status_code < 300
                label = f"{kind} {resp.status_code}"
            except httpx.HTTPError as exc:
                ok, label = False, f"{kind} {type(exc).__name__}"
            if not ok:
                errors[label] = errors.get(label, 0) + 1

        kind_token = {
            "registry-read": "ministry",
            "registry-write": "admin",
            "financing-me": "financing",
            "financing-funds": "financing",
            "marketplace-me": "marketplace",
        }
        mix = (
            ["registry-read"] * 5
            + ["registry-write", "financing-me", "financing-funds"]
            + ["marketplace-me"]
        )
        pending: set[asyncio.Task[None]] = set()
        began = time.monotonic()
        n = 0
        while time.monotonic() - began < seconds:
            if time.monotonic() - refreshed > 600:  # tokens live 15 minutes
                tokens.update(
                    ministry=await token(reg, "bench-ministry", "kopmod-registry"),
                    admin=await token(reg, "bench-admin", "kopmod-registry"),
                    financing=await token(reg, "bench-admin", "kopmod-financing"),
                    marketplace=await token(reg, "bench-admin", "kopmod-marketplace"),
                )
                refreshed = time.monotonic()
            task = asyncio.create_task(one(mix[n % len(mix)]))
            pending.add(task)
            task.add_done_callback(pending.discard)
            n += 1
            await asyncio.sleep(max(0.0, began + n / rate - time.monotonic()))
        await asyncio.gather(*pending)
    return sent, errors


def main(minutes: float, rate: float) -> dict[str, object]:
    from kopmod_shared.testing import fresh_database

    registry_url = fresh_database(SERVICE_DIR, "kopmod_registry_soak")
    ids = asyncio.run(seed(registry_url))
    asyncio.run(ensure_admin(registry_url))
    urls = {
        name: fresh_database(REPO / "services" / name, f"kopmod_{name}_soak")
        for name in ("financing", "marketplace")
    }
    ports = {name: free_port() for name in ("registry", "financing", "marketplace")}
    bases = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    reg = bases["registry"]
    common = {"ENVIRONMENT": "test", "RATE_LIMIT_ENABLED": "false", "TOKEN_ISSUER": reg}
    envs = {
        "registry": {"DATABASE_URL": registry_url},
        "financing": {
            "DATABASE_URL": urls["financing"],
            "JWKS_URL": f"{reg}/.well-known/jwks.json",
            "REGISTRY_URL": reg,
        },
        "marketplace": {
            "DATABASE_URL": urls["marketplace"],
            "JWKS_URL": f"{reg}/.well-known/jwks.json",
            "REGISTRY_URL": reg,
        },
    }
    factories = {
        "registry": "apps:registry_app",
        "financing": "apps:financing_app",
        "marketplace": "marketplace.main:create_app",
    }
    procs = {}
    try:
        for name in ("registry", "financing", "marketplace"):
            env = {f"KOPMOD_{name.upper()}_{k}": v for k, v in {**common, **envs[name]}.items()}
            procs[name] = start_service(factories[name], env, ports[name], SERVICE_DIR)
        ps = {name: psutil.Process(p.pid) for name, p in procs.items()}
        # Warm-up: a minute's worth of requests at the same rate, then the start figure.
        asyncio.run(load(bases, ids, min(30.0, minutes * 60 / 4), rate))
        start = {name: rss_mb(p) for name, p in ps.items()}
        seconds = minutes * 60
        print(f"soak: {minutes:g} min at {rate:g} requests/s across the three services")
        sent, errors = asyncio.run(load(bases, ids, seconds, rate))
        end = {name: rss_mb(p) for name, p in ps.items()}
        for name in ps:
            print(f"  {name:<12} RSS {start[name]:7.1f} MB at start, {end[name]:7.1f} MB at end "
                  f"({end[name] - start[name]:+.1f} MB)")  # fmt: skip
        print(f"  {sent:,} requests, {sum(errors.values())} errors {errors or ''}")
        return {"sent": sent, "errors": errors, "rss_start": start, "rss_end": end}
    finally:
        for p in procs.values():
            p.terminate()
        for p in procs.values():
            p.wait(timeout=20)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--rate", type=float, default=60.0)
    a = parser.parse_args()
    os.environ.setdefault(
        "KOPMOD_TEST_DATABASE_URL",
        os.environ.get(
            "KOPMOD_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
        ),
    )
    main(a.minutes, a.rate)
