"""The header on a phone and at a desk: at 360 px the navigation folds into a "Menu" disclosure
(<details>, no script: these pages run with JavaScript off) so the header stays short; it opens
by keyboard, its links work and mark the current page; at desktop width the full navigation shows
without opening anything. Axe-clean both ways."""

from __future__ import annotations

import pytest
from playwright.async_api import Browser, Page

from .conftest import DESKTOP, MOBILE, assert_accessible, new_page, sign_in
from .platform import Platform

pytestmark = pytest.mark.e2e

# Brand, the menu button and the person's name on a second line: about 90 px. The full
# navigation wrapped to four lines was about 150 px on its own.
PHONE_HEADER_MAX_PX = 110


async def header_height(page: Page) -> float:
    box = await page.locator("header.site-header").bounding_box()
    assert box is not None
    return float(box["height"])


async def test_phone_menu_without_javascript(browser: Browser, platform: Platform) -> None:
    admin = platform.person("admin", name="Rina Wulandari")  # the longest navigation
    context, page = await new_page(browser, MOBILE, javascript=False)
    # axe needs JavaScript: the same session looks at the same pages in a second browser.
    axe_context, axe_page = await new_page(browser, MOBILE)
    try:
        await sign_in(page, platform, admin)
        await page.get_by_role("heading", name="Selamat datang, Rina Wulandari").wait_for()
        assert await header_height(page) <= PHONE_HEADER_MAX_PX
        menu = page.locator("details.nav-menu")
        links = menu.get_by_role("link")
        assert await page.locator("nav.site-nav").is_hidden()
        assert await links.first.is_hidden()
        await page.screenshot(path="/tmp/phone-nav-closed.png")

        # By keyboard: skip link, brand, then the menu; Enter opens it.
        for _ in range(3):
            await page.keyboard.press("Tab")
        focused = page.locator(":focus")
        assert await focused.evaluate_all("els => els.map(e => e.tagName)") == ["SUMMARY"]
        assert (await focused.inner_text()).strip() == "Menu"
        await page.keyboard.press("Enter")
        assert await menu.get_attribute("open") is not None
        menu_nav = page.get_by_role("navigation", name="Menu utama")
        assert await menu_nav.count() == 1  # the desktop list is hidden from everyone
        names = [n.strip() for n in await links.all_inner_texts()]
        assert names[0] == "Beranda" and "Jejak audit" in names, names
        assert await menu_nav.locator("[aria-current=page]").all_inner_texts() == ["Beranda"]
        assert await header_height(page) <= PHONE_HEADER_MAX_PX  # it drops over the page
        await page.screenshot(path="/tmp/phone-nav-open.png")

        # A link in it works, and the page it opens is the one marked.
        await menu.get_by_role("link", name="Jejak audit").click()
        await page.wait_for_url(platform.console + "/admin/audit**")
        assert await menu.get_attribute("open") is None  # a new page: the menu is closed
        current = page.locator("details.nav-menu [aria-current=page]")
        assert await current.all_text_contents() == ["Jejak audit"]  # (closed: hidden)
        assert await header_height(page) <= PHONE_HEADER_MAX_PX

        # axe, with the menu closed and open.
        await axe_context.add_cookies(await context.cookies())
        await axe_page.goto(platform.console + "/admin/audit")
        await assert_accessible(axe_page)
        await axe_page.locator("details.nav-menu summary").click()
        await axe_page.get_by_role("link", name="Jejak audit").wait_for()
        await assert_accessible(axe_page)
    finally:
        await context.close()
        await axe_context.close()


async def test_desktop_shows_the_whole_navigation(browser: Browser, platform: Platform) -> None:
    officer = platform.person("fund_officer", name="Agus Salim")
    context, page = await new_page(browser, DESKTOP)
    try:
        await sign_in(page, platform, officer, "/desk/collection")
        nav = page.get_by_role("navigation", name="Menu utama")
        assert await nav.count() == 1
        assert await page.locator("summary").filter(has_text="Menu").is_hidden()
        for name in ("Beranda", "Meja kerja", "Penagihan", "Dana", "Notifikasi"):
            assert await nav.get_by_role("link", name=name, exact=True).is_visible(), name
        # /desk/collection is under /desk: only the closer link is the current page.
        assert await nav.locator("[aria-current=page]").all_inner_texts() == ["Penagihan"]
        await assert_accessible(page)
        await page.screenshot(path="/tmp/desktop-nav.png")
        await nav.get_by_role("link", name="Dana", exact=True).click()
        await page.wait_for_url(platform.console + "/funds**")
        assert await nav.locator("[aria-current=page]").all_inner_texts() == ["Dana"]
    finally:
        await context.close()
