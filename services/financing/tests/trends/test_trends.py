"""The fund month by month: disbursed against repaid, and the NPL trend as a loan falls behind
(from the month ends end of day writes), with filters (product, province, cohort) and CSV."""

from __future__ import annotations

import uuid
from datetime import date

from ..loans.conftest import eod, make_fund, signed_loan


async def test_flows_and_npl_by_month(app, client, tokens, fake_registry):
    fund = await make_fund(client, tokens, "100000000.00")
    loan = await signed_loan(app, fund, province="33")
    resp = await client.post(
        f"/v1/loans/{loan}/disbursements", json={"amount": "12000000.00"}, headers=tokens.officer
    )
    assert resp.status_code == 201, resp.text
    await eod(client, tokens, fund, date(2026, 2, 5))
    resp = await client.post(
        f"/v1/loans/{loan}/repayments",
        json={"amount": "1120000.00", "external_reference": "BRI-1"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    # Nothing more is paid: by mid-June the March installment is over 91 days late (class 3).
    await eod(client, tokens, fund, date(2026, 6, 14))

    params = {"date_from": "2026-01-01"}
    flows = await client.get(
        f"/v1/funds/{fund.id}/reports/monthly-flows", params=params, headers=tokens.committee
    )
    assert flows.status_code == 200, flows.text
    months = {m["month"]: m for m in flows.json()["months"]}
    assert list(months) == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]
    assert months["2026-01"]["disbursed"] == "12000000.00"
    assert months["2026-02"]["repaid"] == "1120000.00"
    assert months["2026-01"]["net"] == "-12000000.00"

    trend = await client.get(
        f"/v1/funds/{fund.id}/reports/npl-trend", params=params, headers=tokens.officer
    )
    assert trend.status_code == 200, trend.text
    by_month = {m["month"]: m for m in trend.json()["months"]}
    assert by_month["2026-01"]["npl_ratio"] == "0.0000"
    assert by_month["2026-01"]["outstanding"] == "12000000.00"
    assert by_month["2026-03"]["class_2"] == "11000000.00"
    june = by_month["2026-06"]
    assert june["as_of"] == "2026-06-15"
    assert june["class_3"] == "11000000.00" and june["npl_ratio"] == "1.0000"

    other = await client.get(
        f"/v1/funds/{fund.id}/reports/npl-trend",
        params={**params, "province_code": "35"},
        headers=tokens.officer,
    )
    assert all(m["outstanding"] == "0.00" for m in other.json()["months"])
    exported = await client.get(
        f"/v1/funds/{fund.id}/reports/npl-trend",
        params={**params, "format": "csv"},
        headers=tokens.officer,
    )
    lines = exported.text.splitlines()
    assert lines[0].startswith("month,as_of,loans,outstanding,non_performing,npl_ratio")
    assert len(lines) == 7
    too_long = await client.get(
        f"/v1/funds/{fund.id}/reports/monthly-flows",
        params={"date_from": "2020-01-01"},
        headers=tokens.officer,
    )
    assert too_long.status_code == 422

    # A programme cohort: the registry says who is in it.
    coop = (await client.get(f"/v1/loans/{loan}", headers=tokens.officer)).json()["cooperative_id"]
    fake_registry.cohorts[uuid.UUID(coop)] = 2022
    for cohort, outstanding in ((2022, "11000000.00"), (2023, "0.00")):
        by_cohort = await client.get(
            f"/v1/funds/{fund.id}/reports/npl-trend",
            params={**params, "cohort_year": cohort},
            headers=tokens.officer,
        )
        assert by_cohort.json()["months"][-1]["outstanding"] == outstanding, by_cohort.text
        flows = await client.get(
            f"/v1/funds/{fund.id}/reports/monthly-flows",
            params={**params, "cohort_year": cohort},
            headers=tokens.officer,
        )
        first = flows.json()["months"][0]["disbursed"]
        assert first == ("12000000.00" if cohort == 2022 else "0.00"), flows.text
    fake_registry.mode = "unavailable"
    down = await client.get(
        f"/v1/funds/{fund.id}/reports/npl-trend",
        params={**params, "cohort_year": 2022},
        headers=tokens.officer,
    )
    assert down.status_code == 503 and down.headers["content-type"].startswith(
        "application/problem+json"
    ), down.text


async def test_months_no_end_of_day_closed_are_no_data(app, client, tokens, fake_registry):
    """The fund's business date starts on 5 January 2026: November and December 2025 were never
    closed by end of day, so their zeros are "no data", not "nothing lent"."""
    fund = await make_fund(client, tokens, "100000000.00")
    loan = await signed_loan(app, fund, province="33")
    resp = await client.post(
        f"/v1/loans/{loan}/disbursements", json={"amount": "12000000.00"}, headers=tokens.officer
    )
    assert resp.status_code == 201, resp.text
    await eod(client, tokens, fund, date(2026, 3, 10))
    trend = await client.get(
        f"/v1/funds/{fund.id}/reports/npl-trend",
        params={"date_from": "2025-11-01"},
        headers=tokens.officer,
    )
    assert trend.status_code == 200, trend.text
    closed = {m["month"]: m["closed"] for m in trend.json()["months"]}
    assert closed == {
        "2025-11": False,
        "2025-12": False,
        "2026-01": True,
        "2026-02": True,
        "2026-03": True,  # the business date's month: the loans' accounts now
    }
    exported = await client.get(
        f"/v1/funds/{fund.id}/reports/npl-trend",
        params={"date_from": "2025-11-01", "format": "csv"},
        headers=tokens.officer,
    )
    assert exported.text.splitlines()[0].endswith(",closed")


async def test_the_position_and_forecast_narrow_to_a_cohort_product_or_province(
    app, client, tokens, fake_registry
):
    fund = await make_fund(client, tokens, "100000000.00")
    loan = await signed_loan(app, fund, province="33")
    resp = await client.post(
        f"/v1/loans/{loan}/disbursements", json={"amount": "12000000.00"}, headers=tokens.officer
    )
    assert resp.status_code == 201, resp.text
    await eod(client, tokens, fund, date(2026, 3, 10))
    coop = (await client.get(f"/v1/loans/{loan}", headers=tokens.officer)).json()["cooperative_id"]
    fake_registry.cohorts[uuid.UUID(coop)] = 2022
    url = f"/v1/funds/{fund.id}/cash-forecast"

    async def forecast(**params: object) -> dict:
        resp = await client.get(url, params={"months": 6, **params}, headers=tokens.committee)
        assert resp.status_code == 200, resp.text
        return dict(resp.json())

    whole = await forecast()
    owed = [m["total"] for m in whole["months"]]
    assert any(t != "0.00" for t in owed) and whole["overdue"]["principal"] != "0.00"
    for narrowed in (await forecast(cohort_year=2022), await forecast(province_code="33")):
        assert narrowed == whole  # the one loan is in the cohort and the province
    for other in (await forecast(cohort_year=2023), await forecast(province_code="35")):
        assert [m["total"] for m in other["months"]] == ["0.00"] * 6
        assert other["overdue"]["total"] == "0.00"
        assert other["cash_now"] == whole["cash_now"]  # cash is the fund's, not a cohort's

    # The position: the loan book's figures narrowed, cash the fund's.
    async def position(**params: object) -> dict:
        resp = await client.get(
            f"/v1/funds/{fund.id}/position", params=params, headers=tokens.committee
        )
        assert resp.status_code == 200, resp.text
        return dict(resp.json())

    fund_wide = await position()
    assert fund_wide["narrowed"] is False and fund_wide["principal_outstanding"] != "0.00"
    mine = await position(cohort_year=2022)
    assert mine["narrowed"] is True
    for key in ("cash", "committed", "principal_outstanding", "income_to_date", "capital"):
        assert mine[key] == fund_wide[key], key  # the one loan is all of the book
    none = await position(cohort_year=2023)
    assert none["principal_outstanding"] == "0.00" and none["income_to_date"] == "0.00"
    assert none["committed"] == "0.00"
    assert none["cash"] == fund_wide["cash"] and none["capital"] == fund_wide["capital"]
    assert (await position(province_code="35"))["principal_outstanding"] == "0.00"

    fake_registry.mode = "unavailable"
    for path in (url, f"/v1/funds/{fund.id}/position"):
        down = await client.get(path, params={"cohort_year": 2022}, headers=tokens.committee)
        assert down.status_code == 503, down.text
