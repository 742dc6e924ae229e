"""Steps the market's browser tests share, each as a person does it on the console's pages:
offer supply, post demand, run matching; and ``check`` (axe-core at 360 px and at desktop
width). Each test file uses its own commodity, so matching in one never picks another's offers
(the platform is shared by the whole session)."""

from __future__ import annotations

from datetime import date, timedelta

from playwright.async_api import Page

from .conftest import DESKTOP, MOBILE, assert_accessible


async def check(page: Page) -> None:
    """The page as it is, at 360 px and at desktop width (then back to the page's own)."""
    own = page.viewport_size
    for size in (MOBILE, DESKTOP):
        await page.set_viewport_size(size)  # type: ignore[arg-type]
        await assert_accessible(page)
    assert own is not None
    await page.set_viewport_size(own)


def day(offset: int) -> str:
    return (date.today() + timedelta(days=offset)).isoformat()


async def main_text(page: Page) -> str:
    return await page.locator("main").inner_text()


async def offer_supply(
    page: Page,
    commodity: str,
    *,
    quantity: str,
    price: str,
    grade: str | None = None,
) -> None:
    """On ``/market/offers/new``: offer ``quantity`` tonnes for 90 days; lands on its edit page."""
    await page.locator("#commodity_code").select_option(commodity)
    if grade:
        await page.locator("#grade").select_option(grade)
    await page.locator("#quantity").fill(quantity)
    await page.locator("#window_start").fill(day(0))
    await page.locator("#window_end").fill(day(90))
    await page.locator("#asking_price").fill(price)
    await page.get_by_role("button", name="Tawarkan pasokan").click()
    await page.wait_for_load_state()
    assert page.url.endswith("/edit"), await main_text(page)


async def post_demand(
    page: Page, commodity: str, *, quantity: str, min_grade: str | None = None
) -> str:
    """On ``/demand/new``: demand ``quantity`` tonnes delivered to Bandung within 10 to 60
    days, 35,000 to 60,000 rupiah per kg; answers the demand's URL."""
    await page.locator("#commodity_code").select_option(commodity)
    if min_grade:
        await page.locator("#min_grade").select_option(min_grade)
    await page.locator("#quantity").fill(quantity)
    await page.locator("#min_lot").fill("1")
    await page.locator("#window_start").fill(day(10))
    await page.locator("#window_end").fill(day(60))
    await page.locator("#place_name").fill("Gudang Bandung")
    await page.locator("#latitude").fill("-6.91")
    await page.locator("#longitude").fill("107.61")
    await page.locator("#price_floor").fill("35000")
    await page.locator("#price_ceiling").fill("60000")
    await page.get_by_role("button", name="Pasang permintaan").click()
    await page.wait_for_load_state()
    assert not page.url.endswith("/demand/new"), await main_text(page)
    return page.url


async def run_matching(page: Page) -> str:
    """On a demand's page: run matching and send the proposal; answers the one proposal's path."""
    url = page.url
    await page.get_by_role("button", name="Jalankan pencocokan dan kirim penawaran").click()
    await page.wait_for_url(url)
    link = page.locator("main a[href^='/market/proposals/']")
    assert await link.count() == 1, await main_text(page)
    path = await link.get_attribute("href")
    assert path
    return path
