"""The akad: its terms and hash, the PDF a person signs (text read back with pdftotext), the
cooperative's signature opening the loan, the fund's countersignature on the same hash, and a
paper copy checked by the hash printed on it."""

from __future__ import annotations

import uuid

from ..helpers import approved, funded_fund, make_product
from .pdftext import canonical_hash, pdf_text


async def _approved(client, tokens, fake_registry, **product):
    fund = await funded_fund(client, tokens)
    prod = await make_product(client, tokens, fund["id"], **product)
    application = await approved(client, tokens, fake_registry, prod["id"])
    return fund, prod, application


async def test_agreement_terms_hash_and_pdf(app, client, tokens, fake_registry):
    fund, _product, application = await _approved(client, tokens, fake_registry)
    coop = uuid.UUID(application["cooperative_id"])
    url = f"/v1/applications/{application['id']}/agreement"
    resp = await client.get(url, headers=tokens.cooperative(coop))
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["status"] == "offer" and body["signatures"] == []
    terms = body["terms"]
    assert body["terms_hash"] == canonical_hash(terms)
    assert terms["amount"] == "500000000.00"
    assert terms["tenor_periods"] == 36 and terms["grace_periods"] == 3
    assert terms["cooperative"]["name"] == "Koperasi Produsen Kopi Gayo"
    assert terms["fund"]["code"] == fund["code"]
    assert len(terms["schedule"]) == 36
    assert terms["total_principal"] == "500000000.00"
    # The same terms tomorrow or on another read: the same hash.
    again = await client.get(url, headers=tokens.officer)
    assert again.json()["terms_hash"] == body["terms_hash"]

    pdf = await client.get(f"{url}.pdf", headers=tokens.cooperative(coop))
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "AKAD PINJAMAN DANA BERGULIR" in text
    assert "Koperasi Produsen Kopi Gayo" in text
    assert "Rp500.000.000,00" in text
    assert "Suku bunga: 3,00% per tahun" in text
    assert "36 bulan" in text and "masa tenggang" in text
    assert body["terms_hash"] in text
    first = terms["schedule"][0]
    assert f"{int(first['total'].split('.')[0]):,}".replace(",", ".") in text
    assert "Tidak ada syarat tambahan" in text

    # Another cooperative sees nothing of it.
    other = await client.get(url, headers=tokens.cooperative(uuid.uuid4()))
    assert other.status_code == 404


async def test_cooperative_signs_fund_countersigns_and_paper_is_checked(
    app, client, tokens, fake_registry
):
    _, _, application = await _approved(client, tokens, fake_registry)
    coop = uuid.UUID(application["cooperative_id"])
    base = f"/v1/applications/{application['id']}"
    digest = (await client.get(f"{base}/agreement", headers=tokens.officer)).json()["terms_hash"]

    wrong = await client.post(
        f"{base}/sign", json={"terms_hash": "0" * 64}, headers=tokens.cooperative(coop)
    )
    assert wrong.status_code == 409
    assert wrong.json()["type"].endswith("/terms-changed")
    assert wrong.json()["terms_hash"] == digest

    signed = await client.post(
        f"{base}/sign", json={"terms_hash": digest}, headers=tokens.cooperative(coop)
    )
    assert signed.status_code == 201, signed.text
    loan_id = signed.json()["id"]
    assert signed.json()["status"] == "pending_disbursement"

    again = await client.post(
        f"{base}/agreement/signatures",
        json={"terms_hash": digest},
        headers=tokens.cooperative(coop),
    )
    assert again.status_code == 409
    counter = await client.post(
        f"{base}/agreement/signatures", json={"terms_hash": digest}, headers=tokens.officer
    )
    assert counter.status_code == 201, counter.text
    assert counter.json()["party"] == "fund" and counter.json()["loan_id"] == loan_id

    check = await client.get(f"/v1/agreements/{digest}", headers=tokens.cooperative(coop))
    assert check.status_code == 200, check.text
    checked = check.json()
    assert checked["status"] == "signed"
    assert [s["party"] for s in checked["signatures"]] == ["cooperative", "fund"]
    assert checked["signatures"][0]["signed_by"] == f"coop-{coop}"
    assert canonical_hash(checked["terms"]) == digest
    # A paper whose printed hash was altered, or another cooperative asking: no such akad.
    assert (
        await client.get(f"/v1/agreements/{'a' * 64}", headers=tokens.officer)
    ).status_code == 404
    foreign = await client.get(f"/v1/agreements/{digest}", headers=tokens.cooperative(uuid.uuid4()))
    assert foreign.status_code == 404

    text = pdf_text((await client.get(f"{base}/agreement.pdf", headers=tokens.officer)).content)
    assert digest in text
    assert "Pihak Kedua (koperasi): ditandatangani oleh" in text
    assert "Pihak Pertama (dana bergulir): ditandatangani oleh" in text


async def test_before_approval_there_is_no_akad(app, client, tokens, fake_registry):
    from ..helpers import submitted

    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    application = await submitted(client, tokens, fake_registry, product["id"])
    resp = await client.get(
        f"/v1/applications/{application['id']}/agreement", headers=tokens.officer
    )
    assert resp.status_code == 409
    assert resp.json()["current_state"] == "desk_review"


async def test_syariah_murabahah_wording(app, client, tokens, fake_registry):
    _, _, application = await _approved(
        client,
        tokens,
        fake_registry,
        code="MRB-KOP",
        pattern="syariah",
        akad="murabahah",
        method="flat",
    )
    resp = await client.get(
        f"/v1/applications/{application['id']}/agreement.pdf", headers=tokens.officer
    )
    text = pdf_text(resp.content)
    assert "AKAD PEMBIAYAAN SYARIAH (MURABAHAH)" in text
    assert "Margin murabahah: 3,00% per tahun" in text
    assert "Jumlah pembiayaan: Rp500.000.000,00" in text
    assert "Suku bunga" not in text


async def test_profit_sharing_wording(app, client, tokens, fake_registry):
    _, _, application = await _approved(
        client,
        tokens,
        fake_registry,
        code="MDH-KOP",
        pattern="syariah",
        akad="mudharabah",
        profit_share_ratio="0.4",
        initial_rate="0.10",
    )
    agreement = await client.get(
        f"/v1/applications/{application['id']}/agreement", headers=tokens.officer
    )
    assert agreement.json()["terms"]["annual_rate"] == "0.04000000"
    text = pdf_text(
        (
            await client.get(
                f"/v1/applications/{application['id']}/agreement.pdf", headers=tokens.officer
            )
        ).content
    )
    assert "AKAD PEMBIAYAAN SYARIAH (MUDHARABAH)" in text
    assert "Nisbah bagi hasil untuk Pihak Pertama: 40,00%" in text
    assert "Bagi hasil" in text
