"""The work queues: applications by state, age and holder; the collection list by OJK class
with the latest promise to pay; installments due this week; promises kept or broken; CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

from ..applications.test_four_eyes_by_person import person_token
from ..helpers import funded_fund, in_committee, make_product, submitted
from ..loans.conftest import eod, make_fund, signed_loan


async def test_application_queue_by_state_and_holder(app, client, tokens, fake_registry):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    waiting = await submitted(client, tokens, fake_registry, product["id"])
    siti = person_token(tokens, "fund_officer", "siti", "kopmod-console")
    referred = await in_committee(client, tokens, fake_registry, product["id"], officer=siti)
    survey = await client.post(
        f"/v1/applications/{waiting['id']}/field-survey", json={}, headers=siti
    )
    assert survey.status_code == 200

    resp = await client.get("/v1/queues/applications", headers=tokens.officer)
    assert resp.status_code == 200, resp.text
    rows = {r["application_id"]: r for r in resp.json()["items"]}
    assert rows[waiting["id"]]["status"] == "field_survey"
    assert rows[waiting["id"]]["holder"] == "siti"
    assert rows[referred["id"]]["holder"] == "committee"
    assert all(r["age_days"] == 0 for r in rows.values())

    only = await client.get(
        "/v1/queues/applications", params={"status": "committee"}, headers=tokens.committee
    )
    assert [r["application_id"] for r in only.json()["items"]] == [referred["id"]]
    other_province = await client.get(
        "/v1/queues/applications", params={"province_code": "99"}, headers=tokens.officer
    )
    assert other_province.json() == {"items": [], "next_cursor": None}

    # One row a page: the two pages hold both applications, oldest in its state first.
    first = (
        await client.get("/v1/queues/applications", params={"limit": 1}, headers=tokens.officer)
    ).json()
    assert len(first["items"]) == 1 and first["next_cursor"]
    second = (
        await client.get(
            "/v1/queues/applications",
            params={"limit": 1, "cursor": first["next_cursor"]},
            headers=tokens.officer,
        )
    ).json()
    assert second["next_cursor"] is None
    paged = [r["application_id"] for r in first["items"] + second["items"]]
    assert paged == [r["application_id"] for r in resp.json()["items"]]
    assert set(paged) == {waiting["id"], referred["id"]}

    exported = await client.get(
        "/v1/queues/applications", params={"format": "csv"}, headers=tokens.officer
    )
    assert exported.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(exported.text)))
    assert {r["application_id"] for r in table} == {waiting["id"], referred["id"]}
    # The cooperative has no work queue.
    coop = tokens.cooperative(waiting["cooperative_id"])
    assert (await client.get("/v1/queues/applications", headers=coop)).status_code == 403


async def test_collection_due_and_promises(app, client, tokens):
    fund = await make_fund(client, tokens, "100000000.00")
    late = await signed_loan(app, fund, province="33")
    fine = await signed_loan(app, fund, province="35")
    for loan in (late, fine):
        resp = await client.post(
            f"/v1/loans/{loan}/disbursements",
            json={"amount": "12000000.00"},
            headers=tokens.officer,
        )
        assert resp.status_code == 201, resp.text

    # Due this week, seen from 2026-01-30: both loans' first installments (5 February).
    await eod(client, tokens, fund, date(2026, 1, 29))
    due = await client.get(f"/v1/funds/{fund.id}/due", headers=tokens.officer)
    assert due.status_code == 200, due.text
    body = due.json()
    assert (body["date_from"], body["date_to"]) == ("2026-01-30", "2026-02-06")
    assert sorted(r["loan_id"] for r in body["rows"]) == sorted([str(late), str(fine)])
    assert {r["due_date"] for r in body["rows"]} == {"2026-02-05"}

    # One pays, one does not; ten days later the late one is in collection, class 2.
    resp = await client.post(
        f"/v1/loans/{fine}/repayments",
        json={"amount": "1120000.00", "external_reference": "BRI-1", "value_date": "2026-01-30"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    await eod(client, tokens, fund, date(2026, 2, 15))
    listing = await client.get(f"/v1/funds/{fund.id}/collection", headers=tokens.officer)
    assert listing.status_code == 200, listing.text
    [row] = listing.json()["rows"]
    assert row["loan_id"] == str(late)
    assert (row["days_past_due"], row["collectibility"]) == (11, 2)
    assert row["promised_on"] is None
    none = await client.get(
        f"/v1/funds/{fund.id}/collection", params={"collectibility": 3}, headers=tokens.officer
    )
    assert none.json()["rows"] == []

    # A promise to pay by 20 February; the list shows it open, then kept once paid.
    promise = await client.post(
        f"/v1/loans/{late}/promises-to-pay",
        json={"promised_on": "2026-02-20", "amount": "1120000.00", "note": "panen minggu depan"},
        headers=tokens.officer,
    )
    assert promise.status_code == 201, promise.text
    assert promise.json()["status"] == "open"
    past = await client.post(
        f"/v1/loans/{late}/promises-to-pay",
        json={"promised_on": "2026-02-01", "amount": "1.00"},
        headers=tokens.officer,
    )
    assert past.status_code == 422
    listing = await client.get(f"/v1/funds/{fund.id}/collection", headers=tokens.officer)
    assert listing.json()["rows"][0]["promised_on"] == "2026-02-20"
    resp = await client.post(
        f"/v1/loans/{late}/repayments",
        json={"amount": "1200000.00", "external_reference": "BRI-2"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    kept = await client.get(
        f"/v1/funds/{fund.id}/promises-to-pay", params={"status": "kept"}, headers=tokens.officer
    )
    assert [p["loan_id"] for p in kept.json()["items"]] == [str(late)]
    assert kept.json()["items"][0]["paid"] == "1200000.00"
    for status in ("open", "broken"):
        other = await client.get(
            f"/v1/funds/{fund.id}/promises-to-pay",
            params={"status": status},
            headers=tokens.officer,
        )
        assert other.json() == {"items": [], "next_cursor": None}
    exported = await client.get(
        f"/v1/funds/{fund.id}/collection", params={"format": "csv"}, headers=tokens.officer
    )
    assert exported.text.splitlines()[0].startswith("loan_id,cooperative_id,product_id")
