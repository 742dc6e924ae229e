"""What ``kopmod up`` prepares for the console: its OpenID Connect client in the registry (the
secret from ``credentials.json``, redirect URIs from the console's URL), and with ``--demo`` one
person per role with a known password (and TOTP secret for staff), printed for a newcomer.

Like ``bootstrap_clients``, this writes the registry's tables directly: it runs before anyone
could call the registry's API, and a demo password cannot travel by email.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx

DEMO_FILE = "demo-people.json"
CONSOLE_CLIENT_ID = "kopmod-console"
STAFF_ROLES = ("fund_officer", "fund_committee", "ministry", "admin")


async def _ensure_console_client(registry_db: str, secret: str, console_url: str) -> None:
    from kopmod_shared.db import create_engine, make_sessionmaker
    from registry.identity.service import hash_secret
    from registry.oidc.models import OidcClient
    from registry.oidc.repository import OidcRepository

    engine = create_engine(registry_db, pool_size=1, max_overflow=0)
    try:
        async with make_sessionmaker(engine)() as session:
            repo = OidcRepository(session)
            values = {
                "name": "kopmod console",
                "secret_hash": hash_secret(secret),
                "redirect_uris": [console_url + "/auth/callback"],
                "post_logout_redirect_uris": [console_url + "/signed-out"],
                "active": True,
            }
            client = await repo.client(CONSOLE_CLIENT_ID)
            if client is None:
                await repo.add(
                    OidcClient(client_id=CONSOLE_CLIENT_ID, created_by="kopmod up", **values)
                )
            else:
                for key, value in values.items():
                    setattr(client, key, value)
            await session.commit()
    finally:
        await engine.dispose()


def ensure_console_client(registry_db: str, secret: str, console_url: str) -> None:
    """Register (or re-point) the console as a confidential OpenID Connect client."""
    asyncio.run(_ensure_console_client(registry_db, secret, console_url))


def spawn(
    urls: dict[str, str], creds: Any, key_file: Path, host: str, ports: dict[str, int]
) -> Any:
    """Start the console process (``ports`` includes its own); /readyz tells when it serves."""
    from kopmod_cli.services import CONSOLE
    from kopmod_cli.stack import service_env
    from kopmod_cli.stack import spawn as start

    env = service_env(CONSOLE, urls=urls, host=host, ports=ports, creds=creds, key_file=key_file)
    return start(CONSOLE, env, host, ports[CONSOLE.name])


def register_from_environment(registry_db: str) -> str | None:
    """``kopmod bootstrap``: register the console when KOPMOD_CONSOLE_CLIENT_SECRET and
    KOPMOD_CONSOLE_URL are set (a weak secret is refused); what was done, or None."""
    import os

    from kopmod_shared.settings import secret_problem

    secret = os.environ.get("KOPMOD_CONSOLE_CLIENT_SECRET")
    url = os.environ.get("KOPMOD_CONSOLE_URL")
    if not (secret and url):
        return None
    problem = secret_problem(secret)
    if problem:
        raise ValueError(f"KOPMOD_CONSOLE_CLIENT_SECRET {problem}")
    ensure_console_client(registry_db, secret, url.rstrip("/"))
    return f"console registered: {CONSOLE_CLIENT_ID} at {url}"


@dataclass
class DemoPerson:
    role: str
    email: str
    password: str
    org_id: str | None = None
    org_name: str | None = None
    totp_secret: str | None = None


async def _create_people(registry_db: str, people: list[DemoPerson]) -> None:
    from datetime import UTC, datetime

    from kopmod_shared.db import create_engine, make_sessionmaker
    from registry.people.models import Membership, Person
    from registry.people.passwords import hash_password
    from registry.people.repository import PeopleRepository

    engine = create_engine(registry_db, pool_size=1, max_overflow=0)
    now = datetime.now(UTC)
    try:
        async with make_sessionmaker(engine)() as session:
            repo = PeopleRepository(session)
            for p in people:
                name = f"Demo {p.role.replace('_', ' ')}"
                person = await repo.by_email(p.email, for_update=True)
                if person is None:
                    person = Person(
                        email=p.email,
                        name=name,
                        status="active",
                        language="id",
                        recovery_code_hashes=[],
                        failed_signins=0,
                    )
                    await repo.add(person)
                person.name = name
                person.language = "id"
                person.status = "active"
                person.password_hash = hash_password(p.password)
                person.password_changed_at = now
                person.email_verified_at = now
                person.totp_secret = p.totp_secret
                person.totp_enabled_at = now if p.totp_secret else None
                person.failed_signins = 0
                person.next_signin_at = None
                org = uuid.UUID(p.org_id) if p.org_id else None
                if await repo.find_membership(person.id, p.role, org) is None:
                    await repo.add(
                        Membership(person_id=person.id, role=p.role, org_id=org, created_by="demo")
                    )
            await session.commit()
    finally:
        await engine.dispose()


def _admin_token(registry_url: str, client_id: str, secret: str, audience: str) -> str:
    resp = httpx.post(
        registry_url + "/v1/oauth/token",
        data={"grant_type": "client_credentials", "audience": audience},
        auth=(client_id, secret),
        timeout=10,
    )
    resp.raise_for_status()
    return str(resp.json()["access_token"])


def _organisations(
    urls: dict[str, str], client_id: str, secret: str, market: Any = None
) -> dict[str, Any]:
    """A cooperative of the demo data, and a demo offtaker (created once) in the marketplace.

    With the demo market loaded (``marketplace.demo.MarketDemo``), its featured cooperative and
    its coffee buyer, so the demo people see proposals, a contract and a delivery at once."""
    token = _admin_token(urls["registry"], client_id, secret, "kopmod-registry")
    auth = {"Authorization": f"Bearer {token}"}
    market_token = _admin_token(urls["registry"], client_id, secret, "kopmod-marketplace")
    market_auth = {"Authorization": f"Bearer {market_token}"}
    if market is not None and market.featured_cooperative and market.offtakers:
        featured = httpx.get(
            f"{urls['registry']}/v1/cooperatives/{market.featured_cooperative}",
            headers=auth,
            timeout=10,
        )
        buyer = httpx.get(
            f"{urls['marketplace']}/v1/offtakers/{market.offtakers[0]}",
            headers=market_auth,
            timeout=10,
        )
        if featured.status_code == 200 and buyer.status_code == 200:
            return {"cooperative": featured.json(), "offtaker": buyer.json()}
    coops = httpx.get(
        urls["registry"] + "/v1/cooperatives", params={"limit": 1}, headers=auth, timeout=10
    )
    coops.raise_for_status()
    items = coops.json().get("items") or []
    coop = items[0] if items else None
    headers = market_auth | {"Idempotency-Key": "demo-offtaker-v1"}
    offtaker = httpx.post(
        urls["marketplace"] + "/v1/offtakers",
        json={
            "name": "PT Demo Kopi Nusantara",
            "kind": "processor",
            "region_code": "32.73",
            "latitude": -6.91,
            "longitude": 107.61,
            "contact_name": "Demo",
            "contact_email": "offtaker@demo.kopmod.id",
        },
        headers=headers,
        timeout=10,
    )
    offtaker.raise_for_status()
    return {"cooperative": coop, "offtaker": offtaker.json()}


def demo_people(
    data_dir: Path,
    registry_db: str,
    urls: dict[str, str],
    client_id: str,
    secret: str,
    market: Any = None,
) -> list[DemoPerson]:
    """One person per role (kept in ``<data dir>/demo-people.json`` so passwords stay the same
    across runs), created or reset in the registry."""
    import pyotp

    path = data_dir / DEMO_FILE
    if path.exists():
        people = [DemoPerson(**p) for p in json.loads(path.read_text())]
    else:
        orgs = _organisations(urls, client_id, secret, market)
        people = []
        for role in ("cooperative", "offtaker", *STAFF_ROLES):
            org = orgs.get(role)
            people.append(
                DemoPerson(
                    role=role,
                    email=f"{role.replace('_', '-')}@demo.kopmod.id",
                    password="demo-" + secrets.token_urlsafe(9),
                    org_id=str(org["id"]) if org else None,
                    org_name=str(org["name"]) if org else None,
                    totp_secret=pyotp.random_base32() if role in STAFF_ROLES else None,
                )
            )
        path.write_text(json.dumps([asdict(p) for p in people], indent=2))
        path.chmod(0o600)
    asyncio.run(_create_people(registry_db, people))
    return people


def describe(people: list[DemoPerson]) -> list[str]:
    lines = ["demo people (password; staff add a TOTP code from the secret, e.g. `oathtool`):"]
    for p in people:
        org = f" of {p.org_name}" if p.org_name else ""
        totp = f"  TOTP secret {p.totp_secret}" if p.totp_secret else ""
        lines.append(f"  {p.role}{org}: {p.email} / {p.password}{totp}")
    return lines
