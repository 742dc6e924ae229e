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
