"""The staff side in a real browser: an officer reviews an application on the desk, a SECOND
person approves it in the committee with a condition, the akad PDF carries the terms and the
hash the platform holds, the officer records the signed akad, disburses, uploads a repayment
file twice (booked once), runs end of day, and finds the loan in the collection list when it
falls behind; then the servicing forms and a write-off decided by the committee (``servicing``);
the review page shows the deed in the page and the field survey notes; the fund dashboard
draws its charts. axe-core on every page."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta

import pytest
from playwright.async_api import Browser, Page

from .conftest import DESKTOP, MOBILE, assert_accessible, new_page, sign_in
from .desk_steps import fund_with_application
from .platform import Platform
from .servicing import servicing, submit

pytestmark = pytest.mark.e2e
CONDITION = "Jaminan fidusia atas mesin pengupas kopi sebelum pencairan"


def pdf_text(data: bytes) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True)
    return done.stdout.decode()


async def upload_statement(page: Page, platform: Platform, fund_id: str, csv: bytes) -> None:
    await page.goto(f"{platform.console}/desk/bank-statements?fund_id={fund_id}")
    await assert_accessible(page)
    await page.locator("#file").set_input_files(
        files=[{"name": "mutasi.csv", "mimeType": "text/csv", "buffer": csv}]
    )
    await page.locator("form[enctype] button[type=submit]").click()
    await page.wait_for_url("**/desk/bank-statements/*")
    await assert_accessible(page)


async def test_officer_committee_and_collection(browser: Browser, platform: Platform) -> None:
    fund, application, committee_token = fund_with_application(platform)
    app_id = application["id"]
    officer = platform.person("fund_officer", name="Rina Petugas")
    member = platform.person("fund_committee", name="Agus Komite")

    # --- The officer reviews on the desk (at 360 px) ----------------------------------------
    octx, desk = await new_page(browser, MOBILE)
    await sign_in(desk, platform, officer, f"/desk?fund_id={fund['id']}")
    await assert_accessible(desk)
    refused: list[str] = []
    desk.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    await desk.locator(f"a[href='/desk/applications/{app_id}']").click()
    await desk.wait_for_url(f"**/desk/applications/{app_id}")
    await assert_accessible(desk)
    assert "lolos" in await desk.locator("main").inner_text()  # each rule's outcome
    # The deed is shown in the page, passed on with the officer's token.
    shown = desk.locator("object.doc-pdf[type='application/pdf']")
    assert await shown.count() == 1
    doc = await desk.request.get(platform.console + str(await shown.get_attribute("data")))
    assert doc.status == 200 and doc.headers["content-type"] == "application/pdf"
    assert doc.headers["cache-control"] == "no-store" and (await doc.body()).startswith(b"%PDF")
    page_csp = (await desk.request.get(desk.url)).headers["content-security-policy"]
    assert "object-src 'self'" in page_csp and "unsafe-inline" not in page_csp
    assert refused == [], refused
    await desk.locator("#field-survey_note").fill("Dokumen lengkap; periksa gudang")
    await submit(desk, "field-survey")
    await desk.locator("#risk-review_note").fill("Gudang 200 m2, mesin pengupas baik")
    await submit(desk, "risk-review")
    survey = desk.locator("h2:has-text('Catatan survei lapangan') + .panel")
    assert "Gudang 200 m2, mesin pengupas baik" in await survey.inner_text()
    await desk.locator("#assess_recommendation").select_option("approve")
    await submit(desk, "assess")
    await submit(desk, "committee-referral")
    await assert_accessible(desk)
    # The officer has no committee pages.
    await desk.goto(f"{platform.console}/committee/applications/{app_id}")
    assert "Halaman tidak ditemukan" in await desk.content()

    # --- A second person decides in the committee (desktop) ----------------------------------
    cctx, comm = await new_page(browser, DESKTOP)
    await sign_in(comm, platform, member, "/committee")
    await assert_accessible(comm)
    await comm.locator(f"a[href='/committee/applications/{app_id}']").click()
    await comm.wait_for_url(f"**/committee/applications/{app_id}")
    await assert_accessible(comm)
    await comm.locator("#outcome").check()
    await comm.locator("#reason").fill("Kapasitas bayar cukup, pasar jelas")
    await comm.locator("#conditions").fill(CONDITION)
    await comm.locator("form:has(#reason) button[type=submit]").click()
    await comm.wait_for_load_state()
    assert CONDITION in await comm.locator("main").inner_text()
    await assert_accessible(comm)
    await cctx.close()

    # --- The akad: terms and hash on paper as on the platform --------------------------------
    agreement = platform.call(
        "GET", "financing", f"/v1/applications/{app_id}/agreement", token=committee_token
    ).json()
    digest = agreement["terms_hash"]
    await desk.goto(f"{platform.console}/desk/applications/{app_id}")
    await assert_accessible(desk)
    assert digest in await desk.locator("main").inner_text()
    pdf = await desk.request.get(f"{platform.console}/desk/applications/{app_id}/akad.pdf")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    text = pdf_text(await pdf.body())
    assert digest in text and "Rp150.000.000,00" in text and "Jaminan fidusia" in text
    assert "Suku bunga: 3,00% per tahun" in text and "12 bulan" in text
    await submit(desk, "sign")
    await desk.locator("a[href^='/desk/loans/']").first.click()
    await desk.wait_for_url("**/desk/loans/*")
    loan_id = desk.url.rsplit("/", 1)[-1]
    await assert_accessible(desk)
    await desk.locator("#disburse_amount").fill("150000000")
    await submit(desk, "disburse")
    await assert_accessible(desk)

    # --- A repayment from the bank's statement, uploaded twice, booked once ------------------
    today = platform.call(
        "GET", "financing", f"/v1/funds/{fund['id']}/business-date", token=committee_token
    ).json()["business_date"]
    csv = f"tanggal;jumlah;referensi;keterangan\n{today};1.000.000,00;BRI-0001;angsuran {loan_id}\n"
    await upload_statement(desk, platform, fund["id"], csv.encode())
    assert "cocok" in await desk.locator("main").inner_text()
    await desk.locator("form[action$='/commit'] button").click()
    await desk.wait_for_load_state()
    assert "dibukukan" in await desk.locator("main").inner_text()
    await upload_statement(desk, platform, fund["id"], csv.encode())
    assert "sudah dibukukan" in await desk.locator("main").inner_text()
    await desk.locator("form[action$='/commit'] button").click()
    await desk.wait_for_load_state()
    statement = platform.call(
        "GET", "financing", f"/v1/loans/{loan_id}/statement", token=committee_token
    ).json()
    kinds = [r["transaction"]["kind"] for r in statement["rows"]]
    assert kinds.count("repayment") == 1, kinds

    # --- End of day 45 days on: the loan falls behind and is on the collection list ----------
    through = date.fromisoformat(today) + timedelta(days=45)
    await desk.goto(f"{platform.console}/desk?fund_id={fund['id']}")
    await desk.locator("#through").fill(through.isoformat())
    await desk.locator("form[action='/desk/end-of-day'] button").click()
    await desk.wait_for_load_state()
    notice = await desk.locator(".notice").inner_text()
    assert "Tutup hari menutup" in notice and loan_id[:8] in notice
    await assert_accessible(desk)
    await desk.goto(f"{platform.console}/desk/collection?fund_id={fund['id']}")
    await assert_accessible(desk)
    row = desk.locator(f"tr:has(a[href='/desk/loans/{loan_id}'])").first
    assert "2 dalam perhatian khusus" in await row.inner_text()

    await servicing(browser, platform, desk, fund, loan_id, member, committee_token)

    # --- The fund dashboard: charts with their tables -----------------------------------------
    await desk.goto(f"{platform.console}/funds?fund_id={fund['id']}")
    await assert_accessible(desk)
    assert await desk.locator("svg.chart[role=img]").count() == 4
    csv_resp = await desk.request.get(f"{platform.console}/funds/{fund['id']}/npl-trend.csv")
    assert csv_resp.status == 200 and (await csv_resp.text()).startswith("month,as_of")
    await octx.close()
