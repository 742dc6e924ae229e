"""Fixtures shared by every browser test file: ONE platform per pytest session (the services and
the console as processes), one chromium, a page per viewport (MOBILE 360 px, DESKTOP), and
``sign_in``, ``nav_link``, ``sign_out``, ``assert_accessible``.

Playwright drives Debian's chromium (``/usr/bin/chromium``); it never downloads a browser.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pyotp
import pytest
from axe_playwright_python.async_playwright import Axe
from playwright.async_api import Browser, BrowserContext, Locator, Page, async_playwright

from .platform import Person, Platform, running_platform

pytestmark = pytest.mark.e2e

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
MOBILE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = {"mobile": MOBILE, "desktop": DESKTOP}


@pytest.fixture(scope="session")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    """One platform for the whole session. While writing pages, keep one running instead
    (``uv run python -m tests.console_browser.platform DIR``) and point the tests at it with
    ``KOPMOD_CONSOLE_BROWSER_PLATFORM=DIR``: each run then starts in seconds."""
    reuse = os.environ.get("KOPMOD_CONSOLE_BROWSER_PLATFORM")
    if reuse:
        yield Platform.load(Path(reuse))
        return
    with running_platform(tmp_path_factory.mktemp("kopmod-console-browser")) as running:
        yield running


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as pw:
        chromium = await pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            await chromium.close()


async def new_page(
    browser: Browser, viewport: dict[str, int], *, javascript: bool = True
) -> tuple[BrowserContext, Page]:
    context = await browser.new_context(viewport=viewport, java_script_enabled=javascript)  # type: ignore[arg-type]
    return context, await context.new_page()


@pytest.fixture(params=list(VIEWPORTS))
async def page(request: pytest.FixtureRequest, browser: Browser) -> AsyncIterator[Page]:
    """A fresh browser (no cookies) at 360 px, then at desktop width."""
    context, page = await new_page(browser, VIEWPORTS[request.param])
    try:
        yield page
    finally:
        await context.close()


def _totp(person: Person) -> str:
    """A code for a time step not used yet by this person (each is accepted once)."""
    assert person.totp_secret
    while True:
        current = int(time.time()) // 30
        step = max(current, person.last_step + 1)
        if step <= current + 1:
            person.last_step = step
            return pyotp.TOTP(person.totp_secret).at(step * 30)
        time.sleep(1)


async def sign_in(page: Page, platform: Platform, person: Person, path: str = "/") -> None:
    """Sign in through the provider's pages as a person would, and land on ``path``."""
    await page.goto(platform.console + path)
    await page.locator("#email").fill(person.email)
    await page.locator("#password").fill(person.password)
    await page.locator("button[type=submit]").click()
    await page.wait_for_load_state()
    key = page.locator("#totp-key")
    if await key.count():
        # First sign-in of staff: the provider shows the TOTP secret to enrol.
        person.totp_secret = (await key.inner_text()).strip()
        await page.locator("#code").fill(_totp(person))
        await page.locator("button[type=submit]").click()
        await page.locator("#recovery-codes").wait_for()
        await page.locator("button[type=submit]").click()
    elif await page.locator("#code").count():
        await page.locator("#code").fill(_totp(person))
        await page.locator("button[type=submit]").click()
    await page.wait_for_url(platform.console + "/**")


async def nav_link(page: Page, name: str) -> Locator:
    """The main navigation's link ``name``, as a person reaches it: at 360 px the navigation is
    a "Menu" disclosure, opened first; at desktop width it is always there."""
    menu = page.locator("details.nav-menu")
    if await menu.is_visible() and await menu.get_attribute("open") is None:
        await menu.locator("summary").click()
    nav = page.get_by_role("navigation", name=re.compile(r"^(Menu utama|Main menu)$"))
    return nav.get_by_role("link", name=name, exact=True)


async def sign_out(page: Page, platform: Platform) -> None:
    await page.locator("form[action='/sign-out'] button").click()
    await page.wait_for_url(platform.console + "/signed-out**")


def serious(results: Any) -> list[str]:
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: {v['nodes'][0].get('html', '')[:200]})"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


async def assert_accessible(page: Page) -> None:
    """axe-core finds no serious or critical violation, and nothing scrolls sideways (measured
    once the page and its stylesheet have loaded: a click that navigates returns before)."""
    await page.wait_for_load_state("load")
    assert serious(await Axe().run(page)) == [], page.url
    viewport = page.viewport_size
    assert viewport is not None
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"{page.url} is {width} px wide"


async def first_load(page: Page, url: str) -> tuple[int, set[str]]:
    """Bytes transferred (as the network saw them, headers included) and the hosts asked, to
    load ``url`` with an empty cache."""
    cdp = await page.context.new_cdp_session(page)
    await cdp.send("Network.enable")
    await cdp.send("Network.clearBrowserCache")
    sizes: dict[str, int] = {}
    hosts: set[str] = set()
    cdp.on(
        "Network.loadingFinished", lambda e: sizes.update({e["requestId"]: e["encodedDataLength"]})
    )
    page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
    await page.goto(url)
    await page.wait_for_load_state("networkidle")
    await cdp.detach()
    return sum(sizes.values()), hosts
