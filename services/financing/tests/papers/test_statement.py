"""The loan statement as a PDF: the disbursement and a repayment, amounts in rupiah."""

from __future__ import annotations

from ..loans.conftest import make_fund, signed_loan
from .pdftext import pdf_text


async def test_statement_pdf_lists_transactions(app, client, tokens):
    fund = await make_fund(client, tokens, "100000000.00")
    loan_id = await signed_loan(app, fund, amount="12000000.00")
    resp = await client.post(
        f"/v1/loans/{loan_id}/disbursements",
        json={"amount": "12000000.00"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    resp = await client.post(
        f"/v1/loans/{loan_id}/repayments",
        json={"amount": "1120000.00", "external_reference": "BRI-0001"},
        headers=tokens.officer,
    )
    assert resp.status_code == 201, resp.text
    pdf = await client.get(f"/v1/loans/{loan_id}/statement.pdf", headers=tokens.officer)
    assert pdf.status_code == 200
    text = pdf_text(pdf.content)
    assert "REKENING KORAN PINJAMAN" in text
    assert "Pencairan" in text and "Rp12.000.000,00" in text
    assert "Angsuran" in text and "Rp1.120.000,00" in text and "BRI-0001" in text
    assert "5 Januari 2026" in text
    other = await client.get(
        f"/v1/loans/{loan_id}/statement.pdf", headers=tokens.cooperative(fund.id)
    )
    assert other.status_code == 404
