"""The platform for the console's browser tests: the three services and the console as real
processes (the environment ``kopmod up`` gives them), and helpers that make organisations and
people through the public APIs (an admin's API client; invitations accepted from the mail the
registry writes), as a newcomer would. The console sends its notification mails to a local
``aiosmtpd`` server that files each message it accepts (``Platform.smtp_messages``).
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import httpx
from aiosmtpd.controller import Controller

from kopmod_cli.console_setup import ensure_console_client
from kopmod_cli.services import APPS, CONSOLE
from kopmod_cli.stack import (
    Credentials,
    bootstrap_clients,
    mail_dir,
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
PLATFORM_FILE = "platform.json"
API_NAMES = ("registry", "financing", "marketplace")
PASSWORD = "Kebun-kopi-Gayo-2026!"
LAST_YEAR = time.gmtime().tm_year - 1


@dataclass
class Person:
    """Someone who signs in to the console (staff get a TOTP secret at their first sign-in)."""

    email: str
    role: str
    org_id: str | None = None
    password: str = PASSWORD
    totp_secret: str | None = None
    last_step: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def smtp_dir(data_dir: Path) -> Path:
    return data_dir / "smtp-received"


class SmtpSink:
    """The console's SMTP server (an ``aiosmtpd`` handler): every message it accepts becomes
    one file, so a test (in this process or another) counts exactly what reached SMTP."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        name = f"{time.time_ns()}-{uuid.uuid4().hex}"
        partial = self.folder / f"{name}.part"
        partial.write_bytes(envelope.content)
        partial.rename(self.folder / f"{name}.eml")
        return "250 OK"


@dataclass
class Platform:
    urls: dict[str, str]
    creds: Credentials
    data_dir: Path
    tokens: dict[str, tuple[float, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, data_dir: Path) -> Platform:
        """A platform another process runs (``python -m tests.console_browser.platform``)."""
        raw = json.loads((data_dir / PLATFORM_FILE).read_text())
        return cls(urls=raw["urls"], creds=Credentials(**raw["creds"]), data_dir=data_dir)

    @property
    def console(self) -> str:
        return self.urls[CONSOLE.name]

    def smtp_messages(self) -> list[Message]:
        """Every message the console's SMTP server accepted, oldest first."""
        folder = smtp_dir(self.data_dir)
        paths = sorted(folder.glob("*.eml")) if folder.is_dir() else []
        return [message_from_bytes(path.read_bytes()) for path in paths]

    # --- calling the APIs ---------------------------------------------------------------------

    def admin_token(self, audience: str = "kopmod-registry") -> str:
        cached = self.tokens.get(audience)
        if cached and cached[0] > time.monotonic():
            return cached[1]
        resp = httpx.post(
            f"{self.urls['registry']}/v1/oauth/token",
            data={"grant_type": "client_credentials", "audience": audience},
            auth=(self.creds.admin_client_id, self.creds.admin_client_secret),
            timeout=10,
        )
        assert resp.status_code == 200, resp.text
        token = str(resp.json()["access_token"])
        self.tokens[audience] = (time.monotonic() + 240, token)
        return token

    def call(
        self, method: str, service: str, path: str, token: str | None = None, **kw: Any
    ) -> httpx.Response:
        token = token or self.admin_token(f"kopmod-{service}")
        headers = {"Authorization": f"Bearer {token}", **kw.pop("headers", {})}
        if method != "GET":
            headers.setdefault("Idempotency-Key", uuid.uuid4().hex)
        return httpx.request(method, self.urls[service] + path, headers=headers, timeout=30, **kw)

    # --- organisations --------------------------------------------------------------------------

    def cooperative(self, name: str | None = None, *, rats: bool = True) -> dict[str, Any]:
        """A cooperative in the registry (with two years of RATs, so it may apply)."""
        # NIB and NIK koperasi are unique: ten random digits (the platform lives for a whole
        # session, some thirty cooperatives; seven digits clashed once in some 10,000 runs).
        n = uuid.uuid4().int % 10**10
        body = {
            "name": name or f"Koperasi Kopi Gayo {n}",
            "type": "produsen",
            "legal_decree_number": f"AHU-{n:010d}.AH.01.26.TAHUN 2015",
            "legal_decree_date": "2015-03-10",
            "nib": f"{9130000000000 + n:013d}",
            "nik_koperasi": f"{3205000000000000 + n}",
            "founded_on": "2015-01-20",
            "address": "Jl. Raya Takengon No. 1, Aceh Tengah",
            "region_code": "32.05.01.2001",
            "latitude": -7.2,
            "longitude": 107.9,
            "business_sectors": ["coffee"],
            "commodities": ["090111"],
            "membership_area": "regency",
            "scale_band": "kecil",
            "member_count": 420,
        }
        resp = self.call("POST", "registry", "/v1/cooperatives", json=body)
        assert resp.status_code == 201, resp.text
        coop = dict(resp.json())
        for year in (LAST_YEAR, LAST_YEAR - 1) if rats else ():
            resp = self.call(
                "POST",
                "registry",
                f"/v1/cooperatives/{coop['id']}/rats",
                json={
                    "year": year,
                    # Never in the future (refused): by 20 March, or today.
                    "held_on": min(date(year + 1, 3, 20), date.today()).isoformat(),
                    "attendance": 300,
                    "members_total": 420,
                    "net_surplus": "85000000.00",
                    "financials": {
                        "assets": "2500000000.00",
                        "liabilities": "1000000000.00",
                        "equity": "1500000000.00",
                        "revenue": "900000000.00",
                    },
                },
            )
            assert resp.status_code == 201, resp.text
        return coop

    def offtaker(self) -> dict[str, Any]:
        resp = self.call(
            "POST",
            "marketplace",
            "/v1/offtakers",
            json={
                "name": f"PT Kopi Nusantara {uuid.uuid4().hex[:6]}",
                "kind": "processor",
                "region_code": "32.73",
                "latitude": -6.91,
                "longitude": 107.61,
                "contact_name": "Siti",
                "contact_email": "siti@kopinusantara.co.id",
            },
        )
        assert resp.status_code == 201, resp.text
        return dict(resp.json())

    def staff(self, role: str, org_id: str | None = None) -> str:
        """A bearer token of a new API client of ``role`` (fund staff act through the API)."""
        body: dict[str, Any] = {"name": f"{role} {uuid.uuid4().hex[:6]}", "role": role}
        if org_id:
            body["org_id"] = org_id
        made = self.call("POST", "registry", "/v1/clients", json=body)
        assert made.status_code == 201, made.text
        client = made.json()
        resp = httpx.post(
            f"{self.urls['registry']}/v1/oauth/token",
            data={"grant_type": "client_credentials", "audience": "kopmod-financing"},
            auth=(client["client_id"], client["client_secret"]),
            timeout=10,
        )
        assert resp.status_code == 200, resp.text
        return str(resp.json()["access_token"])

    def fund_with_product(self) -> dict[str, Any]:
        """A fund with capital and an open working-capital product; its staff's tokens."""
        committee = self.staff("fund_committee")
        code = uuid.uuid4().hex[:6].upper()
        fund = self.call(
            "POST", "financing", "/v1/funds", json={"code": f"DB-{code}", "name": "Dana Bergulir"}
        )
        assert fund.status_code == 201, fund.text
        fund_id = fund.json()["id"]
        capital = self.call(
            "POST",
            "financing",
            f"/v1/funds/{fund_id}/capital-injections",
            committee,
            json={"amount": "5000000000.00", "entry_date": "2026-01-02", "memo": "APBN"},
        )
        assert capital.status_code == 201, capital.text
        product = self.call(
            "POST",
            "financing",
            "/v1/products",
            committee,
            json={
                "fund_id": fund_id,
                "code": f"MK-{code}",
                "name": f"Modal kerja {code}",
                "purpose": "working_capital",
                "amount_min": "10000000.00",
                "amount_max": "3000000000.00",
                "tenor_max_periods": 36,
                "grace_max_periods": 6,
                "frequency": "monthly",
                "method": "declining_equal_installment",
                "rounding": "1",
                "max_tranches": 3,
                "arrears_tolerance_days": 5,
                "eligibility": {"min_age_years": 2, "rat_years_required": 2},
                "initial_rate": "0.06",
                "rate_effective_from": "2020-01-01",
            },
        )
        assert product.status_code == 201, product.text
        return {
            "fund": fund.json(),
            "product": product.json(),
            "committee": committee,
            "committee_2": self.staff("fund_committee"),
            "officer": self.staff("fund_officer"),
        }

    # --- people ---------------------------------------------------------------------------------

    def person(self, role: str, org_id: str | None = None, name: str = "Budi Santoso") -> Person:
        """Invite a person (as the admin) and accept the invitation from the mailed link."""
        email = f"{role.replace('_', '-')}-{uuid.uuid4().hex[:8]}@koperasi-uji.co.id"
        resp = self.call(
            "POST",
            "registry",
            "/v1/people/invitations",
            json={"email": email, "name": name, "language": "id", "role": role, "org_id": org_id},
        )
        assert resp.status_code in (200, 201, 202), resp.text
        link = self._mailed_link(email)
        with httpx.Client(timeout=10, follow_redirects=True) as browser:
            page = browser.get(link)
            assert page.status_code == 200, page.text
            hidden = dict(re.findall(r'name="(csrf|token|lang)" value="([^"]*)"', page.text))
            done = browser.post(
                f"{self.urls['registry']}/people/invitation",
                data={**hidden, "name": name, "password": PASSWORD},
            )
            assert done.status_code == 200, done.text
        return Person(email=email, role=role, org_id=org_id)

    def _mailed_link(self, email: str, timeout: float = 20) -> str:
        folder = mail_dir(self.data_dir)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for path in folder.glob("*.eml") if folder.is_dir() else ():
                message = message_from_bytes(path.read_bytes())
                if message["To"] == email:
                    body = message.get_payload(decode=True).decode()  # type: ignore[union-attr]
                    match = re.search(r"https?://\S+token=\S+", body)
                    assert match, body
                    return match.group(0)
            time.sleep(0.1)
        raise AssertionError(f"no invitation mailed to {email}")


@contextmanager
def running_platform(data_dir: Path) -> Iterator[Platform]:
    """Fresh databases, the bootstrap clients, the console registered, four processes."""
    run = uuid.uuid4().hex[:8]
    databases: dict[str, str] = {}
    procs: dict[str, subprocess.Popen[bytes]] = {}
    smtp = Controller(SmtpSink(smtp_dir(data_dir)), hostname=HOST, port=free_port())
    smtp.start()
    try:
        for name in APPS:
            databases[name] = fresh_database(
                REPO_ROOT / "services" / name, f"kopmod_{name}_browser_{run}"
            )
        creds = Credentials.load_or_create(data_dir)
        key_file = signing_key_file(data_dir)
        bootstrap_clients(databases["registry"], creds)
        ports = {name: free_port() for name in APPS}
        urls = {name: f"http://{HOST}:{port}" for name, port in ports.items()}
        ensure_console_client(databases["registry"], creds.console_client_secret, urls["console"])
        for name, service in APPS.items():
            env = service_env(
                service, urls=databases, host=HOST, ports=ports, creds=creds, key_file=key_file
            )
            p = service.env_prefix
            env[p + "LOG_LEVEL"] = "WARNING"
            env[p + "RATE_LIMIT_ENABLED"] = "false"
            if name == "registry":
                # Many sign-ins from one address in one run.
                env[p + "SIGNIN_ADDRESS_LIMIT"] = "10000"
            if name == "financing":
                env[p + "DOCUMENTS_DIR"] = str(data_dir / "documents")
            if name == CONSOLE.name:
                env[p + "SMTP_HOST"] = HOST
                env[p + "SMTP_PORT"] = str(smtp.port)
                env[p + "SMTP_STARTTLS"] = "false"
            procs[name] = spawn(service, env, HOST, ports[name])
        ready = wait_ready(urls, procs, timeout=120)
        assert all(ready.values()), f"not ready: {ready}"
        yield Platform(urls=urls, creds=creds, data_dir=data_dir)
    finally:
        stop_processes(procs.values())
        smtp.stop()
        drop_databases(databases.values())


def main() -> None:
    """Keep a platform running for quick browser-test runs (see conftest.platform)."""
    data_dir = Path(sys.argv[1]).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    with running_platform(data_dir) as platform:
        (data_dir / PLATFORM_FILE).write_text(
            json.dumps({"urls": platform.urls, "creds": platform.creds.__dict__})
        )
        print(f"platform running; KOPMOD_CONSOLE_BROWSER_PLATFORM={data_dir}", flush=True)
        with suppress(KeyboardInterrupt):
            signal.pause()


if __name__ == "__main__":
    main()
