"""``kopmod up --demo``: a disbursed loan for the demo cooperative, so a newcomer signing in to
the console as that cooperative sees a loan with its schedule beside its proposals.

Everything goes through financing's public API, the way a fund's staff would do it (the story of
docs/guide/04-application-to-disbursement.md): the platform operator opens a demo fund, its
committee adds capital and a product, the cooperative applies and submits, an officer reviews and
refers, a second person (the committee) approves and signs, the officer disburses. Each actor is
its own API client, so four eyes hold. Runs once: a demo cooperative that already has a loan is
left as it is.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx

FUND_CODE = "DEMO-DB"
CLIENTS_FILE = "demo-clients.json"
PRODUCT = {
    "code": "DEMO-MK",
    "name": "Modal kerja berbasis kontrak offtaker",
    "purpose": "working_capital",
    "amount_min": "10000000.00",
    "amount_max": "1000000000.00",
    "tenor_max_periods": 24,
    "grace_max_periods": 3,
    "frequency": "monthly",
    "method": "declining_equal_installment",
    "rounding": "1",
    "max_tranches": 2,
    # The demo cooperative's history is generated; the demo product asks for what any
    # registered cooperative has, so the demo never depends on the generator's luck.
    "eligibility": {"require_positive_result": False},
    "initial_rate": "0.06",
    "rate_effective_from": "2020-01-01",
}
AMOUNT = "150000000.00"


class DemoFinancingError(RuntimeError):
    """A step of the demo story was refused (the message says which and why)."""


@dataclass
class _Api:
    urls: dict[str, str]
    admin: tuple[str, str]
    tokens: dict[tuple[str, str], str] = field(default_factory=dict)

    def token(self, client: tuple[str, str], audience: str) -> str:
        key = (client[0], audience)
        if key not in self.tokens:
            resp = httpx.post(
                f"{self.urls['registry']}/v1/oauth/token",
                data={"grant_type": "client_credentials", "audience": audience},
                auth=client,
                timeout=10,
            )
            _check(resp, "token")
            self.tokens[key] = str(resp.json()["access_token"])
        return self.tokens[key]

    def call(self, client: tuple[str, str], method: str, service: str, path: str, **kw: Any) -> Any:
        headers = {"Authorization": f"Bearer {self.token(client, f'kopmod-{service}')}"}
        if method != "GET":
            headers["Idempotency-Key"] = f"demo-{uuid.uuid4().hex}"
        resp = httpx.request(method, self.urls[service] + path, headers=headers, timeout=30, **kw)
        _check(resp, f"{method} {path}")
        return resp.json()

    def client(self, role: str, org_id: str | None = None) -> tuple[str, str]:
        body: dict[str, Any] = {"name": f"demo {role.replace('_', ' ')}", "role": role}
        if org_id:
            body["org_id"] = org_id
        made = self.call(self.admin, "POST", "registry", "/v1/clients", json=body)
        return str(made["client_id"]), str(made["client_secret"])


def _check(resp: httpx.Response, step: str) -> None:
    if resp.status_code >= 400:
        raise DemoFinancingError(f"{step}: {resp.status_code} {resp.text[:300]}")


def _fund(api: _Api, committee: tuple[str, str]) -> str:
    funds = api.call(committee, "GET", "financing", "/v1/funds", params={"limit": 100})
    for fund in funds["items"]:
        if fund["code"] == FUND_CODE:
            return str(fund["id"])
    fund = api.call(
        api.admin,
        "POST",
        "financing",
        "/v1/funds",
        json={"code": FUND_CODE, "name": "Dana Bergulir Demo"},
    )
    api.call(
        committee,
        "POST",
        "financing",
        f"/v1/funds/{fund['id']}/capital-injections",
        json={
            "amount": "5000000000.00",
            "entry_date": f"{date.today().year}-01-02",
            "memo": "Modal awal dana demo",
        },
    )
    return str(fund["id"])


def _wait_for_review(api: _Api, officer: tuple[str, str], application: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = api.call(officer, "GET", "financing", f"/v1/applications/{application}")
        if found["status"] != "eligibility_check":
            if found["status"] != "desk_review":
                raise DemoFinancingError(f"eligibility: {found['status']}")
            return
        time.sleep(0.5)
    raise DemoFinancingError("eligibility: no answer in 60 s")


def _clients(api: _Api, data_dir: Path, cooperative_id: str) -> dict[str, tuple[str, str]]:
    """The demo's staff and cooperative API clients, made once and kept in the data folder."""
    path = data_dir / CLIENTS_FILE
    if path.exists():
        kept = json.loads(path.read_text())
        if kept.get("cooperative_id") == cooperative_id:
            return {role: (c[0], c[1]) for role, c in kept["clients"].items()}
    clients = {
        "officer": api.client("fund_officer"),
        "committee": api.client("fund_committee"),
        "cooperative": api.client("cooperative", cooperative_id),
    }
    path.write_text(json.dumps({"cooperative_id": cooperative_id, "clients": clients}))
    path.chmod(0o600)
    return clients


def ensure_loan(
    urls: dict[str, str], admin: tuple[str, str], cooperative_id: str, data_dir: Path
) -> str:
    """The demo cooperative's loan (made, signed and disbursed if it has none); its id."""
    api = _Api(urls, admin)
    clients = _clients(api, data_dir, cooperative_id)
    officer, committee, cooperative = (
        clients["officer"],
        clients["committee"],
        clients["cooperative"],
    )
    loans = api.call(
        officer, "GET", "financing", "/v1/loans", params={"cooperative_id": cooperative_id}
    )
    if loans["items"]:
        return str(loans["items"][0]["id"])
    fund = _fund(api, committee)
    code = f"{PRODUCT['code']}-{uuid.uuid4().hex[:4].upper()}"
    product = api.call(
        committee,
        "POST",
        "financing",
        "/v1/products",
        json={**PRODUCT, "code": code, "fund_id": fund},
    )
    application = api.call(
        cooperative,
        "POST",
        "financing",
        "/v1/applications",
        json={
            "product_id": product["id"],
            "amount": AMOUNT,
            "tenor_periods": 12,
            "grace_periods": 0,
            "purpose": "Modal kerja pembelian hasil panen anggota",
            "use_of_funds": [{"item": "pembelian hasil panen", "amount": AMOUNT}],
        },
    )["id"]
    base = f"/v1/applications/{application}"
    api.call(cooperative, "POST", "financing", f"{base}/submit", json={})
    _wait_for_review(api, officer, application)
    api.call(
        officer,
        "POST",
        "financing",
        f"{base}/field-survey",
        json={"note": "Kunjungan gudang dan kebun anggota"},
    )
    api.call(
        officer,
        "POST",
        "financing",
        f"{base}/risk-review",
        json={"note": "Arus kas cukup untuk angsuran"},
    )
    api.call(
        officer, "POST", "financing", f"{base}/assessments", json={"recommendation": "approve"}
    )
    api.call(officer, "POST", "financing", f"{base}/committee-referral", json={})
    api.call(
        committee,
        "POST",
        "financing",
        f"{base}/approve",
        json={"reason": "Layak, contoh untuk demo"},
    )
    loan = api.call(committee, "POST", "financing", f"{base}/sign", json={})["id"]
    api.call(
        officer,
        "POST",
        "financing",
        f"/v1/loans/{loan}/disbursements",
        json={"amount": AMOUNT, "reference": "SP2D-DEMO-1"},
    )
    return str(loan)


def demo_loan(base: dict[str, str], creds: Any, people: list[Any], data_dir: Path) -> str:
    """What ``kopmod up --demo`` prints about the demo cooperative's loan (made if missing)."""
    coop = next((p.org_id for p in people if p.role == "cooperative" and p.org_id), None)
    if coop is None:
        return "skipped, no demo cooperative"
    admin = (creds.admin_client_id, creds.admin_client_secret)
    try:
        loan = ensure_loan(base, admin, coop, data_dir)
    except (DemoFinancingError, httpx.HTTPError) as exc:
        return f"not made ({exc})"
    return f"{loan} of cooperative {coop}"
