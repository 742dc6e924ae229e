"""Documents the fund asked for, in a real browser: an officer asks for a document on the desk
(a due date in the past is refused next to its field), the cooperative's manager finds it on
the home page at 360 px, sends the file there, and the request is fulfilled (gone from home,
received on the desk); another cooperative's manager sees nothing of it. axe-core on each page;
the home page with a request stays under 100 KB."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.async_api import Browser

from .conftest import DESKTOP, MOBILE, assert_accessible, first_load, new_page, sign_in
from .desk_steps import fund_with_application
from .platform import Platform

pytestmark = pytest.mark.e2e
NOTE = "Rekening koran Juni-November 2026, semua halaman"
PDF = b"%PDF-1.4\n% rekening koran koperasi\n%%EOF\n"


async def test_officer_asks_cooperative_sends(browser: Browser, platform: Platform) -> None:
    _fund, application, committee_token = fund_with_application(platform)
    app_id, coop_id = application["id"], application["cooperative_id"]
    officer = platform.person("fund_officer", name="Rina Petugas")

    # --- The officer asks on the desk -----------------------------------------------------
    octx, desk = await new_page(browser, DESKTOP)
    await sign_in(desk, platform, officer, f"/desk/applications/{app_id}")
    await assert_accessible(desk)
    await desk.locator("#request_kind").select_option("bank_statement")
    await desk.locator("#request_note").fill(NOTE)
    await desk.locator("#request_due").fill((date.today() - timedelta(days=1)).isoformat())
    await desk.locator("form:has(input[value=request]) button[type=submit]").click()
    await desk.wait_for_load_state()
    assert "tidak boleh di masa lalu" in await desk.locator("#request_due-error").inner_text()
    await assert_accessible(desk)
    due = date.today() + timedelta(days=7)
    await desk.locator("#request_due").fill(due.isoformat())
    await desk.locator("form:has(input[value=request]) button[type=submit]").click()
    await desk.wait_for_url(f"**/desk/applications/{app_id}")
    asked = await desk.locator("main").inner_text()
    assert NOTE in asked and "menunggu" in asked
    await assert_accessible(desk)

    # --- The cooperative's manager sees it at home, on a phone, and sends it there ---------
    manager = platform.person("cooperative", coop_id, name="Siti Rahma")
    cctx, home = await new_page(browser, MOBILE)
    await sign_in(home, platform, manager)
    main = await home.locator("main").inner_text()
    assert "Dokumen yang diminta" in main and NOTE in main and "Rekening koran" in main
    await assert_accessible(home)
    transferred, _ = await first_load(home, platform.console + "/")
    assert transferred < 100_000, transferred
    requests = platform.call(
        "GET", "financing", f"/v1/applications/{app_id}/document-requests", token=committee_token
    ).json()["items"]
    request_id = requests[0]["id"]
    # The form names no kind: the console reads it from the request.
    assert await home.locator(f"#request-{request_id} [name=kind]").count() == 0
    await home.locator(f"#file-{request_id}").set_input_files(
        files=[{"name": "rekening.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    await home.locator(f"#request-{request_id} button[type=submit]").click()
    await home.wait_for_url(platform.console + "/?sent=*")
    main = await home.locator("main").inner_text()
    assert "dokumen sudah dikirim" in main and NOTE not in main
    await assert_accessible(home)

    fulfilled = platform.call(
        "GET", "financing", f"/v1/applications/{app_id}/document-requests", token=committee_token
    ).json()["items"][0]
    assert fulfilled["status"] == "fulfilled" and fulfilled["fulfilled_by_document_id"]
    await home.goto(f"{platform.console}/financing/applications/{app_id}")
    page_text = await home.locator("main").inner_text()
    assert "Rekening koran: rekening.pdf" in page_text
    assert "Dokumen yang diminta" not in page_text
    await assert_accessible(home)
    await desk.reload()
    assert "diterima" in await desk.locator("main").inner_text()
    await octx.close()
    await cctx.close()

    # --- Another cooperative's manager: nothing of it --------------------------------------
    other = platform.cooperative()
    stranger = platform.person("cooperative", other["id"], name="Joko Lain")
    sctx, theirs = await new_page(browser, MOBILE)
    await sign_in(theirs, platform, stranger)
    assert NOTE not in await theirs.locator("main").inner_text()
    resp = await theirs.goto(f"{platform.console}/financing/applications/{app_id}")
    assert resp is not None and resp.status == 404
    assert NOTE not in await theirs.content()
    await sctx.close()
