"""The three real apps in one process, subscribed to each other through real webhooks: the
registry's and the marketplace's outbox relays deliver signed events over an in-process network
to financing's and the marketplace's ``POST /v1/events/{source}``.

Covers: a merger and a fusion move loans, applications, offers and contracts to the successor
in both consumers; a spin-off moves nothing unless it names assets; an event delivered twice
(the registry's replay) changes nothing; events arriving out of order leave everything with the
final successor; offtake contracts verified with the marketplace (a contract of another
cooperative or an inactive one refused with its reason; marketplace down: the application waits);
and an accepted delivery repaying part of a closed-loop loan once, however often it arrives.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import func, select, text

from financing.applications.eligibility import EligibilityDeps, run_eligibility_retries
from financing.applications.models import Application
from financing.loans.models import Loan
from financing.main import create_app as create_financing
from financing.main import default_subscriptions as financing_subscriptions
from financing.products.models import Product
from financing.settings import FinancingSettings
from kopmod_shared.auth import JWKSKeySource, Role
from kopmod_shared.clients import ClientCredentials
from kopmod_shared.clients.base import ServiceClient
from kopmod_shared.testing import REPO_ROOT, fresh_database, running, truncate_all
from marketplace.main import create_app as create_marketplace
from marketplace.main import default_subscriptions as marketplace_subscriptions
from marketplace.settings import MarketplaceSettings
from registry.identity.repository import ApiClientRepository
from registry.identity.service import ensure_client
from registry.main import create_app as create_registry
from registry.settings import RegistrySettings

ISSUER = "http://registry.internal"
FINANCING = "http://financing.internal"
MARKETPLACE = "http://marketplace.internal"
TOKEN_URL = f"{ISSUER}/v1/oauth/token"
TODAY = date.today()
LAST_YEAR = TODAY.year - 1
D = Decimal


class Network(httpx.AsyncBaseTransport):
    """Routes by host to the in-process apps; can take a host down or hold back one event."""

    def __init__(self) -> None:
        self.apps: dict[str, httpx.ASGITransport] = {}
        self.down: set[str] = set()
        self.held: set[str] = set()  # webhook-id values answered 503

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        if host in self.down:
            raise httpx.ConnectError("connection refused", request=request)
        if request.headers.get("webhook-id") in self.held:
            return httpx.Response(503, json={"title": "held back by the test"})
        return await self.apps[host].handle_async_request(request)


@dataclass
class Stack:
    registry: Any
    financing: Any
    marketplace: Any
    net: Network
    http: httpx.AsyncClient
    secrets: dict[str, str] = field(default_factory=dict)

    async def token(self, client_id: str) -> dict[str, str]:
        resp = await self.http.post(
            TOKEN_URL,
            data={"grant_type": "client_credentials"},
            auth=(client_id, self.secrets[client_id]),
        )
        assert resp.status_code == 200, resp.text
        return {"Authorization": f"Bearer {resp.json()['access_token']}"}

    async def client(
        self, client_id: str, role: Role, org_id: uuid.UUID | str | None = None
    ) -> dict[str, str]:
        """An API client in the registry and a token for it."""
        if client_id not in self.secrets:
            self.secrets[client_id] = f"secret-{client_id}"
            async with self.registry.state.sessionmaker() as session:
                await ensure_client(
                    ApiClientRepository(session),
                    client_id=client_id,
                    secret=self.secrets[client_id],
                    role=role,
                    name=client_id,
                    org_id=uuid.UUID(str(org_id)) if org_id else None,
                )
                await session.commit()
        return await self.token(client_id)

    async def call(
        self, method: str, base: str, path: str, headers: dict[str, str], **kw: Any
    ) -> httpx.Response:
        return await self.http.request(method, f"{base}{path}", headers=headers, **kw)

    async def relay(self) -> None:
        """One pass of every publisher's relay (fan out, deliver what is due)."""
        for app in (self.registry, self.marketplace, self.financing):
            await app.state.relay.run_once()


@pytest.fixture(scope="module")
async def stack() -> AsyncIterator[Stack]:
    urls = {
        name: fresh_database(REPO_ROOT / "services" / name, f"kopmod_{name}_follows_test")
        for name in ("registry", "financing", "marketplace")
    }
    net = Network()
    http = httpx.AsyncClient(transport=net, timeout=30)

    def jwks(_app: Any, _http: httpx.AsyncClient) -> JWKSKeySource:
        return JWKSKeySource(f"{ISSUER}/.well-known/jwks.json", http)

    common: dict[str, Any] = {
        "token_issuer": ISSUER,
        "log_json": False,
        "relay_enabled": False,  # the test drives the relays (Stack.relay)
        "webhooks_allow_private": True,
        "registry_url": ISSUER,
        "financing_url": FINANCING,
        "marketplace_url": MARKETPLACE,
        "token_url": TOKEN_URL,
        "outgoing_retries": 1,
        "rate_limit_enabled": False,
    }
    registry = create_registry(
        RegistrySettings(
            database_url=urls["registry"],
            **{k: v for k, v in common.items() if k != "registry_url"},
        )
    )

    def service_client(source: str, client_id: str) -> ServiceClient:
        credentials = ClientCredentials(
            http, TOKEN_URL, client_id, f"secret-{client_id}", audience=f"kopmod-{source}"
        )
        base = {"registry": ISSUER, "marketplace": MARKETPLACE}[source]
        return ServiceClient(base, http, credentials=credentials, attempts=1)

    fin_subs = financing_subscriptions()
    for sub in fin_subs:
        sub.client = service_client(sub.source, "financing-svc")
    financing = create_financing(
        FinancingSettings(
            database_url=urls["financing"],
            public_url=FINANCING,
            service_client_id="financing-svc",
            service_client_secret=SecretStr("secret-financing-svc"),
            eligibility_retry_enabled=False,
            **common,
        ),
        registry_http=http,
        marketplace_http=http,
        subscriptions=fin_subs,
        key_source=jwks,
    )
    mkt_subs = marketplace_subscriptions()
    for sub in mkt_subs:
        sub.client = service_client(sub.source, "marketplace-svc")
    marketplace = create_marketplace(
        MarketplaceSettings(
            database_url=urls["marketplace"],
            public_url=MARKETPLACE,
            service_client_id="marketplace-svc",
            service_client_secret=SecretStr("secret-marketplace-svc"),
            **common,
        ),
        registry_http=http,
        subscriptions=mkt_subs,
        key_source=jwks,
    )
    net.apps = {
        "registry.internal": httpx.ASGITransport(app=registry),
        "financing.internal": httpx.ASGITransport(app=financing),
        "marketplace.internal": httpx.ASGITransport(app=marketplace),
    }
    stack = Stack(registry, financing, marketplace, net, http)
    async with running(registry):
        for client_id in ("financing-svc", "marketplace-svc"):
            await stack.client(client_id, Role.service)
        async with running(financing), running(marketplace):
            registry.state.relay.http = http
            marketplace.state.relay.http = http
            financing.state.relay.http = http
            for app in (registry, marketplace):
                app.state.relay.schedule = (0, 0, 0, 0, 0)
            # Each consumer registers its subscriptions at start-up (in the background).
            await _until(lambda: _subscribed(financing, {"registry", "marketplace"}))
            await _until(lambda: _subscribed(marketplace, {"registry"}))
            yield stack
            for app in (registry, financing, marketplace):
                await truncate_all(app.state.engine)
    await http.aclose()


async def _subscribed(app: Any, sources: set[str]) -> bool:
    async with app.state.engine.connect() as conn:
        rows = await conn.execute(text("SELECT source FROM event_subscriptions"))
        return {r[0] for r in rows} == sources


async def _until(predicate: Any, timeout: float = 20.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await predicate():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.1)


# --- building blocks ---------------------------------------------------------------------------

_n = iter(range(1, 10_000))


def cooperative_body(name: str, **over: Any) -> dict[str, Any]:
    n = next(_n) + int(uuid.uuid4().int % 1_000_000) * 10
    return {
        "name": name,
        "type": "produsen",
        "legal_decree_number": f"AHU-{n:07d}.AH.01.26.TAHUN 2015",
        "legal_decree_date": "2015-03-10",
        "nib": f"{9130000000000 + n:013d}",
        "nik_koperasi": f"{3205000000000000 + n}",
        "founded_on": "2015-01-20",
        "address": "Jl. Raya Cikajang No. 1, Garut",
        "region_code": "32.05.01.2001",
        "latitude": -7.2,
        "longitude": 107.9,
        "business_sectors": ["coffee"],
        "commodities": ["090111"],
        "membership_area": "regency",
        "scale_band": "kecil",
        "member_count": 420,
    } | over


async def cooperative(stack: Stack, name: str, *, rat: bool = False) -> str:
    admin = await stack.client("admin-x", Role.admin)
    resp = await stack.call("POST", ISSUER, "/v1/cooperatives", admin, json=cooperative_body(name))
    assert resp.status_code == 201, resp.text
    coop_id = str(resp.json()["id"])
    if rat:
        for year in (LAST_YEAR, LAST_YEAR - 1):
            resp = await stack.call(
                "POST",
                ISSUER,
                f"/v1/cooperatives/{coop_id}/rats",
                admin,
                json={
                    "year": year,
                    "held_on": min(date(year + 1, 3, 20), TODAY).isoformat(),  # never future
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
    return coop_id


async def restructure(stack: Stack, kind: str, body: dict[str, Any]) -> dict[str, Any]:
    admin = await stack.client("admin-x", Role.admin)
    resp = await stack.call("POST", ISSUER, f"/v1/restructurings/{kind}", admin, json=body)
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def last_registry_event(stack: Stack) -> str:
    async with stack.registry.state.engine.connect() as conn:
        return str(
            (
                await conn.execute(
                    text(
                        "SELECT id FROM outbox_events WHERE type = "
                        "'registry.cooperative.restructured' ORDER BY seq DESC LIMIT 1"
                    )
                )
            ).scalar_one()
        )


async def offtaker(stack: Stack) -> tuple[str, dict[str, str]]:
    admin = await stack.client("admin-x", Role.admin)
    resp = await stack.call(
        "POST",
        MARKETPLACE,
        "/v1/offtakers",
        admin,
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
    offtaker_id = str(resp.json()["id"])
    return offtaker_id, await stack.client(f"off-{offtaker_id}", Role.offtaker, offtaker_id)


async def coop_headers(stack: Stack, coop_id: str) -> dict[str, str]:
    return await stack.client(f"coop-{coop_id}", Role.cooperative, coop_id)


def spot() -> dict[str, Any]:
    """A place of its own, so that matching pairs only this test's offer and demand."""
    n = uuid.uuid4().int
    return {
        "latitude": round(-8.0 + (n % 200) / 100, 4),
        "longitude": round(106.0 + (n // 200 % 800) / 100, 4),
        "region_code": "32.05",
    }


async def offer(
    stack: Stack, coop_id: str, quantity: str = "5", where: dict[str, Any] | None = None
) -> dict[str, Any]:
    resp = await stack.call(
        "POST",
        MARKETPLACE,
        "/v1/offers",
        await coop_headers(stack, coop_id),
        json={
            "commodity_code": "coffee_green",
            "grade": "mutu_2",
            "quantity": quantity,
            "unit": "TNE",
            "window_start": (TODAY + timedelta(days=5)).isoformat(),
            "window_end": (TODAY + timedelta(days=90)).isoformat(),
            "asking_price": "50000",
            "location": where or spot(),
        },
    )
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def contract(stack: Stack, coop_id: str, *, confirm: bool = True) -> dict[str, Any]:
    """An offer of ``coop_id`` matched to a fresh offtaker's demand, accepted and confirmed."""
    where = spot()
    await offer(stack, coop_id, "3", where)
    _, off = await offtaker(stack)
    resp = await stack.call(
        "POST",
        MARKETPLACE,
        "/v1/demands",
        off,
        json={
            "commodity_code": "coffee_green",
            "min_grade": "mutu_3",
            "quantity": "3",
            "unit": "TNE",
            "window_start": (TODAY + timedelta(days=10)).isoformat(),
            "window_end": (TODAY + timedelta(days=60)).isoformat(),
            "delivery": where,
            "max_distance_km": 1,
            "price": {"type": "range", "floor": "45000", "ceiling": "60000"},
            "payment_terms": {"days": 14, "description": "transfer after acceptance"},
            "required_certifications": [],
            "market": "domestic",
            "incoterm": "DAP",
            "incoterm_place": "Bandung roastery",
        },
    )
    assert resp.status_code == 201, resp.text
    demand_id = resp.json()["id"]
    run = await stack.call(
        "POST", MARKETPLACE, f"/v1/demands/{demand_id}/match", off, json={"propose": True}
    )
    assert run.status_code == 201, run.text
    [proposal_id] = [
        a["proposal_id"] for a in run.json()["allocations"] if a["cooperative_id"] == coop_id
    ]
    mine = await coop_headers(stack, coop_id)
    resp = await stack.call("POST", MARKETPLACE, f"/v1/proposals/{proposal_id}/accept", mine)
    assert resp.status_code == 200, resp.text
    if not confirm:
        return {"proposal_id": proposal_id, "offtaker": off}
    resp = await stack.call(
        "POST",
        MARKETPLACE,
        f"/v1/proposals/{proposal_id}/confirm",
        off,
        json={
            "milestones": [
                {"due_date": (TODAY + timedelta(days=20)).isoformat(), "quantity": "1000"},
                {"due_date": (TODAY + timedelta(days=40)).isoformat(), "quantity": "2000"},
            ]
        },
    )
    assert resp.status_code == 200, resp.text
    return dict(resp.json()) | {"offtaker": off}


async def staff(stack: Stack) -> dict[str, dict[str, str]]:
    return {
        "admin": await stack.client("admin-x", Role.admin),
        "officer": await stack.client("officer-x", Role.fund_officer),
        "committee": await stack.client("committee-x", Role.fund_committee),
        "committee2": await stack.client("committee-y", Role.fund_committee),
    }


async def fund_and_product(stack: Stack, closed_loop_share: str | None = None) -> dict[str, str]:
    s = await staff(stack)
    code = f"DB-{uuid.uuid4().hex[:6]}"
    resp = await stack.call(
        "POST", FINANCING, "/v1/funds", s["admin"], json={"code": code, "name": f"Dana {code}"}
    )
    assert resp.status_code == 201, resp.text
    fund_id = resp.json()["id"]
    resp = await stack.call(
        "POST",
        FINANCING,
        f"/v1/funds/{fund_id}/capital-injections",
        s["committee"],
        json={"amount": "5000000000.00", "entry_date": "2026-01-02", "memo": "APBN"},
    )
    assert resp.status_code == 201, resp.text
    resp = await stack.call(
        "POST",
        FINANCING,
        f"/v1/funds/{fund_id}/business-date",
        s["officer"],
        json={"business_date": TODAY.isoformat()},
    )
    assert resp.status_code == 200, resp.text
    body: dict[str, Any] = {
        "fund_id": fund_id,
        "code": f"MK-{uuid.uuid4().hex[:6]}",
        "name": "Modal kerja koperasi",
        "purpose": "working_capital",
        "amount_min": "10000000.00",
        "amount_max": "3000000000.00",
        "tenor_max_periods": 60,
        "grace_max_periods": 12,
        "frequency": "monthly",
        "method": "declining_equal_installment",
        "rounding": "1",
        "max_tranches": 3,
        "eligibility": {"require_positive_result": True},
        "initial_rate": "0.03",
        "rate_effective_from": "2020-01-01",
    }
    if closed_loop_share is not None:
        body["closed_loop_share"] = closed_loop_share
    resp = await stack.call("POST", FINANCING, "/v1/products", s["committee"], json=body)
    assert resp.status_code == 201, resp.text
    return {"fund_id": fund_id, "product_id": resp.json()["id"]}


async def apply(
    stack: Stack, coop_id: str, product_id: str, contract_ids: list[str], amount: str
) -> str:
    """Draft, submit and one eligibility round, against the real registry and marketplace."""
    mine = await coop_headers(stack, coop_id)
    resp = await stack.call(
        "POST",
        FINANCING,
        "/v1/applications",
        mine,
        json={
            "product_id": product_id,
            "amount": amount,
            "tenor_periods": 12,
            "grace_periods": 0,
            "purpose": "Working capital to buy members' coffee cherries",
            "use_of_funds": [{"item": "coffee cherry purchase", "amount": amount}],
            "tranche_plan": [],
            "offtake_contract_ids": contract_ids,
        },
    )
    assert resp.status_code == 201, resp.text
    app_id = str(resp.json()["id"])
    resp = await stack.call("POST", FINANCING, f"/v1/applications/{app_id}/submit", mine)
    assert resp.status_code == 200, resp.text
    # The eligibility worker's round (the service's loop is off here: run by hand).
    await stack.financing.state.eligibility_worker.run_once()
    return app_id


async def application(stack: Stack, app_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    s = await staff(stack)
    body = await stack.call("GET", FINANCING, f"/v1/applications/{app_id}", s["officer"])
    checks = await stack.call(
        "GET", FINANCING, f"/v1/applications/{app_id}/eligibility", s["officer"]
    )
    return body.json(), checks.json()["items"]


async def holder(app: Any, model: Any, id_: Any) -> str:
    async with app.state.sessionmaker() as s:
        row = (
            await s.execute(select(model.cooperative_id).where(model.id == uuid.UUID(str(id_))))
        ).scalar_one()
        return str(row)


async def signed_loan(stack: Stack, coop_id: str, fund_id: str, product_id: str) -> str:
    """A loan written straight into financing's database (servicing is not under test here)."""
    async with stack.financing.state.sessionmaker() as s:
        application_row = Application(
            cooperative_id=uuid.UUID(coop_id),
            product_id=uuid.UUID(product_id),
            fund_id=uuid.UUID(fund_id),
            status="signed",
            requested_amount=D("20000000.00"),
            tenor_periods=12,
            purpose="pupuk",
            province_code="32",
            created_by="test",
        )
        s.add(application_row)
        await s.flush()
        loan = Loan(
            application_id=application_row.id,
            fund_id=uuid.UUID(fund_id),
            product_id=uuid.UUID(product_id),
            cooperative_id=uuid.UUID(coop_id),
            province_code="32",
            approved_amount=D("20000000.00"),
            annual_rate=D("0.03"),
            tenor_periods=12,
            frequency="monthly",
            method="flat",
            grace_periods=0,
            rounding=D("1"),
            allocation_order=["penalties", "fees", "interest", "principal"],
            arrears_tolerance_days=0,
            max_tranches=1,
            pattern="conventional",
            tranche_plan=[],
            status="pending_disbursement",
            signed_at=datetime.now(UTC),
            signed_by="committee-x",
        )
        s.add(loan)
        await s.commit()
        return str(loan.id)


async def transfers(stack: Stack, base: str, **params: str) -> list[dict[str, Any]]:
    # Transfers are read by the ministry (and fund staff); admin is not the fund.
    ministry = await stack.client("ministry-x", Role.ministry)
    resp = await stack.call("GET", base, "/v1/cooperative-transfers", ministry, params=params)
    assert resp.status_code == 200, resp.text
    return list(resp.json()["items"])


async def repayments(stack: Stack, loan_id: str) -> list[dict[str, Any]]:
    officer = await stack.client("officer-x", Role.fund_officer)
    resp = await stack.call("GET", FINANCING, f"/v1/loans/{loan_id}/statement", officer)
    assert resp.status_code == 200, resp.text
    return [
        r["transaction"] for r in resp.json()["rows"] if r["transaction"]["kind"] == "repayment"
    ]


async def journal_lines(stack: Stack) -> int:
    async with stack.financing.state.engine.connect() as conn:
        return int((await conn.execute(text("SELECT count(*) FROM journal_lines"))).scalar_one())


# --- restructuring follows the cooperative -----------------------------------------------------


async def test_merger_and_fusion_move_loans_and_contracts_spin_off_only_what_it_names(
    stack: Stack,
) -> None:
    a = await cooperative(stack, "Koperasi Kopi Cikajang")
    b = await cooperative(stack, "Koperasi Kopi Pangalengan")
    s = await cooperative(stack, "Koperasi Kopi Priangan")
    terms = await fund_and_product(stack)
    loan_a = await signed_loan(stack, a, terms["fund_id"], terms["product_id"])
    loan_b = await signed_loan(stack, b, terms["fund_id"], terms["product_id"])
    contract_a = await contract(stack, a)
    offer_b = await offer(stack, b)
    await stack.relay()  # contract and offer events: nothing for the consumers
    lines_before = await journal_lines(stack)

    merger = await restructure(
        stack,
        "mergers",
        {"predecessor_ids": [a, b], "successor_id": s, "effective_on": "2026-06-01"},
    )
    await stack.relay()
    assert await holder(stack.financing, Loan, loan_a) == s
    assert await holder(stack.financing, Loan, loan_b) == s
    admin = await stack.client("admin-x", Role.admin)
    got = await stack.call("GET", MARKETPLACE, f"/v1/contracts/{contract_a['id']}", admin)
    assert got.json()["cooperative_id"] == s
    got = await stack.call("GET", MARKETPLACE, f"/v1/offers/{offer_b['id']}", admin)
    assert got.json()["cooperative_id"] == s
    # The successor now sees the contract as its own.
    mine = await stack.call(
        "GET",
        MARKETPLACE,
        f"/v1/contracts/{contract_a['id']}/summary",
        await coop_headers(stack, s),
    )
    assert mine.status_code == 200 and mine.json()["cooperative_id"] == s
    assert mine.json()["cooperative_name"] == "Koperasi Kopi Priangan"
    fin_moves = await transfers(stack, FINANCING, cooperative_id=s)
    assert {(m["entity_id"], m["from_cooperative_id"]) for m in fin_moves} == {
        (loan_a, a),
        (loan_b, b),
    }
    assert {m["restructuring_id"] for m in fin_moves} == {merger["id"]}
    mkt_moves = await transfers(stack, MARKETPLACE, cooperative_id=s)
    assert ("contract", contract_a["id"]) in {(m["entity"], m["entity_id"]) for m in mkt_moves}
    assert await journal_lines(stack) == lines_before  # the ledger is untouched

    # Delivered twice: the registry replays the delivery to financing; nothing changes.
    endpoints = await stack.call("GET", ISSUER, "/v1/webhooks", admin)
    assert endpoints.status_code == 200, endpoints.text
    [fin_endpoint] = [e for e in endpoints.json()["items"] if e["url"].startswith(FINANCING)]
    deliveries = await stack.call(
        "GET", ISSUER, f"/v1/webhooks/{fin_endpoint['id']}/deliveries", admin
    )
    [first] = [d for d in deliveries.json()["items"] if d["event_type"].endswith("restructured")]
    replay = await stack.call(
        "POST",
        ISSUER,
        f"/v1/webhooks/{fin_endpoint['id']}/deliveries/{first['id']}/replay",
        admin,
    )
    assert replay.status_code in (200, 201, 202), replay.text
    await stack.relay()
    assert await transfers(stack, FINANCING, cooperative_id=s) == fin_moves
    async with stack.financing.state.engine.connect() as conn:
        consumed = (
            await conn.execute(text("SELECT count(*) FROM inbox_events WHERE source='registry'"))
        ).scalar_one()
    assert consumed == 1

    # Fusion: the successor and another fuse into a new cooperative; everything follows.
    c = await cooperative(stack, "Koperasi Kopi Malabar")
    fusion = await restructure(
        stack,
        "fusions",
        {
            "predecessor_ids": [s, c],
            "successor": cooperative_body("Koperasi Kopi Priangan Raya"),
            "effective_on": "2026-07-01",
        },
    )
    f = fusion["successors"][0]["id"]
    await stack.relay()
    assert await holder(stack.financing, Loan, loan_a) == f
    got = await stack.call("GET", MARKETPLACE, f"/v1/contracts/{contract_a['id']}", admin)
    assert got.json()["cooperative_id"] == f
    steps = await transfers(stack, FINANCING, entity_id=loan_a)
    assert [(m["from_cooperative_id"], m["to_cooperative_id"], m["kind"]) for m in steps] == [
        (a, s, "merger"),
        (s, f, "fusion"),
    ]

    # A spin-off moves nothing ... unless it names what moves.
    child_body = cooperative_body("Koperasi Jasa Priangan", type="jasa", business_sectors=["jasa"])
    child = (
        await restructure(
            stack,
            "spin-offs",
            {"parent_id": f, "successor": child_body, "effective_on": "2026-08-01"},
        )
    )["successors"][0]["id"]
    await stack.relay()
    assert await holder(stack.financing, Loan, loan_b) == f
    got = await stack.call("GET", MARKETPLACE, f"/v1/contracts/{contract_a['id']}", admin)
    assert got.json()["cooperative_id"] == f
    assert await transfers(stack, FINANCING, cooperative_id=child) == []
    named = await restructure(
        stack,
        "spin-offs",
        {
            "parent_id": f,
            "successor": cooperative_body(
                "Koperasi Jasa Priangan Dua", type="jasa", business_sectors=["jasa"]
            ),
            "effective_on": "2026-08-02",
            "moved_assets": [
                {"service": "financing", "entity": "loan", "id": loan_b},
                {"service": "marketplace", "entity": "contract", "id": contract_a["id"]},
            ],
        },
    )
    child2 = named["successors"][0]["id"]
    await stack.relay()
    assert await holder(stack.financing, Loan, loan_b) == child2
    assert await holder(stack.financing, Loan, loan_a) == f
    got = await stack.call("GET", MARKETPLACE, f"/v1/contracts/{contract_a['id']}", admin)
    assert got.json()["cooperative_id"] == child2


async def test_out_of_order_events_leave_everything_with_the_final_successor(
    stack: Stack,
) -> None:
    """P merges into Q, then Q and R fuse into T; the consumers hear the fusion first."""
    p = await cooperative(stack, "Koperasi Kopi Kamojang")
    q = await cooperative(stack, "Koperasi Kopi Papandayan")
    r = await cooperative(stack, "Koperasi Kopi Guntur")
    terms = await fund_and_product(stack)
    loan_p = await signed_loan(stack, p, terms["fund_id"], terms["product_id"])
    contract_p = await contract(stack, p)
    await stack.relay()

    await restructure(
        stack, "mergers", {"predecessor_ids": [p], "successor_id": q, "effective_on": "2026-06-01"}
    )
    merger_event = await last_registry_event(stack)
    stack.net.held.add(merger_event)  # both consumers answer 503 to the merger for now
    await stack.relay()
    assert await holder(stack.financing, Loan, loan_p) == p

    fusion = await restructure(
        stack,
        "fusions",
        {
            "predecessor_ids": [q, r],
            "successor": cooperative_body("Koperasi Kopi Garut Raya"),
            "effective_on": "2026-07-01",
        },
    )
    t = fusion["successors"][0]["id"]
    await stack.relay()  # the fusion arrives; the merger is retried and held again
    assert await holder(stack.financing, Loan, loan_p) == p  # P's merger is not known yet

    stack.net.held.discard(merger_event)
    await stack.relay()  # the merger arrives last
    assert await holder(stack.financing, Loan, loan_p) == t
    admin = await stack.client("admin-x", Role.admin)
    got = await stack.call("GET", MARKETPLACE, f"/v1/contracts/{contract_p['id']}", admin)
    assert got.json()["cooperative_id"] == t
    [move] = await transfers(stack, FINANCING, entity_id=loan_p)
    assert (move["from_cooperative_id"], move["to_cooperative_id"]) == (p, t)
    [move] = await transfers(stack, MARKETPLACE, entity_id=contract_p["id"])
    assert (move["from_cooperative_id"], move["to_cooperative_id"]) == (p, t)


# --- offtaker-backed financing -----------------------------------------------------------------


async def test_offtake_contracts_are_verified_with_the_marketplace(stack: Stack) -> None:
    k = await cooperative(stack, "Koperasi Kopi Kerinci", rat=True)
    other = await cooperative(stack, "Koperasi Kopi Lintong")
    terms = await fund_and_product(stack)
    own = await contract(stack, k)
    theirs = await contract(stack, other)
    pending = await contract(stack, k, confirm=False)  # accepted but not signed: no contract yet

    ok = await apply(stack, k, terms["product_id"], [own["id"]], "30000000.00")
    body, [check] = await application(stack, ok)
    assert body["status"] == "desk_review", check
    assert [c["id"] for c in check["offtake_contracts"]] == [own["id"]]
    [rule] = [r for r in check["rules"] if r["rule"] == "offtake_contract"]
    assert rule["passed"] and rule["observed"]["status"] == "active"

    refused = await apply(stack, k, terms["product_id"], [theirs["id"]], "30000000.00")
    body, [check] = await application(stack, refused)
    assert body["status"] == "rejected"
    [rule] = [r for r in check["rules"] if r["rule"] == "offtake_contract"]
    assert not rule["passed"] and "not the applicant" in rule["reason"]

    # A contract that ended (cancelled by its parties) is refused too.
    admin = await stack.client("admin-x", Role.admin)
    contracts = await stack.call("GET", MARKETPLACE, "/v1/contracts", admin, params={"limit": 100})
    [unsigned] = [
        c for c in contracts.json()["items"] if c["proposal_id"] == pending["proposal_id"]
    ]
    cancel = await stack.call(
        "POST",
        MARKETPLACE,
        f"/v1/contracts/{unsigned['id']}/cancel",
        await coop_headers(stack, k),
        json={"reason": "the buyer withdrew"},
    )
    assert cancel.status_code == 200, cancel.text
    inactive = await apply(stack, k, terms["product_id"], [unsigned["id"]], "30000000.00")
    body, [check] = await application(stack, inactive)
    assert body["status"] == "rejected"
    [rule] = [r for r in check["rules"] if r["rule"] == "offtake_contract"]
    assert "is cancelled, not active" in rule["reason"]

    # The marketplace is down: the application waits, and is decided once it is back.
    stack.net.down.add("marketplace.internal")
    try:
        waiting = await apply(stack, k, terms["product_id"], [own["id"]], "30000000.00")
        body, checks = await application(stack, waiting)
        assert body["status"] == "eligibility_check" and checks == []
        assert body["eligibility_last_error"].startswith("marketplace")
    finally:
        stack.net.down.discard("marketplace.internal")
    deps = EligibilityDeps.from_app(stack.financing)
    later = datetime.now(UTC) + timedelta(hours=2)
    assert await run_eligibility_retries(deps, now=later) == {"desk_review": 1}
    body, [check] = await application(stack, waiting)
    assert body["status"] == "desk_review"


async def test_an_accepted_delivery_repays_the_closed_loop_loan_once(stack: Stack) -> None:
    k = await cooperative(stack, "Koperasi Kopi Sindoro", rat=True)
    terms = await fund_and_product(stack, closed_loop_share="0.4")
    deal = await contract(stack, k)
    app_id = await apply(stack, k, terms["product_id"], [deal["id"]], "30000000.00")
    s = await staff(stack)
    url = f"/v1/applications/{app_id}"
    for step in ("field-survey", "risk-review"):
        resp = await stack.call("POST", FINANCING, f"{url}/{step}", s["officer"], json={})
        assert resp.status_code == 200, resp.text
    assessed = await stack.call(
        "POST", FINANCING, f"{url}/assessments", s["officer"], json={"recommendation": "approve"}
    )
    assert assessed.status_code == 201, assessed.text
    figures = {f["name"]: f for f in assessed.json()["figures"]}
    # 3 t at the contract price, paid 14 days after each delivery, all within the 12 months.
    assert figures["offtake_coverage"]["inputs"]["contract_receipts_in_tenor"] == format(
        D(deal["value"]), "f"
    )
    assert figures["closed_loop_coverage"]["inputs"]["closed_loop_share"] == "0.4000"
    resp = await stack.call("POST", FINANCING, f"{url}/committee-referral", s["officer"], json={})
    assert resp.status_code == 200, resp.text
    resp = await stack.call(
        "POST", FINANCING, f"{url}/approve", s["committee"], json={"reason": "secured market"}
    )
    assert resp.status_code == 200, resp.text
    signed = await stack.call("POST", FINANCING, f"{url}/sign", s["officer"], json={})
    assert signed.status_code == 201, signed.text
    loan_id = signed.json()["id"]
    resp = await stack.call(
        "POST",
        FINANCING,
        f"/v1/loans/{loan_id}/disbursements",
        s["officer"],
        json={"amount": "30000000.00", "reference": "SP2D-CL-1"},
    )
    assert resp.status_code == 201, resp.text
    await stack.relay()

    # The offtaker accepts 800 of 1000 kg delivered: 40% of 800 x price goes to the loan.
    delivered = await stack.call(
        "POST",
        MARKETPLACE,
        f"/v1/contracts/{deal['id']}/deliveries",
        deal["offtaker"],
        json={
            "delivered_on": TODAY.isoformat(),
            "quantity_delivered": "1000",
            "quantity_accepted": "800",
            "rejection_reason": "kadar air di atas 12.5%",
        },
    )
    assert delivered.status_code == 201, delivered.text
    delivery_id = delivered.json()["id"]
    await stack.relay()
    expected = (D("800") * D(deal["unit_price"]) * D("0.4")).quantize(D("0.01"))
    repaid = await repayments(stack, loan_id)
    assert [(t["amount"], t["external_reference"]) for t in repaid] == [
        (format(expected, "f"), delivery_id)
    ]

    # The marketplace's relay delivers the event again (replay): nothing doubles.
    admin = await stack.client("admin-x", Role.admin)
    endpoints = await stack.call("GET", MARKETPLACE, "/v1/webhooks", admin)
    [endpoint] = [e for e in endpoints.json()["items"] if e["url"].startswith(FINANCING)]
    log = await stack.call("GET", MARKETPLACE, f"/v1/webhooks/{endpoint['id']}/deliveries", admin)
    [sent] = [d for d in log.json()["items"] if d["event_type"] == "marketplace.delivery.recorded"]
    replay = await stack.call(
        "POST",
        MARKETPLACE,
        f"/v1/webhooks/{endpoint['id']}/deliveries/{sent['id']}/replay",
        admin,
    )
    assert replay.status_code in (200, 201, 202), replay.text
    await stack.relay()
    assert len(await repayments(stack, loan_id)) == 1

    # The fund's ledger balances: every journal entry's debits equal its credits.
    async with stack.financing.state.engine.connect() as conn:
        unbalanced = (
            await conn.execute(
                text(
                    "SELECT count(*) FROM (SELECT entry_id FROM journal_lines GROUP BY entry_id "
                    "HAVING sum(debit) <> sum(credit)) x"
                )
            )
        ).scalar_one()
    assert unbalanced == 0
    async with stack.financing.state.sessionmaker() as session:
        share = await session.scalar(
            select(Product.closed_loop_share).where(Product.id == uuid.UUID(terms["product_id"]))
        )
        assert share == D("0.4000")
        assert (
            await session.scalar(
                select(func.count()).select_from(Loan).where(Loan.id == uuid.UUID(loan_id))
            )
        ) == 1
