"""Eligibility against the (fake) registry: rules recorded, failures rejected, the registry being
down leaves the application waiting until the retry job gets an answer."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import text

from financing.applications.eligibility import (
    EligibilityDeps,
    required_rat_years,
    run_eligibility_retries,
)
from financing.main import create_app
from kopmod_shared.testing import running

from ..helpers import draft, funded_fund, make_product, submit


async def _submit(client, tokens, product_id, coop):
    """Submitted (answered in ``eligibility_check``) and one round of the eligibility worker."""
    app = await draft(client, tokens, product_id, coop)
    resp = await submit(client, app["id"], tokens.cooperative(coop))
    assert resp.status_code == 200, resp.text
    return app["id"]


async def _get(client, tokens, app_id):
    return (await client.get(f"/v1/applications/{app_id}", headers=tokens.officer)).json()


def test_rat_years_required_respect_the_six_month_deadline():
    from datetime import date

    assert required_rat_years(date(2026, 11, 28), 2) == [2025, 2024]
    assert required_rat_years(date(2026, 3, 1), 2) == [2024, 2023]


async def test_failing_rules_reject_with_every_reason(app, client, tokens, fake_registry):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    fake_registry.add(
        coop,
        age_years=1,
        rat_years=[2025],
        latest_health="dalam_pengawasan",
        net_surplus="-5000000.00",
        equity="40000000.00",
    )
    app_id = await _submit(client, tokens, product["id"], coop)
    body = await _get(client, tokens, app_id)
    assert body["status"] == "rejected"
    checks = (
        await client.get(f"/v1/applications/{app_id}/eligibility", headers=tokens.cooperative(coop))
    ).json()["items"]
    rules = {r["rule"]: r for r in checks[0]["rules"]}
    assert checks[0]["passed"] is False
    failed = sorted(name for name, r in rules.items() if not r["passed"])
    assert failed == [
        "equity_multiple",
        "min_age_years",
        "min_health",
        "positive_result",
        "rat_years",
    ]
    assert rules["rat_years"]["reason"] == "no RAT recorded for 2024"
    # What a reader translates: a code per finding with its values, not the sentence.
    assert rules["rat_years"]["findings"] == [
        {"code": "rat_years.missing", "params": {"years": "2024"}}
    ]
    assert rules["min_age_years"]["findings"] == [
        {"code": "min_age_years.too_young", "params": {"years": "1", "required": "2"}}
    ]
    assert rules["min_health"]["findings"][0]["code"] == "min_health.too_low"
    assert rules["min_health"]["findings"][0]["params"]["category"] == "dalam_pengawasan"
    assert rules["positive_result"]["findings"][0]["code"] == "positive_result.not_positive"
    assert rules["positive_result"]["findings"][0]["params"]["amount"] == "-5000000.00"
    assert rules["legal_entity"]["findings"] == [{"code": "legal_entity.present", "params": {}}]
    assert rules["min_age_years"]["reason"] == "operating 1 years; the product needs 2"
    assert rules["min_health"]["observed"] == "dalam_pengawasan"
    assert rules["min_health"]["required"] == "cukup_sehat"
    assert rules["equity_multiple"]["required"] == "400000000.00"
    assert rules["legal_entity"]["passed"] is True
    history = (
        await client.get(f"/v1/applications/{app_id}/history", headers=tokens.officer)
    ).json()["items"]
    assert history[-1]["action"] == "fail_eligibility"
    assert history[-1]["note"].startswith("failed: min_age_years")
    async with app.state.engine.connect() as conn:
        types = (
            (
                await conn.execute(
                    text("SELECT type FROM outbox_events WHERE subject = :s ORDER BY seq"),
                    {"s": app_id},
                )
            )
            .scalars()
            .all()
        )
    assert [t for t in types if t != "financing.application.status_changed"] == [
        "financing.application.submitted",
        "financing.application.eligibility_failed",
        "financing.application.rejected",
    ]
    assert types.count("financing.application.status_changed") == 3


async def test_a_cooperative_unknown_to_the_registry_fails_eligibility(client, tokens):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    app_id = await _submit(client, tokens, product["id"], uuid.uuid4())
    body = await _get(client, tokens, app_id)
    assert body["status"] == "rejected"
    checks = (
        await client.get(f"/v1/applications/{app_id}/eligibility", headers=tokens.officer)
    ).json()["items"]
    assert checks[0]["rules"][0]["rule"] == "registered"


async def test_registry_down_the_application_waits_and_the_job_retries(
    app, client, tokens, fake_registry
):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    fake_registry.add(coop)
    deps = EligibilityDeps.from_app(app)
    for mode in ("unavailable", "unreachable"):
        fake_registry.mode = mode
        app_id = await _submit(client, tokens, product["id"], coop)
        body = await _get(client, tokens, app_id)
        assert body["status"] == "eligibility_check"
        assert body["eligibility_attempts"] == 1
        assert "registry" in body["eligibility_last_error"]
        next_at = datetime.fromisoformat(body["eligibility_next_at"])
        assert next_at > datetime.now(UTC)
        assert (
            await client.get(f"/v1/applications/{app_id}/eligibility", headers=tokens.officer)
        ).json()["items"] == []

        # Not due yet: the job leaves it alone.
        assert await run_eligibility_retries(deps) == {}
        # Due, registry still down: still waiting, with a longer back-off.
        later = datetime.now(UTC) + timedelta(hours=2)
        assert await run_eligibility_retries(deps, now=later) == {"waiting": 1}
        body = await _get(client, tokens, app_id)
        assert body["status"] == "eligibility_check" and body["eligibility_attempts"] == 2
        assert datetime.fromisoformat(body["eligibility_next_at"]) - datetime.now(UTC) > timedelta(
            seconds=45
        )
        # The registry is back: the next round decides.
        fake_registry.mode = "up"
        assert await run_eligibility_retries(deps, now=later) == {"desk_review": 1}
        body = await _get(client, tokens, app_id)
        assert body["status"] == "desk_review" and body["eligibility_attempts"] == 3
        assert body["eligibility_next_at"] is None and body["eligibility_last_error"] is None
        # Nothing is left for another round.
        assert await run_eligibility_retries(deps, now=later) == {}

    audit = await client.get(
        "/v1/audit-records", params={"action": "application.submit"}, headers=tokens.officer
    )
    assert {r["outcome"] for r in audit.json()["items"]} == {"succeeded"}


async def test_withdrawn_while_waiting_is_not_checked_later(app, client, tokens, fake_registry):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    fake_registry.add(coop)
    fake_registry.mode = "unavailable"
    app_id = await _submit(client, tokens, product["id"], coop)
    resp = await client.post(
        f"/v1/applications/{app_id}/withdraw", json={}, headers=tokens.cooperative(coop)
    )
    assert resp.json()["status"] == "withdrawn"
    fake_registry.mode = "up"
    calls = fake_registry.calls
    later = datetime.now(UTC) + timedelta(hours=2)
    assert await run_eligibility_retries(EligibilityDeps.from_app(app), now=later) == {}
    assert fake_registry.calls == calls
    assert (await _get(client, tokens, app_id))["status"] == "withdrawn"


async def test_no_transaction_is_open_while_the_registry_answers(
    app, client, tokens, fake_registry
):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    fake_registry.add(coop)
    seen: list[int] = []

    async def look() -> None:
        async with app.state.engine.connect() as conn:
            seen.append(
                await conn.scalar(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
                    )
                )
            )

    fake_registry.on_call = look
    app_id = await _submit(client, tokens, product["id"], coop)
    assert (await _get(client, tokens, app_id))["status"] == "desk_review"
    assert seen == [0]


async def test_the_service_retries_in_the_background(
    settings, issuer, registry_http, client, tokens, fake_registry
):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    fake_registry.add(coop)
    fake_registry.mode = "unreachable"
    app_id = await _submit(client, tokens, product["id"], coop)
    fake_registry.mode = "up"
    eager = settings.model_copy(
        update={
            "eligibility_retry_enabled": True,
            "eligibility_retry_interval_seconds": 0.05,
            "eligibility_retry_base_seconds": 0.0,
        }
    )
    # Make the waiting application due now (its back-off was computed with the 30 s default).
    other = create_app(eager, registry_http=registry_http, key_source=issuer.key_source)
    async with running(other):
        async with other.state.sessionmaker() as session, session.begin():
            await session.execute(
                text("UPDATE applications SET eligibility_next_at = now() WHERE id = :i"),
                {"i": app_id},
            )
        for _ in range(600):  # bounded: 30 s and more (the loop's round on a slow machine)
            async with httpx.AsyncClient(
                transport=httpx.ASGITransport(app=other), base_url="http://f"
            ) as c:
                body = (await c.get(f"/v1/applications/{app_id}", headers=tokens.officer)).json()
            if body["status"] != "eligibility_check":
                break
            await asyncio.sleep(0.05)
    assert body["status"] == "desk_review"


async def test_the_cli_job_runs_a_round_with_its_own_connections(
    settings, client, tokens, fake_registry
):
    from sqlalchemy import text as sql

    from financing.jobs import retry_eligibility

    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    fake_registry.add(coop)
    fake_registry.mode = "unavailable"
    app_id = await _submit(client, tokens, product["id"], coop)
    # The job builds its own engine and registry client from settings; nothing listens on the
    # registry URL here, so the round records one more failed attempt and keeps it waiting.
    job_settings = settings.model_copy(
        update={"registry_url": "http://127.0.0.1:9", "outgoing_timeout_seconds": 1.0}
    )
    from kopmod_shared.db import create_engine

    engine = create_engine(settings.database_url)
    async with engine.begin() as conn:
        await conn.execute(
            sql("UPDATE applications SET eligibility_next_at = now() WHERE id = :i"), {"i": app_id}
        )
    await engine.dispose()
    assert await retry_eligibility(job_settings) == {"waiting": 1}
    body = await _get(client, tokens, app_id)
    assert body["status"] == "eligibility_check" and body["eligibility_attempts"] == 2
    assert "registry unreachable" in body["eligibility_last_error"]


async def test_an_officer_retries_eligibility_now(client, tokens, fake_registry):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    fake_registry.add(coop)
    fake_registry.mode = "unreachable"
    app_id = await _submit(client, tokens, product["id"], coop)
    url = f"/v1/applications/{app_id}/eligibility-retry"
    still_down = await client.post(url, headers=tokens.officer)
    assert still_down.status_code == 202
    body = await _get(client, tokens, app_id)
    assert body["status"] == "eligibility_check" and body["eligibility_attempts"] == 2
    fake_registry.mode = "up"
    assert (await client.post(url, headers=tokens.cooperative(coop))).status_code == 403
    resp = await client.post(url, headers=tokens.officer)
    assert resp.status_code == 202
    assert (await _get(client, tokens, app_id))["status"] == "desk_review"
    again = await client.post(url, headers=tokens.officer)
    assert again.status_code == 409
    assert again.json()["current_state"] == "desk_review"


async def test_the_worker_as_its_own_process_takes_up_a_submission(
    settings, client, tokens, fake_registry
):
    """``kopmod jobs eligibility-worker``: the loop with its own engine and registry client.
    Nothing listens at its registry URL here, so its attempt is recorded as waiting."""
    from financing.jobs import eligibility_worker

    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    created = await draft(client, tokens, product["id"], coop)
    resp = await client.post(
        f"/v1/applications/{created['id']}/submit", headers=tokens.cooperative(coop)
    )
    assert resp.json()["status"] == "eligibility_check"
    assert resp.json()["eligibility_attempts"] == 0
    job_settings = settings.model_copy(
        update={"registry_url": "http://127.0.0.1:9", "outgoing_timeout_seconds": 1.0}
    )
    worker = asyncio.create_task(eligibility_worker(job_settings))
    try:
        for _ in range(200):
            body = await _get(client, tokens, created["id"])
            if body["eligibility_attempts"]:
                break
            await asyncio.sleep(0.05)
    finally:
        worker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await worker
    assert body["status"] == "eligibility_check" and body["eligibility_attempts"] == 1
    assert "registry unreachable" in body["eligibility_last_error"]
