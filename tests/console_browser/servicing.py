"""The servicing half of the staff story, in a real browser, on a loan in arrears: the officer
records a promise to pay (it shows on the collection page), a repayment and its reversal with a
reason; a committee member proposes a write-off from the loan page, finds it in the committee
queue with no decision form for himself (four eyes by person), and a SECOND member declines it;
the officer then pays the loan off with the quote's amount. axe-core on every page."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from playwright.async_api import Browser, Page

from .conftest import DESKTOP, assert_accessible, new_page, sign_in
from .platform import Person, Platform


async def submit(page: Page, action: str) -> None:
    """Send the form of ``action`` and wait for the page it answers with (a click returns
    before the navigation it starts)."""
    async with page.expect_navigation():
        await page.locator(
            f"form:has(input[name=action][value='{action}']) button[type=submit]"
        ).click()


async def servicing(
    browser: Browser,
    platform: Platform,
    desk: Page,
    fund: dict[str, Any],
    loan_id: str,
    member: Person,
    token: str,
) -> None:
    def api(path: str) -> Any:
        resp = platform.call("GET", "financing", path, token=token)
        assert resp.status_code == 200, resp.text
        return resp.json()

    today = date.fromisoformat(api(f"/v1/funds/{fund['id']}/business-date")["business_date"])

    # --- The officer: a promise to pay, a repayment and its reversal (at 360 px) -------------
    await desk.goto(f"{platform.console}/desk/loans/{loan_id}")
    await assert_accessible(desk)
    await desk.locator("#promise_promised_on").fill((today + timedelta(days=7)).isoformat())
    await desk.locator("#promise_amount").fill("2000000")
    await desk.locator("#promise_note").fill("Ketua berjanji setelah panen")
    await submit(desk, "promise")
    [promise] = api(f"/v1/funds/{fund['id']}/promises-to-pay?loan_id={loan_id}")["items"]
    assert (promise["amount"], promise["status"]) == ("2000000.00", "open")
    await desk.goto(f"{platform.console}/desk/collection?fund_id={fund['id']}")
    promises = desk.get_by_role("region", name="Janji bayar")
    assert "Rp2.000.000,00" in await promises.inner_text()
    await assert_accessible(desk)

    await desk.goto(f"{platform.console}/desk/loans/{loan_id}")
    await desk.locator("#repay_amount").fill("500000")
    await desk.locator("#repay_reference").fill("BRI-0002")
    await submit(desk, "repay")
    option = desk.locator("#reverse_transaction_id option", has_text="BRI-0002")
    await desk.locator("#reverse_transaction_id").select_option(await option.get_attribute("value"))
    await desk.locator("#reverse_reason").fill("Transfer dikembalikan bank")
    await submit(desk, "reverse")
    await assert_accessible(desk)
    rows = api(f"/v1/loans/{loan_id}/statement")["rows"]
    [bounced] = [
        r["transaction"] for r in rows if r["transaction"]["external_reference"] == "BRI-0002"
    ]
    assert bounced["reversed"], bounced
    assert "BRI-0002" in await desk.locator("tr", has_text="dibatalkan").inner_text()

    # --- A committee member proposes a write-off; he cannot decide it -------------------------
    mctx, proposer = await new_page(browser, DESKTOP)
    await sign_in(proposer, platform, member, f"/desk/loans/{loan_id}")
    await proposer.locator("#write-off_reason").fill("Koperasi dibubarkan rapat anggota")
    await submit(proposer, "write-off")
    await proposer.goto(f"{platform.console}/committee")
    await assert_accessible(proposer)
    queued = proposer.get_by_role("region", name="Hapus buku yang menunggu keputusan")
    link = queued.locator(f"a[href^='/committee/loans/{loan_id}/write-offs/']")
    href = str(await link.get_attribute("href"))
    await link.click()
    await proposer.wait_for_url(f"**{href}")
    await assert_accessible(proposer)
    text = await proposer.locator("main").inner_text()
    assert "Anda yang mengusulkan ini" in text and "Koperasi dibubarkan" in text
    assert await proposer.locator("#note").count() == 0  # no decision form for the maker
    await mctx.close()

    # --- A second member declines it, with a note ---------------------------------------------
    second = platform.person("fund_committee", name="Budi Komite")
    sctx, checker = await new_page(browser, DESKTOP)
    await sign_in(checker, platform, second, "/committee")
    await checker.locator(f"a[href='{href}']").click()
    await checker.wait_for_url(f"**{href}")
    await assert_accessible(checker)
    await checker.locator("#outcome-decline").check()
    await checker.locator("#note").fill("Tagih dulu lewat penjamin")
    async with checker.expect_navigation():
        await checker.locator("form:has(#note) button[type=submit]").click()
    decided = await checker.locator("main").inner_text()
    assert "ditolak" in decided and "Tagih dulu lewat penjamin" in decided, decided
    await assert_accessible(checker)
    await sctx.close()
    [write_off] = api(f"/v1/loans/{loan_id}/write-offs")["items"]
    assert (
        write_off["status"] == "declined" and write_off["requested_by"] != write_off["decided_by"]
    )
    assert api(f"/v1/funds/{fund['id']}/write-offs")["items"] == []

    # --- The officer pays it off with the quote ------------------------------------------------
    quote = api(f"/v1/loans/{loan_id}/payoff-quote")
    await desk.goto(f"{platform.console}/desk/loans/{loan_id}")
    await desk.locator("#payoff_amount").fill(quote["total"])
    await desk.locator("#payoff_reference").fill("BRI-LUNAS")
    await submit(desk, "payoff")
    await assert_accessible(desk)
    assert api(f"/v1/loans/{loan_id}/position")["status"] == "closed_obligations_met"
