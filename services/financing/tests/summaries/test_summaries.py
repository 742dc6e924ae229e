"""Financing summaries through HTTP: the record a cooperative built, who may read it, bulk."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import httpx

from kopmod_shared.clients import FinancingClient

from ..loans.conftest import eod, make_fund, signed_loan, write_off


async def _disburse(client, tokens, loan_id, amount="12000000.00") -> None:  # type: ignore[no-untyped-def]
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements", json={"amount": amount}, headers=tokens.officer
    )
    assert resp.status_code == 201, resp.text


async def _installment_total(client, tokens, loan_id, number: int) -> str:  # type: ignore[no-untyped-def]
    resp = await client.get(f"/v1/loans/{loan_id}/schedule", headers=tokens.officer)
    assert resp.status_code == 200, resp.text
    row = resp.json()["rows"][number - 1]
    return str(Decimal(row["principal"]) + Decimal(row["interest"]))


async def _record_with_one_late_installment(app, client, tokens, bank):  # type: ignore[no-untyped-def]
    """Cooperative A: one loan, installment 1 paid on its due date, installment 2 unpaid 30 days
    after it fell due; a second signed loan not yet disbursed."""
    fund = await make_fund(client, tokens, "30000000.00")
    coop = uuid.uuid4()
    loan_id = await signed_loan(app, fund, cooperative_id=coop, penalty_rate=None, max_tranches=1)
    await signed_loan(app, fund, cooperative_id=coop, amount="5000000.00")
    await _disburse(client, tokens, loan_id)
    await eod(client, tokens, fund, date(2026, 2, 4))
    first = await _installment_total(client, tokens, loan_id, 1)
    resp = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": first, "external_reference": "BRI-1", "value_date": "2026-02-05"},
        headers=bank,
    )
    assert resp.status_code == 201, resp.text
    await eod(client, tokens, fund, date(2026, 4, 4))  # installment 2 fell due 5 March
    return fund, coop, loan_id


async def test_summary_of_a_cooperative_with_a_late_installment(app, client, tokens, bank) -> None:
    _, coop, _ = await _record_with_one_late_installment(app, client, tokens, bank)
    resp = await client.get(
        f"/v1/cooperatives/{coop}/financing-summary", headers=tokens("service", sub="svc-registry")
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["cooperative_id"] == str(coop)
    assert body["as_of"] == "2026-04-05"
    assert body["applications_total"] == 2
    assert body["applications_by_status"] == {"signed": 2}
    assert body["applications_approved"] == 2 and body["applications_in_review"] == 0
    assert body["loans_total"] == 2 and body["active_loans"] == 1
    assert body["outstanding_principal"] == "11000000.00"
    assert body["disbursed_total"] == "12000000.00"
    # Counted on 5 April: installment 1 (paid on 5 Feb) and 2 (5 Mar, unpaid); installment 3
    # falls due today and is not late yet.
    assert body["installments_due"] == 2
    assert body["installments_paid_on_time"] == 1
    assert body["on_time_share"] == "0.5000"
    assert body["current_collectibility"] == 2  # 31 days past due
    assert body["worst_collectibility"] == 2
    assert body["written_off_loans"] == 0 and body["any_written_off"] is False
    # Technology adoption: both applications were started on the platform this year.
    assert body["applications_recent"] == 2 and body["webhook_endpoints"] == 0
    subscribed = await client.post(
        "/v1/webhooks",
        json={"url": "https://hooks.koperasi.test/kopmod", "event_types": []},
        headers=tokens.cooperative(coop),
    )
    assert subscribed.status_code == 201, subscribed.text
    again = await client.get(
        f"/v1/cooperatives/{coop}/financing-summary", headers=tokens("service", sub="svc-registry")
    )
    assert again.json()["webhook_endpoints"] == 1


async def test_write_off_shows_in_the_record(app, client, tokens, bank) -> None:
    fund = await make_fund(client, tokens, "12000000.00")
    coop = uuid.uuid4()
    loan_id = await signed_loan(app, fund, cooperative_id=coop, penalty_rate=None, max_tranches=1)
    await _disburse(client, tokens, loan_id)
    await eod(client, tokens, fund, date(2026, 8, 4))
    await write_off(client, tokens, loan_id, "macet")
    body = (
        await client.get(f"/v1/cooperatives/{coop}/financing-summary", headers=tokens.officer)
    ).json()
    assert body["active_loans"] == 0 and body["outstanding_principal"] == "0.00"
    assert body["written_off_loans"] == 1 and body["any_written_off"] is True
    assert body["current_collectibility"] is None
    assert body["worst_collectibility"] == 5
    # Written off on 5 August: the six installments due 5 February to 5 July were all late.
    assert body["installments_due"] == 6
    assert body["installments_paid_on_time"] == 0 and body["on_time_share"] == "0.0000"


async def test_who_reads_a_summary(app, client, tokens, bank) -> None:
    _, coop, _ = await _record_with_one_late_installment(app, client, tokens, bank)
    url = f"/v1/cooperatives/{coop}/financing-summary"
    own = await client.get(url, headers=tokens.cooperative(coop))
    assert own.status_code == 200 and own.json()["loans_total"] == 2
    for headers in (tokens("ministry"), tokens.committee):
        resp = await client.get(url, headers=headers)
        assert resp.status_code == 200 and resp.json()["active_loans"] == 1
    # The platform operator does not read cooperatives' financing.
    assert (await client.get(url, headers=tokens.admin)).status_code == 403
    other = await client.get(url, headers=tokens.cooperative(uuid.uuid4()))
    assert other.status_code == 404
    assert other.headers["content-type"].startswith("application/problem+json")
    assert "loans_total" not in other.json()
    offtaker = await client.get(url, headers=tokens("offtaker", org=uuid.uuid4()))
    assert offtaker.status_code == 403
    partner = await client.get(url, headers=tokens("partner", scopes=["repayments"]))
    assert partner.status_code == 403
    assert (await client.get(url)).status_code == 401
    # A cooperative may not list others in bulk.
    bulk = await client.get(
        "/v1/financing-summaries",
        params={"cooperative_id": str(coop)},
        headers=tokens.cooperative(coop),
    )
    assert bulk.status_code == 403


async def test_a_cooperative_without_financing_has_zero_counts(client, tokens) -> None:
    coop = uuid.uuid4()
    body = (
        await client.get(f"/v1/cooperatives/{coop}/financing-summary", headers=tokens.officer)
    ).json()
    assert body["applications_total"] == 0 and body["applications_by_status"] == {}
    assert body["loans_total"] == 0 and body["outstanding_principal"] == "0.00"
    assert body["on_time_share"] is None and body["worst_collectibility"] is None
    assert body["current_collectibility"] is None and body["any_written_off"] is False


async def test_bulk_by_ids_and_paginated_list(app, client, tokens, bank) -> None:
    _, coop, _ = await _record_with_one_late_installment(app, client, tokens, bank)
    fund = await make_fund(client, tokens, "20000000.00")
    others = sorted([uuid.uuid4(), uuid.uuid4()])
    for other in others:
        await signed_loan(app, fund, cooperative_id=other, amount="1000000.00")
    unknown = uuid.uuid4()
    service = tokens("service", sub="svc-registry")

    resp = await client.get(
        "/v1/financing-summaries",
        params=[("cooperative_id", str(unknown)), ("cooperative_id", str(coop))],
        headers=service,
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert [i["cooperative_id"] for i in body["items"]] == [str(unknown), str(coop)]
    assert body["items"][0]["loans_total"] == 0
    assert body["items"][1]["outstanding_principal"] == "11000000.00"
    assert body["next_cursor"] is None

    too_many = await client.get(
        "/v1/financing-summaries",
        params=[("cooperative_id", str(uuid.uuid4())) for _ in range(101)],
        headers=service,
    )
    assert too_many.status_code == 422
    assert too_many.json()["errors"][0]["field"] == "query.cooperative_id"

    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = (await client.get("/v1/financing-summaries", params=params, headers=service)).json()
        pages += 1
        seen.extend(i["cooperative_id"] for i in page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert pages == 2
    assert seen == sorted(str(c) for c in [coop, *others])


async def test_the_products_tolerance_counts_as_on_time(app, client, tokens, bank) -> None:
    fund = await make_fund(client, tokens, "12000000.00")
    coop = uuid.uuid4()
    loan_id = await signed_loan(
        app, fund, cooperative_id=coop, penalty_rate=None, max_tranches=1, tolerance_days=5
    )
    await _disburse(client, tokens, loan_id)
    await eod(client, tokens, fund, date(2026, 2, 7))
    first = await _installment_total(client, tokens, loan_id, 1)
    resp = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": first, "external_reference": "BRI-1", "value_date": "2026-02-08"},
        headers=bank,
    )
    assert resp.status_code == 201, resp.text
    # 8 March: installment 2 (due 5 March) is unpaid but still within the 5-day tolerance.
    await eod(client, tokens, fund, date(2026, 3, 7))
    body = (
        await client.get(f"/v1/cooperatives/{coop}/financing-summary", headers=tokens.officer)
    ).json()
    assert body["as_of"] == "2026-03-08"
    assert body["installments_due"] == 1 and body["installments_paid_on_time"] == 1
    assert body["on_time_share"] == "1.0000"
    assert body["current_collectibility"] == 1 and body["worst_collectibility"] == 1


async def test_the_shared_client_reads_the_summaries(app, client, tokens, bank) -> None:
    _, coop, _ = await _record_with_one_late_installment(app, client, tokens, bank)
    nobody = uuid.uuid4()
    http = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), headers=tokens("service", sub="svc-registry")
    )
    async with http:
        financing = FinancingClient("http://financing.test", http)
        one = await financing.financing_summary(coop)
        assert one.outstanding_principal == Decimal("11000000.00")
        assert one.on_time_share == Decimal("0.5") and one.current_collectibility == 2
        many = await financing.financing_summaries([nobody, coop])
        assert [s.cooperative_id for s in many] == [nobody, coop]
        assert many[0].loans_total == 0 and many[1] == one
        every = [s async for s in financing.all_financing_summaries(limit=1)]
        assert [s.cooperative_id for s in every] == [coop]
