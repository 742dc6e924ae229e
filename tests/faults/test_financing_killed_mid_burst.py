"""SIGKILL the financing process in the middle of a burst of disbursements and repayments.

Every command carries an ``Idempotency-Key`` (repayments also the partner's external reference);
the client retries each one, with the same key and body, until it gets an answer. Afterwards the
ledger balances, every command took effect exactly once, and every outbox event was published and
delivered to the partner's webhook (at least once; exactly once after de-duplicating by
``webhook-id``).
"""

from __future__ import annotations

import asyncio
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from kopmod_shared.testing import REPO_ROOT, TestIssuer, fresh_database

pytestmark = pytest.mark.e2e

AUDIENCE = "kopmod-financing"
LOANS = 4
DISBURSEMENTS = ("150000000.00", "100000000.00")
REPAYMENTS = ("2500000.00", "1750000.00", "3000000.00", "1250000.00")
D = Decimal


def asyncpg_dsn(url: str) -> dict[str, Any]:
    u = make_url(url)
    host = u.query.get("host") or u.host or "127.0.0.1"
    if isinstance(host, tuple):
        host = host[0]
    kw: dict[str, Any] = {"user": u.username or "postgres", "database": u.database, "host": host}
    if u.port:
        kw["port"] = u.port
    if u.password:
        kw["password"] = u.password
    return kw


class Tokens:
    def __init__(self, issuer: TestIssuer) -> None:
        self.issuer = issuer

    def __call__(self, role: str, **kw: Any) -> dict[str, str]:
        return self.issuer.headers(role, audience=AUDIENCE, sub=f"{role}-1", **kw)

    def cooperative(self, org: uuid.UUID) -> dict[str, str]:
        return self.issuer.headers("cooperative", audience=AUDIENCE, org=org, sub=f"coop-{org}")


async def ok(resp: httpx.Response, *codes: int) -> dict[str, Any]:
    assert resp.status_code in (codes or (200, 201)), resp.text
    body: dict[str, Any] = resp.json()
    return body


async def signed_loan(c: httpx.AsyncClient, t: Tokens, product_id: str) -> str:
    """An application walked through the API from draft to the signed agreement."""
    coop = uuid.uuid4()
    app = await ok(
        await c.post(
            "/v1/applications",
            json={
                "product_id": product_id,
                "amount": "500000000.00",
                "tenor_periods": 24,
                "grace_periods": 0,
                "purpose": "Working capital to buy members' coffee cherries for the harvest",
                "use_of_funds": [{"item": "coffee cherry purchase", "amount": "500000000.00"}],
                "tranche_plan": [],
                "offtake_contract_ids": [],
            },
            headers=t.cooperative(coop),
        )
    )
    url = f"/v1/applications/{app['id']}"
    await ok(await c.post(f"{url}/submit", headers=t.cooperative(coop)))
    deadline = time.monotonic() + 30
    while (await ok(await c.get(url, headers=t("fund_officer"))))["status"] != "desk_review":
        assert time.monotonic() < deadline, "eligibility never passed"
        await asyncio.sleep(0.1)
    for step in ("field-survey", "risk-review"):
        await ok(await c.post(f"{url}/{step}", json={"note": step}, headers=t("fund_officer")))
    await ok(
        await c.post(
            f"{url}/assessments", json={"recommendation": "approve"}, headers=t("fund_officer")
        )
    )
    await ok(await c.post(f"{url}/committee-referral", json={}, headers=t("fund_officer")))
    await ok(await c.post(f"{url}/approve", json={"reason": "sound"}, headers=t("fund_committee")))
    loan = await ok(await c.post(f"{url}/sign", json={}, headers=t("fund_committee")), 201)
    return str(loan["id"])


async def until_answered(
    c: httpx.AsyncClient, path: str, body: dict[str, Any], headers: dict[str, str], log: list[str]
) -> httpx.Response:
    """Send a command again and again (same key, same body) until the service answers it."""
    deadline = time.monotonic() + 90
    while True:
        assert time.monotonic() < deadline, f"{path} never answered: {log[-5:]}"
        try:
            resp = await c.post(path, json=body, headers=headers)
        except httpx.TransportError as exc:
            log.append(f"{path}: {type(exc).__name__}")
        else:
            # 409 while the first attempt with this key is still in flight; 5xx while starting.
            if resp.status_code < 300:
                return resp
            log.append(f"{path}: {resp.status_code} {resp.text[:200]}")
            assert resp.status_code in (409, 500, 502, 503), resp.text
        await asyncio.sleep(0.05)


async def loan_burst(
    c: httpx.AsyncClient, t: Tokens, loan_id: str, done: list[int], log: list[str]
) -> list[httpx.Response]:
    answers = []
    for n, amount in enumerate(DISBURSEMENTS):
        headers = {**t("fund_officer"), "Idempotency-Key": f"disb-{loan_id}-{n}"}
        body = {"amount": amount, "reference": f"SP2D-{loan_id[:8]}-{n}"}
        answers.append(
            await until_answered(c, f"/v1/loans/{loan_id}/disbursements", body, headers, log)
        )
        done.append(1)
    for n, amount in enumerate(REPAYMENTS):
        headers = {**t("fund_officer"), "Idempotency-Key": f"repay-{loan_id}-{n}"}
        body = {"amount": amount, "external_reference": f"VA-{loan_id[:8]}-{n}"}
        answers.append(
            await until_answered(c, f"/v1/loans/{loan_id}/repayments", body, headers, log)
        )
        done.append(1)
    return answers


async def test_sigkill_mid_burst_loses_and_doubles_nothing(
    tmp_path: Path, issuer: TestIssuer, stub: Any, services: Any
) -> None:
    url = fresh_database(REPO_ROOT / "services" / "financing", "kopmod_financing_fault_kill")
    financing = services(
        "financing",
        {
            "KOPMOD_FINANCING_DATABASE_URL": url,
            "KOPMOD_FINANCING_ENVIRONMENT": "test",
            "KOPMOD_FINANCING_TOKEN_ISSUER": issuer.issuer,
            "KOPMOD_FINANCING_JWKS_URL": f"{stub.url}/jwks",
            "KOPMOD_FINANCING_REGISTRY_URL": stub.url,
            "KOPMOD_FINANCING_WEBHOOKS_ALLOW_PRIVATE": "true",
            "KOPMOD_FINANCING_RELAY_POLL_SECONDS": "0.2",
            "KOPMOD_FINANCING_LOG_JSON": "false",
            # The burst is one client far above any per-client limit; limits are tested elsewhere.
            "KOPMOD_FINANCING_RATE_LIMIT_ENABLED": "false",
            "KOPMOD_FINANCING_LOG_LEVEL": "WARNING",
            "KOPMOD_FINANCING_DOCUMENTS_DIR": str(tmp_path / "documents"),
        },
    )
    financing.start()
    t = Tokens(issuer)
    async with httpx.AsyncClient(base_url=financing.url, timeout=10) as c:
        fund = await ok(
            await c.post(
                "/v1/funds", json={"code": "DB-KILL", "name": "Dana Bergulir"}, headers=t("admin")
            ),
            201,
        )
        await ok(
            await c.post(
                f"/v1/funds/{fund['id']}/capital-injections",
                json={"amount": "5000000000.00", "entry_date": "2026-01-02", "memo": "APBN"},
                headers=t("fund_committee"),
            ),
            201,
        )
        await ok(
            await c.post(
                "/v1/webhooks",
                json={"url": f"{stub.url}/hook", "event_types": []},
                # Financing's events go to fund staff, services and partners; admin runs the
                # platform and does not subscribe to a fund's business.
                headers=t("fund_committee"),
            ),
            201,
        )
        product = await ok(
            await c.post(
                "/v1/products",
                json={
                    "fund_id": fund["id"],
                    "code": "MK-KILL",
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
                    "arrears_tolerance_days": 5,
                    "eligibility": {"min_age_years": 2, "rat_years_required": 2},
                    "initial_rate": "0.03",
                    "rate_effective_from": "2020-01-01",
                },
                headers=t("fund_committee"),
            ),
            201,
        )
        loans = [await signed_loan(c, t, product["id"]) for _ in range(LOANS)]

        # The burst: every loan's commands in flight at once; the process dies part-way.
        done: list[int] = []
        log: list[str] = []
        total = LOANS * (len(DISBURSEMENTS) + len(REPAYMENTS))
        burst = asyncio.gather(*(loan_burst(c, t, loan, done, log) for loan in loans))
        burst_task = asyncio.ensure_future(burst)
        deadline = time.monotonic() + 60
        while len(done) < total // 3:
            assert time.monotonic() < deadline and not burst_task.done(), log[-5:]
            await asyncio.sleep(0.01)
        financing.kill()
        killed_after = len(done)
        await asyncio.sleep(0.5)
        await asyncio.to_thread(financing.start)
        answers = await asyncio.wait_for(burst_task, 120)

    assert killed_after < total, "the kill came after the burst"
    assert any("TransportError" in e or "Error" in e for e in log), "no request saw the kill"
    assert all(r.status_code in (200, 201) for per_loan in answers for r in per_loan)

    conn = await asyncpg.connect(**asyncpg_dsn(url))
    try:
        # Exactly the commands sent, each once.
        rows = await conn.fetch(
            "SELECT loan_id::text, kind, amount, external_reference FROM loan_transactions "
            "WHERE reversed_at IS NULL AND kind IN ('disbursement', 'repayment')"
        )
        for loan in loans:
            mine = [r for r in rows if r["loan_id"] == loan]
            disbursed = sorted(r["amount"] for r in mine if r["kind"] == "disbursement")
            repaid = {
                r["external_reference"]: r["amount"] for r in mine if r["kind"] == "repayment"
            }
            assert disbursed == sorted(D(a) for a in DISBURSEMENTS), (loan, disbursed)
            assert repaid == {f"VA-{loan[:8]}-{n}": D(a) for n, a in enumerate(REPAYMENTS)}
        entries = await conn.fetchval(
            "SELECT count(*) FROM journal_entries WHERE loan_id IS NOT NULL"
        )
        transactions = await conn.fetchval(
            "SELECT count(*) FROM loan_transactions WHERE kind IN ('disbursement', 'repayment')"
        )
        assert entries == transactions == total

        # The ledger balances: every entry, every fund, and receivable == outstanding principal.
        assert (
            await conn.fetch(
                "SELECT entry_id FROM journal_lines GROUP BY entry_id "
                "HAVING sum(debit) <> sum(credit) OR count(*) < 2"
            )
            == []
        )
        debits, credits, receivable = await conn.fetchrow(
            "SELECT sum(debit), sum(credit), "
            "sum(debit - credit) FILTER (WHERE account = 'loans_receivable') FROM journal_lines"
        )
        assert debits == credits
        outstanding = await conn.fetchval("SELECT sum(outstanding) FROM loan_outstanding_principal")
        assert receivable == outstanding
        principal_repaid = await conn.fetchval(
            "SELECT coalesce(sum(credit), 0) FROM journal_lines WHERE account = 'loans_receivable'"
        )
        lent = LOANS * sum(D(a) for a in DISBURSEMENTS)
        assert outstanding == lent - principal_repaid
        assert principal_repaid > 0

        # The outbox: everything published once the service is back, and delivered. A delivery
        # claimed just before the kill keeps its 120 s lease; move that clock on instead of
        # waiting for it (what a replica would do two minutes later).
        await conn.execute(
            "UPDATE webhook_deliveries SET next_attempt_at = now() "
            "WHERE status = 'pending' AND next_attempt_at > now()"
        )
        deadline = time.monotonic() + 60
        while True:
            pending = await conn.fetchval(
                "SELECT count(*) FROM outbox_events WHERE published_at IS NULL"
            ) + await conn.fetchval(
                "SELECT count(*) FROM webhook_deliveries WHERE status <> 'succeeded'"
            )
            if pending == 0:
                break
            assert time.monotonic() < deadline, f"{pending} events not delivered"
            await asyncio.sleep(0.2)
        event_ids = {str(r["id"]) for r in await conn.fetch("SELECT id FROM outbox_events")}
        kinds = {r["type"] for r in await conn.fetch("SELECT DISTINCT type FROM outbox_events")}
    finally:
        await conn.close()
    assert {"financing.loan.disbursed", "financing.loan.repayment_received"} <= kinds, kinds
    received = [hook_id for hook_id, _ in stub.hooks]
    assert set(received) == event_ids
    assert {body["id"] for _, body in stub.hooks} == event_ids
    deduplicated = dict(stub.hooks)  # the partner's view: one event per webhook-id
    assert len(deduplicated) == len(event_ids)
