"""The platform's story, end to end, through HTTP only (issue 7).

The three services run as real uvicorn processes on free ports against fresh databases, with the
environment ``kopmod up`` gives them (``kopmod_cli.stack``): bootstrap admin and service clients,
the registry's signing key, each service's public URL. A partner's webhook receiver runs in this
process and is subscribed on every service for every event type.

The story: the ministry registers cooperatives (one multi-stakeholder) with their RAT and health
history; an offtaker posts demand; two cooperatives offer supply; matching splits the demand
between them; the proposals are accepted and confirmed into contracts; one cooperative applies
for working capital backed by its contract; eligibility passes via the registry; a fund officer
reviews and a different person, a committee member, approves; the agreement is signed and a
tranche is disbursed from the fund; a delivery the offtaker accepts pays part of the loan through
the closed loop; the two cooperatives fuse, and the loan and both contracts follow the successor;
the successor's modernisation scorecard shows its aspects from the three services' live data. At
the end the partner has received every event, each with a valid signature, and the fund's ledger
balances.

Every wait for something asynchronous (eligibility, the closed loop, restructuring, event
delivery) polls with a deadline.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from kopmod_cli.balancer import Balancer, start_balancer
from kopmod_cli.pooler import PgBouncer, start_pgbouncer
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
    server_url,
    stop_processes,
)
from kopmod_shared.webhooks import verify

pytestmark = pytest.mark.e2e

HOST = "127.0.0.1"
NAMES = ("registry", "financing", "marketplace")
REPLICAS = 2
TODAY = date.today()
LAST_YEAR = TODAY.year - 1
D = Decimal
T = TypeVar("T")


# --- the partner's webhook receiver -----------------------------------------------------------


@dataclass
class Received:
    service: str
    headers: dict[str, str]
    body: bytes


class Receiver:
    """A partner's endpoint: ``POST /hooks/<service>`` records what arrived and answers 204."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                service = self.path.removeprefix("/hooks/")
                with receiver.lock:
                    receiver.received.append(
                        Received(service, {k.lower(): v for k, v in self.headers.items()}, body)
                    )
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer((HOST, free_port()), Handler)
        self.server.daemon_threads = True
        self.url = f"http://{HOST}:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def of(self, service: str) -> list[Received]:
        with self.lock:
            return [r for r in self.received if r.service == service]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# --- the platform as `kopmod up` runs it ------------------------------------------------------


@dataclass
class Stack:
    urls: dict[str, str]
    databases: dict[str, str]
    creds: Credentials
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    # Each service's replicas: process key -> its own URL (``urls`` is haproxy in front of them).
    replicas: dict[str, dict[str, str]] = field(default_factory=dict)


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    yield server
    server.close()


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    data_dir = tmp_path_factory.mktemp("kopmod-story")
    # Named per run: other runs on the same server (another checkout, CI) never drop ours.
    run = uuid.uuid4().hex[:8]
    databases: dict[str, str] = {}
    procs: dict[str, subprocess.Popen[bytes]] = {}
    bouncer: PgBouncer | None = None
    balancer: Balancer | None = None
    try:
        for name in NAMES:
            databases[name] = fresh_database(
                REPO_ROOT / "services" / name, f"kopmod_{name}_story_{run}"
            )
        # The services reach their databases through PgBouncer in transaction mode, as behind
        # CloudNativePG's Pooler (issue 17): fewer server connections than the services' pools.
        bouncer = start_pgbouncer(server_url(), free_port(), pool_size=4)
        pooled = {name: bouncer.url(url) for name, url in databases.items()}
        creds = Credentials.load_or_create(data_dir)
        key_file = signing_key_file(data_dir)
        bootstrap_clients(databases["registry"], creds)
        # REPLICAS processes per service behind haproxy (issue 17), as pods behind a Kubernetes
        # Service: the services call each other, and the story calls them, through haproxy.
        ports = {name: free_port() for name in NAMES}
        urls = {name: f"http://{HOST}:{port}" for name, port in ports.items()}
        replica_ports = {name: [free_port() for _ in range(REPLICAS)] for name in NAMES}
        replicas = {
            name: {f"{name}-{i}": f"http://{HOST}:{p}" for i, p in enumerate(replica_ports[name])}
            for name in NAMES
        }
        for name in NAMES:
            service = SERVICES[name]
            p = service.env_prefix
            env = service_env(
                service, urls=pooled, host=HOST, ports=ports, creds=creds, key_file=key_file
            )
            env[p + "DB_TRANSACTION_POOLER"] = "true"
            # The partner's receiver listens on 127.0.0.1 over plain http; events leave fast.
            env[p + "WEBHOOKS_ALLOW_PRIVATE"] = "true"
            env[p + "RELAY_POLL_SECONDS"] = "0.2"
            # A replica killed holding deliveries (the burst test) hands them on after this.
            env[p + "RELAY_LEASE_SECONDS"] = "15"
            env[p + "LOG_LEVEL"] = "WARNING"
            if name == "registry":
                # The scorecard's budget for financing and marketplace, on a busy 2-core runner.
                env[p + "SCORECARD_DEADLINE_SECONDS"] = "15"
            if name == "financing":
                env[p + "DOCUMENTS_DIR"] = str(data_dir / "documents")
            for key, port in zip(replicas[name], replica_ports[name], strict=True):
                procs[key] = spawn(service, env, HOST, port)
        each = {key: url for group in replicas.values() for key, url in group.items()}
        ready = wait_ready(each, procs, timeout=120)
        assert all(ready.values()), f"not ready: {ready}"
        balancer = start_balancer(ports, replica_ports, host=HOST)
        wait_ready(urls, {name: procs[f"{name}-0"] for name in NAMES}, timeout=30)
        wait_wired(urls, creds)
        yield Stack(urls=urls, databases=databases, creds=creds, procs=procs, replicas=replicas)
    finally:
        if balancer is not None:
            balancer.stop()
        stop_processes(procs.values())
        if bouncer is not None:
            bouncer.stop()
        drop_databases(databases.values())


# Who consumes whose events (docs/events.md): the consumer registers its own webhook endpoint on
# the publisher at start-up, retrying with back-off while the publisher (or the token issuer) is
# not up yet.
WIRING = {
    "registry": ("financing", "marketplace"),
    "marketplace": ("financing",),
}


def wait_wired(urls: dict[str, str], creds: Credentials, timeout: float = 90.0) -> None:
    """Wait until every service has subscribed to the events it consumes.

    `/readyz` answers 200 before that: an event published in between would never reach the
    consumer (deliveries are fanned out to the endpoints that exist when the event leaves the
    outbox), so the story starts only once the platform is wired. The admin sees every endpoint.
    """
    with httpx.Client(timeout=10) as http:
        token = http.post(
            f"{urls['registry']}/v1/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=(creds.admin_client_id, creds.admin_client_secret),
        ).json()["access_token"]
        admin = {"Authorization": f"Bearer {token}"}

        def missing() -> list[str]:
            gaps = []
            for publisher, consumers in WIRING.items():
                page = http.get(
                    f"{urls[publisher]}/v1/webhooks", params={"limit": 100}, headers=admin
                )
                assert page.status_code == 200, page.text
                there = {e["url"] for e in page.json()["items"] if e["enabled"]}
                gaps += [
                    f"{consumer} -> {publisher}"
                    for consumer in consumers
                    if f"{urls[consumer]}/v1/events/{publisher}" not in there
                ]
            return gaps

        deadline = time.monotonic() + timeout
        while gaps := missing():
            assert time.monotonic() < deadline, f"not subscribed within {timeout} s: {gaps}"
            time.sleep(0.2)


# --- HTTP helpers -----------------------------------------------------------------------------


class Api:
    """Calls to the three services; every call names who makes it (a bearer header)."""

    def __init__(self, stack: Stack, http: httpx.Client) -> None:
        self.stack = stack
        self.http = http

    def token(self, client_id: str, secret: str) -> dict[str, str]:
        resp = self.http.post(
            f"{self.stack.urls['registry']}/v1/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=(client_id, secret),
        )
        assert resp.status_code == 200, resp.text
        return {"Authorization": f"Bearer {resp.json()['access_token']}"}

    def call(
        self,
        method: str,
        service: str,
        path: str,
        who: dict[str, str],
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        expect: tuple[int, ...] = (200, 201),
    ) -> Any:
        resp = self.http.request(
            method, self.stack.urls[service] + path, json=json, params=params, headers=who
        )
        assert resp.status_code in expect, (
            f"{method} {service}{path}: {resp.status_code} {resp.text}"
        )
        return resp.json() if resp.content else None

    def get(self, service: str, path: str, who: dict[str, str], **kw: Any) -> Any:
        return self.call("GET", service, path, who, **kw)

    def post(
        self, service: str, path: str, who: dict[str, str], json: Any = None, **kw: Any
    ) -> Any:
        return self.call("POST", service, path, who, json=json, **kw)

    def client(
        self,
        admin: dict[str, str],
        name: str,
        role: str,
        org_id: str | None = None,
        scopes: tuple[str, ...] = (),
    ) -> dict[str, str]:
        """An API client created by the admin (POST /v1/clients); its token's headers."""
        body: dict[str, Any] = {"name": name, "role": role, "scopes": list(scopes)}
        if org_id is not None:
            body["org_id"] = org_id
        made = self.post("registry", "/v1/clients", admin, body, expect=(201,))
        assert made["role"] == role and made["org_id"] == org_id
        return self.token(made["client_id"], made["client_secret"])


def wait_for(what: str, probe: Callable[[], T | None], timeout: float = 30.0) -> T:
    """Poll ``probe`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    last: T | None = None
    while time.monotonic() < deadline:
        last = probe()
        if last:
            return last
        time.sleep(0.2)
    raise AssertionError(f"{what}: not within {timeout} s (last seen: {last!r})")


# --- the story's data -------------------------------------------------------------------------


def cooperative_body(n: int, name: str, **over: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": name,
        "type": "produsen",
        "legal_decree_number": f"AHU-{n:07d}.AH.01.26.TAHUN 2015",
        "legal_decree_date": "2015-03-10",
        "nib": f"{9120000000000 + n:013d}",
        "nik_koperasi": f"{3205000000000000 + n}",
        "founded_on": "2015-01-20",
        "address": "Jl. Raya Cikajang, Garut",
        "region_code": "32.05.01.2001",
        "latitude": -7.2,
        "longitude": 107.9,
        "business_sectors": ["coffee"],
        "commodities": ["090111"],
        "membership_area": "regency",
        "scale_band": "kecil",
        "member_count": 420,
    }
    return body | over


def rat_body(year: int, equity: str) -> dict[str, Any]:
    return {
        "year": year,
        # Never in the future (refused): last year's RAT is held by 20 March, or today.
        "held_on": min(date(year + 1, 3, 20), TODAY).isoformat(),
        "attendance": 300,
        "members_total": 420,
        "net_surplus": "85000000.00",
        "financials": {
            "assets": "2500000000.00",
            "liabilities": "1000000000.00",
            "equity": equity,
            "revenue": "900000000.00",
        },
    }


def soon(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


def offer_body(tonnes: str, price: str, lat: float, lon: float) -> dict[str, Any]:
    return {
        "commodity_code": "coffee_green",
        "grade": "mutu_2",
        "quantity": tonnes,
        "unit": "TNE",
        "window_start": soon(5),
        "window_end": soon(120),
        "asking_price": price,
        "location": {"latitude": lat, "longitude": lon, "region_code": "32.05"},
    }


# --- the story --------------------------------------------------------------------------------


def test_the_platform_story_end_to_end(stack: Stack, receiver: Receiver) -> None:
    with httpx.Client(timeout=30) as http:
        api = Api(stack, http)
        admin = api.token(stack.creds.admin_client_id, stack.creds.admin_client_secret)

        # A partner subscribes on every service, to every event type, before anything happens.
        # Each service lets only callers who read everything it publishes subscribe: the partner
        # reads registry records, applications and marketplace objects.
        partner = api.client(
            admin,
            "Bank Jabar integration",
            "partner",
            scopes=("registry:read", "applications:read", "marketplace:read"),
        )
        secrets: dict[str, str] = {}
        endpoints: dict[str, str] = {}
        for name in NAMES:
            endpoint = api.post(
                name,
                "/v1/webhooks",
                partner,
                {"url": f"{receiver.url}/hooks/{name}", "event_types": []},
                expect=(201,),
            )
            assert endpoint["secret"].startswith("whsec_") and endpoint["enabled"] is True
            secrets[name], endpoints[name] = endpoint["secret"], endpoint["id"]

        # 1. The ministry registers two coffee cooperatives in Garut, one multi-stakeholder,
        #    with their RAT and health history.
        ministry = api.client(admin, "Kementerian Koperasi", "ministry")
        groups = [
            {"kind": "founder", "name": "Pendiri", "member_count": 9, "voting_share": "30"},
            {
                "kind": "user_producer",
                "name": "Petani kopi",
                "member_count": 380,
                "voting_share": "55",
            },
            {"kind": "worker", "name": "Pekerja gudang", "member_count": 31, "voting_share": "15"},
        ]
        coops: dict[str, dict[str, Any]] = {}
        for n, (key, name, extra) in enumerate(
            [
                ("cikajang", "Koperasi Multipihak Kopi Cikajang", {"member_groups": groups}),
                ("papandayan", "Koperasi Produsen Kopi Papandayan", {"latitude": -7.15}),
            ]
        ):
            coop = api.post(
                "registry",
                "/v1/cooperatives",
                ministry,
                cooperative_body(n, name, **extra),
                expect=(201,),
            )
            url = f"/v1/cooperatives/{coop['id']}"
            for year in (LAST_YEAR, LAST_YEAR - 1, LAST_YEAR - 2):
                api.post(
                    "registry",
                    f"{url}/rats",
                    ministry,
                    rat_body(year, "1500000000.00"),
                    expect=(201,),
                )
            api.post(
                "registry",
                f"{url}/health-assessments",
                ministry,
                {
                    "year": LAST_YEAR,
                    "score": "84.5",
                    "assessed_on": min(date(TODAY.year, 5, 1), TODAY).isoformat(),
                },
                expect=(201,),
            )
            coops[key] = api.get("registry", url, ministry)
        multi = coops["cikajang"]
        assert multi["multi_stakeholder"] is True
        assert [g["voting_share"] for g in multi["member_groups"]] == ["30.00", "55.00", "15.00"]
        for coop in coops.values():
            assert coop["derived"]["active"] is True
            assert coop["derived"]["latest_health"]["category"] == "sehat"
            assert coop["derived"]["rat"]["years_held"][:3] == [
                LAST_YEAR,
                LAST_YEAR - 1,
                LAST_YEAR - 2,
            ]

        # 2. The platform admits an offtaker; its own API client posts demand.
        offtaker = api.post(
            "marketplace",
            "/v1/offtakers",
            admin,
            {
                "name": "PT Kopi Nusantara",
                "kind": "processor",
                "region_code": "32.73",
                "latitude": -6.91,
                "longitude": 107.61,
                "contact_name": "Siti Rahayu",
                "contact_email": "siti@kopinusantara.co.id",
            },
            expect=(201,),
        )
        verified = api.call(
            "PATCH",
            "marketplace",
            f"/v1/offtakers/{offtaker['id']}",
            admin,
            json={"verification_status": "verified"},
        )
        assert verified["verification_status"] == "verified"
        buyer = api.client(admin, "PT Kopi Nusantara procurement", "offtaker", offtaker["id"])
        demand = api.post(
            "marketplace",
            "/v1/demands",
            buyer,
            {
                "commodity_code": "coffee_green",
                "min_grade": "mutu_3",
                "quantity": "10",
                "unit": "TNE",
                "window_start": soon(10),
                "window_end": soon(90),
                "delivery": {"latitude": -6.91, "longitude": 107.61, "region_code": "32.73"},
                "max_distance_km": 300,
                "price": {"type": "range", "floor": "45000", "ceiling": "60000"},
                "payment_terms": {"days": 14, "description": "transfer after acceptance"},
                "market": "domestic",
                "incoterm": "DAP",
                "incoterm_place": "Bandung roastery",
            },
            expect=(201,),
        )
        assert demand["offtaker_id"] == offtaker["id"]

        # 3. Two cooperatives offer supply through their own API clients; neither can fill the
        #    demand alone.
        cikajang = api.client(admin, "Cikajang cooperative app", "cooperative", multi["id"])
        papandayan = api.client(
            admin, "Papandayan cooperative app", "cooperative", coops["papandayan"]["id"]
        )
        offers = {
            "cikajang": api.post(
                "marketplace",
                "/v1/offers",
                cikajang,
                offer_body("6", "50000", -7.2, 107.9),
                expect=(201,),
            ),
            "papandayan": api.post(
                "marketplace",
                "/v1/offers",
                papandayan,
                offer_body("6", "52000", -7.15, 107.8),
                expect=(201,),
            ),
        }
        assert offers["cikajang"]["cooperative_id"] == multi["id"]
        # The multi-stakeholder cooperative keeps its product mix in the registry itself.
        for product in (
            {
                "name": "Kopi arabika Cikajang, green bean",
                "hs_code": "090111",
                "processed": False,
                "export_market": True,
            },
            {"name": "Kopi arabika sangrai", "hs_code": "090121", "processed": True},
        ):
            api.post(
                "registry",
                f"/v1/cooperatives/{multi['id']}/products",
                cikajang,
                product,
                expect=(201,),
            )

        # 4. Matching splits the demand: the cheaper offer fully, the rest from the other.
        run = api.post(
            "marketplace",
            f"/v1/demands/{demand['id']}/match",
            buyer,
            {"propose": True},
            expect=(201,),
        )
        split = {a["cooperative_id"]: D(a["quantity"]) for a in run["allocations"]}
        assert split == {multi["id"]: D(6000), coops["papandayan"]["id"]: D(4000)}, run
        assert D(run["unmet_quantity"]) == 0

        # 5. Each cooperative accepts its proposal; the offtaker confirms both into contracts.
        contracts: dict[str, dict[str, Any]] = {}
        for key, who in (("cikajang", cikajang), ("papandayan", papandayan)):
            coop_id = coops[key]["id"]
            proposal_id = next(
                a["proposal_id"] for a in run["allocations"] if a["cooperative_id"] == coop_id
            )
            accepted = api.post("marketplace", f"/v1/proposals/{proposal_id}/accept", who)
            assert accepted["status"] == "accepted"
            contract = api.post("marketplace", f"/v1/proposals/{proposal_id}/confirm", buyer, {})
            assert contract["status"] == "active" and contract["cooperative_id"] == coop_id
            contracts[key] = contract
        assert D(contracts["cikajang"]["value"]) == D("300000000.00")  # 6 t at Rp50,000/kg
        assert D(contracts["papandayan"]["value"]) == D("208000000.00")  # 4 t at Rp52,000/kg
        left = api.get("marketplace", f"/v1/demands/{demand['id']}", buyer)
        assert D(left["remaining_quantity"]) == 0

        # 6. The fund: created by the admin, capitalised and given a product by the committee.
        committee_a = api.client(admin, "Komite pembiayaan A", "fund_committee")
        committee_b = api.client(admin, "Komite pembiayaan B", "fund_committee")
        officer = api.client(admin, "Petugas dana bergulir", "fund_officer")
        fund = api.post(
            "financing",
            "/v1/funds",
            admin,
            {"code": "DB-STORY", "name": "Dana Bergulir"},
            expect=(201,),
        )
        api.post(
            "financing",
            f"/v1/funds/{fund['id']}/capital-injections",
            committee_a,
            {
                "amount": "5000000000.00",
                "entry_date": f"{TODAY.year}-01-02",
                "memo": "APBN allocation",
            },
            expect=(201,),
        )
        product = api.post(
            "financing",
            "/v1/products",
            committee_a,
            {
                "fund_id": fund["id"],
                "code": "MK-OFFTAKE",
                "name": "Modal kerja berbasis kontrak offtaker",
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
                "eligibility": {
                    "min_age_years": 2,
                    "rat_years_required": 2,
                    "min_health": "cukup_sehat",
                    "max_equity_multiple": "10",
                    "require_positive_result": True,
                },
                "closed_loop_share": "0.5",
                "initial_rate": "0.06",
                "rate_effective_from": "2020-01-01",
            },
            expect=(201,),
        )

        # 7. The multi-stakeholder cooperative applies for working capital backed by its contract.
        application = api.post(
            "financing",
            "/v1/applications",
            cikajang,
            {
                "product_id": product["id"],
                "amount": "250000000.00",
                "tenor_periods": 12,
                "grace_periods": 0,
                "purpose": "Working capital to buy members' cherries for the offtake contract",
                "use_of_funds": [
                    {"item": "coffee cherry purchase", "amount": "200000000.00"},
                    {"item": "hulling and drying", "amount": "50000000.00"},
                ],
                "tranche_plan": [
                    {"planned_date": soon(0), "amount": "150000000.00"},
                    {"planned_date": soon(30), "amount": "100000000.00"},
                ],
                "offtake_contract_ids": [contracts["cikajang"]["id"]],
            },
            expect=(201,),
        )
        assert application["cooperative_id"] == multi["id"]
        assert application["offtake_contract_ids"] == [contracts["cikajang"]["id"]]
        app_url = f"/v1/applications/{application['id']}"
        api.post("financing", f"{app_url}/submit", cikajang)

        # 8. Eligibility passes on the registry's snapshot (asked by financing, asynchronously).
        in_review = wait_for(
            "eligibility via the registry",
            lambda: (a := api.get("financing", app_url, officer))["status"] == "desk_review" and a,
        )
        assert in_review["eligibility_attempts"] >= 1
        checks = api.get("financing", f"{app_url}/eligibility", officer)["items"]
        assert [c["passed"] for c in checks] == [True]
        rules = {r["rule"]: r for r in checks[0]["rules"]}
        assert all(r["passed"] for r in rules.values()), rules
        assert {"legal_entity", "active", "rat_years", "min_health"} <= set(rules)
        # ... and the offtake contract is verified with the marketplace.
        assert rules["offtake_contract"]["contract_id"] == contracts["cikajang"]["id"]
        [verified_contract] = checks[0]["offtake_contracts"]
        assert verified_contract["id"] == contracts["cikajang"]["id"]
        assert verified_contract["cooperative_id"] == multi["id"]
        assert verified_contract["status"] == "active"
        assert D(verified_contract["remaining_value"]) == D("300000000.00")

        # 9. The officer reviews; a committee member who did not review approves (four eyes).
        for step in ("field-survey", "risk-review"):
            api.post("financing", f"{app_url}/{step}", officer, {"note": step})
        assessment = api.post(
            "financing",
            f"{app_url}/assessments",
            officer,
            {"recommendation": "approve"},
            expect=(201,),
        )
        # The credit assessment shows how much of the repayments the contract's receipts cover.
        figures = {f["name"]: f for f in assessment["figures"]}
        assert D(figures["offtake_coverage"]["value"]) > 0
        assert D(figures["closed_loop_coverage"]["value"]) > 0
        referred = api.post("financing", f"{app_url}/committee-referral", officer, {})
        assert referred["status"] == "committee"
        api.post("financing", f"{app_url}/approve", officer, {"reason": "mine"}, expect=(403,))
        approved = api.post(
            "financing", f"{app_url}/approve", committee_b, {"reason": "contract-backed, sound"}
        )
        assert approved["status"] == "approved"
        history = api.get("financing", f"{app_url}/history", officer)["items"]
        actors = {h["action"]: h["actor"] for h in history}
        assert actors["approve"] != actors["refer_to_committee"]

        # 10. The agreement is signed and the first tranche leaves the fund.
        loan = api.post("financing", f"{app_url}/sign", committee_b, {}, expect=(201,))
        assert loan["cooperative_id"] == multi["id"] and loan["status"] == "pending_disbursement"
        disbursed = api.post(
            "financing",
            f"/v1/loans/{loan['id']}/disbursements",
            officer,
            {"amount": "150000000.00", "reference": "SP2D-STORY-1"},
            expect=(201,),
        )
        assert disbursed["loan"]["status"] == "active"
        assert D(disbursed["loan"]["principal_outstanding"]) == D("150000000.00")

        # 11. The offtaker accepts a delivery under the contract: half of its value repays the
        #     loan through the closed loop (marketplace event -> financing), the delivery id
        #     being the payment's reference.
        delivery = api.post(
            "marketplace",
            f"/v1/contracts/{contracts['cikajang']['id']}/deliveries",
            buyer,
            {
                "delivered_on": TODAY.isoformat(),
                "quantity_delivered": "2000",
                "quantity_accepted": "2000",
            },
            expect=(201,),
        )
        repaid = wait_for(
            "the closed-loop repayment",
            lambda: _transaction(api, loan["id"], officer, delivery["id"]),
        )
        assert repaid["kind"] == "repayment" and D(repaid["amount"]) == D("50000000.00")
        position = api.get("financing", f"/v1/loans/{loan['id']}/position", officer)
        assert D(position["principal_repaid"]) + D(position["interest_paid"]) == D("50000000.00")
        assert D(position["principal_outstanding"]) == D("150000000.00") - D(
            position["principal_repaid"]
        )

        # 12. The two cooperatives fuse into a new multi-stakeholder cooperative: the loan and
        #     both contracts follow the successor (registry event -> financing, marketplace).
        ledger_before = api.get("financing", f"/v1/funds/{fund['id']}/trial-balance", committee_a)
        fusion = api.post(
            "registry",
            "/v1/restructurings/fusions",
            ministry,
            {
                "predecessor_ids": [multi["id"], coops["papandayan"]["id"]],
                "effective_on": (TODAY - timedelta(days=1)).isoformat(),
                "decree_number": "AHU-0000042.AH.01.27.TAHUN 2026",
                "successor": cooperative_body(
                    2,
                    "Koperasi Multipihak Kopi Garut Selatan",
                    member_groups=groups,
                    founded_on=(TODAY - timedelta(days=1)).isoformat(),
                    legal_decree_date=(TODAY - timedelta(days=1)).isoformat(),
                    member_count=840,
                ),
            },
            expect=(201,),
        )
        [successor] = fusion["successors"]
        assert {p["id"] for p in fusion["predecessors"]} == {multi["id"], coops["papandayan"]["id"]}
        for coop in coops.values():
            assert (
                api.get("registry", f"/v1/cooperatives/{coop['id']}", ministry)["status"]
                == "merged"
            )
        moved_loan = wait_for(
            "the loan follows the successor",
            lambda: (
                (ln := api.get("financing", f"/v1/loans/{loan['id']}", officer))["cooperative_id"]
                == successor["id"]
                and ln
            ),
        )
        assert D(moved_loan["principal_outstanding"]) == D(position["principal_outstanding"])
        for key in ("cikajang", "papandayan"):
            moved = wait_for(
                f"{key}'s contract follows the successor",
                lambda key=key: (
                    (c := api.get("marketplace", f"/v1/contracts/{contracts[key]['id']}", buyer))[
                        "cooperative_id"
                    ]
                    == successor["id"]
                    and c
                ),
            )
            assert moved["cooperative_name"] == successor["name"]
            assert moved["status"] == "active" and moved["value"] == contracts[key]["value"]
        [loan_move] = api.get(
            "financing", "/v1/cooperative-transfers", officer, params={"entity_id": loan["id"]}
        )["items"]
        assert (loan_move["from_cooperative_id"], loan_move["to_cooperative_id"]) == (
            multi["id"],
            successor["id"],
        )
        assert loan_move["kind"] == "fusion" and loan_move["restructuring_id"] == fusion["id"]
        contract_moves = api.get(
            "marketplace",
            "/v1/cooperative-transfers",
            ministry,
            params={"cooperative_id": successor["id"]},
        )["items"]
        moved_contracts = {
            m["entity_id"]: m["from_cooperative_id"]
            for m in contract_moves
            if m["entity"] == "contract"
        }
        assert moved_contracts == {c["id"]: c["cooperative_id"] for c in contracts.values()}
        # The ledger was not touched by the move: same fund, same balances.
        assert moved_loan["fund_id"] == fund["id"]
        assert (
            api.get("financing", f"/v1/funds/{fund['id']}/trial-balance", committee_a)
            == ledger_before
        )

        # 13. The successor's own API client records the product mix it carries on; its
        #     scorecard shows its aspects from the live data of all three services: the loan and
        #     both contracts it took over, its products, its governance (new: no RAT due yet).
        garut_selatan = api.client(
            admin, "Garut Selatan cooperative app", "cooperative", successor["id"]
        )
        for product in (
            {
                "name": "Kopi arabika Garut, green bean",
                "hs_code": "090111",
                "processed": False,
                "export_market": True,
            },
            {"name": "Kopi arabika sangrai", "hs_code": "090121", "processed": True},
        ):
            api.post(
                "registry",
                f"/v1/cooperatives/{successor['id']}/products",
                garut_selatan,
                product,
                expect=(201,),
            )
        card = api.get("registry", f"/v1/cooperatives/{successor['id']}/modernisation", ministry)
        assert card["partial"] is False and card["unavailable"] == []
        aspects = {a["name"]: a for a in card["aspects"]}
        assert set(aspects) == {
            "access_to_capital",
            "product_diversification",
            "market_orientation",
            "offtakers",
            "governance",
            "technology_adoption",
        }
        assert all(a["available"] for a in aspects.values())
        capital = aspects["access_to_capital"]["evidence"]
        assert capital["loans_total"] == 1 and capital["active_loans"] == 1
        assert D(capital["outstanding_principal"]) == D(position["principal_outstanding"])
        assert aspects["access_to_capital"]["met"] is True
        products = aspects["product_diversification"]["evidence"]
        assert (products["products"], products["processed_products"]) == (2, 1)
        assert products["export_products"] == 1
        market = aspects["market_orientation"]["evidence"]
        assert (market["signed_contracts"], market["domestic_contracts"]) == (2, 2)
        assert D(market["contracted_value"]) == D("508000000.00")
        buyers = aspects["offtakers"]["evidence"]
        assert (buyers["active_contracts"], buyers["active_offtakers"]) == (2, 1)
        assert D(buyers["delivered_value"]) == D("100000000.00")
        governance = aspects["governance"]["evidence"]
        assert governance["active"] is False and governance["latest_health"] is None
        assert len(aspects) == 6  # the five market and governance aspects and technology adoption
        assert card["readiness"] == round(sum(a["score"] for a in aspects.values()) / 6)
        four = ("access_to_capital", "product_diversification", "market_orientation", "offtakers")
        assert card["meets_all_four"] is all(aspects[n]["met"] for n in four)

        # 14. The partner received every event of every service, each signed with its secret.
        expected = {
            "registry": Counter(
                {
                    "registry.cooperative.registered": 3,
                    "registry.cooperative.restructured": 1,
                    "registry.cooperative.rat_recorded": 6,
                    "registry.cooperative.health_assessed": 2,
                }
            ),
            "financing": Counter(
                {
                    "financing.application.submitted": 1,
                    # draft, submitted, eligibility check, desk review, field survey, risk
                    # review, committee, approved, signed: eight moves.
                    "financing.application.status_changed": 8,
                    "financing.application.eligibility_passed": 1,
                    "financing.application.approved": 1,
                    "financing.agreement.signed": 1,
                    "financing.loan.disbursed": 1,
                    "financing.loan.repayment_received": 1,
                }
            ),
            "marketplace": Counter(
                {
                    "marketplace.demand.posted": 1,
                    "marketplace.proposal.made": 2,
                    "marketplace.proposal.accepted": 2,
                    "marketplace.contract.signed": 2,
                    "marketplace.delivery.recorded": 1,
                }
            ),
        }
        for name in NAMES:
            received = partner_received_everything(
                api, stack, receiver, name, endpoints[name], secrets[name], partner
            )
            assert Counter(e["type"] for e in received.values()) == expected[name], name
        registered = [
            e
            for e in _envelopes(receiver, "registry")
            if e["type"] == "registry.cooperative.registered"
        ]
        assert {e["subject"] for e in registered} == {
            *(c["id"] for c in coops.values()),
            successor["id"],
        }

        # 15. The fund's ledger balances: debits equal credits, and loans receivable equals the
        #     loans' outstanding principal.
        trial = api.get("financing", f"/v1/funds/{fund['id']}/trial-balance", committee_a)
        assert trial["balanced"] is True
        assert D(trial["total_debits"]) == D(trial["total_credits"]) > 0
        rows = {r["account"]: r for r in trial["rows"]}
        position = api.get("financing", f"/v1/loans/{loan['id']}/position", officer)
        assert D(rows["loans_receivable"]["balance"]) == D(position["principal_outstanding"])
        fund_position = api.get("financing", f"/v1/funds/{fund['id']}/position", committee_a)
        assert D(fund_position["principal_outstanding"]) == D(position["principal_outstanding"])
        # Cash: the capital, less the tranche, plus what the closed loop brought back.
        assert D(fund_position["cash"]) == (
            D("5000000000.00")
            - D(position["disbursed"])
            + D(position["principal_repaid"])
            + D(position["interest_paid"])
        )
        assert D(rows["cash"]["balance"]) == D(fund_position["cash"])


def _transaction(
    api: Api, loan_id: str, who: dict[str, str], reference: str
) -> dict[str, Any] | None:
    """The loan's transaction with this external reference, if there is one yet."""
    statement = api.get("financing", f"/v1/loans/{loan_id}/statement", who)
    found = [
        row["transaction"]
        for row in statement["rows"]
        if row["transaction"]["external_reference"] == reference
    ]
    assert len(found) <= 1, found
    return found[0] if found else None


def _envelopes(receiver: Receiver, service: str) -> list[dict[str, Any]]:
    return [json.loads(r.body) for r in receiver.of(service)]


def _connect_kwargs(database_url: str, database: str | None = None) -> dict[str, Any]:
    u = make_url(database_url)
    host = u.query.get("host") or u.host or HOST
    kw: dict[str, Any] = {
        "user": u.username or "postgres",
        "database": database or u.database,
        "host": host[0] if isinstance(host, tuple) else host,
    }
    if u.port:
        kw["port"] = u.port
    if u.password:
        kw["password"] = u.password
    return kw


async def _outbox(database_url: str) -> tuple[set[str], int]:
    """Every event the service has published (ids), and how many are still in the outbox."""
    conn = await asyncpg.connect(**_connect_kwargs(database_url))
    try:
        ids = {str(r["id"]) for r in await conn.fetch("SELECT id FROM outbox_events")}
        waiting = await conn.fetchval(
            "SELECT count(*) FROM outbox_events WHERE published_at IS NULL"
        )
    finally:
        await conn.close()
    return ids, int(waiting)


def _delivery_log(
    api: Api, service: str, endpoint_id: str, who: dict[str, str]
) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 100}
        if cursor:
            params["cursor"] = cursor
        page = api.get(service, f"/v1/webhooks/{endpoint_id}/deliveries", who, params=params)
        items += page["items"]
        cursor = page.get("next_cursor")
        if not cursor:
            return items


def partner_received_everything(
    api: Api,
    stack: Stack,
    receiver: Receiver,
    service: str,
    endpoint_id: str,
    secret: str,
    who: dict[str, str],
) -> dict[str, dict[str, Any]]:
    """Wait until every event the service published reached the partner; check each signature.

    "Every event" is the service's outbox: all of it published, one delivery per event in the
    endpoint's log (read over HTTP), each succeeded, and each arrived at the receiver with a
    signature that verifies with the secret the partner got at subscription.
    """

    def done() -> list[dict[str, Any]] | None:
        published, waiting = asyncio.run(_outbox(stack.databases[service]))
        if waiting:
            return None
        log = _delivery_log(api, service, endpoint_id, who)
        if {d["event_id"] for d in log} != published:
            return None
        if any(d["status"] != "succeeded" for d in log):
            return None
        arrived = {r.headers.get("webhook-id") for r in receiver.of(service)}
        return log if published <= arrived else None

    log = wait_for(f"{service}: every event delivered to the partner", done)
    received: dict[str, dict[str, Any]] = {}
    for got in receiver.of(service):
        envelope = verify(got.body, got.headers, [secret])
        assert envelope["id"] == got.headers["webhook-id"]
        assert envelope["source"] == service
        received[envelope["id"]] = envelope
    assert set(received) == {d["event_id"] for d in log}
    assert len(log) == len(received)  # one delivery per event
    # ... and each arrived once: the replicas' relays share one outbox and never both send.
    arrivals = Counter(r.headers.get("webhook-id") for r in receiver.of(service))
    assert set(arrivals.values()) == {1}, [e for e, n in arrivals.items() if n > 1]
    return received


# --- backup and restore (issue 17) ---------------------------------------------------------------


async def _tables(database_url: str) -> dict[str, list[str]]:
    """Every row of every table, as text, in order: what must survive a restore unchanged."""
    conn = await asyncpg.connect(**_connect_kwargs(database_url))
    try:
        names = [
            r["tablename"]
            for r in await conn.fetch(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {
            name: [
                r[0] for r in await conn.fetch(f'SELECT t::text FROM "{name}" t ORDER BY t::text')
            ]
            for name in names
        }
    finally:
        await conn.close()


def test_backup_and_restore_of_the_story(
    stack: Stack, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Runs after the story, on its data: `kopmod backup`, the databases dropped, `kopmod
    restore`; every row of every table comes back (the ledger entry by entry), and the running
    services answer from the restored data."""
    from typer.testing import CliRunner

    from kopmod_cli.main import app as cli

    for name, url in stack.databases.items():
        monkeypatch.setenv(SERVICES[name].env_prefix + "DATABASE_URL", url)
    with httpx.Client(timeout=30) as http:
        api = Api(stack, http)
        admin = api.token(stack.creds.admin_client_id, stack.creds.admin_client_secret)
        # Fund data is the fund staff's to read: admin runs the platform, not the fund.
        committee = api.client(admin, "Komite pembiayaan (cadangan)", "fund_committee")
        funds = api.get("financing", "/v1/funds", committee)["items"]
        assert funds, "the story ran first and created a fund"
        trial_path = f"/v1/funds/{funds[0]['id']}/trial-balance"
        trial = api.get("financing", trial_path, committee)
        cooperatives = api.get("registry", "/v1/cooperatives", admin, params={"limit": 100})
        # The relays have delivered what the story published: nothing moves under the backup.
        for url in stack.databases.values():
            wait_for("empty outbox", lambda u=url: asyncio.run(_outbox(u))[1] == 0 or None)
        before = {n: asyncio.run(_tables(u)) for n, u in stack.databases.items()}
        assert len(before["financing"]["journal_lines"]) >= 4
        assert len(before["registry"]["cooperatives"]) >= 3

        target = tmp_path / "backup"
        runner = CliRunner()
        backed_up = runner.invoke(cli, ["backup", str(target)])
        assert backed_up.exit_code == 0, backed_up.output
        manifest = json.loads((target / "manifest.json").read_text())
        assert set(manifest["databases"]) == set(NAMES)
        # A set whose database exists is refused without --replace; nothing is touched.
        refused = runner.invoke(cli, ["restore", str(target)])
        assert refused.exit_code == 1 and "--replace" in refused.output

        drop_databases(stack.databases.values())
        restored = runner.invoke(cli, ["restore", str(target)])
        assert restored.exit_code == 0, restored.output

        after = {n: asyncio.run(_tables(u)) for n, u in stack.databases.items()}
        assert after == before
        for url in stack.urls.values():
            wait_for(f"{url} ready", lambda u=url: http.get(u + "/readyz").status_code == 200)
        assert api.get("financing", trial_path, committee) == trial
        assert api.get("registry", "/v1/cooperatives", admin, params={"limit": 100}) == (
            cooperatives
        )

        # A set with a damaged file is refused before anything is dropped.
        dump = target / manifest["databases"]["registry"]["file"]
        damaged_bytes = bytearray(dump.read_bytes())
        damaged_bytes[len(damaged_bytes) // 2] ^= 0xFF
        dump.write_bytes(bytes(damaged_bytes))
        damaged = runner.invoke(cli, ["restore", str(target), "--replace"])
        assert damaged.exit_code == 1 and "does not match its checksum" in damaged.output
        kept = asyncio.run(_tables(stack.databases["registry"]))
        assert kept["cooperatives"] == before["registry"]["cooperatives"]


# --- a burst across replicas, one killed (issue 17) ----------------------------------------------


def _send(
    http: httpx.Client, url: str, body: dict[str, Any], who: dict[str, str], key: str
) -> dict[str, Any]:
    """A client that retries a command with the same Idempotency-Key until it has an answer: a
    replica killed under it costs a retry, never a second effect."""
    last: Any = None
    for _ in range(40):
        try:
            resp = http.post(url, json=body, headers=who | {"Idempotency-Key": key})
        except httpx.TransportError as exc:
            last = exc
        else:
            if resp.status_code not in (409, 502, 503, 504):  # 409: the first try still running
                assert resp.status_code == 201, f"{url}: {resp.status_code} {resp.text}"
                return dict(resp.json())
            last = resp.text
        time.sleep(0.25)
    raise AssertionError(f"{url}: no answer ({last})")


async def _rows(database_url: str, sql: str) -> list[Any]:
    conn = await asyncpg.connect(**_connect_kwargs(database_url))
    try:
        return list(await conn.fetch(sql))
    finally:
        await conn.close()


def test_burst_across_replicas_with_one_killed(stack: Stack, receiver: Receiver) -> None:
    """Runs after the story, on its loan: disbursements and repayments sent at once through
    haproxy to both financing replicas, every command sent twice (a client retrying after a lost
    answer), and one financing replica killed mid-burst. Nothing doubled, nothing lost, each
    event delivered once to each subscriber, rate limits counted across replicas, the ledger
    balanced."""
    from concurrent.futures import ThreadPoolExecutor

    run = uuid.uuid4().hex[:6]
    with httpx.Client(timeout=30) as http:
        api = Api(stack, http)
        admin = api.token(stack.creds.admin_client_id, stack.creds.admin_client_secret)
        # Disbursing and collecting are the fund officer's work, not the platform admin's.
        officer = api.client(admin, f"Petugas dana bergulir ({run})", "fund_officer")
        loans = api.get("financing", "/v1/loans", officer, params={"status": "active"})["items"]
        assert loans, "the story ran first and left an active loan"
        loan = loans[0]
        base = f"{stack.urls['financing']}/v1/loans/{loan['id']}"
        commands = [
            # The story's product allows three tranches; the story disbursed one.
            (f"{base}/disbursements", {"amount": "1000000.00", "reference": f"B{run}-D{i}"})
            for i in range(2)
        ] + [
            (
                f"{base}/repayments",
                {"amount": "100000.00", "external_reference": f"B{run}-R{i}"},
            )
            for i in range(30)
        ]

        def command(i: int) -> tuple[dict[str, Any], dict[str, Any]]:
            url, body = commands[i]
            first = _send(http, url, body, officer, f"burst-{run}-{i}")
            return first, _send(http, url, body, officer, f"burst-{run}-{i}")

        victim = stack.procs["financing-0"]
        with ThreadPoolExecutor(6) as pool:
            futures = [pool.submit(command, i) for i in range(len(commands))]
            # Mid-burst: a replica dies without a chance to finish anything (SIGKILL).
            wait_for("a third of the burst answered", lambda: sum(f.done() for f in futures) >= 10)
            victim.kill()
            killed_at = datetime.now(UTC)
            answers = [f.result() for f in futures]
        assert victim.wait(10) is not None
        # The same command twice: the same answer (the same transaction), never a second one.
        for first, again in answers:
            assert first == again

        # Nothing lost, nothing doubled: each reference once in the loan's statement.
        statement = api.get("financing", f"/v1/loans/{loan['id']}/statement", officer)
        references = Counter(
            r["transaction"].get("external_reference") or r["transaction"].get("reference")
            for r in statement["rows"]
        )
        ours = {ref: n for ref, n in references.items() if ref and ref.startswith(f"B{run}-")}
        assert ours == {f"B{run}-D{i}": 1 for i in range(2)} | {
            f"B{run}-R{i}": 1 for i in range(30)
        }
        trial = api.get("financing", f"/v1/funds/{loan['fund_id']}/trial-balance", officer)
        assert trial["balanced"] is True
        assert D(trial["total_debits"]) == D(trial["total_credits"])

        # Each event once per subscriber: the relays of both replicas share one outbox.
        financing_db = stack.databases["financing"]
        wait_for(
            "financing's outbox delivered",
            lambda: (
                asyncio.run(_outbox(financing_db))[1] == 0
                and not asyncio.run(
                    _rows(
                        financing_db, "SELECT 1 FROM webhook_deliveries WHERE status <> 'succeeded'"
                    )
                )
            ),
            timeout=60,
        )
        published, _ = asyncio.run(_outbox(financing_db))
        arrived = Counter(r.headers.get("webhook-id") for r in receiver.of("financing"))
        assert published <= set(arrived)
        # Twice only for deliveries the killed replica may have sent without recording it (at
        # least once): those that existed when it died.
        before_kill = {
            str(r["event_id"])
            for r in asyncio.run(
                _rows(
                    financing_db,
                    "SELECT event_id FROM webhook_deliveries "
                    f"WHERE created_at <= '{killed_at.isoformat()}'",
                )
            )
        }
        assert {e for e, n in arrived.items() if n > 1} <= before_kill
        # The services subscribed once each, although two replicas of each started together.
        for publisher, subscribers in WIRING.items():
            owners = Counter(
                r["owner_client_id"]
                for r in asyncio.run(
                    _rows(
                        stack.databases[publisher], "SELECT owner_client_id FROM webhook_endpoints"
                    )
                )
            )
            for subscriber in subscribers:
                assert owners[f"svc-{subscriber}"] == 1, (publisher, owners)

        # Rate limits are counted across replicas: one window, whichever replica answers.
        reader = api.client(admin, "Rate reader", "partner", scopes=("registry:read",))
        first = http.get(
            f"{stack.urls['registry']}/v1/cooperatives", params={"limit": 1}, headers=reader
        )
        if int(first.headers["RateLimit-Reset"]) < 5:  # the window is about to roll over
            time.sleep(int(first.headers["RateLimit-Reset"]) + 0.5)
        replicas = list(stack.replicas["registry"].values())
        remaining = [
            int(
                http.get(
                    f"{replicas[i % 2]}/v1/cooperatives", params={"limit": 1}, headers=reader
                ).headers["RateLimit-Remaining"]
            )
            for i in range(8)
        ]
        assert remaining == list(range(remaining[0], remaining[0] - 8, -1)), remaining
