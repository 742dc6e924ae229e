"""A cooperative's manager keeps its registry record at 360 px: reports last year's RAT (a second
report for that year is refused with a sentence, nothing doubled), saves its member groups (a
set whose shares do not add up to 100 is refused next to the field), adds a product for export,
then removes it. axe-core on every page."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.async_api import Page

from .conftest import assert_accessible, sign_in
from .platform import Platform

pytestmark = pytest.mark.e2e
GROUPS = 6


async def save(page: Page) -> None:
    await page.locator("main form button[type=submit]").first.click()
    await page.wait_for_load_state()


async def test_rat_member_groups_and_products(page: Page, platform: Platform) -> None:
    coop = platform.cooperative(rats=False)
    manager = platform.person("cooperative", coop["id"], name="Siti Rahma")
    year = date.today().year - 1
    await sign_in(page, platform, manager, "/profile")
    await assert_accessible(page)

    # --- The RAT of last year, reported once ----------------------------------------------
    await page.locator("a[href='/profile/rats/new']").click()
    await assert_accessible(page)
    for name, value in {
        "year": str(year),
        "held_on": min(date(year + 1, 3, 15), date.today()).isoformat(),  # never future
        "attendance": "120",
        "net_surplus": "15.000.000",
    }.items():
        await page.locator(f"#{name}").fill(value)
    await save(page)
    await page.wait_for_url("**/profile?saved=1*")
    rats = await page.locator("#rats ~ .table-wrap").first.inner_text()
    assert str(year) in rats and "Rp15.000.000,00" in rats
    await assert_accessible(page)
    await page.goto(platform.console + "/profile/rats/new")
    await page.locator("#year").fill(str(year))
    await page.locator("#held_on").fill(min(date(year + 1, 4, 1), date.today()).isoformat())
    await page.locator("#attendance").fill("90")
    await page.locator("#net_surplus").fill("1")
    await save(page)
    assert "sudah tercatat" in await page.locator("#year-error").inner_text()
    await assert_accessible(page)
    recorded = platform.call("GET", "registry", f"/v1/cooperatives/{coop['id']}/rats").json()
    assert [r["year"] for r in recorded["items"]] == [year]

    # --- Member groups: refused when the shares miss 100, saved when they add up ------------
    await page.goto(platform.console + "/profile/member-groups")
    await assert_accessible(page)
    for i in range(GROUPS):
        for field in ("name", "members", "share"):
            await page.locator(f"#{field}_{i}").fill("")
    rows = [("founder", "Pendiri", "9", "40"), ("user_producer", "Petani kopi", "140", "50")]
    for i, (kind, name, members, share) in enumerate(rows):
        await page.locator(f"#kind_{i}").select_option(kind)
        await page.locator(f"#name_{i}").fill(name)
        await page.locator(f"#members_{i}").fill(members)
        await page.locator(f"#share_{i}").fill(share)
    await save(page)
    assert "berjumlah 100" in await page.locator("main").inner_text()
    await assert_accessible(page)
    await page.locator("#share_1").fill("60")
    await save(page)
    await page.wait_for_url("**/profile?saved=1*")
    assert "Petani kopi (Pengguna dan produsen)" in await page.locator("main").inner_text()

    # --- A product for export, added and removed ------------------------------------------
    await page.locator("a[href='/profile/products/new']").click()
    await assert_accessible(page)
    await page.locator("#name").fill("Kopi sangrai Gayo")
    await page.locator("#hs_code").fill("090121")
    await page.locator("#processed").check()
    await page.locator("#export_market").check()
    await save(page)
    await page.wait_for_url("**/profile?saved=1*")
    await page.get_by_role("link", name="Kopi sangrai Gayo").click()
    await assert_accessible(page)
    assert await page.locator("#export_market").is_checked()
    await page.locator("form:has(input[value=remove]) button").click()
    await page.wait_for_url("**/profile?saved=1*")
    assert "Kopi sangrai Gayo" not in await page.locator("main").inner_text()
