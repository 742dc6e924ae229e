"""The sign-in page in a real browser (Debian's chromium through Playwright) at 360 px:
axe-core finds no serious or critical violation, before and after a refused sign-in; the form
works with JavaScript off; the page loads nothing from another origin."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlencode

import pytest
from axe_playwright_python.async_playwright import Axe
from playwright.async_api import async_playwright

from ..people.support import authorize_params, pkce

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[4] / ".kopmod" / "screenshots"


def serious(results) -> list[str]:
    return [
        f"{v['id']}: {v['help']}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_sign_in_page_is_accessible_and_works_without_javascript(live, console, lang):
    _, challenge = pkce()
    params = authorize_params(console["client_id"], challenge, ui_locales=lang)
    url = f"{live.url}/oauth/authorize?{urlencode(params)}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            # JavaScript off: the form posts and the error summary comes back.
            context = await browser.new_context(
                viewport={"width": 360, "height": 740}, java_script_enabled=False
            )
            page = await context.new_page()
            origins: set[str] = set()
            page.on("request", lambda r: origins.add(r.url.split("/")[2]))
            await page.goto(url)
            assert await page.get_attribute("html", "lang") == lang
            await page.get_by_label("Email" if lang == "en" else "Alamat email").fill(
                "nobody@kopigayo.co.id"
            )
            await page.get_by_label("Password" if lang == "en" else "Kata sandi").fill("wrong")
            await page.get_by_role("button").click()
            summary = page.locator(".error-summary")
            await summary.wait_for()
            text = await summary.inner_text()
            assert ("There is a problem" if lang == "en" else "Ada masalah") in text
            assert origins == {live.url.split("/")[2]}
            await context.close()

            # axe-core on the fresh page and on the page with errors, at 360 px.
            context = await browser.new_context(viewport={"width": 360, "height": 740})
            page = await context.new_page()
            await page.goto(url)
            axe = Axe()
            assert serious(await axe.run(page)) == []
            await page.get_by_role("button").click()
            await page.locator(".error-summary").wait_for()
            assert serious(await axe.run(page)) == []
            # No horizontal scrolling at 360 px.
            width = await page.evaluate("document.documentElement.scrollWidth")
            assert width <= 360
            await page.screenshot(path=str(SCREENSHOTS / f"signin-{lang}.png"), full_page=True)
            await context.close()
        finally:
            await browser.close()
