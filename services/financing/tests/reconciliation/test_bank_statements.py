"""Repayments from a bank statement: the preview tells matched, already booked, not matched and
invalid lines apart; commit books the matched ones; the same file twice books nothing twice;
a line the loan refuses fails alone."""

from __future__ import annotations

import uuid

from ..loans.conftest import make_fund, signed_loan


async def _active_loan(app, client, tokens, fund, amount="12000000.00"):
    loan_id = await signed_loan(app, fund, amount=amount)
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements", json={"amount": amount}, headers=tokens.officer
    )
    assert resp.status_code == 201, resp.text
    return loan_id


def _csv(rows: list[str]) -> bytes:
    return ("tanggal;jumlah;referensi;keterangan\n" + "\n".join(rows) + "\n").encode()


async def _upload(client, tokens, fund_id, data: bytes, name="mutasi.csv"):
    return await client.post(
        f"/v1/funds/{fund_id}/bank-statements",
        files={"file": (name, data, "text/csv")},
        headers=tokens.officer,
    )


async def test_preview_commit_and_the_same_file_twice(app, client, tokens, bank):
    fund = await make_fund(client, tokens, "100000000.00")
    loan_a = await _active_loan(app, client, tokens, fund)
    loan_b = await _active_loan(app, client, tokens, fund)
    # One payment is already booked through the API (the bank posted it directly).
    resp = await client.post(
        f"/v1/loans/{loan_b}/repayments",
        json={"amount": "500000.00", "external_reference": "TRF-002"},
        headers=bank,
    )
    assert resp.status_code == 201, resp.text
    data = _csv(
        [
            f"05/01/2026;1.120.000,00;TRF-001;angsuran pinjaman {loan_a}",
            f"05/01/2026;500.000,00;TRF-002;angsuran {loan_b}",
            "05/01/2026;750.000,00;TRF-003;titipan tanpa nomor pinjaman",
            f"05/01/2026;abc;TRF-004;angsuran {loan_a}",
            f"05/01/2026;100.000,00;TRF-005;pinjaman {uuid.uuid4()}",
        ]
    )
    resp = await _upload(client, tokens, fund.id, data)
    assert resp.status_code == 201, resp.text
    preview = resp.json()
    assert preview["status"] == "previewed"
    assert [(line["line_no"], line["preview"]) for line in preview["lines"]] == [
        (1, "matched"),
        (2, "already_booked"),
        (3, "not_matched"),
        (4, "invalid"),
        (5, "not_matched"),
    ]
    assert preview["lines"][0]["loan_id"] == str(loan_a)
    assert preview["lines"][0]["amount"] == "1120000.00"
    assert preview["counts"]["matched"] == 1 and preview["counts"]["matched_amount"] == "1120000.00"
    assert "not a positive amount" in preview["lines"][3]["detail"]
    # Nothing is booked by a preview.
    stmt = await client.get(f"/v1/loans/{loan_a}/statement", headers=tokens.officer)
    assert [r["transaction"]["kind"] for r in stmt.json()["rows"]] == ["disbursement"]

    done = await client.post(
        f"/v1/bank-statements/{preview['id']}/commit", json={}, headers=tokens.officer
    )
    assert done.status_code == 200, done.text
    results = [(line["line_no"], line["result"]) for line in done.json()["lines"]]
    assert results == [
        (1, "booked"),
        (2, "already_booked"),
        (3, "skipped"),
        (4, "skipped"),
        (5, "skipped"),
    ]
    again = await client.post(
        f"/v1/bank-statements/{preview['id']}/commit", json={}, headers=tokens.officer
    )
    assert again.status_code == 409

    # The same file uploaded again: everything it names is booked already.
    second = (await _upload(client, tokens, fund.id, data)).json()
    assert [line["preview"] for line in second["lines"][:2]] == ["already_booked"] * 2
    committed = await client.post(
        f"/v1/bank-statements/{second['id']}/commit", json={}, headers=tokens.officer
    )
    assert committed.json()["counts"]["booked"] == 0
    stmt = await client.get(f"/v1/loans/{loan_a}/statement", headers=tokens.officer)
    repayments = [
        r["transaction"]["external_reference"]
        for r in stmt.json()["rows"]
        if r["transaction"]["kind"] == "repayment"
    ]
    assert repayments == ["TRF-001"]


async def test_a_refused_line_fails_alone(app, client, tokens):
    fund = await make_fund(client, tokens, "100000000.00")
    loan_a = await _active_loan(app, client, tokens, fund)
    pending = await signed_loan(app, fund)  # signed, never disbursed: takes no repayment
    data = _csv(
        [
            f"2026-01-05;1000000;TRF-10;{loan_a}",
            f"2026-02-05;1000000;TRF-11;{loan_a}",  # after the business date
            f"2026-01-05;1000000;TRF-12;{pending}",
        ]
    )
    preview = (await _upload(client, tokens, fund.id, data)).json()
    assert [line["preview"] for line in preview["lines"]] == ["matched", "matched", "not_matched"]
    assert "pending_disbursement" in preview["lines"][2]["detail"]
    done = (
        await client.post(
            f"/v1/bank-statements/{preview['id']}/commit", json={}, headers=tokens.officer
        )
    ).json()
    assert [line["result"] for line in done["lines"]] == ["booked", "failed", "skipped"]
    assert "business date" in done["lines"][1]["detail"]
    assert done["counts"]["booked"] == 1 and done["counts"]["failed"] == 1


async def test_unreadable_files_and_other_funds(app, client, tokens):
    fund = await make_fund(client, tokens, "100000000.00")
    other = await make_fund(client, tokens, "100000000.00")
    loan_other = await _active_loan(app, client, tokens, other)
    resp = await _upload(client, tokens, fund.id, b"nama,alamat\nx,y\n")
    assert resp.status_code == 422
    assert "value_date" in resp.text
    preview = (
        await _upload(client, tokens, fund.id, _csv([f"2026-01-05;1000;T-1;{loan_other}"]))
    ).json()
    assert preview["lines"][0]["preview"] == "not_matched"
    assert preview["lines"][0]["loan_id"] is None
    assert (await _upload(client, tokens, uuid.uuid4(), _csv([]))).status_code == 404
    resp = await client.post(
        f"/v1/funds/{fund.id}/bank-statements",
        files={"file": ("m.csv", _csv([]), "text/csv")},
        headers=tokens.cooperative(uuid.uuid4()),
    )
    assert resp.status_code == 403
