"""The cooperative's financing story in a real browser: sign in, look at a product and its
schedule, apply step by step with a document, save and come back, submit, see each eligibility
rule, (staff review, approve, sign and disburse through the API), then see the loan with its
schedule and download it. At 360 px with JavaScript on and axe on every page, and at desktop
width with JavaScript off. Also: another cooperative's URLs are a 404 page that says nothing of
them, and a stale form sent again changes nothing."""

from __future__ import annotations

import re
import time
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, Page

from .conftest import DESKTOP, MOBILE, assert_accessible, nav_link, new_page, sign_in
from .platform import Platform

pytestmark = pytest.mark.e2e

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PURPOSE = "Modal kerja untuk membeli ceri kopi anggota"


async def check(page: Page, javascript: bool) -> None:
    """axe on the page when scripts run (axe is a script); the layout fits either way."""
    if javascript:
        await assert_accessible(page)


async def wait_for_text(page: Page, text: str, timeout: float = 90) -> None:
    """Reload until ``text`` shows (the eligibility check runs after the submission)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in await page.locator("main").inner_text():
            return
        await page.wait_for_timeout(1000)
        await page.reload()
    raise AssertionError(f"{text!r} never showed on {page.url}")


def staff_approves(platform: Platform, fund: dict[str, Any], app_id: str) -> None:
    """Review and approval by another person: the fund's side, through the API."""
    officer, committee = fund["officer"], fund["committee_2"]
    url = f"/v1/applications/{app_id}"
    for step in ("field-survey", "risk-review"):
        r = platform.call("POST", "financing", f"{url}/{step}", officer, json={"note": step})
        assert r.status_code == 200, r.text
    r = platform.call(
        "POST", "financing", f"{url}/assessments", officer, json={"recommendation": "approve"}
    )
    assert r.status_code == 201, r.text
    r = platform.call("POST", "financing", f"{url}/committee-referral", officer, json={})
    assert r.status_code == 200, r.text
    r = platform.call("POST", "financing", f"{url}/approve", committee, json={"reason": "sehat"})
    assert r.status_code == 200 and r.json()["status"] == "approved", r.text


def staff_countersigns_and_disburses(
    platform: Platform, fund: dict[str, Any], app_id: str, loan_id: str
) -> None:
    officer = fund["officer"]
    agreement = platform.call("GET", "financing", f"/v1/applications/{app_id}/agreement", officer)
    assert agreement.status_code == 200, agreement.text
    assert [s["party"] for s in agreement.json()["signatures"]] == ["cooperative"]
    r = platform.call(
        "POST",
        "financing",
        f"/v1/applications/{app_id}/agreement/signatures",
        officer,
        json={"terms_hash": agreement.json()["terms_hash"]},
    )
    assert r.status_code == 201, r.text
    r = platform.call(
        "POST",
        "financing",
        f"/v1/loans/{loan_id}/disbursements",
        officer,
        json={"amount": "150000000.00", "reference": "SP2D-1"},
    )
    assert r.status_code == 201, r.text


@pytest.mark.parametrize(("viewport", "javascript"), [(MOBILE, True), (DESKTOP, False)])
async def test_cooperative_applies_and_sees_its_loan(
    browser: Browser, platform: Platform, viewport: dict[str, int], javascript: bool
) -> None:
    fund = platform.fund_with_product()
    product = fund["product"]
    coop = platform.cooperative()
    manager = platform.person("cooperative", coop["id"], name="Siti Rahma")
    context, page = await new_page(browser, viewport, javascript=javascript)
    try:
        await sign_in(page, platform, manager)
        await check(page, javascript)

        # Financing: the products open to us, one with its schedule calculator.
        await (await nav_link(page, "Pembiayaan")).click()
        await page.get_by_role("heading", name="Produk yang terbuka untuk Anda").wait_for()
        await check(page, javascript)
        await page.get_by_role("link", name=product["name"], exact=True).click()
        await page.get_by_label("Jumlah", exact=True).fill("150000000")
        await page.get_by_label("Jumlah angsuran").fill("12")
        await page.get_by_role("button", name="Hitung").click()
        await page.get_by_text("Total yang harus dibayar").wait_for()
        assert await page.locator("table tbody tr").count() == 12
        await check(page, javascript)

        # Step 1: an empty form shows the error summary linking to the fields.
        await page.get_by_role("link", name="Ajukan produk ini").click()
        await page.get_by_role("button", name="Simpan dan lanjutkan", exact=True).click()
        summary = page.locator(".error-summary")
        await summary.wait_for()
        assert "Masukkan jumlah dalam rupiah" in await summary.inner_text()
        assert await summary.locator("a[href='#amount']").count() == 1
        await check(page, javascript)
        await page.get_by_label("Jumlah", exact=True).fill("150.000.000")
        await page.get_by_label("Jumlah angsuran").fill("12")
        await page.get_by_label("Tujuan").fill(PURPOSE)
        await page.get_by_role("button", name="Simpan dan lanjutkan", exact=True).click()

        # Step 2: the uses must add up; then save and come back later.
        await page.get_by_role("heading", name="Penggunaan dana").wait_for()
        app_id = re.search(r"/applications/([0-9a-f-]+)/uses", page.url)[1]  # type: ignore[index]
        await page.locator("#item_0").fill("Pembelian ceri kopi")
        await page.locator("#amount_0").fill("100000000")
        await page.locator("#item_1").fill("Pengupasan dan pengeringan")
        await page.locator("#amount_1").fill("40000000")
        await page.get_by_role("button", name="Simpan dan lanjutkan", exact=True).click()
        await page.locator(".error-summary").wait_for()
        assert "Rp140.000.000,00" in await page.locator(".error-summary").inner_text()
        await check(page, javascript)
        await page.locator("#amount_1").fill("50000000")
        await page.get_by_role("button", name="Simpan dan lanjutkan nanti").click()
        await page.get_by_text("tersimpan sebagai draf").wait_for()
        await check(page, javascript)

        # Come back: the draft keeps what was saved.
        await page.get_by_role("link", name=PURPOSE).click()
        await page.get_by_role("link", name="Penggunaan dana").click()
        assert await page.locator("#amount_1").input_value() == "50000000.00"
        await page.get_by_role("button", name="Simpan dan lanjutkan", exact=True).click()
        await page.get_by_role("heading", name="Pencairan bertahap").wait_for()
        await check(page, javascript)
        await page.get_by_role("button", name="Simpan dan lanjutkan", exact=True).click()
        await page.get_by_role("heading", name="Kontrak pembelian (offtake)").wait_for()
        await check(page, javascript)
        await page.get_by_role("button", name="Simpan dan lanjutkan", exact=True).click()

        # Documents: one uploaded.
        await page.get_by_role("heading", name="Dokumen", exact=True).wait_for()
        await page.get_by_label("Dokumen apa ini?").select_option("rat_report")
        await page.set_input_files(
            "#file", files=[{"name": "rat-2025.pdf", "mimeType": "application/pdf", "buffer": PDF}]
        )
        await page.get_by_role("button", name="Unggah").click()
        await page.get_by_text("rat-2025.pdf").wait_for()
        await check(page, javascript)
        await page.get_by_role("link", name="Lanjutkan").click()

        # Check and submit; the status shows every eligibility rule once checked.
        await page.get_by_role("heading", name="Periksa dan kirim").wait_for()
        await check(page, javascript)
        await page.get_by_role("button", name="Kirim pengajuan").click()
        await page.wait_for_url(f"**/financing/applications/{app_id}")
        await wait_for_text(page, "penilaian berkas")
        assert "terpenuhi" in await page.locator("table").inner_text()
        await check(page, javascript)

        # The fund reviews and approves (fund staff, through the API).
        staff_approves(platform, fund, app_id)

        # The cooperative signs the akad it reads here (first: the loan is created).
        await page.reload()
        await page.get_by_role("link", name="Baca dan tanda tangani akad").click()
        await page.get_by_role("heading", name="Akad").wait_for()
        await check(page, javascript)
        await page.get_by_role("button", name="Tanda tangani akad").click()
        await page.locator(".error-summary").wait_for()  # not confirmed: nothing signed
        await check(page, javascript)
        await page.get_by_label("Saya sudah membaca akad").check()
        await page.get_by_role("button", name="Tanda tangani akad").click()
        await page.wait_for_url("**/financing/loans/**")
        loan_id = re.search(r"/loans/([0-9a-f-]+)", page.url)[1]  # type: ignore[index]

        # The fund countersigns the same terms and pays out (through the API).
        staff_countersigns_and_disburses(platform, fund, app_id, loan_id)

        # The loan: its schedule, the next installment, the statement, the CSV.
        await page.goto(platform.console + "/financing")
        await page.locator(f"a[href='/financing/loans/{loan_id}']").click()
        await page.get_by_role("heading", name="Angsuran berikutnya").wait_for()
        assert await page.locator("#schedule-title + p + .table-wrap tbody tr").count() == 12
        assert "Rp150.000.000,00" in await page.locator("main").inner_text()
        await check(page, javascript)
        csv = await page.request.get(platform.console + f"/financing/loans/{loan_id}/schedule.csv")
        assert csv.status == 200 and csv.headers["content-type"].startswith("text/csv")
        assert len((await csv.text()).strip().splitlines()) >= 13
        # The statement and the akad as the fund's PDFs, fetched by the console with the
        # person's token: the page links the console, never the service, and holds no token.
        links = page.locator("main a[href$='.pdf']")
        hrefs = [await links.nth(i).get_attribute("href") for i in range(await links.count())]
        assert hrefs == [
            f"/financing/loans/{loan_id}/statement.pdf",
            f"/financing/applications/{app_id}/agreement.pdf",
        ]
        for href in hrefs:
            pdf = await page.request.get(platform.console + str(href))
            assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
            assert (await pdf.body()).startswith(b"%PDF")
            assert pdf.headers["cache-control"] == "no-store"
        assert "eyJ" not in await page.content()  # no JWT anywhere in the page
        await page.get_by_role("button", name="Hitung pelunasan").click()
        await page.get_by_text("Total yang harus dibayar").wait_for()
        await check(page, javascript)
    finally:
        await context.close()


async def test_another_cooperatives_pages_are_a_404_that_says_nothing(
    browser: Browser, platform: Platform
) -> None:
    fund = platform.fund_with_product()
    theirs = platform.cooperative()
    their_token = platform.staff("cooperative", theirs["id"])
    secret_purpose = "Rahasia koperasi lain: pembelian mesin sangrai"
    made = platform.call(
        "POST",
        "financing",
        "/v1/applications",
        their_token,
        json={
            "product_id": fund["product"]["id"],
            "amount": "99000000.00",
            "tenor_periods": 12,
            "purpose": secret_purpose,
            "use_of_funds": [{"item": "mesin", "amount": "99000000.00"}],
        },
    )
    assert made.status_code == 201, made.text
    their_app = made.json()["id"]

    ours = platform.cooperative()
    manager = platform.person("cooperative", ours["id"])
    context, page = await new_page(browser, MOBILE)
    try:
        await sign_in(page, platform, manager)
        for path in (
            f"/financing/applications/{their_app}",
            f"/financing/applications/{their_app}/uses",
            f"/financing/loans/{their_app}",
            f"/financing/loans/{their_app}/schedule.csv",
            f"/financing/loans/{their_app}/statement.pdf",
        ):
            response = await page.goto(platform.console + path)
            assert response is not None and response.status == 404, path
            text = await page.locator("main").inner_text()
            assert "Halaman tidak ditemukan" in text
            assert secret_purpose not in await page.content()
            assert "99.000.000" not in await page.content()
        await assert_accessible(page)
        # A form posted to their draft is refused the same way and changes nothing.
        csrf = await page.evaluate("document.querySelector('input[name=csrf]').value")
        answer = await page.request.post(
            platform.console + f"/financing/applications/{their_app}/terms",
            form={"csrf": csrf, "form_id": "x", "amount": "1", "tenor_periods": "1"},
        )
        assert answer.status == 404
        again = platform.call("GET", "financing", f"/v1/applications/{their_app}", their_token)
        assert again.json()["amount"] == "99000000.00"
    finally:
        await context.close()


async def test_a_stale_form_sent_again_changes_nothing(
    browser: Browser, platform: Platform
) -> None:
    fund = platform.fund_with_product()
    coop = platform.cooperative()
    manager = platform.person("cooperative", coop["id"])
    token = platform.staff("cooperative", coop["id"])
    context, page = await new_page(browser, DESKTOP)
    try:
        await sign_in(page, platform, manager, f"/financing/apply/{fund['product']['id']}")
        await page.get_by_label("Jumlah", exact=True).fill("20000000")
        await page.get_by_label("Jumlah angsuran").fill("6")
        await page.get_by_label("Tujuan").fill("Pupuk untuk anggota")
        form = {
            name: await page.locator(f"main input[name={name}]").input_value()
            for name in ("csrf", "form_id")
        }
        await page.get_by_role("button", name="Simpan dan lanjutkan", exact=True).click()
        await page.get_by_role("heading", name="Penggunaan dana").wait_for()
        first = page.url
        # The same form sent again (a double click, a resubmission after a timeout).
        again = await page.request.post(
            platform.console + f"/financing/apply/{fund['product']['id']}",
            form={
                **form,
                "amount": "20000000",
                "tenor_periods": "6",
                "grace_periods": "0",
                "purpose": "Pupuk untuk anggota",
                "action": "next",
            },
            max_redirects=0,
        )
        assert again.status == 303
        assert again.headers["location"] == first.removeprefix(platform.console)
        listed = platform.call("GET", "financing", "/v1/applications", token).json()["items"]
        assert len(listed) == 1

        # Submitted, then the check-and-submit form sent again: still one submission.
        app_id = listed[0]["id"]
        await page.goto(platform.console + f"/financing/applications/{app_id}/review")
        stale = {
            name: await page.locator(f"main input[name={name}]").input_value()
            for name in ("csrf", "form_id")
        }
        await page.get_by_role("button", name="Kirim pengajuan").click()
        await page.wait_for_url(f"**/financing/applications/{app_id}")
        resent = await page.request.post(
            platform.console + f"/financing/applications/{app_id}/review",
            form={**stale, "action": "submit"},
            max_redirects=0,
        )
        assert resent.status == 303
        history = platform.call("GET", "financing", f"/v1/applications/{app_id}/history", token)
        submits = [h for h in history.json()["items"] if h["action"] == "submit"]
        assert len(submits) == 1
    finally:
        await context.close()


def test_csv_of_another_cooperative_is_refused_without_a_browser(platform: Platform) -> None:
    """Without a session the console answers nothing but the way to sign in."""
    resp = httpx.get(
        platform.console + "/financing/loans/00000000-0000-0000-0000-000000000000/schedule.csv",
        follow_redirects=False,
    )
    assert resp.status_code == 303 and resp.headers["location"].startswith("/sign-in")
